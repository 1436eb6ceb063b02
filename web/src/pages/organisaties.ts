// Organisations: the list (by kind and name) and one organisation's page.
import { html, nothing } from 'lit';
import { apiGet, type InnovatieSamenvatting, type Organisatie, type Page } from '../lib/api';
import { formatNumber } from '../lib/format';
import { entries, label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { renderPage } from '../components/page-shell/page-shell';
import { pagination } from '../components/pagination/pagination';
import { selectField, textField } from '../components/form-field/form-field';
import { phaseBadges } from '../components/status-badge/status-badge';
import { problemPage } from './problem';
import { orgNav } from './funnel';

let all: Organisatie[] | null = null;

// Every organisation, fetched page by page once per visit.
export async function loadOrganisations(): Promise<Organisatie[]> {
  if (all) return all;
  const first = await apiGet<Page<Organisatie>>('/organisaties?paginaGrootte=100&pagina=1');
  if (!first.ok) return [];
  const out = [...first.body._embedded.organisaties];
  const pages = Math.ceil(first.body.totaal / 100);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) => apiGet<Page<Organisatie>>(`/organisaties?paginaGrootte=100&pagina=${i + 2}`)),
  );
  for (const p of rest) if (p.ok) out.push(...p.body._embedded.organisaties);
  all = out;
  return out;
}

export async function loadOrganisationOptions(): Promise<{ waarde: string; label: string }[]> {
  return (await loadOrganisations())
    .map((o) => ({ waarde: o.code, label: `${o.naam} (${o.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

function onFilter(event: Event): void {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(event.target as HTMLFormElement)) if (value) params.set(key, String(value));
  navigate('/organisaties' + (params.toString() ? `?${params}` : ''));
}

export async function organisationsPage(_: Record<string, string>, query: URLSearchParams): Promise<void> {
  const q = new URLSearchParams();
  for (const key of ['soort', 'naam', 'pagina']) if (query.get(key)) q.set(key, query.get(key)!);
  q.set('paginaGrootte', '50');
  const r = await apiGet<Page<Organisatie>>(`/organisaties?${q}`);
  if (!r.ok) return problemPage('Organisaties', r.problem);
  const page = r.body;
  const hrefFor = (p: number) => {
    const h = new URLSearchParams(q);
    h.delete('paginaGrootte');
    h.set('pagina', String(p));
    return `/organisaties?${h}`;
  };
  renderPage(
    'Organisaties',
    html`
      <h1 class="utrecht-heading-1">Organisaties</h1>
      <form class="koers-filters" @submit=${onFilter} aria-label="Organisaties zoeken">
        <div class="koers-filters__fields">
          ${textField({ id: 'naam', label: 'Naam bevat', value: query.get('naam') ?? '' })}
          ${selectField({ id: 'soort', label: 'Soort', value: query.get('soort') ?? '', options: entries('organisatieSoort'), emptyLabel: 'Alle soorten' })}
        </div>
        <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">Zoeken</button></div>
      </form>
      <p class="utrecht-paragraph" role="status">${formatNumber(page.totaal)} organisaties.</p>
      <div class="utrecht-table-container">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption koers-visually-hidden">Organisaties met code en soort</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">Naam</th>
            <th class="utrecht-table__header-cell" scope="col">Code</th>
            <th class="utrecht-table__header-cell" scope="col">Soort</th>
          </tr></thead>
          <tbody class="utrecht-table__body">
            ${page._embedded.organisaties.map((o) => html`<tr class="utrecht-table__row">
              <td class="utrecht-table__cell"><a class="utrecht-link" href="/organisaties/${o.code}">${o.naam}</a></td>
              <td class="utrecht-table__cell">${o.code}</td>
              <td class="utrecht-table__cell">${label('organisatieSoort', o.soort)}</td>
            </tr>`)}
          </tbody>
        </table>
      </div>
      ${pagination(page.pagina, page.totaal, page.paginaGrootte, hrefFor)}
    `,
  );
}

export async function organisationPage(params: Record<string, string>, query: URLSearchParams): Promise<void> {
  const code = params.code;
  const pagina = query.get('pagina') ?? '1';
  const [org, list] = await Promise.all([
    apiGet<Organisatie>(`/organisaties/${encodeURIComponent(code)}`),
    apiGet<Page<InnovatieSamenvatting>>(`/innovaties?organisatie=${encodeURIComponent(code)}&pagina=${encodeURIComponent(pagina)}`),
  ]);
  if (!org.ok) return problemPage('Organisatie', org.problem);
  const o = org.body;
  renderPage(
    o.naam,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/organisaties">Alle organisaties</a></p>
      <h1 class="utrecht-heading-1">${o.naam}</h1>
      ${orgNav(o.code, 'org')}
      <p class="utrecht-paragraph">${label('organisatieSoort', o.soort)} · code ${o.code}</p>
      <h2 class="utrecht-heading-2">Innovaties</h2>
      ${list.ok
        ? html`
            <p class="utrecht-paragraph">${formatNumber(list.body.totaal)} innovaties.</p>
            <ul class="koers-cards" aria-label="Innovaties van ${o.naam}">
              ${list.body._embedded.innovaties.map(
                (i) => html`<li class="koers-card">
                  <h3 class="utrecht-heading-3 koers-card__title"><a class="utrecht-link" href="/innovaties/${i.id}">${i.titel}</a></h3>
                  ${phaseBadges(i.fase, i.status)}
                </li>`,
              )}
            </ul>
            ${pagination(list.body.pagina, list.body.totaal, list.body.paginaGrootte, (p) => `/organisaties/${code}?pagina=${p}`)}`
        : html`<p class="utrecht-paragraph">${list.problem.detail}</p>`}
      ${nothing}
    `,
  );
}
