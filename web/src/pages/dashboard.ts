// An organisation's dashboard: how many innovations are in each phase (a
// funnel), the portfolio plot of the report (type of innovation against
// whom it serves, with the value it creates now and could create after
// scaling), costs and benefits, and the latest value of every indicator.
// Every chart has its table.
import { html, nothing, type TemplateResult } from 'lit';
import type { EChartsOption } from 'echarts';
import { apiGet } from '../lib/api';
import { formatEuro, formatNumber } from '../lib/format';
import { label } from '../lib/vocab';
import { periodLabel, soortLabel, withUnit } from '../lib/indicators';
import { renderPage } from '../components/page-shell/page-shell';
import { dataTable } from '../components/data-table/data-table';
import { chartFigure } from '../components/koers-chart/koers-chart';
import { orgNav, waitingReviews, type Overzicht } from './funnel';
import { problemPage } from './problem';

type Niveau = 'geen' | 'beperkt' | 'gemiddeld' | 'groot';

interface PortfolioItem {
  id: number;
  titel: string;
  innovatieType: 'incrementeel' | 'radicaal_beter' | 'disruptief' | null;
  orientatie: 'intern' | 'extern' | 'intern_extern' | null;
  waardecreatie: Niveau | null;
  waardepotentie: Niveau | null;
}

interface LaatsteWaarde {
  id: number;
  innovatieId: number;
  innovatieTitel: string;
  naam: string;
  soort: string;
  eenheid: string;
  richting: 'hoger' | 'lager';
  basisWaarde: number | null;
  doelWaarde: number | null;
  laatstePeriode: string | null;
  laatsteWaarde: number | null;
}

interface Dashboard {
  organisatie: { code: string; naam: string };
  fasen: { fase: string; label: string; aantal: number }[];
  portfolio: PortfolioItem[];
  waarde: {
    kostenExtern: number | null;
    interneUren: number | null;
    kostenIntern: number | null;
    batenGeschatPerJaar: number | null;
    besparingPerJaar: number | null;
    batenGerealiseerdPerJaar: number | null;
    uurtarief: number | null;
  };
  indicatoren: LaatsteWaarde[];
}

// ---------------------------------------------------------------- funnel

const FUNNEL_COLOURS = ['#154273', '#2f6aa5', '#0b6a8c', '#007b5f', '#5a2d82', '#4b4b4b'];

// The width of a layer is how many innovations reached the phase (are in
// it now or in a later one), so the funnel narrows as a funnel should; the
// label gives how many are in the phase now.
function funnel(d: Dashboard): TemplateResult {
  const total = d.fasen.reduce((n, f) => n + f.aantal, 0);
  const reached = d.fasen.map((_, n) => d.fasen.slice(n).reduce((sum, f) => sum + f.aantal, 0));
  const nowIn = new Map(d.fasen.map((f) => [f.label, f.aantal]));
  const option: EChartsOption = {
    tooltip: { trigger: 'item', formatter: (p) => { const x = p as { name: string; value: number }; return `${x.name}: nu ${nowIn.get(x.name) ?? 0}, zo ver gekomen ${x.value}`; } },
    series: [{
      type: 'funnel',
      left: '4%',
      width: '58%',
      top: 8,
      bottom: 8,
      sort: 'none',
      minSize: '6%',
      gap: 3,
      label: { show: true, position: 'right', color: '#1b1b1b', formatter: (p) => `${p.name}: ${nowIn.get(p.name) ?? 0}` },
      labelLine: { show: true, lineStyle: { color: '#4b4b4b' } },
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      data: d.fasen.map((f, n) => ({ name: f.label, value: reached[n], itemStyle: { color: FUNNEL_COLOURS[n % FUNNEL_COLOURS.length] } })),
    }],
  };
  return html`<section class="koers-section" aria-labelledby="funnel-kop">
    <h2 class="utrecht-heading-2" id="funnel-kop">Innovaties per fase</h2>
    ${chartFigure({
      id: 'funnel',
      title: 'Innovatiefunnel',
      summary: `${formatNumber(total)} innovaties, nu in de fase: ${d.fasen.map((f) => `${f.label} ${formatNumber(f.aantal)}`).join(', ')}.`,
      note: 'Van boven naar beneden de fasen. De breedte van een laag is het aantal innovaties dat die fase bereikte (nu in die fase of verder); het getal is het aantal dat er nu in zit.',
      option,
      table: dataTable(
        'Innovaties per fase',
        ['Fase', 'Nu in deze fase', 'In deze fase of verder'],
        [...d.fasen.map((f, n) => [f.label, formatNumber(f.aantal), formatNumber(reached[n])]), ['Totaal', formatNumber(total), '']],
        { numeric: [1, 2] },
      ),
    })}
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/organisaties/${d.organisatie.code}/funnel">Naar het funnelbord met elke innovatie per fase</a></p>
  </section>`;
}

