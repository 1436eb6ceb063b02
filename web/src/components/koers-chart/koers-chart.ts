// A chart drawn by Apache ECharts as SVG, and the figure around it. The
// picture is for sighted users: it is one image with a text alternative
// (role="img", aria-label with title and summary), and chartFigure() always
// puts the same figures in a table below it, with a link to that table, so
// nobody depends on the picture. Animation only when the user has not asked
// for reduced motion.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { EChartsOption, EChartsType } from 'echarts';

// Colours with at least 3:1 contrast to white, told apart also by symbol
// or line style where a chart has more than one series.
export const PALETTE = ['#154273', '#a4001e', '#007b5f', '#8a4b00', '#5a2d82', '#0b6a8c', '#4b4b4b'];

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export class KoersChart extends LitElement {
  static properties = { option: { attribute: false }, label: { type: String } };

  declare option: EChartsOption | null;
  declare label: string;
  private chart: EChartsType | null = null;
  private resize: ResizeObserver | null = null;

  constructor() {
    super();
    this.option = null;
    this.label = '';
  }

  // Light DOM: the page's stylesheet applies, and the image is in the
  // document's accessibility tree like any other.
  protected createRenderRoot(): HTMLElement {
    return this;
  }

  protected render(): TemplateResult {
    return html`<div class="koers-echart" role="img" aria-label=${this.label}></div>`;
  }

  protected async updated(changed: PropertyValues<this>): Promise<void> {
    if (!changed.has('option') || !this.option) return;
    const host = this.querySelector<HTMLElement>('.koers-echart');
    if (!host) return;
    if (!this.chart) {
      const { init } = await import('./echarts');
      if (!this.isConnected || this.chart) return;
      this.chart = init(host, null, { renderer: 'svg' });
      this.resize = new ResizeObserver(() => this.chart?.resize());
      this.resize.observe(host);
    }
    const font = getComputedStyle(this).fontFamily;
    // Tooltips are drawn inside the SVG ("richText"), not as HTML: no data
    // text ever becomes markup, and no inline styles clash with the
    // Content-Security-Policy.
    const tooltip = this.option.tooltip && !Array.isArray(this.option.tooltip) ? { ...this.option.tooltip, renderMode: 'richText' as const } : undefined;
    this.chart.setOption(
      {
        color: PALETTE,
        textStyle: { fontFamily: font, color: '#1b1b1b' },
        aria: { enabled: false },  // the host element carries the text alternative
        ...this.option,
        ...(tooltip ? { tooltip } : {}),
        animation: this.option.animation !== false && !reducedMotion(),
      },
      true,
    );
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = null;
    this.chart?.dispose();
    this.chart = null;
  }
}

if (!customElements.get('koers-chart')) customElements.define('koers-chart', KoersChart);

declare global {
  interface HTMLElementTagNameMap {
    'koers-chart': KoersChart;
  }
}

export interface Download {
  href: string;
  label: string; // what the link says, e.g. "CSV voor Excel"
  context?: string; // said to screen readers after the label, to tell links apart
}

export interface ChartFigure {
  id: string; // prefix for the ids of the figure and its table
  title: string;
  summary: string; // one or two sentences: what the chart shows, its main figures
  option: EChartsOption;
  table: TemplateResult; // the same figures; required, so no chart goes without
  note?: TemplateResult | string; // how to read the picture (symbols, lines)
  downloads?: Download[];
  size?: 'normaal' | 'hoog';
}

// Downloads of the same data, as plain links (the browser saves the file).
export function downloadLinks(links: Download[], label = 'Downloaden'): TemplateResult | typeof nothing {
  if (!links.length) return nothing;
  return html`<p class="utrecht-paragraph koers-downloads">
    <span>${label}:</span>
    ${links.map((d) => html`<a class="utrecht-link" href=${d.href} download>${d.label}${d.context ? html`<span class="koers-visually-hidden"> ${d.context}</span>` : nothing}</a>`)}
  </p>`;
}

// The chart, its caption with a link to the table, the table and downloads.
export function chartFigure(f: ChartFigure): TemplateResult {
  return html`<figure class="koers-echart-figure ${f.size === 'hoog' ? 'koers-echart-figure--hoog' : ''}" id="${f.id}-figuur">
      <koers-chart .option=${f.option} label="${f.title}. ${f.summary} De tabel onder de figuur geeft dezelfde gegevens."></koers-chart>
      <figcaption class="koers-chart__caption">
        <strong>${f.title}.</strong> ${f.note ?? nothing}
        <a class="utrecht-link" href="#${f.id}-tabel">Naar de tabel<span class="koers-visually-hidden"> bij ${f.title}</span></a>
      </figcaption>
    </figure>
    <div class="koers-echart-table" id="${f.id}-tabel" tabindex="-1">${f.table}</div>
    ${downloadLinks(f.downloads ?? [])}`;
}
