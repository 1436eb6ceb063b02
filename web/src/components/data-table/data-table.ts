// A plain, accessible table: a caption, column headers, and rows whose first
// cell names the row.
import { html, type TemplateResult } from 'lit';

export type Cell = TemplateResult | string | number;

export function dataTable(caption: string, headers: string[], rows: Cell[][], options: { hiddenCaption?: boolean; numeric?: number[] } = {}): TemplateResult {
  const numeric = new Set(options.numeric ?? []);
  return html`<div class="utrecht-table-container">
    <table class="utrecht-table">
      <caption class="utrecht-table__caption ${options.hiddenCaption ? 'koers-visually-hidden' : ''}">${caption}</caption>
      <thead class="utrecht-table__header"><tr class="utrecht-table__row">
        ${headers.map((h, i) => html`<th class="utrecht-table__header-cell ${numeric.has(i) ? 'utrecht-table__header-cell--numeric' : ''}" scope="col">${h}</th>`)}
      </tr></thead>
      <tbody class="utrecht-table__body">
        ${rows.map((r) => html`<tr class="utrecht-table__row">
          ${r.map((c, i) => (i === 0
            ? html`<th class="utrecht-table__header-cell" scope="row">${c}</th>`
            : html`<td class="utrecht-table__cell ${numeric.has(i) ? 'utrecht-table__cell--numeric' : ''}">${c}</td>`))}
        </tr>`)}
      </tbody>
    </table>
  </div>`;
}