// ---------------------------------------------------------------- portfolio

const TYPES = ['incrementeel', 'radicaal_beter', 'disruptief'] as const;
const LEVELS: Niveau[] = ['geen', 'beperkt', 'gemiddeld', 'groot'];
const SIZE: Record<Niveau, number> = { geen: 10, beperkt: 18, gemiddeld: 28, groot: 40 };
const LEVEL_COLOUR: Record<Niveau, string> = { geen: '#4b4b4b', beperkt: '#8a4b00', gemiddeld: '#0b6a8c', groot: '#154273' };
const UNKNOWN_COLOUR = '#b1b4b6';

const typeLabel = (t: string) => label('innovatieType', t) || t;
const orientationLabel = (o: string) => (o === 'intern_extern' ? 'Intern en extern gericht' : label('orientatie', o) || o);
const levelLabel = (l: string | null) => (l ? label('waardeNiveau', l) || l : 'onbekend');

// Positions of n points in one cell of the grid, around its centre, so
// that innovations of the same kind do not hide each other.
function spread(k: number, n: number): [number, number] {
  if (n === 1) return [0, 0];
  const r = 0.36 * Math.sqrt((k + 0.5) / n);
  const a = k * 2.39996;
  return [r * Math.cos(a), r * Math.sin(a)];
}

