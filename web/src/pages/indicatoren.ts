// An innovation's indicators (input, output, outcome) and their
// measurements: a line chart against baseline and target with the same
// figures in a table, the values per area in a table and, for
// municipalities, on a map; importing measurements from a spreadsheet
// (first a preview, then the import) and downloading them.
import { html, nothing, type TemplateResult } from 'lit';
import type { EChartsOption } from 'echarts';
import { apiGet, apiRequest, type Innovatie, type ProblemDetails } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import {
  EXPORT_FORMATS, GEBIEDSNIVEAUS, SOORTEN, byPeriod, importType, periodLabel, richtingLabel, soortLabel, withUnit,
  type ImportFout, type ImportResultaat, type Indicator, type IndicatorLijst, type Meting, type Metingen,
} from '../lib/indicators';
import { renderPage } from '../components/page-shell/page-shell';
import { selectField, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { PALETTE, chartFigure, downloadLinks } from '../components/koers-chart/koers-chart';
import { loadMap, type Kaart } from '../components/gemeentekaart/gemeentekaart';
import { choroplethMap } from '../components/gebiedskaart/gebiedskaart';
import { checkFields, parseAmount, problemErrors, type FieldKind, type FieldSpec } from '../lib/form-errors';
import { problemPage } from './problem';

const LABELS: Record<string, string> = {
  naam: 'Naam',
  soort: 'Soort',
  eenheid: 'Eenheid',
  richting: 'Wat is beter',
  basisWaarde: 'Basiswaarde (nulmeting)',
  basisDatum: 'Datum van de basiswaarde',
  doelWaarde: 'Streefwaarde',
  doelDatum: 'Streefdatum',
  bron: 'Bron',
  gebiedsniveau: 'Gebiedsniveau',
  gebiedJaar: 'Jaar van de gebiedsindeling',
  drempel: 'Drempel voor onderdrukken',
  optelbaar: 'Optelbaar',
};
const FIELD = (name: string) => `indicator-${name}`;
// How an instruction names each field, and what it takes.
const KINDS: Record<string, [string, FieldKind, Partial<FieldSpec>?]> = {
  naam: ['de naam', 'text', { required: true }],
  soort: ['de soort', 'choice'],
  eenheid: ['de eenheid', 'text', { required: true }],
  richting: ['wat beter is', 'choice'],
  basisWaarde: ['de basiswaarde', 'number'],
  basisDatum: ['de datum van de basiswaarde', 'date'],
  doelWaarde: ['de streefwaarde', 'number'],
  doelDatum: ['de streefdatum', 'date'],
  bron: ['de bron', 'text'],
  gebiedsniveau: ['het gebiedsniveau', 'choice'],
  gebiedJaar: ['het jaar van de gebiedsindeling', 'integer', { min: 2000, max: 2100, example: String(2024) }],
  drempel: ['de drempel voor onderdrukken', 'integer', { min: 1, max: 1000, example: '10' }],
  optelbaar: ['of de waarden op te tellen zijn', 'choice'],
};
const INDICATOR_FIELDS: FieldSpec[] = Object.entries(KINDS).map(([k, [noun, kind, extra]]) => ({ id: FIELD(k), label: LABELS[k], noun, kind, ...extra }));
const indicatorField = (name: string) => INDICATOR_FIELDS.find((f) => f.id === FIELD(name.replace(/\[\d+\]$/, '')));
// The year of the CBS area list Koers ships (data/cbs): the default for new indicators.
const CBS_YEAR = 2024;

interface FormState {
  values: Record<string, string>;
  optelbaar: boolean;
  errors: Map<string, string>; // by field id: the instruction
  general: string;
  busy: boolean;
}

interface ImportState {
  file: File | null;
  preview: ImportResultaat | null;
  fouten: ImportFout[];
  problem: string;
  fileError: string; // an instruction for the file field itself
  busy: boolean;
}

interface State {
  innovatie: Innovatie;
  list: Indicator[];
  magBewerken: boolean;
  data: Map<number, Metingen | ProblemDetails>;
  options: Map<number, EChartsOption>;
  kaart: Kaart | null;
  editing: 'nieuw' | number | null;
  form: FormState;
  imports: Map<number, ImportState>;
  mapPeriod: Map<number, string>;
  notice: string;
  // Where the message goes: at the top (a new or removed indicator), or
  // beside the form of one indicator that was saved or imported into.
  noticeAt: { ind: number; part: 'form' | 'import' } | null;
}

const isProblem = (x: Metingen | ProblemDetails | undefined): x is ProblemDetails => !!x && 'status' in x && !('metingen' in x);

// ---------------------------------------------------------------- loading

async function loadData(state: State, ids: number[]): Promise<void> {
  const answers = await Promise.all(ids.map((id) => apiGet<Metingen>(`/indicatoren/${id}/metingen`)));
  ids.forEach((id, n) => {
    const r = answers[n];
    state.data.set(id, r.ok ? r.body : r.problem);
    const ind = state.list.find((i) => i.id === id);
    if (r.ok && ind) state.options.set(id, lineOption(ind, r.body));
    else state.options.delete(id);
  });
  if (!state.kaart && state.list.some((i) => i.gebiedsniveau === 'GM')) state.kaart = await loadMap();
}

async function loadList(state: State): Promise<ProblemDetails | null> {
  const r = await apiGet<IndicatorLijst>(`/innovaties/${state.innovatie.id}/indicatoren`);
  if (!r.ok) return r.problem;
  state.list = r.body._embedded.indicatoren;
  state.magBewerken = r.body.magBewerken;
  await loadData(state, state.list.map((i) => i.id));
  return null;
}

// ---------------------------------------------------------------- chart

interface Line {
  name: string;
  values: (number | null)[];
}

// What the chart plots: the one series without areas, the total per period
// when values add up, else one line per area (at most MAX_LINES).
const MAX_LINES = 6;

function lines(ind: Indicator, m: Metingen): { periods: string[]; lines: Line[]; omitted: number } {
  const periods = [...new Set(m.metingen.map((x) => x.periode))].sort(byPeriod);
  if (ind.gebiedsniveau === 'geen') {
    const by = new Map(m.metingen.map((x) => [x.periode, x.waarde]));
    return { periods, lines: [{ name: ind.naam, values: periods.map((p) => by.get(p) ?? null) }], omitted: 0 };
  }
  if (m.totalen) {
    const by = new Map(m.totalen.perPeriode.map((x) => [x.periode, x.waarde]));
    const tp = [...new Set([...periods, ...m.totalen.perPeriode.map((x) => x.periode)])].sort(byPeriod);
    return { periods: tp, lines: [{ name: `Totaal ${ind.naam}`, values: tp.map((p) => by.get(p) ?? null) }], omitted: 0 };
  }
  const areas = areaList(m);
  const shown = areas.slice(0, MAX_LINES);
  return {
    periods,
    lines: shown.map((a) => {
      const by = new Map(m.metingen.filter((x) => x.gebied === a.code).map((x) => [x.periode, x.waarde]));
      return { name: a.naam, values: periods.map((p) => by.get(p) ?? null) };
    }),
    omitted: areas.length - shown.length,
  };
}

function areaList(m: Metingen): { code: string; naam: string }[] {
  const names = new Map<string, string>();
  for (const x of m.metingen) if (x.gebied) names.set(x.gebied, x.gebiedNaam ?? x.gebied);
  for (const x of m.totalen?.perGebied ?? []) if (!names.has(x.gebied)) names.set(x.gebied, x.gebiedNaam ?? x.gebied);
  return [...names].map(([code, naam]) => ({ code, naam })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

// Short period for the axis: 2024, K3 2024, jul 2024.
function periodTick(p: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `K${q[2]} ${q[1]}`;
  const mo = /^(\d{4})-(\d{2})$/.exec(p);
  if (mo) return `${periodLabel(p).slice(0, 3)} ${mo[1]}`;
  return p;
}

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];

function lineOption(ind: Indicator, m: Metingen): EChartsOption {
  const l = lines(ind, m);
  const marks: Record<string, unknown>[] = [];
  if (ind.basisWaarde !== null) {
    marks.push({ yAxis: ind.basisWaarde, name: 'Basis', lineStyle: { color: '#4b4b4b', type: 'dotted', width: 2 },
      label: { formatter: `Basis: ${withUnit(ind.basisWaarde, ind.eenheid)}`, position: 'insideStartTop', color: '#1b1b1b' } });
  }
  if (ind.doelWaarde !== null) {
    marks.push({ yAxis: ind.doelWaarde, name: 'Doel', lineStyle: { color: '#007b5f', type: 'dashed', width: 2 },
      label: { formatter: `Doel: ${withUnit(ind.doelWaarde, ind.eenheid)}`, position: 'insideEndTop', color: '#1b1b1b' } });
  }
  const refs = [ind.basisWaarde, ind.doelWaarde].filter((v): v is number => v !== null);
  return {
    grid: { left: 16, right: 24, top: l.lines.length > 1 ? 56 : 24, bottom: 8, containLabel: true },
    legend: l.lines.length > 1 ? { top: 0, type: 'plain' } : { show: false },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined || v === '-' ? 'geen waarde of onderdrukt' : withUnit(Number(v), ind.eenheid)) },
    xAxis: { type: 'category', data: l.periods.map(periodTick), boundaryGap: true, axisLabel: { color: '#1b1b1b' } },
    yAxis: {
      type: 'value',
      name: ind.eenheid,
      nameTextStyle: { color: '#1b1b1b', align: 'left' },
      axisLabel: { color: '#1b1b1b', formatter: (v: number) => formatNumber(v) },
      min: (e: { min: number }) => Math.min(e.min, 0, ...refs),
      max: (e: { max: number }) => Math.max(e.max, ...refs),
    },
    series: l.lines.map((line, n) => ({
      type: 'line' as const,
      name: line.name,
      data: line.values,
      connectNulls: false,
      symbol: SYMBOLS[n % SYMBOLS.length],
      symbolSize: 9,
      lineStyle: { width: 2.5, type: n % 2 ? ('dashed' as const) : ('solid' as const), color: PALETTE[n % PALETTE.length] },
      itemStyle: { color: PALETTE[n % PALETTE.length] },
      markLine: n === 0 && marks.length ? { silent: true, symbol: 'none', data: marks } : undefined,
    })),
  } as EChartsOption;
}

