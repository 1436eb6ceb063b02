// What one innovation learns: its lessons and logbook notes, its After
// Action Reviews with their actions, and the cadence that says when the
// next review is due. The team records; everyone who may read the
// innovation sees what they may read.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie } from '../lib/api';
import { formatDate } from '../lib/format';
import { entries } from '../lib/vocab';
import { canEditInnovation, session } from '../lib/session';
import { checkFields, errorFor, formDraft, problemErrors, type FieldSpec } from '../lib/form-errors';
import { lessonCard, loadLearningKnowledge, nextReviewText, type Actie, type KennisItem, type Les, type Ritme, type Terugblik, type Uitnodiging, type Volgende } from '../lib/learning';
import { renderPage } from '../components/page-shell/page-shell';
import { dataTable } from '../components/data-table/data-table';
import { checkboxGroup, selectField, textArea, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { loginPrompt } from '../components/login-prompt/login-prompt';
import { problemPage } from './problem';

type FormName = 'les' | 'tb' | 'ritme' | 'vriend';
interface FormState {
  errors: FieldError[];
  general: string;
  draft: Record<string, string> | null; // what was typed while it is not saved
  factors: string[] | null; // the ticked success factors of a lesson draft
}
interface State {
  innovatie: Innovatie;
  lessen: Les[];
  terugblikken: Terugblik[] | null;
  ritme: Ritme | null;
  volgende: Volgende | null;
  clusters: KennisItem[];
  factors: KennisItem[];
  uitnodigingen: Uitnodiging[] | null; // the team's invitations to critical friends
  editing: Les | null; // the lesson in the form, when changing one
  forms: Record<FormName, FormState>;
  notice: string;
}

const ACTION_ROWS = 3;

// Every field of the three forms, keyed by the API's name; ids carry the
// form's prefix so that the page's ids stay unique.
const SPECS: Record<FormName, Record<string, Omit<FieldSpec, 'id'>>> = {
  les: {
    vorm: { label: 'Soort notitie', noun: 'de soort notitie', kind: 'choice' },
    tekst: { label: 'Wat is er geleerd', noun: 'wat er geleerd is', required: true },
    cluster: { label: 'Onderwerp', noun: 'het onderwerp', kind: 'choice' },
    hoe: { label: 'Hoe geleerd', noun: 'hoe het geleerd is', kind: 'choice' },
    fase: { label: 'Fase', noun: 'de fase', kind: 'choice' },
    soort: { label: 'Soort les', noun: 'de soort les', kind: 'choice' },
    succesfactoren: { label: 'Succesfactoren', noun: 'de succesfactoren' },
    tags: { label: 'Trefwoorden', noun: 'de trefwoorden' },
    zichtbaarheid: { label: 'Wie mag de les lezen', noun: 'wie de les mag lezen', kind: 'choice' },
    datum: { label: 'Datum', noun: 'de datum', kind: 'date' },
  },
  tb: {
    soort: { label: 'Soort', noun: 'de soort', kind: 'choice' },
    status: { label: 'Status', noun: 'de status', kind: 'choice' },
    datum: { label: 'Datum', noun: 'de datum', kind: 'date', required: true },
    mijlpaal: { label: 'Bereikte mijlpaal', noun: 'de mijlpaal' },
    gepland: { label: 'Wat was de bedoeling', noun: 'wat de bedoeling was' },
    gebeurd: { label: 'Wat gebeurde er werkelijk', noun: 'wat er werkelijk gebeurde' },
    verschil: { label: 'Waarom verschilt dat', noun: 'waarom het verschilt' },
    vervolg: { label: 'Wat doen we nu', noun: 'wat er nu gebeurt' },
    deelnemers: { label: 'Deelnemers', noun: 'de deelnemers' },
    ...Object.fromEntries(Array.from({ length: ACTION_ROWS }, (_, n) => [
      [`acties[${n}].omschrijving`, { label: `Actie ${n + 1}: wat`, noun: `wat actie ${n + 1} is` }],
      [`acties[${n}].eigenaar`, { label: `Actie ${n + 1}: eigenaar`, noun: `de eigenaar van actie ${n + 1}` }],
      [`acties[${n}].deadline`, { label: `Actie ${n + 1}: deadline`, noun: `de deadline van actie ${n + 1}`, kind: 'date' as const }],
    ]).flat()),
  },
  ritme: {
    elkeWeken: { label: 'Elke zoveel weken een terugblik', noun: 'het aantal weken', kind: 'integer', min: 1, max: 52 },
    bijElkePoort: { label: 'Een terugblik na elk poortbesluit', noun: 'of er na elk poortbesluit een terugblik is' },
    vanaf: { label: 'Vanaf', noun: 'de datum vanaf wanneer de weken tellen', kind: 'date' },
  },
  vriend: {
    naam: { label: 'Naam', noun: 'de naam', required: true },
    email: { label: 'E-mailadres van het Koers-account', noun: 'het e-mailadres', kind: 'email', required: true },
    terugblikId: { label: 'Wat u deelt', noun: 'wat u deelt', kind: 'choice' },
    bericht: { label: 'Wat vraagt u', noun: 'wat u vraagt' },
    geldigTot: { label: 'Open tot en met', noun: 'de laatste dag', kind: 'date', required: true },
  },
};

const fieldId = (form: FormName, name: string) => `${form}-${name.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
const specs = (form: FormName): FieldSpec[] => Object.entries(SPECS[form]).map(([name, s]) => ({ ...s, id: fieldId(form, name) }));
const lookup = (form: FormName) => (name: string) => {
  const s = SPECS[form][name] ?? SPECS[form][name.replace(/\[\d+\]$/, '')];
  return s ? { ...s, id: fieldId(form, SPECS[form][name] ? name : name.replace(/\[\d+\]$/, '')) } : undefined;
};
const emptyForm = (): FormState => ({ errors: [], general: '', draft: null, factors: null });
const summaryId = (form: FormName) => `${form}-foutoverzicht`;

function field(state: State, form: FormName, name: string, saved: string | number | null | undefined): { id: string; label: string; value: string; error?: string } {
  const id = fieldId(form, name);
  const f = state.forms[form];
  return { id, label: SPECS[form][name].label, value: f.draft ? f.draft[id] ?? '' : saved != null ? String(saved) : '', error: errorFor(f.errors, id) };
}

// --- lessons ------------------------------------------------------------------------

function lessonForm(state: State): TemplateResult {
  const l = state.editing;
  const f = (name: string, saved: string | number | null | undefined) => field(state, 'les', name, saved);
  const options = (items: KennisItem[]) => items.map((c) => ({ waarde: c.id, label: c.naam }));
  const ticked = state.forms.les.factors ?? l?.succesfactoren ?? [];
  return html`<form class="utrecht-form koers-form" novalidate aria-labelledby="les-form-kop" @submit=${(e: Event) => saveLesson(e, state)}>
    <h3 class="utrecht-heading-3" id="les-form-kop">${l ? 'Les wijzigen' : 'Les of notitie vastleggen'}</h3>
    ${errorSummary('De les is niet opgeslagen', state.forms.les.errors, state.forms.les.general, summaryId('les'))}
    ${selectField({ ...f('vorm', l?.vorm ?? 'les'), options: entries('lesVorm'), description: 'Een notitie in het logboek is snel: alleen de tekst. U kunt er later een les van maken.' })}
    ${textArea({ ...f('tekst', l?.tekst), required: true, rows: 4 })}
    ${selectField({ ...f('cluster', l?.cluster), options: options(state.clusters), emptyLabel: 'Kies een onderwerp' })}
    ${selectField({ ...f('soort', l?.soort), options: entries('lesSoort'), emptyLabel: 'Kies de soort les' })}
    ${selectField({ ...f('hoe', l?.hoe), options: entries('hoeGeleerd'), emptyLabel: 'Kies hoe het geleerd is' })}
    ${selectField({ ...f('fase', l?.fase ?? state.innovatie.fase), options: entries('fase'), emptyLabel: 'Kies de fase' })}
    ${checkboxGroup({ id: fieldId('les', 'succesfactoren'), label: 'Succesfactoren waar de les over gaat', values: ticked, options: options(state.factors), error: errorFor(state.forms.les.errors, fieldId('les', 'succesfactoren')) })}
    ${textField({ ...f('tags', (l?.tags ?? []).join(', ')), description: 'Gescheiden door komma’s, bijvoorbeeld: koppeling, waterschap.' })}
    ${selectField({ ...f('zichtbaarheid', l?.zichtbaarheid ?? 'organisatie'), options: entries('zichtbaarheid'), description: 'Een les kan openbaar zijn terwijl de innovatie intern blijft: anderen zien dan de les en uw organisatie, niet de innovatie.' })}
    ${textField({ ...f('datum', l?.datum), type: 'date' })}
    <div class="utrecht-button-group koers-form__actions">
      <button class="utrecht-button utrecht-button--primary-action" type="submit">${l ? 'Wijziging opslaan' : 'Les opslaan'}</button>
      ${l ? html`<button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => { state.editing = null; state.forms.les = emptyForm(); draw(state); }}>Niet wijzigen</button>` : nothing}
    </div>
  </form>`;
}

function lessonBody(form: HTMLFormElement): Record<string, unknown> {
  const d = new FormData(form);
  const get = (k: string) => String(d.get(fieldId('les', k)) ?? '').trim();
  return {
    vorm: get('vorm') || 'les',
    tekst: get('tekst'),
    cluster: get('cluster') || null,
    hoe: get('hoe') || null,
    fase: get('fase') || null,
    soort: get('soort') || null,
    succesfactoren: d.getAll(fieldId('les', 'succesfactoren')).map(String),
    tags: get('tags').split(',').map((x) => x.trim()).filter(Boolean),
    zichtbaarheid: get('zichtbaarheid') || 'organisatie',
    datum: get('datum') || null,
  };
}

async function saveLesson(e: Event, state: State): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const body = lessonBody(form);
  const keep = () => {
    state.forms.les.draft = formDraft(form);
    state.forms.les.factors = body.succesfactoren as string[];
  };
  const found = checkFields(form, specs('les'));
  if (body.vorm === 'les')
    for (const name of ['cluster', 'soort', 'hoe', 'fase'])
      if (!body[name]) {
        const s = lookup('les')(name)!;
        found.push({ field: s.id, label: s.label, message: `Kies ${s.noun}: dat is nodig voor een les (een notitie in het logboek kan zonder)` });
      }
  if (found.length) {
    keep();
    return showErrors(state, 'les', found, '');
  }
  const l = state.editing;
  const r = l
    ? await apiRequest<Les>('PUT', `/lessen/${l.id}`, body, { 'If-Match': `"${l.versie}"` })
    : await apiRequest<Les>('POST', `/innovaties/${state.innovatie.id}/lessen`, body);
  if (!r.ok) {
    keep();
    const { errors, general } = problemErrors(r.problem, lookup('les'));
    return showErrors(state, 'les', errors, general);
  }
  state.lessen = l ? state.lessen.map((x) => (x.id === l.id ? r.body : x)) : [r.body, ...state.lessen];
  state.editing = null;
  state.forms.les = emptyForm();
  await saved(state, l ? 'De les is gewijzigd.' : r.body.vorm === 'logboek' ? 'De notitie staat in het logboek.' : 'De les is opgeslagen.');
}

function lessonsSection(state: State, editor: boolean): TemplateResult {
  const notes = state.lessen.filter((l) => l.vorm === 'logboek');
  const lessons = state.lessen.filter((l) => l.vorm === 'les');
  const actions = (l: Les) => editor
    ? html`<button class="utrecht-button utrecht-button--subtle" type="button" @click=${() => edit(state, l)}>${l.vorm === 'logboek' ? 'Maak er een les van' : 'Wijzigen'}<span class="koers-visually-hidden">: ${l.tekst.slice(0, 60)}</span></button>`
    : undefined;
  const list = (items: Les[], name: string) => html`<ul class="koers-cards" aria-label=${name}>${items.map((l) => lessonCard(l, state.clusters, { from: false, actions: actions(l) }))}</ul>`;
  return html`<section class="koers-section" aria-labelledby="lessen-kop">
    <h2 class="utrecht-heading-2" id="lessen-kop">Lessen <span class="koers-muted">(${lessons.length})</span></h2>
    ${lessons.length ? list(lessons, 'Lessen van deze innovatie') : html`<p class="utrecht-paragraph">Er zijn nog geen lessen vastgelegd.</p>`}
    ${notes.length ? html`<h3 class="utrecht-heading-3">Logboek</h3>${list(notes, 'Notities in het logboek')}` : nothing}
    ${editor ? lessonForm(state) : nothing}
  </section>`;
}

function edit(state: State, l: Les): void {
  state.editing = l.vorm === 'logboek' ? { ...l, vorm: 'les' } : l;
  state.forms.les = emptyForm();
  draw(state);
  document.getElementById(fieldId('les', 'tekst'))?.focus();
}

// --- After Action Reviews ---------------------------------------------------------

function reviewView(t: Terugblik, state: State, editor: boolean): TemplateResult {
  const rows: [string, string | null][] = [
    ['Mijlpaal', t.mijlpaal],
    ['Wat de bedoeling was', t.gepland],
    ['Wat er gebeurde', t.gebeurd],
    ['Waarom dat verschilt', t.verschil],
    ['Wat nu', t.vervolg],
    ['Deelnemers', t.deelnemers.join(', ') || null],
  ];
  const heading = `${t.soort === 'succes' ? 'Succes' : 'Terugblik'} ${t.status === 'gepland' ? 'gepland op' : 'van'} ${formatDate(t.datum)}`;
  return html`<article class="koers-card koers-review" aria-labelledby="terugblik-${t.id}">
    <h3 class="utrecht-heading-3" id="terugblik-${t.id}">${heading}</h3>
    <dl class="utrecht-data-list koers-data-list">
      ${rows.filter(([, v]) => v).map(([k, v]) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${k}</dt><dd class="utrecht-data-list__item-value">${v}</dd></div>`)}
    </dl>
    ${t.acties.length
      ? dataTable(`Acties uit de ${heading.toLowerCase()}`, ['Actie', 'Eigenaar', 'Deadline', 'Status'], t.acties.map((a, n) => [
          a.omschrijving,
          a.eigenaar,
          html`<span class=${a.status === 'open' && a.deadline < today() ? 'koers-overdue' : ''}>${formatDate(a.deadline)}${a.status === 'open' && a.deadline < today() ? ' (verstreken)' : ''}</span>`,
          a.status === 'gedaan'
            ? 'Gedaan'
            : editor
              ? html`Open <button class="utrecht-button utrecht-button--subtle" type="button" @click=${() => markDone(state, t, n)}>Markeer als gedaan<span class="koers-visually-hidden">: ${a.omschrijving}</span></button>`
              : 'Open',
        ]))
      : nothing}
    ${t.lessen.length ? html`<p class="utrecht-paragraph koers-muted">Uit deze terugblik: ${t.lessen.length} ${t.lessen.length === 1 ? 'les' : 'lessen'}.</p>` : nothing}
  </article>`;
}

const today = () => new Date().toISOString().slice(0, 10);

async function markDone(state: State, t: Terugblik, n: number): Promise<void> {
  const acties: Actie[] = t.acties.map((a, i) => (i === n ? { ...a, status: 'gedaan' } : a));
  const { id: _id, auteur: _a, versie, lessen: _l, ...rest } = t;
  const r = await apiRequest<Terugblik>('PUT', `/innovaties/${state.innovatie.id}/terugblikken/${t.id}`, { ...rest, acties }, { 'If-Match': `"${versie}"` });
  if (!r.ok) {
    state.notice = `De actie is niet bijgewerkt: ${r.problem.detail ?? r.problem.title}`;
    return draw(state);
  }
  state.terugblikken = (state.terugblikken ?? []).map((x) => (x.id === t.id ? r.body : x));
  await saved(state, `Actie “${t.acties[n].omschrijving}” is gedaan.`);
}

function reviewForm(state: State): TemplateResult {
  const f = (name: string, saved?: string | null) => field(state, 'tb', name, saved);
  return html`<form class="utrecht-form koers-form" novalidate aria-labelledby="tb-form-kop" @submit=${(e: Event) => saveReview(e, state)}>
    <h3 class="utrecht-heading-3" id="tb-form-kop">Terugblik vastleggen</h3>
    <p class="utrecht-paragraph koers-muted">Een terugblik (After Action Review) zet naast elkaar wat de bedoeling was en wat er gebeurde, en waarom dat verschilt. Plan er een, of leg er een vast die gehouden is.</p>
    ${errorSummary('De terugblik is niet opgeslagen', state.forms.tb.errors, state.forms.tb.general, summaryId('tb'))}
    ${selectField({ ...f('soort', 'terugblik'), options: entries('terugblikSoort') })}
    ${selectField({ ...f('status', 'gehouden'), options: [{ waarde: 'gehouden', label: 'Gehouden' }, { waarde: 'gepland', label: 'Gepland' }] })}
    ${textField({ ...f('datum', today()), type: 'date', required: true })}
    ${textField({ ...f('mijlpaal'), description: 'Alleen bij een succes: wat er bereikt is.' })}
    ${textArea({ ...f('gepland'), rows: 3 })}
    ${textArea({ ...f('gebeurd'), rows: 3 })}
    ${textArea({ ...f('verschil'), rows: 3 })}
    ${textArea({ ...f('vervolg'), rows: 3 })}
    ${textField({ ...f('deelnemers'), description: 'Namen, gescheiden door komma’s.' })}
    <fieldset class="utrecht-form-fieldset koers-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Acties</legend>
      <p class="utrecht-paragraph koers-muted">Elke actie heeft een eigenaar en een deadline; laat een rij leeg als u hem niet nodig hebt.</p>
      ${Array.from({ length: ACTION_ROWS }, (_, n) => html`<div class="koers-action-row">
        ${textField(f(`acties[${n}].omschrijving`))}
        ${textField(f(`acties[${n}].eigenaar`))}
        ${textField({ ...f(`acties[${n}].deadline`), type: 'date' })}
      </div>`)}
    </fieldset>
    <div class="utrecht-button-group koers-form__actions">
      <button class="utrecht-button utrecht-button--primary-action" type="submit">Terugblik opslaan</button>
    </div>
  </form>`;
}

function reviewBody(form: HTMLFormElement): Record<string, unknown> {
  const d = new FormData(form);
  const get = (k: string) => String(d.get(fieldId('tb', k)) ?? '').trim();
  const acties: Actie[] = [];
  for (let n = 0; n < ACTION_ROWS; n++) {
    const [w, e, dl] = ['omschrijving', 'eigenaar', 'deadline'].map((k) => get(`acties[${n}].${k}`));
    if (w || e || dl) acties.push({ omschrijving: w, eigenaar: e, deadline: dl, status: 'open' });
  }
  return {
    soort: get('soort') || 'terugblik',
    status: get('status') || 'gehouden',
    datum: get('datum'),
    mijlpaal: get('mijlpaal') || null,
    gepland: get('gepland') || null,
    gebeurd: get('gebeurd') || null,
    verschil: get('verschil') || null,
    vervolg: get('vervolg') || null,
    deelnemers: get('deelnemers').split(',').map((x) => x.trim()).filter(Boolean),
    acties,
  };
}

async function saveReview(e: Event, state: State): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const body = reviewBody(form);
  const found = checkFields(form, specs('tb'));
  (body.acties as Actie[]).forEach((a, n) => {
    for (const k of ['omschrijving', 'eigenaar', 'deadline'] as const)
      if (!a[k]) {
        const s = lookup('tb')(`acties[${n}].${k}`)!;
        if (!found.some((x) => x.field === s.id)) found.push({ field: s.id, label: s.label, message: `Vul ${s.noun} in, of maak de hele rij leeg` });
      }
  });
  if (found.length) {
    state.forms.tb.draft = formDraft(form);
    return showErrors(state, 'tb', found, '');
  }
  const r = await apiRequest<Terugblik>('POST', `/innovaties/${state.innovatie.id}/terugblikken`, body);
  if (!r.ok) {
    state.forms.tb.draft = formDraft(form);
    const { errors, general } = problemErrors(r.problem, lookup('tb'));
    return showErrors(state, 'tb', errors, general);
  }
  state.forms.tb = emptyForm();
  form.reset();
  await saved(state, r.body.status === 'gepland' ? `De terugblik is gepland op ${formatDate(r.body.datum)}.` : 'De terugblik is opgeslagen.');
}

function cadenceForm(state: State): TemplateResult {
  const c = state.ritme;
  const f = (name: string, saved?: string | number | null) => field(state, 'ritme', name, saved);
  const poort = state.forms.ritme.draft ? state.forms.ritme.draft[fieldId('ritme', 'bijElkePoort')] === 'on' : c?.bijElkePoort ?? false;
  return html`<form class="utrecht-form koers-form" novalidate aria-labelledby="ritme-kop" @submit=${(e: Event) => saveCadence(e, state)}>
    <h3 class="utrecht-heading-3" id="ritme-kop">Ritme van de terugblikken</h3>
    ${errorSummary('Het ritme is niet opgeslagen', state.forms.ritme.errors, state.forms.ritme.general, summaryId('ritme'))}
    ${textField({ ...f('elkeWeken', c?.elkeWeken), inputmode: 'numeric', description: 'Leeg: geen vast ritme. Geteld vanaf de laatste gehouden terugblik.' })}
    <div class="utrecht-form-field utrecht-form-field--checkbox koers-check">
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id=${fieldId('ritme', 'bijElkePoort')} name=${fieldId('ritme', 'bijElkePoort')} .checked=${poort}>
      <label class="utrecht-form-label utrecht-form-label--checkbox" for=${fieldId('ritme', 'bijElkePoort')}>${SPECS.ritme.bijElkePoort.label} (binnen twee weken)</label>
    </div>
    ${textField({ ...f('vanaf', c?.vanaf), type: 'date', description: 'Zolang er geen terugblik gehouden is, tellen de weken vanaf deze datum.' })}
    <div class="utrecht-button-group koers-form__actions">
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">Ritme opslaan</button>
    </div>
  </form>`;
}

async function saveCadence(e: Event, state: State): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const d = new FormData(form);
  const weeks = String(d.get(fieldId('ritme', 'elkeWeken')) ?? '').trim();
  const found = checkFields(form, specs('ritme'));
  if (found.length) {
    state.forms.ritme.draft = formDraft(form);
    return showErrors(state, 'ritme', found, '');
  }
  const body = {
    elkeWeken: weeks === '' ? null : Number(weeks),
    bijElkePoort: d.get(fieldId('ritme', 'bijElkePoort')) === 'on',
    vanaf: String(d.get(fieldId('ritme', 'vanaf')) ?? '') || null,
  };
  const r = await apiRequest<Ritme>('PUT', `/innovaties/${state.innovatie.id}/terugblikritme`, body, state.ritme?.versie ? { 'If-Match': `"${state.ritme.versie}"` } : {});
  if (!r.ok) {
    state.forms.ritme.draft = formDraft(form);
    const { errors, general } = problemErrors(r.problem, lookup('ritme'));
    return showErrors(state, 'ritme', errors, general);
  }
  state.forms.ritme = emptyForm();
  await saved(state, 'Het ritme is opgeslagen.');
}