function portfolio(d: Dashboard): TemplateResult {
  const orientations = d.portfolio.some((p) => p.orientatie === 'intern_extern') ? ['intern', 'intern_extern', 'extern'] : ['intern', 'extern'];
  const placed = d.portfolio.filter((p) => p.innovatieType && p.orientatie && orientations.includes(p.orientatie));
  const cells = new Map<string, PortfolioItem[]>();
  for (const p of placed) {
    const key = `${p.innovatieType}|${p.orientatie}`;
    cells.set(key, [...(cells.get(key) ?? []), p]);
  }
  const pos = new Map<number, [number, number]>();
  for (const items of cells.values()) {
    items.forEach((p, k) => {
      const [dx, dy] = spread(k, items.length);
      pos.set(p.id, [TYPES.indexOf(p.innovatieType!) + 0.5 + dx, orientations.indexOf(p.orientatie!) + 0.5 + dy]);
    });
  }
  type Point = { value: [number, number]; name: string; symbolSize: number; creatie: string; potentie: string };
  const point = (p: PortfolioItem, level: Niveau | null): Point => ({
    value: pos.get(p.id)!,
    name: p.titel,
    symbolSize: level ? SIZE[level] : 10,
    creatie: levelLabel(p.waardecreatie),
    potentie: levelLabel(p.waardepotentie),
  });
  const series: Record<string, unknown>[] = [];
  for (const level of [...LEVELS, null]) {
    const items = placed.filter((p) => p.waardecreatie === level);
    if (!items.length) continue;
    series.push({
      type: 'scatter',
      name: `Waarde nu: ${levelLabel(level).toLowerCase()}`,
      xAxisIndex: 1,
      yAxisIndex: 1,
      symbol: 'circle',
      itemStyle: { color: level ? LEVEL_COLOUR[level] : UNKNOWN_COLOUR, borderColor: '#ffffff', borderWidth: 1, opacity: 0.9 },
      data: items.map((p) => point(p, level)),
      z: 2,
    });
  }
  const withPotential = placed.filter((p) => p.waardepotentie);
  if (withPotential.length) {
    series.push({
      type: 'scatter',
      name: 'Potentie na opschaling (ring)',
      xAxisIndex: 1,
      yAxisIndex: 1,
      symbol: 'circle',
      itemStyle: { color: 'rgba(255,255,255,0)', borderColor: '#1b1b1b', borderWidth: 2, borderType: 'dashed' },
      data: withPotential.map((p) => point(p, p.waardepotentie)),
      z: 3,
    });
  }
  const band = (labels: string[]) => ({ type: 'category' as const, data: labels, boundaryGap: true, axisTick: { show: false },
    splitLine: { show: true, interval: 0, lineStyle: { color: '#b1b4b6' } }, axisLabel: { color: '#1b1b1b', interval: 0 } });
  const hidden = (max: number) => ({ type: 'value' as const, min: 0, max, show: false });
  const option = {
    legend: { top: 0, type: 'plain' },
    grid: { left: 16, right: 24, top: 80, bottom: 28, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { data: Point }) => `${p.data.name}\nWaarde nu: ${p.data.creatie}\nPotentie na opschaling: ${p.data.potentie}` },
    xAxis: [
      {
        ...band(TYPES.map(typeLabel)),
        // Labels wrap at spaces within their band, so they never overlap on a phone.
        axisLabel: { color: '#1b1b1b', interval: 0, overflow: 'break', lineHeight: 18, width: Math.max(72, Math.min(200, (window.innerWidth - 96) / TYPES.length - 16)) },
        name: 'Type innovatie', nameLocation: 'middle', nameGap: 52, nameTextStyle: { color: '#1b1b1b' },
      },
      hidden(TYPES.length),
    ],
    yAxis: [
      { ...band(orientations.map(orientationLabel)), name: 'Gericht op', nameTextStyle: { color: '#1b1b1b', align: 'left' } },
      hidden(orientations.length),
    ],
    series,
  } as unknown as EChartsOption;
  const missing = d.portfolio.length - placed.length;
  const count = (t: string, o: string) => placed.filter((p) => p.innovatieType === t && p.orientatie === o).length;
  const summary = `Spreidingsdiagram van ${formatNumber(placed.length)} innovaties naar type (${TYPES.map(typeLabel).join(', ')}) en gerichtheid (${orientations.map(orientationLabel).join(', ')}). `
    + orientations.map((o) => `${orientationLabel(o)}: ${TYPES.map((t) => `${typeLabel(t).toLowerCase()} ${count(t, o)}`).join(', ')}`).join('; ') + '.';
  const order = (p: PortfolioItem) => [p.innovatieType ? TYPES.indexOf(p.innovatieType) : 9, p.orientatie ? orientations.indexOf(p.orientatie) : 9];
  const rows = [...d.portfolio].sort((a, b) => {
    const [ta, oa] = order(a);
    const [tb, ob] = order(b);
    return ta - tb || oa - ob || a.titel.localeCompare(b.titel, 'nl');
  });
  const gain = (p: PortfolioItem) => {
    if (!p.waardecreatie || !p.waardepotentie) return '–';
    const diff = LEVELS.indexOf(p.waardepotentie) - LEVELS.indexOf(p.waardecreatie);
    return diff > 0 ? `+${diff} ${diff === 1 ? 'stap' : 'stappen'}` : diff === 0 ? 'gelijk' : `${diff} ${diff === -1 ? 'stap' : 'stappen'}`;
  };
  return html`<section class="koers-section" aria-labelledby="portfolio-kop">
    <h2 class="utrecht-heading-2" id="portfolio-kop">Portfolio</h2>
    <p class="utrecht-paragraph">
      Zoals in het rapport “Datagedreven innovatie in gemeenten”: van links naar rechts van incrementeel via radicaal beter naar disruptief,
      van onder naar boven van intern naar (ook) extern gericht. Het gevulde bolletje is de waarde die een innovatie nu creëert:
      hoe groter en donkerder, hoe meer. De gestippelde ring eromheen is de waarde die na opschaling mogelijk is.
      Een grote ring om een klein bolletje betekent dat er nog veel te winnen valt.
    </p>
    ${placed.length
      ? chartFigure({
          id: 'portfolio',
          title: 'Portfolio naar type, gerichtheid en waarde',
          summary,
          note: html`Grootte en kleur van het bolletje: waarde nu (geen, beperkt, gemiddeld, groot). Gestippelde ring: potentie na opschaling.${missing ? ` ${formatNumber(missing)} ${missing === 1 ? 'innovatie staat' : 'innovaties staan'} niet in de figuur omdat type of gerichtheid ontbreekt; de tabel noemt ze wel.` : ''}`,
          option,
          size: 'hoog',
          table: dataTable(
            'Portfolio: type, gerichtheid en waarde van elke innovatie',
            ['Innovatie', 'Type', 'Gericht op', 'Waarde nu', 'Potentie na opschaling', 'Verschil'],
            rows.map((p) => [
              html`<a class="utrecht-link" href="/innovaties/${p.id}">${p.titel}</a>`,
              p.innovatieType ? typeLabel(p.innovatieType) : 'onbekend',
              p.orientatie ? orientationLabel(p.orientatie) : 'onbekend',
              levelLabel(p.waardecreatie),
              levelLabel(p.waardepotentie),
              gain(p),
            ]),
          ),
        })
      : html`<p class="utrecht-paragraph">Nog geen innovaties met een type en gerichtheid.</p>
          ${d.portfolio.length ? dataTable('Innovaties zonder type of gerichtheid', ['Innovatie', 'Waarde nu', 'Potentie na opschaling'], d.portfolio.map((p) => [html`<a class="utrecht-link" href="/innovaties/${p.id}">${p.titel}</a>`, levelLabel(p.waardecreatie), levelLabel(p.waardepotentie)])) : nothing}`}
  </section>`;
}