function chartSummary(ind: Indicator, m: Metingen): string {
  const l = lines(ind, m);
  const parts = [`Lijndiagram van ${l.lines.length > 1 ? `${l.lines.length} gebieden` : ind.naam} per periode, ${periodLabel(l.periods[0])} tot en met ${periodLabel(l.periods[l.periods.length - 1])}.`];
  if (l.lines.length === 1) {
    const values = l.lines[0].values;
    let last = values.length - 1;
    while (last >= 0 && values[last] === null) last--;
    if (last >= 0) parts.push(`Laatste waarde ${withUnit(values[last], ind.eenheid)} in ${periodLabel(l.periods[last])}.`);
  }
  if (ind.basisWaarde !== null) parts.push(`Basiswaarde ${withUnit(ind.basisWaarde, ind.eenheid)}.`);
  if (ind.doelWaarde !== null) parts.push(`Streefwaarde ${withUnit(ind.doelWaarde, ind.eenheid)}${ind.doelDatum ? ` uiterlijk ${formatDate(ind.doelDatum)}` : ''}, ${richtingLabel(ind.richting)}.`);
  return parts.join(' ');
}

// ---------------------------------------------------------------- tables

function suppressed(): TemplateResult {
  return html`<span class="koers-suppressed">onderdrukt</span>`;
}