function reviewsSection(state: State, editor: boolean): TemplateResult {
  const v = state.volgende;
  return html`<section class="koers-section" aria-labelledby="terugblikken-kop">
    <h2 class="utrecht-heading-2" id="terugblikken-kop">Terugblikken</h2>
    ${v ? html`<p class="utrecht-paragraph ${v.teLaat ? 'koers-overdue' : ''}" id="volgende-terugblik">${nextReviewText(v)}</p>` : nothing}
    ${state.terugblikken === null
      ? html`<p class="utrecht-paragraph">De terugblikken konden niet worden geladen.</p>`
      : state.terugblikken.length
        ? [...state.terugblikken].reverse().map((t) => reviewView(t, state, editor))
        : html`<p class="utrecht-paragraph">Er zijn nog geen terugblikken.</p>`}
    ${editor ? html`${reviewForm(state)}${cadenceForm(state)}` : nothing}
  </section>`;
}

// --- critical friends ------------------------------------------------------------

async function reloadInvitations(state: State): Promise<void> {
  if (!canEditInnovation(state.innovatie)) return;
  const r = await apiGet<{ _embedded: { uitnodigingen: Uitnodiging[] } }>(`/innovaties/${state.innovatie.id}/uitnodigingen`);
  state.uitnodigingen = r.ok ? r.body._embedded.uitnodigingen : null;
}

