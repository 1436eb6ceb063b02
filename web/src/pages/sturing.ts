// The steering page of one innovation: time in phase against the expected
// time to market, the pitch, unknowns and risks, the business case and the
// gate reviews.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie, type ProblemDetails } from '../lib/api';
import { formatDate, formatEuro, formatNumber } from '../lib/format';
import { canEditInnovation, hasRole } from '../lib/session';
import { BENEFIT_HEADERS, DECISIONS, UNCERTAINTY_STATUS, benefitRows, days, phaseLabel, type Beoordeling, type Businesscase, type Onzekerheid, type Pitch, type SturingInnovatie } from '../lib/steering';
import { renderPage } from '../components/page-shell/page-shell';
import { dataTable } from '../components/data-table/data-table';
import { selectField, textArea, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { phaseBadges } from '../components/status-badge/status-badge';
import { checkFields, errorFor, formDraft, parseAmount, problemErrors, type FieldSpec } from '../lib/form-errors';
import { nextReviewText } from '../lib/learning';
import { problemPage } from './problem';

interface State {
  innovatie: Innovatie;
  sturing: SturingInnovatie;
  pitch: { huidig: Pitch | null; versies: Pitch[] };
  onzekerheden: Onzekerheid[];
  businesscase: Businesscase;
  beoordelingen: Beoordeling[];
  // The form the errors belong to; each form shows its own summary.
  failed: FormKey | null;
  errors: FieldError[];
  general: string;
  // A success message, shown beside the form that was saved.
  notice: { at: FormKey; text: string } | null;
  // What was typed in a refused form, by control name, so the form shows
  // it again next to the errors.
  drafts: Partial<Record<FormKey, Record<string, string>>>;
}

type FormKey = 'pitch' | 'risico' | 'status' | 'bc';

const canEdit = canEditInnovation;
const canReview = (i: Innovatie) => canEdit(i) || hasRole(i.organisatie, 'stuurgroep');

type Loaded = Omit<State, 'failed' | 'errors' | 'general' | 'notice' | 'drafts'>;

async function load(id: string): Promise<Loaded | { problem: import('../lib/api').ProblemDetails }> {
  const [i, st, p, o, b, r] = await Promise.all([
    apiGet<Innovatie>(`/innovaties/${id}`),
    apiGet<SturingInnovatie>(`/innovaties/${id}/sturing`),
    apiGet<{ huidig: Pitch | null; versies: Pitch[] }>(`/innovaties/${id}/pitch`),
    apiGet<{ _embedded: { onzekerheden: Onzekerheid[] } }>(`/innovaties/${id}/onzekerheden`),
    apiGet<Businesscase>(`/innovaties/${id}/businesscase`),
    apiGet<{ _embedded: { beoordelingen: Beoordeling[] } }>(`/innovaties/${id}/beoordelingen`),
  ]);
  if (!i.ok) return { problem: i.problem };
  if (!st.ok || !p.ok || !o.ok || !b.ok || !r.ok) return { problem: { status: 500, title: 'Fout', detail: 'De sturing kon niet worden geladen.' } };
  return { innovatie: i.body, sturing: st.body, pitch: p.body, onzekerheden: o.body._embedded.onzekerheden, businesscase: b.body, beoordelingen: r.body._embedded.beoordelingen };
}

function leadTime(s: SturingInnovatie, niveau: string | null): TemplateResult {
  const d = s.doorlooptijd;
  const years = formatNumber(Math.round(d.jaren * 10) / 10);
  return html`<p class="utrecht-paragraph">
    ${d.implementatieBereikt ? html`Van start tot implementatie: <strong>${years} jaar</strong>.` : html`Sinds de start: <strong>${years} jaar</strong>, nog niet in implementatie.`}
    ${d.verwacht
      ? html`Voor het niveau ${niveau} is de gebruikelijke tijd tot de markt ${formatNumber(d.verwacht.minJaren)} tot ${formatNumber(d.verwacht.maxJaren)} jaar.`
      : html`Vul het innovatieniveau in om de doorlooptijd met de verwachte tijd te vergelijken.`}
  </p>
  ${d.overschreden ? html`<div class="utrecht-alert utrecht-alert--warning koers-flag" role="status"><p class="utrecht-paragraph">Let op: de doorlooptijd is langer dan verwacht.</p></div>` : nothing}`;
}

const SUMMARY_TITLE: Record<FormKey, string> = {
  pitch: 'De pitch is niet opgeslagen',
  risico: 'Dit is niet aan het register toegevoegd',
  status: 'De status is niet gewijzigd',
  bc: 'De businesscase is niet opgeslagen',
};

// The summary of a refused form, at the top of that form.
function summary(state: State, at: FormKey): TemplateResult | typeof nothing {
  return state.failed === at ? errorSummary(SUMMARY_TITLE[at], state.errors, state.general) : nothing;
}

// The message after a save, beside the form (a live region that is always
// there, so the message is announced).
function notice(state: State, at: FormKey): TemplateResult {
  const text = state.notice?.at === at ? state.notice.text : '';
  return html`<div class="koers-notice" id="${at}-melding" role="status" tabindex="-1">
    ${text ? html`<div class="utrecht-alert utrecht-alert--ok"><p class="utrecht-paragraph">${text}</p></div>` : nothing}
  </div>`;
}

const errFor = (state: State, at: FormKey, id: string) => (state.failed === at ? errorFor(state.errors, id) : undefined);
// The value a field shows: what was typed in a refused form, else the saved one.
const draftOr = (state: State, at: FormKey, id: string, saved: string | number | null | undefined) => {
  const d = state.drafts[at];
  return d ? d[id] ?? '' : saved != null ? String(saved) : '';
};

function pitchSection(state: State): TemplateResult {
  const p = state.pitch.huidig;
  const edit = canEdit(state.innovatie);
  return html`<section class="koers-section" aria-labelledby="pitch-kop">
    <h2 class="utrecht-heading-2" id="pitch-kop">Pitch</h2>
    ${p
      ? html`<dl class="utrecht-data-list koers-data-list">
          ${(['behoeften', 'aanpak', 'voordelen', 'alternatieven'] as const).map((k) => html`<div class="utrecht-data-list__item koers-data-list__item">
            <dt class="utrecht-data-list__item-key">${k[0].toUpperCase() + k.slice(1)}</dt><dd class="utrecht-data-list__item-value">${p[k] ?? '–'}</dd></div>`)}
        </dl>
        <p class="utrecht-paragraph koers-muted">Versie ${p.versie} van ${formatDate(p.op)}, door ${p.door}. ${state.pitch.versies.length > 1 ? `${state.pitch.versies.length - 1} eerdere versies bewaard.` : ''}</p>`
      : html`<p class="utrecht-paragraph">Nog geen pitch.</p>`}
    ${edit
      ? html`<details class="koers-details"><summary>${p ? 'Nieuwe versie van de pitch' : 'Pitch schrijven'}</summary>
          <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => savePitch(e, state)}>
            ${summary(state, 'pitch')}
            ${textArea({ id: 'behoeften', label: 'Behoeften', value: draftOr(state, 'pitch', 'behoeften', p?.behoeften), description: 'Welke behoefte of welk probleem?', error: errFor(state, 'pitch', 'behoeften') })}
            ${textArea({ id: 'aanpak', label: 'Aanpak', value: draftOr(state, 'pitch', 'aanpak', p?.aanpak), error: errFor(state, 'pitch', 'aanpak') })}
            ${textArea({ id: 'voordelen', label: 'Voordelen', value: draftOr(state, 'pitch', 'voordelen', p?.voordelen), error: errFor(state, 'pitch', 'voordelen') })}
            ${textArea({ id: 'alternatieven', label: 'Alternatieven', value: draftOr(state, 'pitch', 'alternatieven', p?.alternatieven), description: 'Wat als we het anders of niet doen?', error: errFor(state, 'pitch', 'alternatieven') })}
            <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Pitch opslaan</button></div>
          </form></details>`
      : nothing}
    ${notice(state, 'pitch')}
  </section>`;
}

