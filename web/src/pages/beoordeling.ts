// A gate review: the pitch to review against, the four pillars with scores
// and evidence, the dark-side check, and the decision. The team prepares a
// draft; the stuurgroep records the decision, after which it never changes.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie } from '../lib/api';
import { formatDate, formatEuro } from '../lib/format';
import { canEditInnovation, hasRole, session } from '../lib/session';
import { loginPrompt, readOnlyNotice } from '../components/login-prompt/login-prompt';
import { checkFields, formDraft, errorFor, parseAmount, problemErrors, type FieldSpec } from '../lib/form-errors';
import { DARK_SIDES, DECISIONS, DECISION_HELP, PILLARS, phaseLabel, type Beoordeling, type Pitch } from '../lib/steering';
import { renderPage } from '../components/page-shell/page-shell';
import { selectField, textArea, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { lessonsOfOthersSection, loadLearningKnowledge, loadLessonsOfOthers, type KennisItem, type Les } from '../lib/learning';
import { problemPage } from './problem';

interface State {
  innovatie: Innovatie;
  pitch: Pitch | null;
  review: Beoordeling | null;
  errors: FieldError[];
  general: string;
  // What was typed, by control name, while it is not saved (a refusal, the
  // confirmation step): the form shows it again instead of the saved review.
  draft: Record<string, string> | null;
  confirming: boolean; // the decision waits for "Ja, besluit vaststellen"
  notice: string; // beside the buttons after saving in place
  lessons: Les[] | null; // lessons of other innovations that fit this one
  clusters: KennisItem[];
}

// Every field of the form: its id (the API name), visible label and how an
// instruction names it.
function fields(): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const [k, l] of PILLARS) {
    out.push({ id: `pijlers.${k}.score`, label: `Score voor ${l.toLowerCase()} (1 zwak, 5 sterk)`, noun: `een score voor ${l.toLowerCase()}`, kind: 'choice' });
    out.push({ id: `pijlers.${k}.onderbouwing`, label: `Onderbouwing bij ${l.toLowerCase()}`, noun: `de onderbouwing bij ${l.toLowerCase()}` });
  }
  for (const [k, l] of DARK_SIDES) {
    out.push({ id: `schaduwkanten.${k}.score`, label: `${l}: omvang van het risico`, noun: `de omvang van het risico “${l.toLowerCase()}”`, kind: 'choice' });
    out.push({ id: `schaduwkanten.${k}.toelichting`, label: `${l}: toelichting`, noun: `de toelichting bij “${l.toLowerCase()}”` });
  }
  out.push(
    { id: 'besluit', label: 'Besluit', noun: 'het besluit', kind: 'choice' },
    { id: 'terugNaar', label: 'Bij GO BACK', noun: 'wat er bij GO BACK gebeurt', kind: 'choice' },
    { id: 'motivering', label: 'Motivering', noun: 'de motivering' },
    { id: 'budget', label: 'Budget voor de volgende fase (euro)', noun: 'het budget', kind: 'amount' },
    { id: 'doorlooptijdMaanden', label: 'Doorlooptijd voor de volgende fase (maanden)', noun: 'de doorlooptijd in maanden', kind: 'integer', min: 0, max: 240 },
    { id: 'volgendeBeoordeling', label: 'Datum van de volgende beoordeling', noun: 'de datum van de volgende beoordeling', kind: 'date' },
    { id: 'besluitvormers', label: 'Besluitvormers', noun: 'de besluitvormers' },
  );
  return out;
}

const lookup = (name: string) => fields().find((f) => f.id === name.replace(/\[\d+\]$/, ''));

const SCORES = [1, 2, 3, 4, 5].map((n) => ({ waarde: String(n), label: String(n) }));

function readOnly(r: Beoordeling): TemplateResult {
  return html`
    <div class="utrecht-alert utrecht-alert--info" role="status" id="beoordeling-vastgesteld" tabindex="-1"><p class="utrecht-paragraph">
      Besluit <strong>${DECISIONS[r.besluit ?? ''] ?? '–'}</strong>, vastgesteld op ${formatDate(r.vastgesteldOp)} door ${r.vastgesteldDoor}.
      Een vastgestelde beoordeling verandert niet meer; een correctie is een nieuwe beoordeling.
    </p></div>
    ${details(r)}`;
}