const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

function reviewLabel(state: State, id: number | null): string {
  if (!id) return 'de innovatie, met haar terugblikken en lessen';
  const t = state.terugblikken?.find((x) => x.id === id);
  return t ? `alleen de terugblik van ${formatDate(t.datum)}` : 'één terugblik';
}

function invitationView(state: State, u: Uitnodiging): TemplateResult {
  const status = u.ingetrokken ? 'ingetrokken' : u.open ? `open tot en met ${formatDate(u.geldigTot)}` : `verlopen op ${formatDate(u.geldigTot)}`;
  return html`<li class="koers-card">
    <h4 class="utrecht-heading-4 koers-card__title">${u.naam}</h4>
    <p class="utrecht-paragraph koers-muted">Deelt ${reviewLabel(state, u.terugblikId)} · ${status}${u.auteur ? ` · uitgenodigd door ${u.auteur}` : ''}</p>
    ${u.bericht ? html`<p class="utrecht-paragraph">Gevraagd: ${u.bericht}</p>` : nothing}
    ${u.commentaar.length
      ? html`<ul class="utrecht-unordered-list" aria-label="Commentaar van ${u.naam}">${u.commentaar.map((c) => html`<li>${c.tekst} <span class="koers-muted">(${formatDate(c.aangemaaktOp)})</span></li>`)}</ul>`
      : html`<p class="utrecht-paragraph koers-muted">Nog geen commentaar.</p>`}
    ${u.open
      ? html`<button class="utrecht-button utrecht-button--subtle" type="button" @click=${() => withdraw(state, u)}>Uitnodiging intrekken<span class="koers-visually-hidden"> van ${u.naam}</span></button>`
      : nothing}
  </li>`;
}