function riskSection(state: State): TemplateResult {
  const edit = canEdit(state.innovatie);
  return html`<section class="koers-section" aria-labelledby="risico-kop">
    <h2 class="utrecht-heading-2" id="risico-kop">Onbekenden en risico’s</h2>
    <p class="utrecht-paragraph">Pak eerst aan wat we nog niet weten; daarna de risico’s.</p>
    ${summary(state, 'status')}
    ${state.onzekerheden.length
      ? dataTable('Register van onbekenden en risico’s, in volgorde van aanpak', ['Titel', 'Soort', 'Eigenaar', 'Status', 'Uitkomst'],
          state.onzekerheden.map((u) => [
            u.titel,
            u.soort === 'onbekende' ? 'Onbekende' : 'Risico',
            u.eigenaar ?? '–',
            edit
              ? html`<label class="koers-visually-hidden" for="status-${u.id}">Status van ${u.titel}</label>
                  <select class="utrecht-select utrecht-select--html-select" id="status-${u.id}" aria-invalid=${errFor(state, 'status', `status-${u.id}`) ? 'true' : 'false'} @change=${(e: Event) => setStatus(state, u, (e.target as HTMLSelectElement).value)}>
                    ${Object.entries(UNCERTAINTY_STATUS).map(([v, l]) => html`<option value=${v} ?selected=${u.status === v}>${l}</option>`)}
                  </select>`
              : UNCERTAINTY_STATUS[u.status],
            u.uitkomst ?? '–',
          ]), { hiddenCaption: true })
      : html`<p class="utrecht-paragraph">Nog niets geregistreerd.</p>`}
    ${edit
      ? html`<details class="koers-details"><summary>Onbekende of risico toevoegen</summary>
          <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => addUncertainty(e, state)}>
            ${summary(state, 'risico')}
            ${selectField({ id: 'soort', label: 'Soort', value: draftOr(state, 'risico', 'soort', 'onbekende'), options: [{ waarde: 'onbekende', label: 'Onbekende: wat we nog niet weten op te lossen' }, { waarde: 'risico', label: 'Risico' }], error: errFor(state, 'risico', 'soort') })}
            ${textField({ id: 'titel', label: 'Titel', value: draftOr(state, 'risico', 'titel', ''), required: true, error: errFor(state, 'risico', 'titel') })}
            ${textArea({ id: 'omschrijving', label: 'Omschrijving', value: draftOr(state, 'risico', 'omschrijving', ''), rows: 3, error: errFor(state, 'risico', 'omschrijving') })}
            ${textField({ id: 'eigenaar', label: 'Eigenaar', value: draftOr(state, 'risico', 'eigenaar', ''), error: errFor(state, 'risico', 'eigenaar') })}
            ${textField({ id: 'volgorde', label: 'Volgorde van aanpak', value: draftOr(state, 'risico', 'volgorde', state.onzekerheden.length + 1), inputmode: 'numeric', error: errFor(state, 'risico', 'volgorde') })}
            <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Toevoegen</button></div>
          </form></details>`
      : nothing}
    ${notice(state, 'risico')}
    ${notice(state, 'status')}
  </section>`;
}