// A draft as someone who may read but not change it sees it.
function draftView(r: Beoordeling): TemplateResult {
  return html`<p class="utrecht-paragraph">Dit is een concept${r.opgesteldOp ? html`, voorbereid op ${formatDate(r.opgesteldOp)}${r.opgesteldDoor ? ` door ${r.opgesteldDoor}` : ''}` : nothing}. De stuurgroep heeft nog niet besloten.</p>
    ${details(r)}`;
}

function details(r: Beoordeling): TemplateResult {
  return html`
    <h2 class="utrecht-heading-2">De vier pijlers</h2>
    <dl class="utrecht-data-list koers-data-list">
      ${PILLARS.map(([k, l]) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${l}</dt>
        <dd class="utrecht-data-list__item-value">${r.pijlers[k]?.score ?? '–'} van 5. ${r.pijlers[k]?.onderbouwing ?? ''}</dd></div>`)}
    </dl>
    <h2 class="utrecht-heading-2">Schaduwkanten</h2>
    ${Object.keys(r.schaduwkanten ?? {}).length
      ? html`<dl class="utrecht-data-list koers-data-list koers-dark-sides">
          ${DARK_SIDES.map(([k, l]) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${l}</dt>
            <dd class="utrecht-data-list__item-value">${r.schaduwkanten[k]?.score != null ? `Risico ${r.schaduwkanten[k].score} van 5.` : 'Niet beoordeeld.'} ${r.schaduwkanten[k]?.toelichting ?? ''}</dd></div>`)}
        </dl>`
      : html`<p class="utrecht-paragraph">De schaduwkanten zijn bij deze beoordeling niet beoordeeld.</p>`}
    <h2 class="utrecht-heading-2">Besluit en motivering</h2>
    <dl class="utrecht-data-list koers-data-list">
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Motivering</dt><dd class="utrecht-data-list__item-value">${r.motivering}</dd></div>
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Besluitvormers</dt><dd class="utrecht-data-list__item-value">${r.besluitvormers.join(', ')}</dd></div>
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Budget volgende fase</dt><dd class="utrecht-data-list__item-value">${r.budget != null ? formatEuro(r.budget) : '–'}</dd></div>
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Doorlooptijd volgende fase</dt><dd class="utrecht-data-list__item-value">${r.doorlooptijdMaanden != null ? `${r.doorlooptijdMaanden} maanden` : '–'}</dd></div>
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Volgende beoordeling</dt><dd class="utrecht-data-list__item-value">${formatDate(r.volgendeBeoordeling) || '–'}</dd></div>
    </dl>`;
}

