// Create and edit an innovation. The server validates; its problems are
// shown at each field and in a summary at the top.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie, type TeamLid } from '../lib/api';
import { checkFields, parseAmount, problemErrors, type FieldKind, type FieldSpec } from '../lib/form-errors';
import { entries, label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { renderPage } from '../components/page-shell/page-shell';
import { checkboxGroup, selectField, textArea, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { problemPage } from './problem';
import { loginPrompt } from '../components/login-prompt/login-prompt';
import { canEditCircle, session } from '../lib/session';
import { loadOrganisationOptions } from './organisaties';

const LABELS: Record<string, string> = {
  titel: 'Titel',
  samenvatting: 'Samenvatting',
  opgave: 'Opgave',
  doel: 'Doel',
  urgentie: 'Urgentie',
  organisatie: 'Organisatie',
  partners: 'Partners',
  partnersMetBewerkrecht: 'Mogen meebewerken',
  domein: 'Domein',
  tags: 'Trefwoorden',
  fase: 'Fase',
  status: 'Status',
  faseReden: 'Reden van de wijziging',
  innovatieType: 'Type innovatie',
  innovatieNiveau: 'Niveau',
  trl: 'Technology readiness level',
  analyseNiveau: 'Analyseniveau',
  orientatie: 'Gericht op',
  waardeSoorten: 'Soort waarde',
  waardecreatie: 'Waardecreatie',
  waardepotentie: 'Potentie na opschaling',
  startDatum: 'Startdatum',
  kostenExtern: 'Kosten uit eigen zak (euro)',
  interneUren: 'Interne uren',
  inkoopRoute: 'Inkooproute',
  technieken: 'Technieken',
  databronnen: 'Databronnen',
  opgeschaaldNaar: 'Opgeschaald naar',
  zichtbaarheid: 'Zichtbaarheid',
  herzienOp: 'Volgende controle uiterlijk',
};
const LIST_FIELDS = ['partners', 'partnersMetBewerkrecht', 'tags', 'technieken', 'databronnen', 'opgeschaaldNaar'];
const NUMBER_FIELDS = ['kostenExtern', 'interneUren'];

// How each field is named in an instruction, and what it takes.
const FIELDS: Record<string, [string, FieldKind?, boolean?]> = {
  titel: ['de titel', 'text', true],
  samenvatting: ['de samenvatting'],
  opgave: ['de opgave'],
  doel: ['het doel'],
  urgentie: ['de urgentie', 'choice'],
  organisatie: ['de organisatie', 'choice', true],
  partners: ['de partners'],
  partnersMetBewerkrecht: ['de partners die mogen meebewerken'],
  domein: ['het domein', 'choice'],
  tags: ['de trefwoorden'],
  fase: ['de fase', 'choice'],
  status: ['de status', 'choice'],
  faseReden: ['de reden van de wijziging'],
  innovatieType: ['het type innovatie', 'choice'],
  innovatieNiveau: ['het niveau', 'choice'],
  trl: ['het technology readiness level', 'choice'],
  analyseNiveau: ['het analyseniveau', 'choice'],
  orientatie: ['waar de innovatie op gericht is', 'choice'],
  waardeSoorten: ['de soort waarde', 'choice'],
  waardecreatie: ['de waardecreatie', 'choice'],
  waardepotentie: ['de potentie na opschaling', 'choice'],
  startDatum: ['de startdatum', 'date'],
  kostenExtern: ['de kosten uit eigen zak', 'amount'],
  interneUren: ['de interne uren', 'hours'],
  inkoopRoute: ['de inkooproute', 'choice'],
  technieken: ['de technieken'],
  databronnen: ['de databronnen'],
  opgeschaaldNaar: ['de organisaties waar de innovatie naar is opgeschaald'],
  zichtbaarheid: ['de zichtbaarheid', 'choice'],
  herzienOp: ['de datum van de volgende controle', 'date'],
};
const TEAM_FIELDS: Record<string, [string, string, FieldKind, boolean?]> = {
  naam: ['Naam of functie', 'de naam of functie', 'text', true],
  rol: ['Rol', 'de rol', 'choice', true],
  gebruiker: ['E-mailadres van het Koers-account', 'het e-mailadres', 'email'],
  archetypen: ['Archetypen', 'de archetypen', 'choice'],
};

function spec(apiName: string): FieldSpec | undefined {
  const team = /^team\[(\d+)\]\.(\w+)/.exec(apiName);
  if (team) {
    const t = TEAM_FIELDS[team[2]];
    const n = Number(team[1]) + 1;
    return t && { id: `team-${team[1]}-${team[2]}`, label: `Teamlid ${n}, ${t[0].charAt(0).toLowerCase()}${t[0].slice(1)}`, noun: `${t[1]} van teamlid ${n}`, kind: t[2], required: t[3] };
  }
  const key = apiName.replace(/\[\d+\]$/, '');
  const f = FIELDS[key];
  return f && { id: key, label: LABELS[key], noun: f[0], kind: f[1] ?? 'text', required: f[2] };
}

function clientChecks(form: HTMLFormElement, state: State): FieldSpec[] {
  const names = [...Object.keys(FIELDS)];
  state.team.forEach((_, n) => names.push(...Object.keys(TEAM_FIELDS).map((k) => `team[${n}].${k}`)));
  return names.map(spec).filter((f): f is FieldSpec => !!f && !!form.querySelector(`[id="${f.id}"]`));
}

type Values = Record<string, string>;

interface State {
  id: number | null;
  etag: string | null;
  values: Values;
  waardeSoorten: string[];
  team: TeamLid[];
  errors: Map<string, string>; // by field id: the instruction
  labels: Map<string, string>; // by field id: the label in the summary
  general: string;
  busy: boolean;
  partnerTyped?: string;  // what stands in the partner box, kept across redraws
  publicatie: Record<string, unknown> | null;  // not on this form; sent back as it was
  // Whether the user decides who is in the circle (organisation, partners,
  // edit rights, visibility); a partner with edit rights does not.
  circle: boolean;
}

// Dutch or plain notation; kept here for the pages that import it.
export { parseAmount };

function fromInnovation(i: Innovatie | null): Values {
  const v: Values = {};
  for (const key of Object.keys(LABELS)) v[key] = '';
  v.fase = 'idee';
  v.status = 'actief';
  v.zichtbaarheid = 'organisatie';
  if (!i) return v;
  const record = i as unknown as Record<string, unknown>;
  for (const key of Object.keys(LABELS)) {
    const value = record[key];
    if (Array.isArray(value)) v[key] = value.join(', ');
    else if (typeof value === 'number') v[key] = String(value).replace('.', ',');
    else if (typeof value === 'string') v[key] = value;
  }
  return v;
}

function readForm(form: HTMLFormElement, state: State): void {
  const data = new FormData(form);
  for (const key of Object.keys(LABELS)) if (key !== 'waardeSoorten') state.values[key] = String(data.get(key) ?? '');
  state.values.partnersMetBewerkrecht = data.getAll('partnersMetBewerkrecht').map(String).join(', ');
  state.waardeSoorten = data.getAll('waardeSoorten').map(String);
  state.partnerTyped = (form.querySelector('#partner-kiezen') as HTMLInputElement | null)?.value ?? state.partnerTyped;
  state.team = state.team.map((_, n) => ({
    naam: String(data.get(`team-${n}-naam`) ?? ''),
    rol: String(data.get(`team-${n}-rol`) ?? ''),
    archetypen: data.getAll(`team-${n}-archetypen`).map(String),
    gebruiker: String(data.get(`team-${n}-gebruiker`) ?? '').trim() || null,
  }));
}

function body(state: State): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(state.values)) {
    if (key === 'faseReden' && !state.id) continue;
    if (key === 'waardeSoorten') continue;
    if (LIST_FIELDS.includes(key)) out[key] = raw.split(',').map((s) => s.trim()).filter(Boolean);
    else if (NUMBER_FIELDS.includes(key)) out[key] = parseAmount(raw);
    else if (key === 'trl') out[key] = raw ? Number(raw) : null;
    else out[key] = raw.trim() === '' ? null : raw;
  }
  out.waardeSoorten = state.waardeSoorten;
  out.team = state.team;
  if (state.id) out.publicatie = state.publicatie;
  return out;
}