function businessCaseSection(state: State): TemplateResult {
  const b = state.businesscase;
  const t = b.totalen;
  const edit = canEdit(state.innovatie);
  const cost = (fase: string) => b.kosten.find((k) => k.fase === fase);
  const err = (field: string) => errFor(state, 'bc', field);
  const val = (field: string, saved: string | number | null | undefined) => draftOr(state, 'bc', field, saved);
  return html`<section class="koers-section" aria-labelledby="bc-kop">
    <h2 class="utrecht-heading-2" id="bc-kop">Businesscase</h2>
    ${dataTable('Kosten per fase', ['Fase', 'Uit eigen zak', 'Interne uren'],
      ['idee', 'ontwikkeling', 'implementatie', 'opschaling'].map((f) => [phaseLabel(f), cost(f)?.extern != null ? formatEuro(cost(f)!.extern!) : '–', cost(f)?.interneUren != null ? formatNumber(cost(f)!.interneUren!) : '–']),
      { numeric: [1, 2] })}
    ${b.baten.length ? dataTable('Baten: geschat en gerealiseerd', BENEFIT_HEADERS, benefitRows(b), { numeric: [1, 2] }) : nothing}
    ${b.stoplijst.length ? dataTable('Stoplijst: wat stopt er als dit landt', ['Wat stopt', 'Wat het vrijmaakt', 'Besparing per jaar'], b.stoplijst.map((s) => [s.wat, s.vrijgekomen ?? '–', s.besparingPerJaar != null ? formatEuro(s.besparingPerJaar) : '–']), { numeric: [2] }) : nothing}
    <p class="utrecht-paragraph">
      Kosten totaal ${formatEuro(t.kostenExtern + t.kostenIntern)}: ${formatEuro(t.kostenExtern)} uit eigen zak en ${formatNumber(t.interneUren)} interne uren (${formatEuro(t.kostenIntern)} tegen ${formatEuro(t.uurtarief)} per uur);
      geschatte baten en besparingen ${formatEuro(t.batenPerJaar + t.besparingPerJaar)} per jaar.
      ${t.gerealiseerdPerJaar != null ? html`Gerealiseerde baten tot nu toe: ${formatEuro(t.gerealiseerdPerJaar)} per jaar.` : nothing}
      ${t.terugverdientijdJaren != null ? html`Terugverdientijd ongeveer ${formatNumber(Math.round(t.terugverdientijdJaren * 10) / 10)} jaar.` : nothing}
    </p>
    ${edit
      ? html`<details class="koers-details"><summary>Businesscase bewerken</summary>
          <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => saveBusinessCase(e, state)}>
            ${summary(state, 'bc')}
            ${['idee', 'ontwikkeling', 'implementatie', 'opschaling'].map((f) => html`<fieldset class="utrecht-form-fieldset koers-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Kosten in de fase ${phaseLabel(f).toLowerCase()}</legend>
              ${textField({ id: `extern-${f}`, label: 'Uit eigen zak (euro)', value: val(`extern-${f}`, cost(f)?.extern), inputmode: 'decimal', error: err(`extern-${f}`) })}
              ${textField({ id: `uren-${f}`, label: 'Interne uren', value: val(`uren-${f}`, cost(f)?.interneUren), inputmode: 'decimal', error: err(`uren-${f}`) })}
            </fieldset>`)}
            ${textField({ id: 'uurtarief', label: 'Uurtarief (euro)', value: val('uurtarief', b.uurtarief), inputmode: 'decimal', error: err('uurtarief'), description: `Leeg: ${formatEuro(t.uurtarief)} per uur.` })}
            ${textField({ id: 'baat', label: 'Omschrijving van de baat', value: val('baat', b.baten[0]?.omschrijving), error: err('baat') })}
            ${textField({ id: 'baatBedrag', label: 'Geschatte baat per jaar (euro)', value: val('baatBedrag', b.baten[0]?.bedragPerJaar), inputmode: 'decimal', error: err('baatBedrag') })}
            ${textField({ id: 'baatGerealiseerd', label: 'Gerealiseerde baat per jaar (euro)', value: val('baatGerealiseerd', b.baten[0]?.gerealiseerdPerJaar), inputmode: 'decimal', description: 'Wat de baat nu echt oplevert, zodra dat gemeten is. Leeg: nog niet bekend.', error: err('baatGerealiseerd') })}
            ${textField({ id: 'aanname', label: 'Aanname', value: val('aanname', b.baten[0]?.aanname), error: err('aanname'), description: 'Bijvoorbeeld: 1% efficiëntie op de inzet van veegmachines = € 12.000.' })}
            ${textField({ id: 'stopt', label: 'Wat stopt er', value: val('stopt', b.stoplijst[0]?.wat), error: err('stopt'), description: 'De oude werkwijze, tool of het systeem dat verdwijnt.' })}
            ${textField({ id: 'vrij', label: 'Wat dat vrijmaakt', value: val('vrij', b.stoplijst[0]?.vrijgekomen), error: err('vrij') })}
            ${textField({ id: 'besparing', label: 'Besparing per jaar (euro)', value: val('besparing', b.stoplijst[0]?.besparingPerJaar), inputmode: 'decimal', error: err('besparing') })}
            <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Businesscase opslaan</button></div>
          </form></details>`
      : nothing}
    ${notice(state, 'bc')}
  </section>`;
}