function draw(state: State, options: { inPlace?: boolean } = {}): void {
  const i = state.innovatie;
  const r = state.review;
  const err = (f: string) => errorFor(state.errors, f);
  // What the form shows: what was typed while it is not saved, else the review.
  const val = (id: string, saved: string | number | null | undefined) => state.draft ? state.draft[id] ?? '' : saved != null ? String(saved) : '';
  const decider = hasRole(i.organisatie, 'stuurgroep');
  const title = r ? `Beoordeling ${r.id} van ${i.titel}` : `Beoordeling voorbereiden: ${i.titel}`;
  const chosen = state.draft?.besluit ?? r?.besluit ?? '';
  renderPage(
    title,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}/sturing">Sturing van ${i.titel}</a></p>
      <h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">Einde van de fase ${phaseLabel(r?.fase ?? i.fase).toLowerCase()}.</p>
      <section class="koers-section" aria-labelledby="pitch-kop">
        <h2 class="utrecht-heading-2" id="pitch-kop">De pitch</h2>
        ${state.pitch
          ? html`<dl class="utrecht-data-list koers-data-list">${(['behoeften', 'aanpak', 'voordelen', 'alternatieven'] as const).map((k) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${k[0].toUpperCase() + k.slice(1)}</dt><dd class="utrecht-data-list__item-value">${state.pitch![k] ?? '–'}</dd></div>`)}</dl>`
          : html`<p class="utrecht-paragraph">Er is nog geen pitch. <a class="utrecht-link" href="/innovaties/${i.id}/sturing">Schrijf er een</a>.</p>`}
      </section>
      ${lessonsOfOthersSection(state.lessons, state.clusters)}
      ${r && r.status === 'vastgesteld'
        ? readOnly(r)
        : !decider && !canEditInnovation(i)
          ? html`${session().ingelogd
                ? readOnlyNotice(`Alleen het team en de stuurgroep van ${i.organisatieNaam ?? i.organisatie} bereiden beoordelingen voor en stellen ze vast.`)
                : loginPrompt('Log in als lid van het team of de stuurgroep om een beoordeling voor te bereiden of vast te stellen.')}
              ${r ? draftView(r) : nothing}`
        : html`<form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => submit(e as SubmitEvent, state)}>
            ${errorSummary('De beoordeling is niet opgeslagen', state.errors, state.general)}
            <h2 class="utrecht-heading-2">De vier pijlers</h2>
            ${PILLARS.map(([k, l, help]) => html`<fieldset class="utrecht-form-fieldset koers-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${l}</legend>
              <p class="utrecht-paragraph koers-muted">${help}</p>
              ${selectField({ id: `pijlers.${k}.score`, label: `Score voor ${l.toLowerCase()} (1 zwak, 5 sterk)`, value: val(`pijlers.${k}.score`, r?.pijlers[k]?.score), options: SCORES, emptyLabel: 'Nog geen score', error: err(`pijlers.${k}.score`) })}
              ${textArea({ id: `pijlers.${k}.onderbouwing`, label: `Onderbouwing bij ${l.toLowerCase()}`, value: val(`pijlers.${k}.onderbouwing`, r?.pijlers[k]?.onderbouwing), rows: 3, error: err(`pijlers.${k}.onderbouwing`) })}
            </fieldset>`)}
            <h2 class="utrecht-heading-2">Schaduwkanten</h2>
            <p class="utrecht-paragraph">Hoe groot is elk risico (1 klein, 5 groot), en wat doen we eraan?</p>
            ${DARK_SIDES.map(([k, l]) => html`<fieldset class="utrecht-form-fieldset koers-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${l}</legend>
              ${selectField({ id: `schaduwkanten.${k}.score`, label: 'Omvang van het risico', value: val(`schaduwkanten.${k}.score`, r?.schaduwkanten[k]?.score), options: SCORES, emptyLabel: 'Niet beoordeeld', error: err(`schaduwkanten.${k}.score`) })}
              ${textField({ id: `schaduwkanten.${k}.toelichting`, label: 'Toelichting', value: val(`schaduwkanten.${k}.toelichting`, r?.schaduwkanten[k]?.toelichting), error: err(`schaduwkanten.${k}.toelichting`) })}
            </fieldset>`)}
            <h2 class="utrecht-heading-2">Besluit</h2>
            ${selectField({ id: 'besluit', label: 'Besluit', value: val('besluit', r?.besluit), options: Object.entries(DECISIONS).map(([v, l]) => ({ waarde: v, label: `${l}: ${DECISION_HELP[v]}` })), emptyLabel: 'Nog geen besluit', error: err('besluit') })}
            ${selectField({ id: 'terugNaar', label: 'Bij GO BACK', value: val('terugNaar', r?.terugNaar), options: [{ waarde: 'vorige', label: 'Terug naar de vorige fase' }, { waarde: 'blijven', label: 'In deze fase blijven' }], emptyLabel: 'Niet van toepassing', error: err('terugNaar') })}
            ${textArea({ id: 'motivering', label: 'Motivering', value: val('motivering', r?.motivering), error: err('motivering') })}
            ${textField({ id: 'budget', label: 'Budget voor de volgende fase (euro)', value: val('budget', r?.budget != null ? formatAmount(r.budget) : null), inputmode: 'decimal', description: 'Bijvoorbeeld 20.000 of 20000,50.', error: err('budget') })}
            ${textField({ id: 'doorlooptijdMaanden', label: 'Doorlooptijd voor de volgende fase (maanden)', value: val('doorlooptijdMaanden', r?.doorlooptijdMaanden), inputmode: 'numeric', error: err('doorlooptijdMaanden') })}
            ${textField({ id: 'volgendeBeoordeling', label: 'Datum van de volgende beoordeling', value: val('volgendeBeoordeling', r?.volgendeBeoordeling), type: 'date', error: err('volgendeBeoordeling') })}
            ${textField({ id: 'besluitvormers', label: 'Besluitvormers', value: val('besluitvormers', (r?.besluitvormers ?? []).join(', ')), description: 'E-mailadressen van de leden van de stuurgroep, gescheiden door komma’s. Leeg: wie vaststelt.', error: err('besluitvormers') })}
            <div class="utrecht-button-group koers-form__actions">
              <button class="utrecht-button utrecht-button--secondary-action" type="submit" value="concept">Concept opslaan</button>
              ${decider ? html`<button class="utrecht-button utrecht-button--primary-action" type="submit" value="vaststellen" id="besluit-vaststellen" aria-expanded=${state.confirming ? 'true' : 'false'}>Besluit vaststellen</button>` : nothing}
            </div>
            ${state.confirming ? confirmation(state, chosen) : nothing}
            <div class="koers-notice" id="beoordeling-melding" role="status">
              ${state.notice ? html`<div class="utrecht-alert utrecht-alert--ok"><p class="utrecht-paragraph">${state.notice}</p></div>` : nothing}
            </div>
          </form>`}
    `,
    options,
  );
}