// ---------------------------------------------------------------- value

function value(d: Dashboard): TemplateResult {
  const w = d.waarde;
  const euro = (n: number | null) => (n === null ? 'onbekend' : formatEuro(n));
  const totalCost = w.kostenExtern !== null || w.kostenIntern !== null ? (w.kostenExtern ?? 0) + (w.kostenIntern ?? 0) : null;
  const share = w.batenGeschatPerJaar && w.batenGerealiseerdPerJaar !== null ? Math.round((w.batenGerealiseerdPerJaar / w.batenGeschatPerJaar) * 100) : null;
  return html`<section class="koers-section" aria-labelledby="waarde-kop">
    <h2 class="utrecht-heading-2" id="waarde-kop">Kosten en baten</h2>
    <p class="utrecht-paragraph">Opgeteld over de innovaties van ${d.organisatie.naam} die u kunt zien. Interne uren tellen mee tegen het uurtarief van elke businesscase${w.uurtarief !== null ? ` (zonder eigen tarief ${formatEuro(w.uurtarief)} per uur)` : ''}, zoals op de sturingspagina van elke innovatie.</p>
    ${dataTable(
      'Kosten en baten',
      ['Post', 'Bedrag'],
      [
        ['Kosten uit eigen zak', euro(w.kostenExtern)],
        ['Interne uren', w.interneUren === null ? 'onbekend' : `${formatNumber(w.interneUren)} uur`],
        ['Kosten van de interne uren', euro(w.kostenIntern)],
        ['Kosten totaal', euro(totalCost)],
        ['Geschatte baten per jaar', euro(w.batenGeschatPerJaar)],
        ['Besparing per jaar (stoplijst)', euro(w.besparingPerJaar)],
        ['Geschatte baten en besparingen per jaar', w.batenGeschatPerJaar === null && w.besparingPerJaar === null ? 'onbekend' : euro((w.batenGeschatPerJaar ?? 0) + (w.besparingPerJaar ?? 0))],
        ['Gerealiseerde baten per jaar', euro(w.batenGerealiseerdPerJaar)],
      ],
      { numeric: [1], hiddenCaption: true },
    )}
    ${share !== null ? html`<p class="utrecht-paragraph">Van de geschatte baten is ${formatNumber(share)}% gerealiseerd.</p>` : nothing}
  </section>`;
}