function reviewsSection(state: State): TemplateResult {
  const i = state.innovatie;
  return html`<section class="koers-section" aria-labelledby="poort-kop">
    <h2 class="utrecht-heading-2" id="poort-kop">Poortbeoordelingen</h2>
    ${state.sturing.volgendeBeoordeling
      ? html`<p class="utrecht-paragraph ${state.sturing.achterstallig ? 'koers-overdue' : ''}">Volgende beoordeling: ${formatDate(state.sturing.volgendeBeoordeling)}${state.sturing.achterstallig ? ' (achterstallig)' : ''}.</p>`
      : nothing}
    <p class="utrecht-paragraph ${state.sturing.terugblik.teLaat ? 'koers-overdue' : ''}">${nextReviewText(state.sturing.terugblik)} <a class="utrecht-link" href="/innovaties/${i.id}/leren">Lessen en terugblikken</a></p>
    ${state.beoordelingen.length
      ? dataTable('Beoordelingen', ['Beoordeling', 'Fase', 'Status', 'Besluit'], state.beoordelingen.map((b) => [
          html`<a class="utrecht-link" href="/innovaties/${i.id}/beoordelingen/${b.id}">Beoordeling ${b.id}</a>`,
          phaseLabel(b.fase),
          b.status === 'vastgesteld' ? `vastgesteld op ${formatDate(b.vastgesteldOp)}` : 'concept',
          b.besluit ? DECISIONS[b.besluit] : '–',
        ]), { hiddenCaption: true })
      : html`<p class="utrecht-paragraph">Nog geen beoordelingen.</p>`}
    ${canReview(i) ? html`<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--secondary-action" href="/innovaties/${i.id}/beoordelingen/nieuw">Beoordeling voorbereiden</a></p>` : nothing}
  </section>`;
}

function draw(state: State): void {
  const i = state.innovatie;
  renderPage(
    `Sturing van ${i.titel}`,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}">${i.titel}</a></p>
      <h1 class="utrecht-heading-1">Sturing: ${i.titel}</h1>
      ${phaseBadges(i.fase, i.status)}
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}/rapport">Stuurrapport om te printen</a></p>
      <section class="koers-section" aria-labelledby="fase-kop">
        <h2 class="utrecht-heading-2" id="fase-kop">Tijd in de fasen</h2>
        ${dataTable('Tijd per fase', ['Fase', 'Tijd'], state.sturing.tijdPerFase.map((t) => [phaseLabel(t.fase) + (t.huidig ? ' (nu)' : ''), days(t.dagen)]), { hiddenCaption: true, numeric: [1] })}
        ${leadTime(state.sturing, i.innovatieNiveau)}
      </section>
      ${pitchSection(state)}
      ${riskSection(state)}
      ${businessCaseSection(state)}
      ${reviewsSection(state)}
    `,
  );
}

