// Diagnosis and advice. For an innovation: the success factors as chart and
// table with their trend, a quick form to score them again, the team check
// and the ranked options for action with their reasons, and a printable
// advice report. For an organisation: its innovation climate (traits and
// hurdles) with advice. And what the portfolio teaches about the factors.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie, type ProblemDetails } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import { label } from '../lib/vocab';
import { canEditInnovation, hasRole, session } from '../lib/session';
import { loginPrompt, readOnlyNotice } from '../components/login-prompt/login-prompt';
import { renderPage } from '../components/page-shell/page-shell';
import { dataTable } from '../components/data-table/data-table';
import { textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { phaseBadges } from '../components/status-badge/status-badge';
import { scoreChart, type ScoreRow } from '../components/score-chart/score-chart';
import { orgNav } from './funnel';
import { problemPage } from './problem';

interface Item {
  id: string;
  naam: string;
  uitleg: string;
}
interface Optie {
  id: string;
  titel: string;
  tekst: string;
  thema: string;
  themaNaam: string;
}
interface Kennis {
  succesfactoren: Item[];
  kenmerken: Item[];
  drempels: Item[];
}
type Scores = Record<string, { score: number | null; notitie: string }>;
interface Meting {
  id: number;
  datum: string;
  factoren?: Scores;
  kenmerken?: Scores;
  drempels?: Scores;
  door: string;
}
interface Advies {
  optie: Optie;
  regel: string;
  gewicht: number;
  reden: string;
}
interface Teamcheck {
  ontbrekendeRollen: { rollen: string[]; regel: string; reden: string }[];
  ontbrekendeArchetypegroepen: { id: string; naam: string; uitleg: string }[];
}
interface InnovatieAdvies {
  teamcheck: Teamcheck;
  advies: Advies[];
}

let kennis: Promise<Kennis | null> | null = null;
const loadKennis = () => (kennis ??= apiGet<Kennis>('/kennis').then((r) => (r.ok ? r.body : null)));

// Rows for the chart and table: the newest score and the one before.
function rows(items: Item[], newest: Scores | undefined, previous: Scores | undefined): ScoreRow[] {
  return items.map((i) => ({ naam: i.naam, score: newest?.[i.id]?.score ?? null, vorige: previous?.[i.id]?.score ?? null }));
}

function trend(r: ScoreRow): string {
  if (r.score == null || r.vorige == null) return '–';
  if (r.score > r.vorige) return `beter (was ${r.vorige})`;
  if (r.score < r.vorige) return `slechter (was ${r.vorige})`;
  return 'gelijk';
}

function profile(id: string, title: string, items: Item[], history: Meting[], key: 'factoren' | 'kenmerken' | 'drempels'): TemplateResult {
  if (!history.length) return html`<p class="utrecht-paragraph">Nog niet gescoord.</p>`;
  const r = rows(items, history[0][key], history[1]?.[key]);
  return html`
    ${scoreChart(id, title, r, `${id}-tabel`)}
    <div id="${id}-tabel">
      ${dataTable(`${title}, gemeten op ${formatDate(history[0].datum)}`, ['Onderdeel', 'Score (1-5)', 'Ontwikkeling', 'Notitie'],
        r.map((x, n) => [x.naam, x.score ?? '–', trend(x), history[0][key]?.[items[n].id]?.notitie || '–']), { numeric: [1] })}
    </div>`;
}

// Radio buttons 1-5 per item: arrow keys move within one item, Tab to the next.
function scoreForm(items: Item[], group: string, errors: FieldError[]): TemplateResult {
  return html`${items.map((i) => {
    const error = errors.find((e) => e.field.startsWith(`${group}.${i.id}`))?.message;
    return html`<fieldset class="utrecht-form-fieldset koers-fieldset ${error ? 'utrecht-form-fieldset--invalid' : ''}" id="${group}.${i.id}">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${i.naam}</legend>
      <details class="koers-details"><summary>Uitleg<span class="koers-visually-hidden"> bij ${i.naam}</span></summary><p class="utrecht-paragraph">${i.uitleg}</p></details>
      ${error ? html`<div class="utrecht-form-field-error-message">${error}</div>` : nothing}
      <div class="koers-scale">
        ${[1, 2, 3, 4, 5].map((n) => html`<span class="utrecht-form-field--radio">
          <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${group}-${i.id}-${n}" name="${group}:${i.id}" value=${n}>
          <label class="utrecht-form-label utrecht-form-label--radio" for="${group}-${i.id}-${n}">${n}</label>
        </span>`)}
      </div>
      ${textField({ id: `${group}-${i.id}-notitie`, label: `Notitie bij ${i.naam}`, value: '' })}
    </fieldset>`;
  })}`;
}

function readScores(form: FormData, group: string, items: Item[]): Scores {
  const out: Scores = {};
  for (const i of items) {
    const v = form.get(`${group}:${i.id}`);
    const note = String(form.get(`${group}-${i.id}-notitie`) ?? '').trim();
    if (v !== null || note) out[i.id] = { score: v === null ? null : Number(v), notitie: note };
  }
  return out;
}

function toErrors(problem: ProblemDetails): FieldError[] {
  return (problem.invalidParams ?? []).map((p) => ({ field: p.name.replace(/\.(score|notitie)$/, ''), label: p.name, message: p.reason }));
}

function adviceItem(a: Advies): TemplateResult {
  return html`<li>
    <h3 class="utrecht-heading-3">${a.optie.titel}</h3>
    <p class="utrecht-paragraph"><strong>Waarom:</strong> ${a.reden}.</p>
    <p class="utrecht-paragraph">${a.optie.tekst}</p>
    <p class="utrecht-paragraph koers-muted">Thema: ${a.optie.themaNaam}</p>
  </li>`;
}

// The first `limit` options; the rest behind a disclosure.
export function adviceList(advies: Advies[], limit = advies.length): TemplateResult {
  if (!advies.length) return html`<p class="utrecht-paragraph">Op dit moment geeft Koers geen advies: de regels zien geen aandachtspunten.</p>`;
  const rest = advies.slice(limit);
  return html`<ol class="koers-advice">${advies.slice(0, limit).map(adviceItem)}</ol>
    ${rest.length
      ? html`<details class="koers-details"><summary>Nog ${rest.length} ${rest.length === 1 ? 'handelingsoptie' : 'handelingsopties'}</summary>
          <ol class="koers-advice" start=${limit + 1}>${rest.map(adviceItem)}</ol>
        </details>`
      : nothing}`;
}

function teamSection(t: Teamcheck): TemplateResult {
  return html`<section class="koers-section" aria-labelledby="team-kop">
    <h2 class="utrecht-heading-2" id="team-kop">Teamcheck</h2>
    ${t.ontbrekendeRollen.length
      ? dataTable('Ontbrekende rollen', ['Rol', 'Waarom nodig'], t.ontbrekendeRollen.map((g) => [g.rollen.map((r) => label('rol', r)).join(' of '), g.reden]))
      : html`<p class="utrecht-paragraph">Het team heeft de rollen die deze fase en dit analyseniveau vragen.</p>`}
    ${t.ontbrekendeArchetypegroepen.length
      ? html`<h3 class="utrecht-heading-3">Ontbrekende archetypen</h3>
          <ul class="utrecht-unordered-list">${t.ontbrekendeArchetypegroepen.map((g) => html`<li><strong>${g.naam}:</strong> ${g.uitleg}</li>`)}</ul>`
      : nothing}
  </section>`;
}

interface DiagnoseState {
  innovatie: Innovatie;
  kennis: Kennis;
  diagnoses: Meting[];
  advies: InnovatieAdvies;
  errors: FieldError[];
  general: string;
  notice: string;
}

function drawDiagnose(state: DiagnoseState): void {
  const i = state.innovatie;
  const edit = canEditInnovation(i) || hasRole(i.organisatie, 'stuurgroep');
  renderPage(
    `Diagnose en advies: ${i.titel}`,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}">${i.titel}</a></p>
      <h1 class="utrecht-heading-1">Diagnose en advies: ${i.titel}</h1>
      ${phaseBadges(i.fase, i.status)}
      ${edit
        ? nothing
        : readOnlyNotice(`Deze diagnose en dit advies zijn van ${i.organisatieNaam ?? i.organisatie}: het advies volgt uit de scores die hun team gaf. U kunt ze lezen en ervan leren; alleen dat team en hun stuurgroep leggen een nieuwe diagnose vast.`)}
      ${edit || session().ingelogd ? nothing : loginPrompt('Werkt u aan deze innovatie? Log in om een nieuwe diagnose vast te leggen.')}
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}/adviesrapport">Adviesrapport voor de stuurgroep (om te printen)</a></p>
      ${state.notice ? html`<div class="utrecht-alert utrecht-alert--ok" role="status" id="diagnose-melding" tabindex="-1"><p class="utrecht-paragraph">${state.notice}</p></div>` : nothing}
      <section class="koers-section" aria-labelledby="factoren-kop">
        <h2 class="utrecht-heading-2" id="factoren-kop">Succesfactoren</h2>
        ${profile('factoren', 'Succesfactoren', state.kennis.succesfactoren, state.diagnoses, 'factoren')}
        ${state.diagnoses.length > 1
          ? html`<p class="utrecht-paragraph koers-muted">${state.diagnoses.length} diagnoses: ${state.diagnoses.map((d) => formatDate(d.datum)).join(', ')}.</p>`
          : nothing}
      </section>
      <section class="koers-section" aria-labelledby="advies-kop">
        <h2 class="utrecht-heading-2" id="advies-kop">Advies</h2>
        ${adviceList(state.advies.advies, 8)}
      </section>
      ${teamSection(state.advies.teamcheck)}
      ${edit
        ? html`<section class="koers-section" aria-labelledby="nieuw-kop">
            <h2 class="utrecht-heading-2" id="nieuw-kop">Nieuwe diagnose</h2>
            <p class="utrecht-paragraph">Scoor elke factor van 1 (zwak) tot 5 (sterk). Met de pijltjestoetsen kiest u een score, met Tab gaat u naar de volgende factor.</p>
            ${errorSummary('De diagnose is niet opgeslagen', state.errors, state.general)}
            <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => saveDiagnose(e, state)}>
              ${textField({ id: 'datum', label: 'Datum', type: 'date', value: new Date().toISOString().slice(0, 10), error: state.errors.find((x) => x.field === 'datum')?.message })}
              ${scoreForm(state.kennis.succesfactoren, 'factoren', state.errors)}
              <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">Diagnose opslaan</button></div>
            </form>
          </section>`
        : nothing}
    `,
  );
}

async function loadDiagnose(id: string): Promise<Omit<DiagnoseState, 'errors' | 'general' | 'notice'> | ProblemDetails> {
  const [i, k, d, a] = await Promise.all([
    apiGet<Innovatie>(`/innovaties/${id}`),
    loadKennis(),
    apiGet<{ _embedded: { diagnoses: Meting[] } }>(`/innovaties/${id}/diagnoses`),
    apiGet<InnovatieAdvies>(`/innovaties/${id}/advies`),
  ]);
  if (!i.ok) return i.problem;
  if (!k || !d.ok || !a.ok) return { status: 500, title: 'Fout', detail: 'De diagnose kon niet worden geladen.' };
  return { innovatie: i.body, kennis: k, diagnoses: d.body._embedded.diagnoses, advies: a.body };
}

async function saveDiagnose(e: Event, state: DiagnoseState): Promise<void> {
  e.preventDefault();
  const f = new FormData(e.target as HTMLFormElement);
  const r = await apiRequest('POST', `/innovaties/${state.innovatie.id}/diagnoses`, {
    datum: String(f.get('datum') ?? ''),
    factoren: readScores(f, 'factoren', state.kennis.succesfactoren),
  });
  if (!r.ok) {
    state.errors = toErrors(r.problem);
    state.general = state.errors.length ? '' : r.problem.detail;
    drawDiagnose(state);
    focusErrorSummary();
    return;
  }
  const fresh = await loadDiagnose(String(state.innovatie.id));
  if ('status' in fresh) return problemPage('Diagnose', fresh);
  Object.assign(state, fresh, { errors: [], general: '', notice: 'De diagnose is opgeslagen. Het advies is bijgewerkt.' });
  drawDiagnose(state);
  document.getElementById('diagnose-melding')?.focus();
}

export async function diagnosePage(params: Record<string, string>): Promise<void> {
  const data = await loadDiagnose(params.id);
  if ('status' in data) return problemPage('Diagnose', data);
  drawDiagnose({ ...data, errors: [], general: '', notice: '' });
}

export async function adviceReportPage(params: Record<string, string>): Promise<void> {
  const data = await loadDiagnose(params.id);
  if ('status' in data) return problemPage('Adviesrapport', data);
  const i = data.innovatie;
  renderPage(
    `Adviesrapport ${i.titel}`,
    html`<article class="koers-report">
      <p class="utrecht-paragraph koers-no-print"><a class="utrecht-link" href="/innovaties/${i.id}/diagnose">Terug naar diagnose en advies</a> · gebruik de printfunctie van de browser (A4).</p>
      <h1 class="utrecht-heading-1">Adviesrapport: ${i.titel}</h1>
      <p class="utrecht-paragraph">${i.organisatieNaam ?? i.organisatie} · fase ${label('fase', i.fase).toLowerCase()}, ${label('status', i.status).toLowerCase()} · opgesteld op ${formatDate(new Date().toISOString())}</p>
      <h2 class="utrecht-heading-2">Succesfactoren</h2>
      ${data.diagnoses.length
        ? dataTable(`Laatste diagnose (${formatDate(data.diagnoses[0].datum)})`, ['Succesfactor', 'Score (1-5)', 'Ontwikkeling'],
            rows(data.kennis.succesfactoren, data.diagnoses[0].factoren, data.diagnoses[1]?.factoren).map((r) => [r.naam, r.score ?? '–', trend(r)]), { numeric: [1] })
        : html`<p class="utrecht-paragraph">Nog geen diagnose.</p>`}
      <h2 class="utrecht-heading-2">Advies</h2>
      ${adviceList(data.advies.advies, 10)}
      ${teamSection(data.advies.teamcheck)}
    </article>`,
  );
}

// --- organisation climate ---------------------------------------------------------

interface KlimaatState {
  code: string;
  naam: string;
  kennis: Kennis;
  metingen: Meting[];
  advies: Advies[];
  errors: FieldError[];
  general: string;
  notice: string;
}

function drawKlimaat(state: KlimaatState): void {
  const edit = hasRole(state.code, 'beheerder', 'stuurgroep');
  renderPage(
    `Innovatieklimaat ${state.naam}`,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/organisaties/${state.code}">${state.naam}</a></p>
      <h1 class="utrecht-heading-1">Innovatieklimaat: ${state.naam}</h1>
      ${orgNav(state.code, 'klimaat')}
      ${state.notice ? html`<div class="utrecht-alert utrecht-alert--ok" role="status" id="klimaat-melding" tabindex="-1"><p class="utrecht-paragraph">${state.notice}</p></div>` : nothing}
      <section class="koers-section" aria-labelledby="kenmerken-kop">
        <h2 class="utrecht-heading-2" id="kenmerken-kop">Kenmerken van een innovatievriendelijke organisatie</h2>
        ${profile('kenmerken', 'Kenmerken', state.kennis.kenmerken, state.metingen, 'kenmerken')}
      </section>
      <section class="koers-section" aria-labelledby="drempels-kop">
        <h2 class="utrecht-heading-2" id="drempels-kop">Drempels</h2>
        <p class="utrecht-paragraph">Hier betekent een hoge score een grote drempel.</p>
        ${profile('drempels', 'Drempels', state.kennis.drempels, state.metingen, 'drempels')}
      </section>
      <section class="koers-section" aria-labelledby="org-advies-kop">
        <h2 class="utrecht-heading-2" id="org-advies-kop">Advies voor de organisatie</h2>
        ${state.metingen.length ? adviceList(state.advies, 8) : html`<p class="utrecht-paragraph">Leg eerst een meting vast.</p>`}
      </section>
      ${edit
        ? html`<section class="koers-section" aria-labelledby="meting-kop">
            <h2 class="utrecht-heading-2" id="meting-kop">Nieuwe meting</h2>
            ${errorSummary('De meting is niet opgeslagen', state.errors, state.general)}
            <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => saveKlimaat(e, state)}>
              ${textField({ id: 'datum', label: 'Datum', type: 'date', value: new Date().toISOString().slice(0, 10) })}
              <h3 class="utrecht-heading-3">Kenmerken (1 herken ik niet, 5 sterk aanwezig)</h3>
              ${scoreForm(state.kennis.kenmerken, 'kenmerken', state.errors)}
              <h3 class="utrecht-heading-3">Drempels (1 speelt nauwelijks, 5 grote drempel)</h3>
              ${scoreForm(state.kennis.drempels, 'drempels', state.errors)}
              <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">Meting opslaan</button></div>
            </form>
          </section>`
        : nothing}
    `,
  );
}