async function submit(event: Event, state: State): Promise<void> {
  event.preventDefault();
  if (state.busy) return;
  const form = event.target as HTMLFormElement;
  readForm(form, state);
  const found = checkFields(form, clientChecks(form, state));
  if (found.length) {
    state.errors = new Map(found.map((e) => [e.field, e.message]));
    state.labels = new Map(found.map((e) => [e.field, e.label]));
    state.general = '';
    draw(state);
    focusErrorSummary();
    return;
  }
  state.busy = true;
  const headers: Record<string, string> = state.id && state.etag ? { 'If-Match': state.etag } : {};
  const r = state.id
    ? await apiRequest<Innovatie>('PUT', `/innovaties/${state.id}`, body(state), headers)
    : await apiRequest<Innovatie>('POST', '/innovaties', body(state));
  state.busy = false;
  if (r.ok) {
    navigate(`/innovaties/${r.body.id}`);
    return;
  }
  const { errors, general } = problemErrors(r.problem, spec);
  // The partners' codes travel in a hidden field; their errors belong to the box one types in.
  const at = (field: string) => (field === 'partners' || field === 'partnersMetBewerkrecht' ? 'partner-kiezen' : field);
  state.errors = new Map(errors.map((e) => [at(e.field), e.message]));
  state.labels = new Map(errors.map((e) => [at(e.field), e.label]));
  state.general = general;
  draw(state);
  focusErrorSummary();
}