async function withdraw(state: State, u: Uitnodiging): Promise<void> {
  const r = await apiRequest<void>('DELETE', `/innovaties/${state.innovatie.id}/uitnodigingen/${u.id}`);
  state.notice = r.ok ? `De uitnodiging van ${u.naam} is ingetrokken.` : `De uitnodiging is niet ingetrokken: ${r.problem.detail ?? r.problem.title}`;
  await reloadInvitations(state);
  draw(state);
  document.getElementById('leren-melding')?.focus();
}

function friendsSection(state: State): TemplateResult {
  const f = (name: string, saved?: string | null) => field(state, 'vriend', name, saved);
  const reviews = (state.terugblikken ?? []).filter((t) => t.status === 'gehouden');
  return html`<section class="koers-section" aria-labelledby="vrienden-kop">
    <h2 class="utrecht-heading-2" id="vrienden-kop">Kritische vrienden</h2>
    <p class="utrecht-paragraph">Nodig een collega van een andere organisatie uit om mee te kijken: naar de hele innovatie of naar één terugblik, voor een beperkte tijd.
      Zij zien alleen wat u deelt, en kunnen commentaar geven. Elke uitnodiging en elk commentaar komt in het auditspoor.</p>
    ${state.uitnodigingen === null
      ? html`<p class="utrecht-paragraph">De uitnodigingen konden niet worden geladen.</p>`
      : state.uitnodigingen.length
        ? html`<ul class="koers-cards" aria-label="Uitnodigingen">${state.uitnodigingen.map((u) => invitationView(state, u))}</ul>`
        : html`<p class="utrecht-paragraph">Er zijn nog geen kritische vrienden uitgenodigd.</p>`}
    <form class="utrecht-form koers-form" novalidate aria-labelledby="vriend-form-kop" @submit=${(e: Event) => invite(e, state)}>
      <h3 class="utrecht-heading-3" id="vriend-form-kop">Kritische vriend uitnodigen</h3>
      ${errorSummary('De uitnodiging is niet verstuurd', state.forms.vriend.errors, state.forms.vriend.general, summaryId('vriend'))}
      ${textField({ ...f('naam'), required: true, autocomplete: 'name' })}
      ${textField({ ...f('email'), type: 'email', required: true, autocomplete: 'email', description: 'De collega heeft een Koers-account bij een andere organisatie.' })}
      ${selectField({ ...f('terugblikId', ''), options: reviews.map((t) => ({ waarde: String(t.id), label: `Alleen de terugblik van ${formatDate(t.datum)}` })), emptyLabel: 'De hele innovatie, met terugblikken en lessen' })}
      ${textArea({ ...f('bericht'), rows: 3 })}
      ${textField({ ...f('geldigTot', inDays(30)), type: 'date', required: true, description: 'Hoogstens drie maanden vooruit.' })}
      <div class="utrecht-button-group koers-form__actions">
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">Uitnodigen</button>
      </div>
    </form>
  </section>`;
}

