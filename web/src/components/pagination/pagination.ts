// Page links for a paged API listing: previous, numbers around the current
// page, next.
import { html, nothing, type TemplateResult } from 'lit';

export function pagination(pagina: number, totaal: number, grootte: number, hrefFor: (p: number) => string): TemplateResult | typeof nothing {
  const last = Math.max(1, Math.ceil(totaal / grootte));
  if (last <= 1) return nothing;
  const pages = new Set<number>([1, last, pagina - 1, pagina, pagina + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const items: TemplateResult[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) items.push(html`<li class="koers-pagination__gap" aria-hidden="true">…</li>`);
    items.push(
      p === pagina
        ? html`<li><a class="koers-pagination__link koers-pagination__link--current" href=${hrefFor(p)} aria-current="page" aria-label="Pagina ${p}, huidige pagina">${p}</a></li>`
        : html`<li><a class="koers-pagination__link" href=${hrefFor(p)} aria-label="Pagina ${p}">${p}</a></li>`,
    );
  });
  return html`
    <nav class="koers-pagination" aria-label="Paginering">
      <ul class="koers-pagination__list">
        ${pagina > 1 ? html`<li><a class="koers-pagination__link" href=${hrefFor(pagina - 1)} rel="prev">Vorige</a></li>` : nothing}
        ${items}
        ${pagina < last ? html`<li><a class="koers-pagination__link" href=${hrefFor(pagina + 1)} rel="next">Volgende</a></li>` : nothing}
      </ul>
    </nav>
  `;
}