// After a save: the page's data again, drawn in place (no jump), with the
// message beside the form that was saved.
async function reload(state: State, at: FormKey, text: string): Promise<void> {
  const fresh = await load(String(state.innovatie.id));
  if ('problem' in fresh) return problemPage('Sturing', fresh.problem);
  Object.assign(state, fresh, { failed: null, errors: [], general: '', notice: { at, text } });
  delete state.drafts[at];
  draw(state);
}

const PHASES = ['idee', 'ontwikkeling', 'implementatie', 'opschaling'];

// The fields of each form, by control id, with their visible labels and how
// an instruction names them.
const PITCH_FIELDS: FieldSpec[] = [
  { id: 'behoeften', label: 'Behoeften', noun: 'de behoeften' },
  { id: 'aanpak', label: 'Aanpak', noun: 'de aanpak' },
  { id: 'voordelen', label: 'Voordelen', noun: 'de voordelen' },
  { id: 'alternatieven', label: 'Alternatieven', noun: 'de alternatieven' },
];
const RISK_FIELDS: FieldSpec[] = [
  { id: 'soort', label: 'Soort', noun: 'de soort', kind: 'choice' },
  { id: 'titel', label: 'Titel', noun: 'de titel', required: true },
  { id: 'omschrijving', label: 'Omschrijving', noun: 'de omschrijving' },
  { id: 'eigenaar', label: 'Eigenaar', noun: 'de eigenaar' },
  { id: 'volgorde', label: 'Volgorde van aanpak', noun: 'de volgorde van aanpak', kind: 'integer', min: 0, max: 100000, example: '1' },
];
const BC_FIELDS: FieldSpec[] = [
  ...PHASES.flatMap((f): FieldSpec[] => [
    { id: `extern-${f}`, label: `Kosten in de fase ${phaseLabel(f).toLowerCase()}: uit eigen zak (euro)`, noun: `de kosten uit eigen zak in de fase ${phaseLabel(f).toLowerCase()}`, kind: 'amount' },
    { id: `uren-${f}`, label: `Kosten in de fase ${phaseLabel(f).toLowerCase()}: interne uren`, noun: `de interne uren in de fase ${phaseLabel(f).toLowerCase()}`, kind: 'hours' },
  ]),
  { id: 'uurtarief', label: 'Uurtarief (euro)', noun: 'het uurtarief', kind: 'amount', example: '85' },
  { id: 'baat', label: 'Omschrijving van de baat', noun: 'de omschrijving van de baat' },
  { id: 'baatBedrag', label: 'Geschatte baat per jaar (euro)', noun: 'de geschatte baat per jaar', kind: 'amount', example: '12.000' },
  { id: 'baatGerealiseerd', label: 'Gerealiseerde baat per jaar (euro)', noun: 'de gerealiseerde baat per jaar', kind: 'amount', example: '4.500' },
  { id: 'aanname', label: 'Aanname', noun: 'de aanname' },
  { id: 'stopt', label: 'Wat stopt er', noun: 'wat er stopt' },
  { id: 'vrij', label: 'Wat dat vrijmaakt', noun: 'wat dat vrijmaakt' },
  { id: 'besparing', label: 'Besparing per jaar (euro)', noun: 'de besparing per jaar', kind: 'amount', example: '5.000' },
];
// The API's names of the business case, for the fields of the form; the
// costs per phase by their place in what was sent.
function bcLookup(sentPhases: string[]) {
  const byApi: Record<string, string> = {
    'baten[0].omschrijving': 'baat',
    'baten[0].bedragPerJaar': 'baatBedrag',
    'baten[0].gerealiseerdPerJaar': 'baatGerealiseerd',
    'baten[0].aanname': 'aanname',
    'stoplijst[0].wat': 'stopt',
    'stoplijst[0].vrijgekomen': 'vrij',
    'stoplijst[0].besparingPerJaar': 'besparing',
    uurtarief: 'uurtarief',
  };
  return (name: string) => {
    const k = /^kosten\[(\d+)\]\.(extern|interneUren)$/.exec(name);
    const id = k ? `${k[2] === 'extern' ? 'extern' : 'uren'}-${sentPhases[Number(k[1])]}` : byApi[name];
    return BC_FIELDS.find((f) => f.id === id);
  };
}
const byId = (fields: FieldSpec[]) => (name: string) => fields.find((f) => f.id === name);