function teamFieldset(state: State, n: number): TemplateResult {
  const m = state.team[n];
  const id = (f: string) => `team-${n}-${f}`;
  return html`
    <fieldset class="utrecht-form-fieldset koers-fieldset koers-team-member">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Teamlid ${n + 1}</legend>
      ${textField({ id: id('naam'), label: 'Naam of functie', value: m.naam, required: true, error: state.errors.get(id('naam')) })}
      ${selectField({ id: id('rol'), label: 'Rol', value: m.rol, options: entries('rol'), emptyLabel: 'Kies een rol', required: true, error: state.errors.get(id('rol')) })}
      ${textField({ id: id('gebruiker'), label: 'E-mailadres van het Koers-account', value: m.gebruiker ?? '', type: 'email', description: 'Koppelt het teamlid aan een account: een projectleider mag de innovatie dan bewerken, teamleden zien haar ook als zij alleen voor het team zichtbaar is.', error: state.errors.get(id('gebruiker')) })}
      ${checkboxGroup({ id: id('archetypen'), label: 'Archetypen', values: m.archetypen, options: entries('archetype'), error: state.errors.get(id('archetypen')) })}
      <button class="utrecht-button utrecht-button--secondary-action" type="button"
        @click=${(e: Event) => {
          readForm((e.target as HTMLElement).closest('form')!, state);
          state.team.splice(n, 1);
          draw(state);
        }}>Teamlid ${n + 1} verwijderen</button>
    </fieldset>
  `;
}

let organisationOptions: { waarde: string; label: string }[] = [];
const organisationName = (code: string) => organisationOptions.find((o) => o.waarde === code)?.label.replace(/ \([^)]*\)$/, '') ?? code;