async function invite(e: Event, state: State): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const d = new FormData(form);
  const get = (k: string) => String(d.get(fieldId('vriend', k)) ?? '').trim();
  const found = checkFields(form, specs('vriend'));
  if (found.length) {
    state.forms.vriend.draft = formDraft(form);
    return showErrors(state, 'vriend', found, '');
  }
  const body = { naam: get('naam'), email: get('email'), bericht: get('bericht') || null, geldigTot: get('geldigTot'), terugblikId: get('terugblikId') ? Number(get('terugblikId')) : null };
  const r = await apiRequest<Uitnodiging>('POST', `/innovaties/${state.innovatie.id}/uitnodigingen`, body);
  if (!r.ok) {
    state.forms.vriend.draft = formDraft(form);
    const { errors, general } = problemErrors(r.problem, lookup('vriend'));
    return showErrors(state, 'vriend', errors, general);
  }
  state.forms.vriend = emptyForm();
  await reloadInvitations(state);
  state.notice = `${r.body.naam} is uitgenodigd tot en met ${formatDate(r.body.geldigTot)}.`;
  draw(state);
  document.getElementById('leren-melding')?.focus();
}

// --- the page ------------------------------------------------------------------------

function showErrors(state: State, form: FormName, errors: FieldError[], general: string): void {
  state.forms[form].errors = errors;
  state.forms[form].general = general;
  state.notice = '';
  draw(state);
  focusErrorSummary(summaryId(form));
}