// A refused form: its errors, what was typed, focus on its summary.
function fail(state: State, at: FormKey, form: HTMLFormElement | null, errors: FieldError[], general = ''): void {
  state.failed = at;
  state.errors = errors;
  state.general = general;
  state.notice = null;
  if (form) state.drafts[at] = formDraft(form);
  draw(state);
  focusErrorSummary();
}

function refused(state: State, at: FormKey, form: HTMLFormElement | null, problem: ProblemDetails, lookup: (name: string) => FieldSpec | undefined): void {
  const { errors, general } = problemErrors(problem, lookup);
  fail(state, at, form, errors, general);
}

const text = (d: FormData, k: string) => String(d.get(k) ?? '').trim();

async function savePitch(e: Event, state: State): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const d = new FormData(form);
  const r = await apiRequest('POST', `/innovaties/${state.innovatie.id}/pitch`, Object.fromEntries(['behoeften', 'aanpak', 'voordelen', 'alternatieven'].map((k) => [k, text(d, k) || null])));
  if (!r.ok) return refused(state, 'pitch', form, r.problem, byId(PITCH_FIELDS));
  await reload(state, 'pitch', 'De pitch is opgeslagen als nieuwe versie.');
}

async function addUncertainty(e: Event, state: State): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const found = checkFields(form, RISK_FIELDS);
  if (found.length) return fail(state, 'risico', form, found);
  const d = new FormData(form);
  const volgorde = Number(text(d, 'volgorde'));
  const r = await apiRequest('POST', `/innovaties/${state.innovatie.id}/onzekerheden`, {
    soort: text(d, 'soort'), titel: text(d, 'titel'), omschrijving: text(d, 'omschrijving') || null, eigenaar: text(d, 'eigenaar') || null,
    volgorde: Number.isInteger(volgorde) && volgorde >= 0 ? volgorde : text(d, 'volgorde'),
  });
  if (!r.ok) return refused(state, 'risico', form, r.problem, byId(RISK_FIELDS));
  await reload(state, 'risico', `“${text(d, 'titel')}” is toegevoegd aan het register.`);
}