// Partners picked by name: a text box that suggests organisations as one
// types (a native combobox), the chosen ones listed by name; the codes
// travel in a hidden field.
function partnerPicker(state: State): TemplateResult {
  const split = (list: string) => list.split(',').map((c) => c.trim()).filter(Boolean);
  const codes = split(state.values.partners);
  const editing = split(state.values.partnersMetBewerkrecht);
  if (!state.circle)
    return html`<fieldset class="utrecht-form-fieldset koers-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${LABELS.partners}</legend>
      <input type="hidden" name="partners" .value=${codes.join(', ')}>
      ${editing.map((c) => html`<input type="hidden" name="partnersMetBewerkrecht" .value=${c}>`)}
      <p class="utrecht-paragraph">${codes.length ? codes.map((c) => `${organisationName(c)}${editing.includes(c) ? ' (mag meebewerken)' : ''}`).join(', ') : 'Geen partners.'}</p>
      <p class="utrecht-paragraph koers-muted">Wie partner is en wie mag meebewerken, bepaalt de eigenaar.</p>
    </fieldset>`;
  const error = state.errors.get('partners') ?? state.errors.get('partner-kiezen');
  const add = (input: HTMLInputElement) => {
    const typed = input.value.trim().toLowerCase();
    if (!typed) return;
    readForm(input.closest('form')!, state);
    const match = organisationOptions.find((o) => o.label.toLowerCase() === typed || o.waarde.toLowerCase() === typed)
      ?? organisationOptions.filter((o) => organisationName(o.waarde).toLowerCase() === typed)[0];
    state.errors.delete('partner-kiezen');
    if (!match) {
      state.errors.set('partner-kiezen', 'Kies een organisatie uit de lijst die verschijnt terwijl u typt');
      state.labels.set('partner-kiezen', 'Partner toevoegen');
      state.partnerTyped = input.value;
    } else if (!codes.includes(match.waarde)) {
      state.values.partners = [...codes, match.waarde].join(', ');
      state.partnerTyped = '';
    }
    draw(state);
    document.getElementById('partner-kiezen')?.focus();
  };
  return html`<fieldset class="utrecht-form-fieldset koers-fieldset ${error ? 'utrecht-form-fieldset--invalid' : ''}">
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${LABELS.partners}</legend>
    <input type="hidden" name="partners" .value=${codes.join(', ')}>
    ${codes.length
      ? html`<ul class="koers-chosen" aria-label="Gekozen partners">${codes.map((c) => html`<li>${organisationName(c)}
          <span class="utrecht-form-field utrecht-form-field--checkbox koers-inline-check">
            <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name="partnersMetBewerkrecht" id="bewerkrecht-${c}" .value=${c} ?checked=${editing.includes(c)}
              aria-label="mag meebewerken: ${organisationName(c)}">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="bewerkrecht-${c}">mag meebewerken</label>
          </span>
          <button class="utrecht-button utrecht-button--subtle koers-link-button" type="button" @click=${(e: Event) => {
            readForm((e.target as HTMLElement).closest('form')!, state);
            state.values.partners = codes.filter((x) => x !== c).join(', ');
            state.values.partnersMetBewerkrecht = split(state.values.partnersMetBewerkrecht).filter((x) => x !== c).join(', ');
            draw(state);
            document.getElementById('partner-kiezen')?.focus();
          }}>Verwijder<span class="koers-visually-hidden"> ${organisationName(c)} als partner</span></button></li>`)}</ul>`
      : html`<p class="utrecht-paragraph koers-muted">Nog geen partners.</p>`}
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="partner-kiezen">Partner toevoegen</label>
      <div class="utrecht-form-field-description" id="partner-kiezen-uitleg">Typ een deel van de naam en kies de organisatie uit de lijst. Partners lezen mee; vink "mag meebewerken" aan voor een partner die met u de innovatie bijhoudt.</div>
      ${error ? html`<div class="utrecht-form-field-error-message" id="partner-kiezen-fout">${error}</div>` : nothing}
      <div class="koers-search-form__row">
        <input class="utrecht-textbox utrecht-textbox--html-input ${error ? 'utrecht-textbox--invalid' : ''}" id="partner-kiezen" list="partner-opties"
          autocomplete="off" aria-describedby="partner-kiezen-uitleg${error ? ' partner-kiezen-fout' : ''}" aria-invalid=${error ? 'true' : 'false'}
          .value=${state.partnerTyped ?? ''}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add(e.target as HTMLInputElement);
          }}>
        <button class="utrecht-button utrecht-button--secondary-action" type="button"
          @click=${(e: Event) => add((e.target as HTMLElement).closest('.utrecht-form-field')!.querySelector('input')!)}>Toevoegen<span class="koers-visually-hidden"> als partner</span></button>
      </div>
      <datalist id="partner-opties">${organisationOptions.map((o) => html`<option value=${o.label}></option>`)}</datalist>
    </div>
  </fieldset>`;
}