// The one step between "Besluit vaststellen" and a decision that can no
// longer change: what will be recorded, and a way back.
function confirmation(state: State, besluit: string): TemplateResult {
  const decision = DECISIONS[besluit] ?? besluit;
  return html`<div class="utrecht-alert utrecht-alert--warning koers-confirm" role="group" aria-labelledby="bevestig-kop" aria-describedby="bevestig-uitleg">
    <h2 class="utrecht-heading-2" id="bevestig-kop" tabindex="-1">Besluit ${decision} vaststellen?</h2>
    <p class="utrecht-paragraph" id="bevestig-uitleg">
      Een vastgesteld besluit kan niet ongedaan worden gemaakt: de beoordeling verandert daarna niet meer, en een correctie is een nieuwe beoordeling.
      ${DECISION_HELP[besluit] ? html`Het besluit ${decision} betekent: ${DECISION_HELP[besluit]}.` : nothing}
    </p>
    <div class="utrecht-button-group">
      <button class="utrecht-button utrecht-button--primary-action" type="button" @click=${(e: Event) => decide((e.target as HTMLElement).closest('form')!, state)}>Ja, besluit ${decision} vaststellen</button>
      <button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${(e: Event) => {
        state.draft = formDraft((e.target as HTMLElement).closest('form')!);
        state.confirming = false;
        draw(state);
        document.getElementById('besluit-vaststellen')?.focus();
      }}>Nee, terug naar het formulier</button>
    </div>
  </div>`;
}

// 20000 -> "20.000"; 1250.5 -> "1.250,5": how the form shows a saved amount.
function formatAmount(n: number): string {
  return n.toLocaleString('nl-NL', { maximumFractionDigits: 2, useGrouping: true });
}

// What must be there before a decision is recorded; the server checks again.
function decisionChecks(form: HTMLFormElement): FieldError[] {
  const need = ['besluit', 'motivering', ...PILLARS.map(([k]) => `pijlers.${k}.score`)];
  return checkFields(form, fields().filter((f) => need.includes(f.id)).map((f) => ({ ...f, required: true })))
    .map((e) => ({ ...e, message: `${e.message} voordat u het besluit vaststelt` }));
}

function body(form: HTMLFormElement): Record<string, unknown> {
  const d = new FormData(form);
  const get = (k: string) => String(d.get(k) ?? '').trim();
  const scores = (keys: string[], group: string, textKey: string) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const score = get(`${group}.${k}.score`);
      const text = get(`${group}.${k}.${textKey}`);
      if (score || text) out[k] = { score: score ? Number(score) : null, [textKey]: text };
    }
    return out;
  };
  const months = get('doorlooptijdMaanden');
  return {
    pijlers: scores(PILLARS.map((p) => p[0]), 'pijlers', 'onderbouwing'),
    schaduwkanten: scores(DARK_SIDES.map((p) => p[0]), 'schaduwkanten', 'toelichting'),
    besluit: get('besluit') || null,
    terugNaar: get('terugNaar') || null,
    motivering: get('motivering') || null,
    budget: parseAmount(get('budget')),
    doorlooptijdMaanden: months === '' ? null : /^\d+$/.test(months) ? Number(months) : months,
    volgendeBeoordeling: get('volgendeBeoordeling') || null,
    besluitvormers: get('besluitvormers').split(',').map((x) => x.trim()).filter(Boolean),
  };
}