async function setStatus(state: State, u: Onzekerheid, status: string): Promise<void> {
  const r = await apiRequest('PUT', `/innovaties/${state.innovatie.id}/onzekerheden/${u.id}`, { ...u, id: undefined, status });
  if (!r.ok) {
    const field: FieldSpec = { id: `status-${u.id}`, label: `Status van ${u.titel}`, noun: `de status van “${u.titel}”`, kind: 'choice' };
    return refused(state, 'status', null, r.problem, (name) => (name === 'status' ? field : undefined));
  }
  await reload(state, 'status', `De status van “${u.titel}” is nu ${UNCERTAINTY_STATUS[status].toLowerCase()}.`);
}

async function saveBusinessCase(e: Event, state: State): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const d = new FormData(form);
  // An amount without the line it belongs to would be lost: ask for it.
  const needs = (id: string, others: string[]) => !text(d, id) && others.some((o) => text(d, o));
  const found = checkFields(form, BC_FIELDS.map((f) =>
    (f.id === 'baat' && needs('baat', ['baatBedrag', 'baatGerealiseerd', 'aanname'])) || (f.id === 'stopt' && needs('stopt', ['vrij', 'besparing'])) ? { ...f, required: true } : f));
  if (found.length) return fail(state, 'bc', form, found);
  const amount = (k: string) => parseAmount(text(d, k));
  const kosten = PHASES
    .map((f) => ({ fase: f, extern: amount(`extern-${f}`), interneUren: amount(`uren-${f}`) }))
    .filter((k) => k.extern !== null || k.interneUren !== null);
  const body = {
    kosten,
    baten: text(d, 'baat') ? [{ omschrijving: text(d, 'baat'), bedragPerJaar: amount('baatBedrag'), gerealiseerdPerJaar: amount('baatGerealiseerd'), aanname: text(d, 'aanname') || null }] : [],
    stoplijst: text(d, 'stopt') ? [{ wat: text(d, 'stopt'), vrijgekomen: text(d, 'vrij') || null, besparingPerJaar: amount('besparing') }] : [],
    uurtarief: amount('uurtarief'),
  };
  const r = await apiRequest('PUT', `/innovaties/${state.innovatie.id}/businesscase`, body);
  if (!r.ok) return refused(state, 'bc', form, r.problem, bcLookup(kosten.map((k) => k.fase)));
  await reload(state, 'bc', 'De businesscase is opgeslagen.');
}

export async function steeringPage(params: Record<string, string>): Promise<void> {
  const data = await load(params.id);
  if ('problem' in data) return problemPage('Sturing', data.problem);
  draw({ ...data, failed: null, errors: [], general: '', notice: null, drafts: {} });
}
