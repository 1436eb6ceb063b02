// A horizontal bar chart of scores 1-5 (success factors, climate traits,
// hurdles) drawn as SVG, with the previous score as a marker. The picture
// is for sighted users; the table that always follows it holds the same
// figures, and the picture's description says so.
import { html, svg, type TemplateResult } from 'lit';

export interface ScoreRow {
  naam: string;
  score: number | null;
  vorige?: number | null;
}

const ROW = 28;
const LABEL = 330;
const BAR = 250;

export function scoreChart(id: string, title: string, rows: ScoreRow[], tableId: string): TemplateResult {
  const height = rows.length * ROW + 30;
  const x = (score: number) => LABEL + (score / 5) * BAR;
  return html`<figure class="koers-chart">
    <svg viewBox="0 0 ${LABEL + BAR + 40} ${height}" role="img" aria-labelledby="${id}-titel ${id}-uitleg" focusable="false">
      <title id="${id}-titel">${title}</title>
      <desc id="${id}-uitleg">Staafdiagram met scores van 1 tot en met 5. De tabel eronder geeft dezelfde cijfers.</desc>
      ${[1, 2, 3, 4, 5].map((n) => svg`<line class="koers-chart__grid" x1=${x(n)} x2=${x(n)} y1="0" y2=${rows.length * ROW}></line>
        <text class="koers-chart__tick" x=${x(n)} y=${rows.length * ROW + 18} text-anchor="middle">${n}</text>`)}
      ${rows.map((r, i) => svg`
        <text class="koers-chart__label" x=${LABEL - 8} y=${i * ROW + ROW / 2 + 5} text-anchor="end">${r.naam.length > 44 ? r.naam.slice(0, 42) + '…' : r.naam}</text>
        ${r.score != null ? svg`<rect class="koers-chart__bar ${r.score <= 2 ? 'koers-chart__bar--low' : ''}" x=${LABEL} y=${i * ROW + 5} width=${(r.score / 5) * BAR} height=${ROW - 10}></rect>` : svg``}
        ${r.vorige != null ? svg`<line class="koers-chart__previous" x1=${x(r.vorige)} x2=${x(r.vorige)} y1=${i * ROW + 2} y2=${i * ROW + ROW - 2}></line>` : svg``}`)}
    </svg>
    <figcaption class="koers-chart__caption">${title}. Staaf: laatste score; streep: de score daarvoor. <a class="utrecht-link" href="#${tableId}">Naar de tabel</a></figcaption>
  </figure>`;
}