function showErrors(state: State, errors: FieldError[], general = ''): void {
  state.errors = errors;
  state.general = general;
  state.confirming = false;
  state.notice = '';
  draw(state);
  focusErrorSummary();
}

async function submit(event: SubmitEvent, state: State): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const deciding = event.submitter?.getAttribute('value') === 'vaststellen';
  state.draft = formDraft(form);
  const found = checkFields(form, fields());
  if (deciding) for (const e of decisionChecks(form)) if (!found.some((f) => f.field === e.field)) found.push(e);
  if (found.length) return showErrors(state, inOrder(found));
  if (deciding) {
    state.errors = [];
    state.general = '';
    state.notice = '';
    state.confirming = true;
    draw(state);
    document.getElementById('bevestig-kop')?.focus();
    return;
  }
  const saved = await store(state, form);
  if (!saved) return;
  state.notice = 'Het concept is opgeslagen. U kunt verder werken of het later afmaken.';
  draw(state, { inPlace: true });
}

const inOrder = (errors: FieldError[]) => {
  const ids = fields().map((f) => f.id);
  return [...errors].sort((a, b) => ids.indexOf(a.field) - ids.indexOf(b.field));
};

// Saves the form as a concept; on a refusal the form shows what was typed
// with the problems. Gives the saved review, or null.
async function store(state: State, form: HTMLFormElement): Promise<Beoordeling | null> {
  const data = body(form);
  const i = state.innovatie.id;
  const r = state.review
    ? await apiRequest<Beoordeling>('PATCH', `/innovaties/${i}/beoordelingen/${state.review.id}`, data)
    : await apiRequest<Beoordeling>('POST', `/innovaties/${i}/beoordelingen`, data);
  if (!r.ok) {
    state.draft = formDraft(form);
    const { errors, general } = problemErrors(r.problem, lookup);
    showErrors(state, errors, general);
    return null;
  }
  const first = !state.review;
  state.review = r.body;
  state.draft = null;
  state.errors = [];
  state.general = '';
  // A new review gets its own address, without leaving the page.
  if (first) history.replaceState(null, '', `/innovaties/${i}/beoordelingen/${r.body.id}`);
  return r.body;
}

async function decide(form: HTMLFormElement, state: State): Promise<void> {
  state.draft = formDraft(form);
  const saved = await store(state, form);
  if (!saved) return;
  const i = state.innovatie.id;
  const decided = await apiRequest<Beoordeling>('POST', `/innovaties/${i}/beoordelingen/${saved.id}/_vaststellen`, {});
  if (!decided.ok) {
    state.draft = formDraft(form);
    const { errors, general } = problemErrors(decided.problem, lookup);
    return showErrors(state, errors, general);
  }
  let review = decided.body;
  if (!review || review.status !== 'vastgesteld') {
    const again = await apiGet<Beoordeling>(`/innovaties/${i}/beoordelingen/${saved.id}`);
    if (again.ok) review = again.body;
  }
  state.review = review;
  state.confirming = false;
  draw(state, { inPlace: true });
  document.getElementById('beoordeling-vastgesteld')?.focus();
}

export async function reviewPage(params: Record<string, string>): Promise<void> {
  const [i, p, lessons, k] = await Promise.all([
    apiGet<Innovatie>(`/innovaties/${params.id}`),
    apiGet<{ huidig: Pitch | null }>(`/innovaties/${params.id}/pitch`),
    loadLessonsOfOthers(params.id),
    loadLearningKnowledge(),
  ]);
  if (!i.ok) return problemPage('Beoordeling', i.problem);
  let review: Beoordeling | null = null;
  if (params.beoordeling) {
    const r = await apiGet<Beoordeling>(`/innovaties/${params.id}/beoordelingen/${encodeURIComponent(params.beoordeling)}`);
    if (!r.ok) return problemPage('Beoordeling', r.problem);
    review = r.body;
  }
  draw({ innovatie: i.body, pitch: p.ok ? p.body.huidig : null, review, errors: [], general: '', draft: null, confirming: false, notice: '', lessons, clusters: k.lesclusters });
}
