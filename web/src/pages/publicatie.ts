// The publication details of an algorithm: what the Algoritmeregister asks
// beyond what the innovation already says. Saved with a PATCH of
// `publicatie` only, under If-Match; what was typed stays on the page when
// the server refuses it.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie } from '../lib/api';
import { checkFields, lookupIn, problemErrors, type FieldSpec } from '../lib/form-errors';
import { entries, label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { renderPage } from '../components/page-shell/page-shell';
import { selectField, textArea, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { loginPrompt } from '../components/login-prompt/login-prompt';
import { canEditInnovation, session } from '../lib/session';
import { problemPage } from './problem';

interface Field {
  spec: FieldSpec;
  long?: boolean; // a text area
  type?: string; // of the input
  description?: string;
}

// In the order of the page; ids are the API names within `publicatie`.
const GROUPS: [string, Field[]][] = [
  ['Indeling', [
    { spec: { id: 'categorie', label: 'Categorie', noun: 'de categorie', kind: 'choice' }, description: 'Hoog-risico volgens de AI-verordening, impactvol, of overig.' },
    { spec: { id: 'themas', label: "Thema's", noun: "de thema's" }, description: 'Gescheiden door komma’s, bijvoorbeeld Sociale zekerheid, Ruimte en infrastructuur. Leeg: het domein van de innovatie.' },
  ]],
  ['Doel en afwegingen', [
    { spec: { id: 'doelEnImpact', label: 'Doel en impact', noun: 'het doel en de impact' }, long: true, description: 'Waarvoor wordt het algoritme gebruikt en wat merken inwoners ervan?' },
    { spec: { id: 'afwegingen', label: 'Afwegingen', noun: 'de afwegingen' }, long: true, description: 'Waarom weegt het nut op tegen de risico’s, en welke alternatieven zijn overwogen?' },
    { spec: { id: 'menselijkeTussenkomst', label: 'Menselijke tussenkomst', noun: 'de menselijke tussenkomst' }, long: true, description: 'Wie beoordeelt de uitkomst voordat er een besluit valt?' },
    { spec: { id: 'risicobeheer', label: 'Risicobeheer', noun: 'het risicobeheer' }, long: true, description: 'Welke risico’s zijn er, en hoe worden ze bewaakt?' },
  ]],
  ['Wettelijke basis', [
    { spec: { id: 'wettelijkeGrondslag', label: 'Wettelijke basis', noun: 'de wettelijke basis' }, long: true },
    { spec: { id: 'wettelijkeGrondslagTitel', label: 'Titel van de wet of regeling', noun: 'de titel van de wet of regeling' } },
    { spec: { id: 'wettelijkeGrondslagLink', label: 'Link naar de wet of regeling', noun: 'de link naar de wet of regeling', kind: 'url' }, type: 'url' },
    { spec: { id: 'verwerkingsregister', label: 'Link naar het verwerkingsregister', noun: 'de link naar het verwerkingsregister', kind: 'url' }, type: 'url' },
  ]],
  ['Impacttoetsen', [
    { spec: { id: 'impacttoetsen', label: 'Impacttoetsen', noun: 'de impacttoetsen' }, long: true, description: 'Welke toetsen zijn gedaan, zoals een DPIA of IAMA?' },
    { spec: { id: 'impacttoetsLink', label: 'Link naar een impacttoets', noun: 'de link naar een impacttoets', kind: 'url' }, type: 'url' },
    { spec: { id: 'impacttoetsToelichting', label: 'Toelichting op de impacttoetsen', noun: 'de toelichting op de impacttoetsen' }, long: true },
  ]],
  ['Gegevens en werking', [
    { spec: { id: 'gegevens', label: 'Gegevens', noun: 'de gegevens' }, long: true, description: 'Welke gegevens gebruikt het algoritme, en waar komen ze vandaan?' },
    { spec: { id: 'gegevensbronTitel', label: 'Naam van de gegevensbron', noun: 'de naam van de gegevensbron' } },
    { spec: { id: 'gegevensbronLink', label: 'Link naar de gegevensbron', noun: 'de link naar de gegevensbron', kind: 'url' }, type: 'url' },
    { spec: { id: 'technischeWerking', label: 'Technische werking', noun: 'de technische werking' }, long: true, description: 'Hoe komt het algoritme tot een uitkomst, in woorden die een inwoner begrijpt?' },
    { spec: { id: 'leverancier', label: 'Leverancier', noun: 'de leverancier' }, description: 'Leeg als de organisatie het zelf heeft gebouwd.' },
    { spec: { id: 'broncode', label: 'Link naar de broncode', noun: 'de link naar de broncode', kind: 'url' }, type: 'url' },
  ]],
  ['Contact en vindplaatsen', [
    { spec: { id: 'contact', label: 'Contact', noun: 'het contact' }, description: 'Een e-mailadres of webadres waar inwoners met vragen terechtkunnen.' },
    { spec: { id: 'publiekspagina', label: 'Link naar de publiekspagina', noun: 'de link naar de publiekspagina', kind: 'url' }, type: 'url' },
    { spec: { id: 'bronregistratie', label: 'Link naar de eigen registratie', noun: 'de link naar de eigen registratie', kind: 'url' }, type: 'url', description: 'Als de organisatie het algoritme ook in een eigen register bijhoudt.' },
    { spec: { id: 'einddatum', label: 'Einde van het gebruik', noun: 'de maand waarin het gebruik eindigt', example: '2027-06' }, type: 'month', description: 'Jaar en maand, bijvoorbeeld 2027-06. Leeg als er geen einde is gepland.' },
  ]],
];
const FIELDS = GROUPS.flatMap(([, fields]) => fields);
const lookup = lookupIn(Object.fromEntries(FIELDS.map((f) => [`publicatie.${f.spec.id}`, f.spec])));

// The filled-in details, in the sections of the form, for the innovation
// page; nothing when none are filled.
export function publicationSections(p: Record<string, unknown> | null): TemplateResult | typeof nothing {
  const shown = (f: Field): TemplateResult | typeof nothing => {
    const v = p?.[f.spec.id];
    if (Array.isArray(v) ? v.length === 0 : typeof v !== 'string' || v === '') return nothing;
    const text = Array.isArray(v) ? v.join(', ') : String(v);
    const value = f.spec.kind === 'choice'
      ? label('publicatieCategorie', text)
      : f.spec.kind === 'url'
        ? html`<a class="utrecht-link" href=${text} rel="noopener">${text}</a>`
        : text.split(/\n{2,}/).map((para) => html`<p class="utrecht-paragraph">${para}</p>`);
    return html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${f.spec.label}</dt>
      <dd class="utrecht-data-list__item-value">${value}</dd></div>`;
  };
  const groups = GROUPS.filter(([, fields]) => fields.some((f) => shown(f) !== nothing));
  if (!groups.length) return nothing;
  return html`${groups.map(([heading, fields]) => html`<h3 class="utrecht-heading-3">${heading}</h3>
    <dl class="utrecht-data-list koers-data-list">${fields.map(shown)}</dl>`)}`;
}

interface State {
  innovation: Innovatie;
  etag: string | null;
  values: Record<string, string>;
  errors: FieldError[];
  general: string;
  busy: boolean;
}

function fromPublication(p: Record<string, unknown> | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { spec } of FIELDS) {
    const v = p?.[spec.id];
    values[spec.id] = Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : '';
  }
  return values;
}

function body(values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    if (key === 'themas') out[key] = raw.split(',').map((s) => s.trim()).filter(Boolean);
    else out[key] = raw.trim() === '' ? null : raw;
  }
  return { publicatie: out };
}

async function submit(event: Event, state: State): Promise<void> {
  event.preventDefault();
  if (state.busy) return;
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  for (const { spec } of FIELDS) state.values[spec.id] = String(data.get(spec.id) ?? '');
  state.errors = checkFields(form, FIELDS.map((f) => f.spec));
  state.general = '';
  if (state.errors.length) {
    draw(state);
    focusErrorSummary();
    return;
  }
  state.busy = true;
  draw(state);
  const headers: Record<string, string> = state.etag ? { 'If-Match': state.etag } : {};
  const r = await apiRequest<Innovatie>('PATCH', `/innovaties/${state.innovation.id}`, body(state.values), headers);
  state.busy = false;
  if (r.ok) {
    navigate(`/innovaties/${state.innovation.id}`);
    return;
  }
  ({ errors: state.errors, general: state.general } = problemErrors(r.problem, lookup));
  if (r.status === 412) state.general = 'Iemand anders heeft deze innovatie intussen gewijzigd. Wat u typte staat hieronder nog; kopieer het, laad de pagina opnieuw en vul het opnieuw in.';
  draw(state);
  focusErrorSummary();
}

function control(f: Field, state: State): TemplateResult {
  const error = state.errors.find((e) => e.field === f.spec.id)?.message;
  const common = { id: f.spec.id, label: f.spec.label, value: state.values[f.spec.id], description: f.description, error };
  if (f.spec.kind === 'choice') return selectField({ ...common, options: entries('publicatieCategorie'), emptyLabel: 'Niet gekozen' });
  if (f.long) return textArea({ ...common, rows: 5 });
  return textField({ ...common, type: f.type });
}

function draw(state: State): void {
  const i = state.innovation;
  const title = `Publicatie van ${i.titel}`;
  renderPage(
    title,
    html`
      <h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">Deze gegevens vraagt het Algoritmeregister naast wat de innovatie al beschrijft (naam, omschrijving, organisatie, status en startdatum). Alles wat u hier invult is even zichtbaar als de innovatie zelf.</p>
      <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => submit(e, state)}>
        ${errorSummary('De publicatiegegevens zijn nog niet opgeslagen', state.errors, state.general)}
        ${GROUPS.map(([heading, fields]) => html`<h2 class="utrecht-heading-2">${heading}</h2>${fields.map((f) => control(f, state))}`)}
        <div class="utrecht-button-group koers-form__actions">
          <button class="utrecht-button utrecht-button--primary-action" type="submit" ?disabled=${state.busy}>Opslaan</button>
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/innovaties/${i.id}">Annuleren</a>
        </div>
      </form>
    `,
  );
}

export async function publicationPage(params: Record<string, string>): Promise<void> {
  const heading = 'Publicatiegegevens';
  if (!session().ingelogd) {
    renderPage(heading, html`<h1 class="utrecht-heading-1">${heading}</h1>
      ${loginPrompt('Log in met het account van uw organisatie om de publicatiegegevens van een algoritme in te vullen.')}`);
    return;
  }
  const r = await apiGet<Innovatie>(`/innovaties/${encodeURIComponent(params.id)}`);
  if (!r.ok) return problemPage(heading, r.problem);
  if (!canEditInnovation(r.body)) {
    renderPage(heading, html`<h1 class="utrecht-heading-1">${heading}</h1>
      <p class="utrecht-paragraph">Alleen medewerkers van ${r.body.organisatieNaam ?? r.body.organisatie} en de projectleider van deze innovatie kunnen de publicatiegegevens wijzigen.</p>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${r.body.id}">Terug naar de innovatie</a></p>`);
    return;
  }
  draw({ innovation: r.body, etag: r.etag, values: fromPublication(r.body.publicatie), errors: [], general: '', busy: false });
}