function draw(state: State): void {
  const v = state.values;
  const err = (f: string) => state.errors.get(f);
  const sel = (f: string, list: string, extra: Partial<Parameters<typeof selectField>[0]> = {}) =>
    selectField({ id: f, label: LABELS[f], value: v[f], options: entries(list), emptyLabel: 'Niet ingevuld', error: err(f), ...extra });
  const errors: FieldError[] = [...state.errors].map(([field, message]) => ({ field, label: state.labels.get(field) ?? field, message }));
  const title = state.id ? `${v.titel || 'Innovatie'} bewerken` : 'Nieuwe innovatie';
  renderPage(
    title,
    html`
      <h1 class="utrecht-heading-1">${title}</h1>
      <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => submit(e, state)}>
        ${errorSummary('De innovatie is nog niet opgeslagen', errors, state.general)}
        <h2 class="utrecht-heading-2">Wat en waarom</h2>
        ${textField({ id: 'titel', label: LABELS.titel, value: v.titel, required: true, error: err('titel') })}
        ${textArea({ id: 'samenvatting', label: LABELS.samenvatting, value: v.samenvatting, description: 'Wat doet de innovatie, in een paar zinnen?', error: err('samenvatting') })}
        ${textArea({ id: 'opgave', label: LABELS.opgave, value: v.opgave, description: 'Welk probleem of welke maatschappelijke opgave pakt zij aan?', error: err('opgave') })}
        ${textArea({ id: 'doel', label: LABELS.doel, value: v.doel, error: err('doel') })}
        ${sel('urgentie', 'urgentie')}
        <h2 class="utrecht-heading-2">Organisatie</h2>
        ${state.circle
          ? selectField({ id: 'organisatie', label: LABELS.organisatie, value: v.organisatie, options: organisationOptions, emptyLabel: 'Kies een organisatie', required: true, error: err('organisatie') })
          : html`<input type="hidden" name="organisatie" .value=${v.organisatie}><p class="utrecht-paragraph">Eigenaar: ${organisationName(v.organisatie)}</p>`}
        ${partnerPicker(state)}
        ${sel('domein', 'domein')}
        ${textField({ id: 'tags', label: LABELS.tags, value: v.tags, description: 'Gescheiden door komma’s.', error: err('tags') })}
        <h2 class="utrecht-heading-2">Fase en status</h2>
        ${sel('fase', 'fase', { emptyLabel: undefined, required: true })}
        ${sel('status', 'status', { emptyLabel: undefined, required: true })}
        ${state.id ? textField({ id: 'faseReden', label: LABELS.faseReden, value: v.faseReden, description: 'Alleen nodig als u de fase of status wijzigt; komt in de fasegeschiedenis.', error: err('faseReden') }) : nothing}
        <h2 class="utrecht-heading-2">Soort innovatie</h2>
        ${sel('innovatieType', 'innovatieType')}
        ${sel('innovatieNiveau', 'innovatieNiveau')}
        ${selectField({ id: 'trl', label: LABELS.trl, value: v.trl, options: Array.from({ length: 9 }, (_, k) => ({ waarde: String(k + 1), label: `TRL ${k + 1}` })), emptyLabel: 'Niet ingevuld', error: err('trl') })}
        ${sel('analyseNiveau', 'analyseNiveau')}
        ${sel('orientatie', 'orientatie')}
        <h2 class="utrecht-heading-2">Waarde en kosten</h2>
        ${checkboxGroup({ id: 'waardeSoorten', label: LABELS.waardeSoorten, values: state.waardeSoorten, options: entries('waardeSoort'), error: err('waardeSoorten') })}
        ${sel('waardecreatie', 'waardeNiveau')}
        ${sel('waardepotentie', 'waardeNiveau')}
        ${textField({ id: 'startDatum', label: LABELS.startDatum, value: v.startDatum, type: 'date', error: err('startDatum') })}
        ${textField({ id: 'kostenExtern', label: LABELS.kostenExtern, value: v.kostenExtern, inputmode: 'decimal', description: 'Bijvoorbeeld 12.500 of 12500,50.', error: err('kostenExtern') })}
        ${textField({ id: 'interneUren', label: LABELS.interneUren, value: v.interneUren, inputmode: 'decimal', error: err('interneUren') })}
        ${sel('inkoopRoute', 'inkoopRoute')}
        <h2 class="utrecht-heading-2">Techniek en data</h2>
        ${textField({ id: 'technieken', label: LABELS.technieken, value: v.technieken, description: 'Gescheiden door komma’s, bijvoorbeeld voorspelmodel, dashboard.', error: err('technieken') })}
        ${textField({ id: 'databronnen', label: LABELS.databronnen, value: v.databronnen, description: 'Gescheiden door komma’s.', error: err('databronnen') })}
        ${textField({ id: 'opgeschaaldNaar', label: LABELS.opgeschaaldNaar, value: v.opgeschaaldNaar, description: 'Organisaties die de innovatie hebben overgenomen, gescheiden door komma’s.', error: err('opgeschaaldNaar') })}
        <h2 class="utrecht-heading-2">Team</h2>
        ${state.team.map((_, n) => teamFieldset(state, n))}
        <div class="utrecht-button-group">
          <button class="utrecht-button utrecht-button--secondary-action" type="button"
            @click=${(e: Event) => {
              readForm((e.target as HTMLElement).closest('form')!, state);
              state.team.push({ naam: '', rol: '', archetypen: [], gebruiker: null });
              draw(state);
              document.getElementById(`team-${state.team.length - 1}-naam`)?.focus();
            }}>Teamlid toevoegen</button>
        </div>
        <h2 class="utrecht-heading-2">Zichtbaarheid</h2>
        ${state.circle
          ? sel('zichtbaarheid', 'zichtbaarheid', { emptyLabel: undefined, required: true })
          : html`<input type="hidden" name="zichtbaarheid" .value=${v.zichtbaarheid}>
              <p class="utrecht-paragraph">${label('zichtbaarheid', v.zichtbaarheid)}. Wie de innovatie mag lezen, bepaalt de eigenaar.</p>`}
        ${state.id ? textField({ id: 'herzienOp', label: LABELS.herzienOp, value: v.herzienOp, type: 'date', description: 'Wanneer controleert u of deze registratie nog klopt? Laat u de datum staan, dan wordt het een jaar na deze wijziging.', error: err('herzienOp') }) : nothing}
        <div class="utrecht-button-group koers-form__actions">
          <button class="utrecht-button utrecht-button--primary-action" type="submit" ?disabled=${state.busy}>Opslaan</button>
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href=${state.id ? `/innovaties/${state.id}` : '/innovaties'}>Annuleren</a>
        </div>
      </form>
    `,
  );
}

