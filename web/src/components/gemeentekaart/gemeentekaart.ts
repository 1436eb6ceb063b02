// A map of the Netherlands with some municipalities marked, drawn as inline
// SVG from /api/v1/kaart/gemeenten (no tile server). The map is a picture
// for sighted users; every page that shows it also lists the same
// municipalities in a table, which the picture's description points to.
import { html, nothing, svg, type TemplateResult } from 'lit';
import { apiGet } from '../../lib/api';

export interface Kaart {
  viewBox: string;
  gemeenten: { code: string; naam: string; pad: string }[];
}

let loading: Promise<Kaart | null> | null = null;

export function loadMap(): Promise<Kaart | null> {
  loading ??= apiGet<Kaart>('/kaart/gemeenten').then((r) => (r.ok ? r.body : null));
  return loading;
}

// `marked` are GM codes; `tableId` is the id of the table with the same data.
export function municipalityMap(kaart: Kaart | null, marked: string[], title: string, tableId: string): TemplateResult | typeof nothing {
  if (!kaart) return nothing;
  const set = new Set(marked);
  const names = kaart.gemeenten.filter((g) => set.has(g.code)).map((g) => g.naam);
  return html`<figure class="koers-map">
    <svg viewBox=${kaart.viewBox} role="img" aria-labelledby="kaart-titel kaart-uitleg" focusable="false">
      <title id="kaart-titel">${title}</title>
      <desc id="kaart-uitleg">${names.length} gemeenten gemarkeerd: ${names.join(', ')}. De tabel hieronder geeft dezelfde gegevens.</desc>
      ${kaart.gemeenten.map((g) => svg`<path d=${g.pad} class=${set.has(g.code) ? 'koers-map__marked' : 'koers-map__other'}><title>${g.naam}</title></path>`)}
    </svg>
    <figcaption class="koers-map__caption">
      <span class="koers-map__key koers-map__key--marked" aria-hidden="true"></span> gebruikt dit (${names.length})
      <span class="koers-map__key" aria-hidden="true"></span> andere gemeenten.
      <a class="utrecht-link" href="#${tableId}">Naar de tabel</a>
    </figcaption>
  </figure>`;
}