function valueCell(v: number | null, onderdrukt: string | boolean | null, eenheid: string): TemplateResult | string {
  if (onderdrukt) return suppressed();
  return withUnit(v, eenheid);
}

function tableShell(caption: string, id: string | null, head: TemplateResult, body: TemplateResult, foot?: TemplateResult): TemplateResult {
  return html`<div class="utrecht-table-container">
    <table class="utrecht-table" id=${id ?? nothing}>
      <caption class="utrecht-table__caption">${caption}</caption>
      <thead class="utrecht-table__header">${head}</thead>
      <tbody class="utrecht-table__body">${body}</tbody>
      ${foot ? html`<tfoot class="utrecht-table__footer">${foot}</tfoot>` : nothing}
    </table>
  </div>`;
}

const th = (text: string, numeric = false) => html`<th class="utrecht-table__header-cell ${numeric ? 'utrecht-table__header-cell--numeric' : ''}" scope="col">${text}</th>`;
const tdNum = (content: TemplateResult | string) => html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${content}</td>`;

// The figures of the chart: per period, the value (and the count of
// people when there are no areas), or the total per period.
function periodTable(ind: Indicator, m: Metingen): TemplateResult {
  if (ind.gebiedsniveau === 'geen') {
    const rows = [...m.metingen].sort((a, b) => byPeriod(a.periode, b.periode));
    const hasCount = rows.some((x) => x.aantal !== null);
    return tableShell(
      `${ind.naam} per periode`,
      null,
      html`<tr class="utrecht-table__row">${th('Periode')}${th(`Waarde (${ind.eenheid})`, true)}${hasCount ? th('Aantal personen', true) : nothing}</tr>`,
      html`${rows.map((x) => html`<tr class="utrecht-table__row">
        <th class="utrecht-table__header-cell" scope="row">${periodLabel(x.periode)}</th>
        ${tdNum(valueCell(x.waarde, x.onderdrukt, ind.eenheid))}
        ${hasCount ? tdNum(x.onderdrukt ? '–' : x.aantal !== null ? formatNumber(x.aantal) : '–') : nothing}
      </tr>`)}`,
    );
  }
  const l = lines(ind, m);
  if (m.totalen) {
    const by = new Map(m.totalen.perPeriode.map((x) => [x.periode, x]));
    return tableShell(
      `${ind.naam}: totaal van alle gebieden per periode`,
      null,
      html`<tr class="utrecht-table__row">${th('Periode')}${th(`Totaal (${ind.eenheid})`, true)}</tr>`,
      html`${l.periods.map((p) => {
        const t = by.get(p);
        return html`<tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="row">${periodLabel(p)}</th>
          ${tdNum(t ? valueCell(t.waarde, t.onderdrukt, ind.eenheid) : '–')}
        </tr>`;
      })}`,
    );
  }
  return tableShell(
    `${ind.naam} per periode, de gebieden in de figuur`,
    null,
    html`<tr class="utrecht-table__row">${th('Periode')}${l.lines.map((x) => th(x.name, true))}</tr>`,
    html`${l.periods.map((p) => html`<tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row">${periodLabel(p)}</th>
      ${l.lines.map((_, n) => {
        const area = areaList(m)[n];
        const x = m.metingen.find((y) => y.periode === p && y.gebied === area.code);
        return tdNum(x ? valueCell(x.waarde, x.onderdrukt, ind.eenheid) : '–');
      })}
    </tr>`)}`,
  );
}

// Every area (rows) in every period (columns), with the totals when the
// values add up.
function areaTable(ind: Indicator, m: Metingen, id: string): TemplateResult {
  const periods = [...new Set(m.metingen.map((x) => x.periode))].sort(byPeriod);
  const areas = areaList(m);
  const cell = new Map(m.metingen.map((x) => [`${x.gebied}|${x.periode}`, x]));
  const rowTotal = new Map((m.totalen?.perGebied ?? []).map((x) => [x.gebied, x]));
  const colTotal = new Map((m.totalen?.perPeriode ?? []).map((x) => [x.periode, x]));
  const totals = !!m.totalen;
  return tableShell(
    `${ind.naam} per gebied en periode (${ind.eenheid})`,
    id,
    html`<tr class="utrecht-table__row">${th('Gebied')}${periods.map((p) => th(periodLabel(p), true))}${totals ? th('Totaal', true) : nothing}</tr>`,
    html`${areas.map((a) => html`<tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row">${a.naam} <span class="koers-muted">${a.code}</span></th>
      ${periods.map((p) => {
        const x: Meting | undefined = cell.get(`${a.code}|${p}`);
        return tdNum(x ? valueCell(x.waarde, x.onderdrukt, ind.eenheid) : '–');
      })}
      ${totals ? tdNum((() => { const t = rowTotal.get(a.code); return t ? valueCell(t.waarde, t.onderdrukt, ind.eenheid) : '–'; })()) : nothing}
    </tr>`)}`,
    totals
      ? html`<tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="row">Totaal</th>
          ${periods.map((p) => { const t = colTotal.get(p); return tdNum(t ? valueCell(t.waarde, t.onderdrukt, ind.eenheid) : '–'); })}
          ${tdNum('')}
        </tr>`
      : undefined,
  );
}

function suppressionNote(ind: Indicator, m: Metingen): TemplateResult | typeof nothing {
  const any = m.metingen.some((x) => x.onderdrukt) || m.totalen?.perPeriode.some((x) => x.onderdrukt) || m.totalen?.perGebied.some((x) => x.onderdrukt);
  if (!m.openbaar && !any) return nothing;
  return html`<div class="utrecht-alert utrecht-alert--info koers-suppression-note">
    <p class="utrecht-paragraph">
      ${m.openbaar ? html`U ziet de openbare versie van deze cijfers. ` : nothing}
      Een waarde is <strong>onderdrukt</strong> als er minder dan ${formatNumber(ind.drempel)} personen achter zitten, zodat niemand herkenbaar is.
      ${m.totalen ? html`Staat er “onderdrukt (afgeleid)”, dan is die waarde ook verborgen omdat de onderdrukte waarde anders uit het totaal terug te rekenen is.` : nothing}
    </p>
  </div>`;
}

// ---------------------------------------------------------------- map

function areaMap(state: State, ind: Indicator, m: Metingen, tableId: string): TemplateResult | typeof nothing {
  if (ind.gebiedsniveau !== 'GM' || !state.kaart) return nothing;
  const periods = [...new Set(m.metingen.map((x) => x.periode))].sort(byPeriod);
  if (!periods.length) return nothing;
  const chosen = state.mapPeriod.get(ind.id) ?? periods[periods.length - 1];
  const selectId = `ind-${ind.id}-kaartperiode`;
  const values = m.metingen.filter((x) => x.periode === chosen).map((x) => ({ code: x.gebied, waarde: x.waarde, onderdrukt: !!x.onderdrukt }));
  const choose = (e: Event) => {
    state.mapPeriod.set(ind.id, (e.target as HTMLSelectElement).value);
    draw(state, selectId);
  };
  return html`
    ${periods.length > 1
      ? html`<div @change=${choose}>${selectField({ id: selectId, label: 'Periode op de kaart', value: chosen, options: periods.map((p) => ({ waarde: p, label: periodLabel(p) })) })}</div>`
      : nothing}
    ${choroplethMap(state.kaart, values, { id: `ind-${ind.id}-kaart`, title: `${ind.naam} per gemeente, ${periodLabel(chosen)}`, unit: ind.eenheid, tableId })}`;
}

// ---------------------------------------------------------------- form

function emptyForm(ind: Indicator | null): FormState {
  const v: Record<string, string> = {};
  for (const k of Object.keys(LABELS)) v[k] = '';
  v.soort = 'outcome';
  v.richting = 'hoger';
  v.gebiedsniveau = 'geen';
  v.drempel = '10';
  v.gebiedJaar = String(CBS_YEAR);
  if (ind) {
    const rec = ind as unknown as Record<string, unknown>;
    for (const k of Object.keys(LABELS)) {
      const x = rec[k];
      if (typeof x === 'number') v[k] = k === 'gebiedJaar' || k === 'drempel' ? String(x) : String(x).replace('.', ',');
      else if (typeof x === 'string') v[k] = x;
    }
  }
  return { values: v, optelbaar: ind?.optelbaar ?? false, errors: new Map(), general: '', busy: false };
}

function readForm(form: HTMLFormElement, f: FormState): void {
  const d = new FormData(form);
  for (const k of Object.keys(LABELS)) if (k !== 'optelbaar') f.values[k] = String(d.get(FIELD(k)) ?? '');
  f.optelbaar = d.get(FIELD('optelbaar')) === 'ja';
}

function body(f: FormState): Record<string, unknown> {
  const v = f.values;
  const text = (k: string) => (v[k].trim() === '' ? null : v[k].trim());
  const int = (k: string) => (v[k].trim() === '' ? null : /^\d+$/.test(v[k].trim()) ? Number(v[k].trim()) : v[k].trim());
  return {
    naam: v.naam.trim(),
    soort: v.soort,
    eenheid: v.eenheid.trim(),
    richting: v.richting,
    basisWaarde: parseAmount(v.basisWaarde),
    basisDatum: text('basisDatum'),
    doelWaarde: parseAmount(v.doelWaarde),
    doelDatum: text('doelDatum'),
    bron: text('bron'),
    gebiedsniveau: v.gebiedsniveau,
    gebiedJaar: v.gebiedsniveau === 'geen' ? null : int('gebiedJaar'),
    drempel: int('drempel'),
    optelbaar: f.optelbaar,
  };
}

async function submitForm(event: Event, state: State): Promise<void> {
  event.preventDefault();
  const f = state.form;
  if (f.busy) return;
  const form = event.target as HTMLFormElement;
  readForm(form, f);
  // A base or target value needs its date; area codes need the year of their list.
  const needed = (k: string) => (k === 'basisDatum' && f.values.basisWaarde.trim() !== '') || (k === 'doelDatum' && f.values.doelWaarde.trim() !== '')
    || (k === 'gebiedJaar' && f.values.gebiedsniveau !== 'geen');
  const found = checkFields(form, INDICATOR_FIELDS.map((x) => (needed(x.id.replace(/^indicator-/, '')) ? { ...x, required: true } : x))
    .filter((x) => x.id !== FIELD('gebiedJaar') || f.values.gebiedsniveau !== 'geen'));
  if (found.length) {
    f.errors = new Map(found.map((e) => [e.field, /Datum$/.test(e.field) && /^Vul .* in$/.test(e.message) ? `${e.message}: bij een ${e.field.includes('basis') ? 'basiswaarde' : 'streefwaarde'} hoort een datum` : e.message]));
    f.general = '';
    draw(state);
    focusErrorSummary();
    return;
  }
  f.busy = true;
  const editing = state.editing;
  const existing = typeof editing === 'number' ? state.list.find((i) => i.id === editing) : undefined;
  const r = existing
    ? await apiRequest<Indicator>('PUT', `/indicatoren/${existing.id}`, body(f), { 'If-Match': `"${existing.versie}"` })
    : await apiRequest<Indicator>('POST', `/innovaties/${state.innovatie.id}/indicatoren`, body(f));
  f.busy = false;
  if (!r.ok) {
    const { errors, general } = problemErrors(r.problem, indicatorField);
    f.errors = new Map(errors.map((e) => [e.field, e.message]));
    f.general = general;
    draw(state);
    focusErrorSummary();
    return;
  }
  state.editing = null;
  const problem = await loadList(state);
  state.notice = problem ? problem.detail : `Indicator “${r.body.naam}” is opgeslagen.`;
  state.noticeAt = existing ? { ind: existing.id, part: 'form' } : null;
  draw(state, 'indicator-melding');
}

function indicatorForm(state: State, ind: Indicator | null): TemplateResult {
  const f = state.form;
  const v = f.values;
  const err = (k: string) => f.errors.get(FIELD(k));
  const errors: FieldError[] = [...f.errors].map(([field, message]) => ({ field, label: LABELS[field.replace(/^indicator-/, '')] ?? '', message }));
  const title = ind ? `Indicator “${ind.naam}” bewerken` : 'Nieuwe indicator';
  return html`<form class="utrecht-form koers-form koers-indicator-form" novalidate aria-labelledby="indicator-formulier-kop" @submit=${(e: Event) => submitForm(e, state)}>
    <h2 class="utrecht-heading-2" id="indicator-formulier-kop">${title}</h2>
    ${errorSummary('De indicator is nog niet opgeslagen', errors, f.general)}
    ${textField({ id: FIELD('naam'), label: LABELS.naam, value: v.naam, required: true, description: 'Wat meet u, in gewone woorden? Bijvoorbeeld: doorlooptijd van een melding.', error: err('naam') })}
    ${selectField({ id: FIELD('soort'), label: LABELS.soort, value: v.soort, required: true, options: SOORTEN.map((s) => ({ waarde: s.waarde, label: `${s.label}: ${s.uitleg}` })), error: err('soort') })}
    ${textField({ id: FIELD('eenheid'), label: LABELS.eenheid, value: v.eenheid, required: true, description: 'Bijvoorbeeld aantal, %, euro, dagen of uren.', error: err('eenheid') })}
    ${selectField({ id: FIELD('richting'), label: LABELS.richting, value: v.richting, required: true, options: [{ waarde: 'hoger', label: 'Hoger is beter' }, { waarde: 'lager', label: 'Lager is beter' }], error: err('richting') })}
    ${textField({ id: FIELD('basisWaarde'), label: LABELS.basisWaarde, value: v.basisWaarde, inputmode: 'decimal', description: 'De stand vóór de innovatie. Decimalen met een komma, bijvoorbeeld 12,5.', error: err('basisWaarde') })}
    ${textField({ id: FIELD('basisDatum'), label: LABELS.basisDatum, value: v.basisDatum, type: 'date', error: err('basisDatum') })}
    ${textField({ id: FIELD('doelWaarde'), label: LABELS.doelWaarde, value: v.doelWaarde, inputmode: 'decimal', description: 'Waar u naartoe wilt.', error: err('doelWaarde') })}
    ${textField({ id: FIELD('doelDatum'), label: LABELS.doelDatum, value: v.doelDatum, type: 'date', error: err('doelDatum') })}
    ${textField({ id: FIELD('bron'), label: LABELS.bron, value: v.bron, description: 'Waar komen de cijfers vandaan? Bijvoorbeeld het zaaksysteem of CBS.', error: err('bron') })}
    ${selectField({ id: FIELD('gebiedsniveau'), label: LABELS.gebiedsniveau, value: v.gebiedsniveau, options: GEBIEDSNIVEAUS, description: 'Meet u per gemeente, wijk of buurt? Dan hoort bij elke meting een CBS-code.', error: err('gebiedsniveau') })}
    ${textField({ id: FIELD('gebiedJaar'), label: LABELS.gebiedJaar, value: v.gebiedJaar, inputmode: 'numeric', description: 'Het jaar van de CBS-indeling waar de codes bij horen; alleen bij een gebiedsniveau.', error: err('gebiedJaar') })}
    ${textField({ id: FIELD('drempel'), label: LABELS.drempel, value: v.drempel, inputmode: 'numeric', description: 'Waarden met minder personen dan dit aantal ziet alleen uw organisatie; anderen zien “onderdrukt”.', error: err('drempel') })}
    <div class="koers-field ${err('optelbaar') ? 'utrecht-form-field--invalid' : ''}">
      <div class="utrecht-form-field utrecht-form-field--checkbox koers-check">
        <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id=${FIELD('optelbaar')} name=${FIELD('optelbaar')} value="ja"
          .checked=${f.optelbaar} aria-describedby="${FIELD('optelbaar')}-uitleg">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for=${FIELD('optelbaar')}>De waarden zijn op te tellen over gebieden en perioden</label>
      </div>
      <div class="utrecht-form-field-description" id="${FIELD('optelbaar')}-uitleg">Zoals aantallen en bedragen; niet bij percentages of gemiddelden. Koers toont dan ook totalen.</div>
      ${err('optelbaar') ? html`<div class="utrecht-form-field-error-message">${err('optelbaar')}</div>` : nothing}
    </div>
    <div class="utrecht-button-group koers-form__actions">
      <button class="utrecht-button utrecht-button--primary-action" type="submit" ?disabled=${f.busy}>Indicator opslaan</button>
      <button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => {
        const back = typeof state.editing === 'number' ? `ind-${state.editing}-bewerken` : 'indicator-toevoegen';
        state.editing = null;
        draw(state, back);
      }}>Annuleren</button>
    </div>
  </form>`;
}

function openForm(state: State, which: 'nieuw' | number): void {
  state.editing = which;
  state.form = emptyForm(typeof which === 'number' ? state.list.find((i) => i.id === which) ?? null : null);
  state.notice = '';
  draw(state, FIELD('naam'));
}

async function removeIndicator(state: State, ind: Indicator): Promise<void> {
  if (!confirm(`Weet u zeker dat u de indicator “${ind.naam}” en al haar metingen wilt verwijderen?`)) return;
  const r = await apiRequest<void>('DELETE', `/indicatoren/${ind.id}`, undefined, { 'If-Match': `"${ind.versie}"` });
  if (!r.ok) {
    state.notice = r.problem.detail;
  } else {
    const problem = await loadList(state);
    state.notice = problem ? problem.detail : `Indicator “${ind.naam}” is verwijderd.`;
  }
  state.noticeAt = null;
  draw(state, 'indicator-melding');
}

// ---------------------------------------------------------------- import

function importState(state: State, id: number): ImportState {
  let s = state.imports.get(id);
  if (!s) {
    s = { file: null, preview: null, fouten: [], problem: '', fileError: '', busy: false };
    state.imports.set(id, s);
  }
  return s;
}

// "regel 5: waarde" -> { regel: 5, veld: "waarde" }
function foutFromParam(name: string, reason: string): ImportFout {
  const m = /^regel\s+(\d+)\s*:\s*(.*)$/i.exec(name);
  return m ? { regel: Number(m[1]), veld: m[2], melding: reason } : { regel: 0, veld: name, melding: reason };
}

async function runImport(state: State, ind: Indicator, preview: boolean): Promise<void> {
  const s = importState(state, ind.id);
  if (s.busy) return;
  const resultId = `ind-${ind.id}-import-resultaat`;
  if (!s.file) {
    s.preview = null;
    s.fouten = [];
    s.problem = '';
    s.fileError = 'Kies een bestand met metingen (.csv of .xlsx)';
    draw(state);
    focusErrorSummary(`ind-${ind.id}-foutoverzicht`);
    return;
  }
  s.fileError = '';
  s.busy = true;
  const file = new Blob([await s.file.arrayBuffer()], { type: importType(s.file.name) });
  const r = await apiRequest<ImportResultaat>('POST', `/indicatoren/${ind.id}/metingen/_import${preview ? '?voorbeeld=true' : ''}`, file);
  s.busy = false;
  if (!r.ok) {
    s.preview = null;
    s.fouten = (r.problem.invalidParams ?? []).map((p) => foutFromParam(p.name, p.reason));
    s.problem = r.problem.detail || r.problem.title;
    if (!s.fouten.length) {
      // The file as a whole cannot be read: the summary says so at the form.
      s.fileError = 'Kies een bestand dat Koers kan lezen: .csv of .xlsx met de kolommen hieronder';
      draw(state);
      focusErrorSummary(`ind-${ind.id}-foutoverzicht`);
      return;
    }
    draw(state, resultId);
    return;
  }
  if (preview) {
    s.preview = r.body;
    s.fouten = r.body.fouten;
    s.problem = '';
    draw(state, resultId);
    return;
  }
  const b = r.body;
  state.imports.delete(ind.id);
  await loadData(state, [ind.id]);
  state.notice = `${formatNumber(b.regels)} ${b.regels === 1 ? 'meting' : 'metingen'} geïmporteerd bij “${ind.naam}”: ${formatNumber(b.nieuw)} nieuw, ${formatNumber(b.gewijzigd)} gewijzigd, ${formatNumber(b.ongewijzigd)} ongewijzigd.`;
  state.noticeAt = { ind: ind.id, part: 'import' };
  const input = document.getElementById(`ind-${ind.id}-bestand`) as HTMLInputElement | null;
  if (input) input.value = '';
  draw(state, 'indicator-melding');
}

function errorsTable(fouten: ImportFout[]): TemplateResult {
  return tableShell(
    `Fouten in het bestand (${formatNumber(fouten.length)})`,
    null,
    html`<tr class="utrecht-table__row">${th('Regel', true)}${th('Kolom')}${th('Melding')}</tr>`,
    html`${fouten.map((f) => html`<tr class="utrecht-table__row">
      <td class="utrecht-table__cell utrecht-table__cell--numeric">${f.regel || '–'}</td>
      <td class="utrecht-table__cell">${f.veld}</td>
      <td class="utrecht-table__cell">${f.melding}</td>
    </tr>`)}`,
  );
}

function importResult(state: State, ind: Indicator): TemplateResult {
  const s = importState(state, ind.id);
  const p = s.preview;
  const hasAreas = ind.gebiedsniveau !== 'geen';
  return html`<div class="koers-import-result" id="ind-${ind.id}-import-resultaat" tabindex="-1">
    ${s.problem || s.fouten.length
      ? html`<div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph"><strong>${s.fouten.length ? (p ? 'Het bestand kan zo niet worden geïmporteerd.' : 'Het bestand is niet geïmporteerd.') : 'Er ging iets mis.'}</strong>
            ${s.problem && !(p && s.fouten.length) ? s.problem : nothing}
            ${s.fouten.length ? html`Verbeter ${(p?.aantalFouten ?? s.fouten.length) === 1 ? 'de fout' : `de ${formatNumber(p?.aantalFouten ?? s.fouten.length)} fouten`} hieronder en kies het bestand opnieuw. Er is niets opgeslagen.` : nothing}</p>
        </div>`
      : nothing}
    ${s.fouten.length ? errorsTable(s.fouten) : nothing}
    ${p?.aantalFouten && p.aantalFouten > s.fouten.length ? html`<p class="utrecht-paragraph">De tabel toont de eerste ${formatNumber(s.fouten.length)} van ${formatNumber(p.aantalFouten)} fouten.</p>` : nothing}
    ${p?.genegeerdeKolommen?.length ? html`<p class="utrecht-paragraph">Deze kolommen kent Koers niet en slaat zij over: ${p.genegeerdeKolommen.join(', ')}.</p>` : nothing}
    ${p
      ? html`<div role="status">
          <p class="utrecht-paragraph">
            <strong>Voorbeeld:</strong> ${formatNumber(p.regels)} ${p.regels === 1 ? 'regel' : 'regels'} gelezen:
            ${formatNumber(p.nieuw)} nieuw, ${formatNumber(p.gewijzigd)} gewijzigd, ${formatNumber(p.ongewijzigd)} ongewijzigd.
            Er is nog niets opgeslagen.
          </p>
        </div>
        ${p.metingen.length
          ? tableShell(
              p.metingen.length < p.regels ? `De eerste ${formatNumber(p.metingen.length)} regels zoals Koers ze leest` : 'De regels zoals Koers ze leest',
              null,
              html`<tr class="utrecht-table__row">${th('Periode')}${hasAreas ? th('Gebied') : nothing}${th(`Waarde (${ind.eenheid})`, true)}${th('Aantal personen', true)}</tr>`,
              html`${p.metingen.map((x) => html`<tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">${periodLabel(x.periode)}</th>
                ${hasAreas ? html`<td class="utrecht-table__cell">${x.gebied}</td>` : nothing}
                ${tdNum(formatNumber(x.waarde))}
                ${tdNum(x.aantal !== null ? formatNumber(x.aantal) : '–')}
              </tr>`)}`,
            )
          : nothing}
        ${!s.fouten.length
          ? html`<div class="utrecht-button-group">
              <button class="utrecht-button utrecht-button--primary-action" type="button" ?disabled=${s.busy}
                @click=${() => runImport(state, ind, false)}>Importeren</button>
            </div>`
          : nothing}`
      : nothing}
  </div>`;
}

function importForm(state: State, ind: Indicator): TemplateResult {
  const id = `ind-${ind.id}-bestand`;
  const s = importState(state, ind.id);
  const columns = ind.gebiedsniveau === 'geen' ? 'periode, waarde en eventueel aantal' : 'periode, gebied, waarde en eventueel aantal';
  return html`<section class="koers-section" aria-labelledby="ind-${ind.id}-import-kop">
    <h3 class="utrecht-heading-3" id="ind-${ind.id}-import-kop">Metingen importeren</h3>
    <form class="utrecht-form" novalidate @submit=${(e: Event) => { e.preventDefault(); void runImport(state, ind, true); }}>
      ${errorSummary('Er is geen voorbeeld gemaakt', s.fileError ? [{ field: id, label: 'Bestand met metingen', message: s.fileError }] : [], s.fileError && s.problem ? s.problem : '', `ind-${ind.id}-foutoverzicht`)}
      <div class="utrecht-form-field koers-field ${s.fileError ? 'utrecht-form-field--invalid' : ''}">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for=${id}>Bestand met metingen<span class="koers-visually-hidden"> voor ${ind.naam}</span> (.csv of .xlsx)</label>
        </div>
        <div class="utrecht-form-field-description" id="${id}-uitleg">
          Kolommen: ${columns}. Een periode is een jaar (2024), kwartaal (2024-Q3) of maand (2024-07)${ind.gebiedsniveau !== 'geen' ? html`; een gebied een CBS-code zoals ${ind.gebiedsniveau === 'GM' ? 'GM0344' : ind.gebiedsniveau === 'WK' ? 'WK034401' : 'BU03440101'}` : nothing}.
          “Aantal” is het aantal personen achter de waarde. Een CSV uit Excel (puntkomma’s, decimale komma) kan ook.
          Bestaande metingen van dezelfde periode${ind.gebiedsniveau !== 'geen' ? ' en hetzelfde gebied' : ''} worden bijgewerkt.
        </div>
        ${s.fileError ? html`<div class="utrecht-form-field-error-message" id="${id}-fout">${s.fileError}</div>` : nothing}
        <div class="utrecht-form-field__input">
          <input class="koers-file-input" type="file" id=${id} name="bestand" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="${id}-uitleg${s.fileError ? ` ${id}-fout` : ''}" aria-invalid=${s.fileError ? 'true' : 'false'} @change=${(e: Event) => {
              s.file = (e.target as HTMLInputElement).files?.[0] ?? null;
              s.preview = null;
              s.fouten = [];
              s.problem = '';
              s.fileError = '';
              draw(state, id);
            }}>
        </div>
      </div>
      <div class="utrecht-button-group">
        <button class="utrecht-button utrecht-button--secondary-action" type="submit" ?disabled=${s.busy}>Voorbeeld bekijken</button>
      </div>
    </form>
    ${importResult(state, ind)}
    ${state.noticeAt?.ind === ind.id && state.noticeAt.part === 'import' ? noticeBox(state) : nothing}
  </section>`;
}

// ---------------------------------------------------------------- page

function meta(ind: Indicator): TemplateResult {
  const row = (k: string, v: string | TemplateResult) => html`<div class="utrecht-data-list__item koers-data-list__item">
    <dt class="utrecht-data-list__item-key">${k}</dt><dd class="utrecht-data-list__item-value">${v}</dd></div>`;
  return html`<dl class="utrecht-data-list koers-data-list">
    ${row('Soort', `${soortLabel(ind.soort)}: ${SOORTEN.find((s) => s.waarde === ind.soort)?.uitleg ?? ''}`)}
    ${row('Eenheid', `${ind.eenheid} (${richtingLabel(ind.richting)})`)}
    ${row('Basiswaarde', ind.basisWaarde !== null ? `${withUnit(ind.basisWaarde, ind.eenheid)}${ind.basisDatum ? ` op ${formatDate(ind.basisDatum)}` : ''}` : 'niet vastgelegd')}
    ${row('Streefwaarde', ind.doelWaarde !== null ? `${withUnit(ind.doelWaarde, ind.eenheid)}${ind.doelDatum ? ` uiterlijk ${formatDate(ind.doelDatum)}` : ''}` : 'niet vastgelegd')}
    ${ind.bron ? row('Bron', ind.bron) : nothing}
    ${row('Gebieden', ind.gebiedsniveau === 'geen' ? 'geen' : `${GEBIEDSNIVEAUS.find((g) => g.waarde === ind.gebiedsniveau)?.label ?? ind.gebiedsniveau}, indeling ${ind.gebiedJaar ?? 'onbekend'}`)}
    ${row('Privacy', `een waarde van minder dan ${formatNumber(ind.drempel)} personen ziet alleen de eigen organisatie; anderen zien “onderdrukt”`)}
  </dl>`;
}

function measurements(state: State, ind: Indicator): TemplateResult {
  const m = state.data.get(ind.id);
  if (!m) return html`<p class="utrecht-paragraph">De metingen worden geladen.</p>`;
  if (isProblem(m)) return html`<div class="utrecht-alert utrecht-alert--warning"><p class="utrecht-paragraph">De metingen konden niet worden geladen: ${m.detail}</p></div>`;
  if (!m.metingen.length) return html`<p class="utrecht-paragraph">Nog geen metingen.${state.magBewerken ? ' Importeer ze hieronder uit een spreadsheet.' : ''}</p>`;
  const l = lines(ind, m);
  const tableId = `ind-${ind.id}-gebieden`;
  return html`
    ${suppressionNote(ind, m)}
    ${chartFigure({
      id: `ind-${ind.id}`,
      title: `${ind.naam} per periode`,
      summary: chartSummary(ind, m),
      option: state.options.get(ind.id) ?? lineOption(ind, m),
      note: html`${m.totalen && ind.gebiedsniveau !== 'geen' ? 'De lijn is het totaal van alle gebieden. ' : nothing}${l.omitted ? `De figuur toont ${l.lines.length} van de ${l.lines.length + l.omitted} gebieden; de tabel per gebied geeft ze allemaal. ` : nothing}${ind.basisWaarde !== null ? 'Stippellijn: basiswaarde. ' : nothing}${ind.doelWaarde !== null ? 'Streepjeslijn: streefwaarde. ' : nothing}Een onderbroken lijn betekent een ontbrekende of onderdrukte waarde.`,
      table: periodTable(ind, m),
    })}
    ${ind.gebiedsniveau !== 'geen'
      ? html`<section class="koers-section" aria-labelledby="ind-${ind.id}-gebied-kop">
          <h3 class="utrecht-heading-3" id="ind-${ind.id}-gebied-kop">Per gebied</h3>
          ${areaMap(state, ind, m, tableId)}
          ${areaTable(ind, m, tableId)}
        </section>`
      : nothing}`;
}

function exports(ind: Indicator): TemplateResult | typeof nothing {
  return downloadLinks(
    EXPORT_FORMATS.map((f) => ({ href: `/api/v1/indicatoren/${ind.id}/metingen/_export?formaat=${f.formaat}`, label: f.label, context: `van ${ind.naam}` })),
    'Metingen downloaden',
  );
}

function indicatorSection(state: State, ind: Indicator): TemplateResult {
  const editing = state.editing === ind.id;
  return html`<section class="koers-section koers-indicator" aria-labelledby="ind-${ind.id}-kop">
    <h2 class="utrecht-heading-2" id="ind-${ind.id}-kop">${ind.naam} <span class="utrecht-badge-data koers-badge">${soortLabel(ind.soort)}</span></h2>
    ${editing ? indicatorForm(state, ind) : meta(ind)}
    ${state.noticeAt?.ind === ind.id && state.noticeAt.part === 'form' ? noticeBox(state) : nothing}
    ${state.magBewerken && !editing
      ? html`<div class="utrecht-button-group koers-actions">
          <button class="utrecht-button utrecht-button--secondary-action" type="button" id="ind-${ind.id}-bewerken" @click=${() => openForm(state, ind.id)}>Bewerken<span class="koers-visually-hidden"> ${ind.naam}</span></button>
          <button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => removeIndicator(state, ind)}>Verwijderen<span class="koers-visually-hidden"> ${ind.naam}</span></button>
        </div>`
      : nothing}
    ${measurements(state, ind)}
    ${exports(ind)}
    ${state.magBewerken ? importForm(state, ind) : nothing}
  </section>`;
}

// The message after a save, an import or a removal, beside what it is about.
function noticeBox(state: State): TemplateResult {
  return html`<div class="koers-notice" id="indicator-melding" tabindex="-1" role="status">
    ${state.notice ? html`<div class="utrecht-alert utrecht-alert--ok"><p class="utrecht-paragraph">${state.notice}</p></div>` : nothing}
  </div>`;
}

function draw(state: State, focusId?: string): void {
  const i = state.innovatie;
  renderPage(
    `Indicatoren en waarde: ${i.titel}`,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}">Terug naar ${i.titel}</a></p>
      <h1 class="utrecht-heading-1">Indicatoren en waarde: ${i.titel}</h1>
      <p class="utrecht-paragraph">
        Met indicatoren legt u vast wat de innovatie kost (input), wat zij doet (output) en welk effect zij heeft (outcome),
        met een basiswaarde van vóór de start en een streefwaarde. Metingen importeert u uit een spreadsheet, per periode en zo nodig per gemeente, wijk of buurt.
      </p>
      ${state.noticeAt === null ? noticeBox(state) : nothing}
      ${state.magBewerken && state.editing === 'nieuw' ? indicatorForm(state, null) : nothing}
      ${state.magBewerken && state.editing !== 'nieuw'
        ? html`<div class="utrecht-button-group">
            <button class="utrecht-button utrecht-button--primary-action" type="button" id="indicator-toevoegen" @click=${() => openForm(state, 'nieuw')}>Indicator toevoegen</button>
          </div>`
        : nothing}
      ${state.list.length
        ? state.list.map((ind) => indicatorSection(state, ind))
        : html`<p class="utrecht-paragraph">Deze innovatie heeft nog geen indicatoren.</p>`}
    `,
  );
  if (focusId) document.getElementById(focusId)?.focus();
}

export async function indicatorsPage(params: Record<string, string>): Promise<void> {
  const r = await apiGet<Innovatie>(`/innovaties/${encodeURIComponent(params.id)}`);
  if (!r.ok) return problemPage('Indicatoren', r.problem);
  const state: State = {
    innovatie: r.body,
    list: [],
    magBewerken: false,
    data: new Map(),
    options: new Map(),
    kaart: null,
    editing: null,
    form: emptyForm(null),
    imports: new Map(),
    mapPeriod: new Map(),
    notice: '',
    noticeAt: null,
  };
  const problem = await loadList(state);
  if (problem) return problemPage('Indicatoren', problem);
  draw(state);
}