export async function formPage(params: Record<string, string>, query?: URLSearchParams): Promise<void> {
  if (!session().ingelogd) {
    const title = params.id ? 'Innovatie bewerken' : 'Nieuwe innovatie';
    renderPage(title, html`<h1 class="utrecht-heading-1">${title}</h1>
      ${loginPrompt('Log in met het account van uw organisatie om een innovatie te registreren of bij te werken. Zonder account kunt u alle openbare innovaties bekijken en doorzoeken.')}`);
    return;
  }
  organisationOptions = await loadOrganisationOptions();
  let innovation: Innovatie | null = null;
  let etag: string | null = null;
  if (params.id) {
    const r = await apiGet<Innovatie>(`/innovaties/${encodeURIComponent(params.id)}`);
    if (!r.ok) return problemPage('Innovatie bewerken', r.problem);
    innovation = r.body;
    etag = r.etag;
  }
  const values = fromInnovation(innovation);
  // A new innovation is most likely of the organisation the user works for.
  if (!innovation) values.organisatie = session().gebruiker?.rollen.find((r) => r.rol === 'lid' || r.rol === 'beheerder')?.organisatie ?? '';
  // A need recorded from an empty search starts with the question as its problem statement.
  if (!innovation && query?.get('opgave')) values.opgave = query.get('opgave')!.slice(0, 2000);
  draw({
    id: innovation?.id ?? null,
    etag,
    values,
    waardeSoorten: innovation?.waardeSoorten ?? [],
    team: innovation?.team.map((m) => ({ ...m, archetypen: [...m.archetypen] })) ?? [],
    errors: new Map(),
    labels: new Map(),
    general: '',
    busy: false,
    publicatie: innovation?.publicatie ?? null,
    circle: !innovation || canEditCircle(innovation),
  });
}