async function loadKlimaat(code: string): Promise<Omit<KlimaatState, 'errors' | 'general' | 'notice'> | ProblemDetails> {
  const [o, k, m, a] = await Promise.all([
    apiGet<{ naam: string }>(`/organisaties/${encodeURIComponent(code)}`),
    loadKennis(),
    apiGet<{ _embedded: { metingen: Meting[] } }>(`/organisaties/${encodeURIComponent(code)}/klimaat`),
    apiGet<{ advies: Advies[] }>(`/organisaties/${encodeURIComponent(code)}/advies`),
  ]);
  if (!o.ok) return o.problem;
  if (!m.ok) return m.problem;
  if (!k || !a.ok) return { status: 500, title: 'Fout', detail: 'Het innovatieklimaat kon niet worden geladen.' };
  return { code, naam: o.body.naam, kennis: k, metingen: m.body._embedded.metingen, advies: a.body.advies };
}

async function saveKlimaat(e: Event, state: KlimaatState): Promise<void> {
  e.preventDefault();
  const f = new FormData(e.target as HTMLFormElement);
  const r = await apiRequest('POST', `/organisaties/${state.code}/klimaat`, {
    datum: String(f.get('datum') ?? ''),
    kenmerken: readScores(f, 'kenmerken', state.kennis.kenmerken),
    drempels: readScores(f, 'drempels', state.kennis.drempels),
  });
  if (!r.ok) {
    state.errors = toErrors(r.problem);
    state.general = state.errors.length ? '' : r.problem.detail;
    drawKlimaat(state);
    focusErrorSummary();
    return;
  }
  const fresh = await loadKlimaat(state.code);
  if ('status' in fresh) return problemPage('Innovatieklimaat', fresh);
  Object.assign(state, fresh, { errors: [], general: '', notice: 'De meting is opgeslagen.' });
  drawKlimaat(state);
  document.getElementById('klimaat-melding')?.focus();
}

