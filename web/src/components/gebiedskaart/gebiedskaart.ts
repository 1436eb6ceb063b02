// A choropleth of the municipalities: each one coloured by its value, drawn
// as inline SVG from the boundaries of /api/v1/kaart/gemeenten (no tiles).
// Five classes of equal width between the lowest and the highest value;
// suppressed values are hatched, municipalities without a value grey. The
// picture is one image with a text alternative; the legend is text, and the
// page shows the same values in a table that the caption links to.
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Kaart } from '../gemeentekaart/gemeentekaart';
import { formatNumber } from '../../lib/format';

export interface GebiedWaarde {
  code: string;
  waarde: number | null; // null: suppressed or unknown
  onderdrukt: boolean;
}

const CLASSES = 5;

interface Klassen {
  min: number;
  max: number;
  width: number;
}

function classes(values: number[]): Klassen | null {
  if (!values.length) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min, max, width: (max - min) / CLASSES };
}

function classOf(k: Klassen, v: number): number {
  if (k.width === 0) return CLASSES;
  return Math.min(CLASSES, Math.floor((v - k.min) / k.width) + 1);
}

const round = (n: number) => formatNumber(Math.round(n * 100) / 100);

// `id` prefixes the ids inside; `tableId` is the id of the table with the
// same values; `unit` is said after numbers in the legend.
export function choroplethMap(
  kaart: Kaart | null,
  values: GebiedWaarde[],
  o: { id: string; title: string; unit: string; tableId: string },
): TemplateResult | typeof nothing {
  if (!kaart) return nothing;
  const byCode = new Map(values.map((v) => [v.code, v]));
  const known = values.filter((v) => v.waarde !== null).map((v) => v.waarde as number);
  const k = classes(known);
  const fill = (code: string): string => {
    const v = byCode.get(code);
    if (!v) return 'koers-choropleth__leeg';
    if (v.onderdrukt) return 'koers-choropleth__onderdrukt';
    if (v.waarde === null || !k) return 'koers-choropleth__leeg';
    return `koers-choropleth__k${classOf(k, v.waarde)}`;
  };
  const shown = values.filter((v) => v.waarde !== null).length;
  const suppressed = values.filter((v) => v.onderdrukt).length;
  const legend: { cls: string; text: string }[] = [];
  if (k) {
    const n = k.width === 0 ? 1 : CLASSES;
    for (let c = 1; c <= n; c++) {
      const from = k.width === 0 ? k.min : k.min + (c - 1) * k.width;
      const to = k.width === 0 ? k.max : k.min + c * k.width;
      legend.push({ cls: `koers-choropleth__k${k.width === 0 ? CLASSES : c}`, text: k.width === 0 ? `${round(from)} ${o.unit}` : `${round(from)} tot ${c === n ? 'en met ' : ''}${round(to)} ${o.unit}` });
    }
  }
  if (suppressed) legend.push({ cls: 'koers-choropleth__onderdrukt', text: 'onderdrukt (te weinig personen)' });
  legend.push({ cls: 'koers-choropleth__leeg', text: 'geen waarde' });
  return html`<figure class="koers-map koers-choropleth">
    <svg viewBox=${kaart.viewBox} role="img" aria-labelledby="${o.id}-titel ${o.id}-uitleg" focusable="false">
      <title id="${o.id}-titel">${o.title}</title>
      <desc id="${o.id}-uitleg">Kaart van de gemeenten, ingekleurd naar waarde: hoe donkerder, hoe hoger. ${shown} gemeenten met een waarde${k ? `, van ${round(k.min)} tot en met ${round(k.max)} ${o.unit}` : ''}${suppressed ? `, ${suppressed} onderdrukt` : ''}. De tabel geeft dezelfde gegevens.</desc>
      <defs>
        <pattern id="${o.id}-arcering" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff"></rect>
          <line x1="0" y1="0" x2="0" y2="6" stroke="#4b4b4b" stroke-width="2.5"></line>
        </pattern>
      </defs>
      ${kaart.gemeenten.map((g) => {
        const cls = fill(g.code);
        const v = byCode.get(g.code);
        const label = v ? (v.onderdrukt ? 'onderdrukt' : v.waarde !== null ? `${formatNumber(v.waarde)} ${o.unit}` : 'geen waarde') : 'geen waarde';
        return svg`<path d=${g.pad} class=${cls} fill=${cls === 'koers-choropleth__onderdrukt' ? `url(#${o.id}-arcering)` : nothing}><title>${g.naam}: ${label}</title></path>`;
      })}
    </svg>
    <figcaption class="koers-map__caption">
      <strong>${o.title}.</strong> Hoe donkerder, hoe hoger de waarde.
      <ul class="koers-legend">
        ${legend.map((l) => html`<li><svg class="koers-legend__key" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><rect class=${l.cls} width="12" height="12" fill=${l.cls === 'koers-choropleth__onderdrukt' ? `url(#${o.id}-arcering)` : nothing}></rect></svg>${l.text}</li>`)}
      </ul>
      <a class="utrecht-link" href="#${o.tableId}">Naar de tabel<span class="koers-visually-hidden"> bij ${o.title}</span></a>
    </figcaption>
  </figure>`;
}