// ---------------------------------------------------------------- indicators

// How far the latest value has come from baseline to target, in percent;
// works for "lower is better" too, because both differences change sign.
function progress(i: LaatsteWaarde): string {
  if (i.basisWaarde === null || i.doelWaarde === null || i.laatsteWaarde === null || i.doelWaarde === i.basisWaarde) return '–';
  return `${formatNumber(Math.round(((i.laatsteWaarde - i.basisWaarde) / (i.doelWaarde - i.basisWaarde)) * 100))}%`;
}

function indicators(d: Dashboard): TemplateResult {
  return html`<section class="koers-section" aria-labelledby="indicatoren-kop">
    <h2 class="utrecht-heading-2" id="indicatoren-kop">Laatste meetwaarden</h2>
    ${d.indicatoren.length
      ? html`<p class="utrecht-paragraph">Voortgang is het deel van de weg van basiswaarde naar streefwaarde dat de laatste meting heeft afgelegd.</p>
        ${dataTable(
          'Laatste meetwaarde van elke indicator',
          ['Indicator', 'Innovatie', 'Soort', 'Basis', 'Doel', 'Laatste meting', 'Periode', 'Voortgang'],
          d.indicatoren.map((i) => [
            i.naam,
            html`<a class="utrecht-link" href="/innovaties/${i.innovatieId}/indicatoren">${i.innovatieTitel}</a>`,
            soortLabel(i.soort),
            withUnit(i.basisWaarde, i.eenheid),
            withUnit(i.doelWaarde, i.eenheid),
            withUnit(i.laatsteWaarde, i.eenheid),
            i.laatstePeriode ? periodLabel(i.laatstePeriode) : '–',
            progress(i),
          ]),
          { numeric: [3, 4, 5, 7], hiddenCaption: true },
        )}`
      : html`<p class="utrecht-paragraph">Nog geen indicatoren. Een innovatie krijgt ze op haar pagina “Indicatoren en waarde”.</p>`}
  </section>`;
}

export async function dashboardPage(params: Record<string, string>): Promise<void> {
  const code = params.code;
  const [r, steering] = await Promise.all([
    apiGet<Dashboard>(`/organisaties/${encodeURIComponent(code)}/dashboard`),
    apiGet<Overzicht>(`/organisaties/${encodeURIComponent(code)}/sturing`),
  ]);
  if (!r.ok) return problemPage('Dashboard', r.problem);
  const d = r.body;
  renderPage(
    `Dashboard ${d.organisatie.naam}`,
    html`
      <h1 class="utrecht-heading-1">Dashboard: ${d.organisatie.naam}</h1>
      ${orgNav(code, 'dashboard')}
      <p class="utrecht-paragraph">Waar de innovaties staan, wat zij kosten en opleveren, en hoe hun indicatoren ervoor staan.</p>
      ${steering.ok ? waitingReviews(steering.body.terBesluit, 'ter-besluit-kop') : nothing}
      ${funnel(d)}
      ${portfolio(d)}
      ${value(d)}
      ${indicators(d)}
    `,
  );
}