// After a save: the page shows the new state, and says what happened.
async function saved(state: State, notice: string): Promise<void> {
  await reloadReviews(state);
  state.notice = notice;
  draw(state);
  document.getElementById('leren-melding')?.focus();
}

async function reloadReviews(state: State): Promise<void> {
  const t = await apiGet<{ ritme: Ritme; volgende: Volgende; _embedded: { terugblikken: Terugblik[] } }>(`/innovaties/${state.innovatie.id}/terugblikken`);
  state.terugblikken = t.ok ? t.body._embedded.terugblikken : null;
  state.ritme = t.ok ? t.body.ritme : null;
  state.volgende = t.ok ? t.body.volgende : null;
}

function draw(state: State): void {
  const i = state.innovatie;
  const editor = canEditInnovation(i);
  renderPage(
    `Leren: ${i.titel}`,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}">${i.titel}</a> · <a class="utrecht-link" href="/innovaties/${i.id}/sturing">Sturing</a></p>
      <h1 class="utrecht-heading-1">Leren: ${i.titel}</h1>
      <p class="utrecht-paragraph">Wat het team onderweg leert: lessen, snelle notities in het logboek en terugblikken op wat gepland was en wat er gebeurde.
        Openbare lessen helpen andere gemeenten bij hun volgende poort. <a class="utrecht-link" href="/lessen">Alle lessen</a></p>
      ${!editor
        ? session().ingelogd
          ? html`<p class="utrecht-paragraph koers-muted">Alleen het team van ${i.organisatieNaam ?? i.organisatie} legt lessen en terugblikken vast.</p>`
          : loginPrompt('Log in als lid van het team om lessen en terugblikken vast te leggen.')
        : nothing}
      <div class="koers-notice" id="leren-melding" role="status" tabindex="-1">
        ${state.notice ? html`<div class="utrecht-alert utrecht-alert--ok"><p class="utrecht-paragraph">${state.notice}</p></div>` : nothing}
      </div>
      ${lessonsSection(state, editor)}
      ${reviewsSection(state, editor)}
      ${editor ? friendsSection(state) : nothing}
    `,
  );
}

export async function learningPage(params: Record<string, string>): Promise<void> {
  const id = params.id;
  const [i, l, k] = await Promise.all([
    apiGet<Innovatie>(`/innovaties/${id}`),
    apiGet<{ _embedded: { lessen: Les[] } }>(`/innovaties/${id}/lessen`),
    loadLearningKnowledge(),
  ]);
  if (!i.ok) return problemPage('Leren', i.problem);
  const state: State = {
    innovatie: i.body,
    lessen: l.ok ? l.body._embedded.lessen : [],
    terugblikken: null,
    ritme: null,
    volgende: null,
    clusters: k.lesclusters,
    factors: k.succesfactoren,
    editing: null,
    forms: { les: emptyForm(), tb: emptyForm(), ritme: emptyForm(), vriend: emptyForm() },
    uitnodigingen: null,
    notice: '',
  };
  await Promise.all([reloadReviews(state), reloadInvitations(state)]);
  draw(state);
}