export async function climatePage(params: Record<string, string>): Promise<void> {
  if (!session().ingelogd) {
    return problemPage('Innovatieklimaat', { status: 401, title: 'Inloggen nodig', detail: 'Log in om het innovatieklimaat van een organisatie te zien.' });
  }
  const data = await loadKlimaat(params.code);
  if ('status' in data) return problemPage('Innovatieklimaat', data);
  drawKlimaat({ ...data, errors: [], general: '', notice: '' });
}

// --- portfolio learning ---------------------------------------------------------------

interface Groep {
  n: number;
  implementatieBereikt: number;
  aandeel: number | null;
}
interface ClusterPatroon {
  cluster: string;
  naam: string;
  met: Groep;
  zonder: Groep;
  genoegGegevens: boolean;
}

// What a comparison of two groups may say: nothing below the minimum.
function verdict(enough: boolean, a: number | null, b: number | null, more: string, less: string): string {
  if (!enough) return 'Te weinig innovaties om iets te zeggen.';
  if ((a ?? 0) > (b ?? 0)) return more;
  if ((a ?? 0) < (b ?? 0)) return less;
  return 'Geen verschil.';
}

interface FactorPatroon {
  factor: string;
  naam: string;
  hoog: { n: number; implementatieBereikt: number; aandeel: number | null };
  laag: { n: number; implementatieBereikt: number; aandeel: number | null };
  genoegGegevens: boolean;
}

const percent = (x: number | null) => (x == null ? '–' : `${formatNumber(Math.round(x * 100))}%`);

// What the portfolio says about success factors: a section of the lessons
// pages, for one organisation or for all.
export async function portfolioPatterns(code: string): Promise<TemplateResult> {
  const r = await apiGet<{ minimumPerGroep: number; factoren: FactorPatroon[]; lesclusters: ClusterPatroon[] }>(`/portfolio/succesfactoren${code ? `?organisatie=${encodeURIComponent(code)}` : ''}`);
  if (!r.ok) return html`<p class="utrecht-paragraph">De patronen in het portfolio konden niet worden geladen: ${r.problem.detail ?? r.problem.title}</p>`;
  const min = r.body.minimumPerGroep;
  return html`<section class="koers-section" aria-labelledby="patronen-kop">
      <h2 class="utrecht-heading-2" id="patronen-kop">Patronen in het portfolio</h2>
      <p class="utrecht-paragraph">
        Per succesfactor: hoe vaak innovaties die er in hun laatste diagnose hoog (4 of 5) of laag (1 of 2) op scoorden,
        de implementatie haalden. Koers trekt pas een conclusie als beide groepen minstens ${min} innovaties tellen;
        en ook dan is het een samenhang, geen bewijs van oorzaak.
      </p>
      ${dataTable('Succesfactoren en het halen van de implementatie', ['Succesfactor', 'Hoog: aantal', 'Hoog: implementatie gehaald', 'Laag: aantal', 'Laag: implementatie gehaald', 'Wat het zegt'],
        r.body.factoren.map((l) => [
          l.naam,
          l.hoog.n,
          `${l.hoog.implementatieBereikt} (${percent(l.hoog.aandeel)})`,
          l.laag.n,
          `${l.laag.implementatieBereikt} (${percent(l.laag.aandeel)})`,
          verdict(l.genoegGegevens, l.hoog.aandeel, l.laag.aandeel, 'Hoog scorende innovaties haalden vaker de implementatie.', 'Laag scorende innovaties haalden vaker de implementatie.'),
        ]), { numeric: [1, 3] })}
      <p class="utrecht-paragraph">
        Per onderwerp van lessen: haalden innovaties met een les over dat onderwerp vaker de implementatie dan innovaties
        die wel lessen vastlegden, maar niet daarover? Alleen innovaties en lessen die u mag lezen tellen mee.
      </p>
      ${dataTable('Onderwerpen van lessen en het halen van de implementatie', ['Onderwerp', 'Met zo’n les: aantal', 'Met: implementatie gehaald', 'Zonder: aantal', 'Zonder: implementatie gehaald', 'Wat het zegt'],
        r.body.lesclusters.map((c) => [
          c.naam,
          c.met.n,
          `${c.met.implementatieBereikt} (${percent(c.met.aandeel)})`,
          c.zonder.n,
          `${c.zonder.implementatieBereikt} (${percent(c.zonder.aandeel)})`,
          verdict(c.genoegGegevens, c.met.aandeel, c.zonder.aandeel, 'Innovaties met zo’n les haalden vaker de implementatie.', 'Innovaties zonder zo’n les haalden vaker de implementatie.'),
        ]), { numeric: [1, 3] })}
    </section>`;
}
