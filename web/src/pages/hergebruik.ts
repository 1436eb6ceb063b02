// Reuse on an innovation's page: where it came from (when it was adopted),
// the cluster of organisations using the same solution, who else adopted it,
// how to record your own organisation's interest or adoption, and the
// documents it offers for reuse with their licences.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie, type ProblemDetails } from '../lib/api';
import { formatDate, formatEuro, formatNumber } from '../lib/format';
import { entries, label } from '../lib/vocab';
import { canEditInnovation, session } from '../lib/session';
import { loginPrompt } from '../components/login-prompt/login-prompt';
import { dataTable } from '../components/data-table/data-table';
import { selectField, textArea, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { checkFields, errorFor, formDraft, problemErrors, type FieldSpec } from '../lib/form-errors';
import type { ClusterSamenvatting } from './clusters';

export interface Hergebruik {
  id: number;
  soort: string;
  titel: string;
  url: string | null;
  licentie: string | null;
  toelichting: string | null;
}

interface BronWaarde {
  id: number;
  titel: string;
  organisatie: string;
  organisatieNaam: string;
  fase: string;
  status: string;
  waardecreatie: string | null;
  waardepotentie: string | null;
  waardeSoorten: string[];
  batenPerJaar: number | null;
  besparingPerJaar: number | null;
}

export interface Adoptie {
  id: number;
  bron: BronWaarde;
  organisatie: string;
  organisatieNaam: string;
  status: string;
  datum: string;
  notitie: string | null;
  innovatie: { id: number; titel: string } | null;
  kopie: 'gevraagd' | 'geweigerd' | 'gemaakt' | null;
  historie: { status: string; datum: string; notitie: string | null; door: string | null }[];
  versie: number;
}

export interface ReuseData {
  assets: Hergebruik[];
  adopties: Adoptie[];    // of this innovation by others
  herkomst: Adoptie | null;  // when this innovation is an adopter's copy
  cluster: ClusterSamenvatting | null;
  organisatieNamen: Record<string, string>;  // of the organisations the user may adopt for
  failed: ReuseForm | null; // the form the errors belong to
  errors: FieldError[];
  general: string;
  notice: string;
  // What was typed in a refused form, by control name: shown again.
  drafts: Partial<Record<ReuseForm, Record<string, string>>>;
  adoptFor: string | null; // the organisation chosen in the adoption form
}

type ReuseForm = 'adoptie' | 'document';
// The form the last message belongs to: it is shown beside that form.
let noticeAt: ReuseForm = 'adoptie';

const ADOPTION_FIELDS: FieldSpec[] = [
  { id: 'adoptie-organisatie', label: 'Organisatie', noun: 'de organisatie', kind: 'choice' },
  { id: 'adoptie-status', label: 'Stand van zaken', noun: 'de stand van zaken', kind: 'choice', required: true },
  { id: 'adoptie-datum', label: 'Sinds', noun: 'de datum sinds wanneer dit zo is', kind: 'date', required: true },
  { id: 'adoptie-notitie', label: 'Notitie', noun: 'de notitie' },
  { id: 'adoptie-kopie', label: 'Eigen innovatie maken', noun: 'of er een eigen innovatie komt', kind: 'choice' },
];
const DOCUMENT_FIELDS: FieldSpec[] = [
  { id: 'document-soort', label: 'Soort', noun: 'de soort document', kind: 'choice' },
  { id: 'document-titel', label: 'Titel', noun: 'de titel van het document', required: true },
  { id: 'document-url', label: 'Webadres', noun: 'het webadres', kind: 'url' },
  { id: 'document-licentie', label: 'Licentie', noun: 'de licentie', example: 'EUPL-1.2' },
  { id: 'document-toelichting', label: 'Toelichting', noun: 'de toelichting' },
];
// API names ("url", "maakInnovatie") to the fields of a form.
function reuseLookup(fields: FieldSpec[], prefix: string) {
  return (name: string) => fields.find((f) => f.id === `${prefix}-${name === 'maakInnovatie' ? 'kopie' : name}`);
}

export async function loadReuse(i: Innovatie): Promise<ReuseData> {
  const id = i.id;
  const orgs = adoptingOrganisations(i);
  const [assets, adopted, origin, cluster, ...names] = await Promise.all([
    apiGet<{ _embedded: { hergebruik: Hergebruik[] } }>(`/innovaties/${id}/hergebruik`),
    apiGet<{ _embedded: { adopties: Adoptie[] } }>(`/adopties?bron=${id}&paginaGrootte=100`),
    apiGet<{ _embedded: { adopties: Adoptie[] } }>(`/adopties?innovatie=${id}`),
    apiGet<{ _embedded: { clusters: ClusterSamenvatting[] } }>(`/clusters?innovatie=${id}`),
    ...orgs.map((o) => apiGet<{ naam: string }>(`/organisaties/${encodeURIComponent(o)}`)),
  ]);
  const organisatieNamen: Record<string, string> = {};
  orgs.forEach((o, n) => {
    const r = names[n] as Awaited<ReturnType<typeof apiGet<{ naam: string }>>>;
    organisatieNamen[o] = r.ok ? r.body.naam : o;
  });
  return {
    assets: assets.ok ? assets.body._embedded.hergebruik : [],
    adopties: adopted.ok ? adopted.body._embedded.adopties : [],
    herkomst: origin.ok ? (origin.body._embedded.adopties[0] ?? null) : null,
    cluster: cluster.ok ? (cluster.body._embedded.clusters[0] ?? null) : null,
    organisatieNamen,
    failed: null,
    errors: [],
    general: '',
    notice: '',
    drafts: {},
    adoptFor: null,
  };
}

// Organisations the user may record an adoption for: where they are lid or
// beheerder, other than the owner.
function adoptingOrganisations(i: Innovatie): string[] {
  const g = session().gebruiker;
  if (!g) return [];
  const orgs = g.rollen.filter((r) => (r.rol === 'lid' || r.rol === 'beheerder') && r.organisatie !== i.organisatie).map((r) => r.organisatie);
  return [...new Set(orgs)];
}

function sourceValue(b: BronWaarde): TemplateResult {
  const parts: string[] = [];
  if (b.waardecreatie) parts.push(`waardecreatie ${label('waardeNiveau', b.waardecreatie).toLowerCase()}`);
  if (b.waardepotentie) parts.push(`potentie na opschaling ${label('waardeNiveau', b.waardepotentie).toLowerCase()}`);
  if (b.waardeSoorten.length) parts.push(`waarde voor ${b.waardeSoorten.map((w) => label('waardeSoort', w).toLowerCase()).join(', ')}`);
  const yearly = (b.batenPerJaar ?? 0) + (b.besparingPerJaar ?? 0);
  if (yearly > 0) parts.push(`geschatte baten en besparingen ${formatEuro(yearly)} per jaar`);
  return html`${parts.length ? parts.join('; ') : 'nog geen gerealiseerde waarde vastgelegd'}`;
}

function originSection(d: ReuseData): TemplateResult | typeof nothing {
  const a = d.herkomst;
  if (!a) return nothing;
  return html`<section class="koers-section" aria-labelledby="herkomst-kop">
    <h2 class="utrecht-heading-2" id="herkomst-kop">Overgenomen van</h2>
    <p class="utrecht-paragraph">
      Deze innovatie begon als overname van <a class="utrecht-link" href="/innovaties/${a.bron.id}">${a.bron.titel}</a>
      van ${a.bron.organisatieNaam} (daar ${label('fase', a.bron.fase).toLowerCase()}, ${label('status', a.bron.status).toLowerCase()}).
    </p>
    <p class="utrecht-paragraph">Wat de bron opleverde: ${sourceValue(a.bron)}.</p>
  </section>`;
}

function adoptionSection(i: Innovatie, d: ReuseData, refresh: (notice: string) => void, redraw: () => void): TemplateResult {
  const orgs = adoptingOrganisations(i);
  return html`<section class="koers-section" aria-labelledby="adoptie-kop">
    <h2 class="utrecht-heading-2" id="adoptie-kop">Overnemen door andere organisaties</h2>
    ${d.cluster
      ? html`<p class="utrecht-paragraph">
          Dezelfde oplossing staat bij ${formatNumber(d.cluster.aantalOrganisaties)} organisaties in het register:
          <a class="utrecht-link" href="/clusters/${d.cluster.id}">bekijk wie ${d.cluster.naam} gebruikt</a>.
        </p>`
      : nothing}
    ${d.adopties.length
      ? dataTable('Organisaties die dit overnemen of volgen', ['Organisatie', 'Stand', 'Sinds', 'Notitie'],
          d.adopties.map((a) => [
            a.organisatieNaam,
            label('adoptieStatus', a.status),
            formatDate(a.datum),
            html`${a.notitie ?? (a.innovatie ? '' : '–')}
              ${a.innovatie ? html` <a class="utrecht-link" href="/innovaties/${a.innovatie.id}">eigen innovatie</a>` : nothing}
              ${copyRequest(i, a, refresh)}`,
          ]), { hiddenCaption: true })
      : html`<p class="utrecht-paragraph">Nog geen andere organisatie heeft belangstelling of adoptie vastgelegd.</p>`}
    ${orgs.length
      ? adoptionForm(i, d, orgs, refresh, redraw)
      : session().ingelogd ? nothing : loginPrompt('Gebruikt uw organisatie deze oplossing ook, of wilt u dat? Log in om belangstelling of adoptie vast te leggen.')}
    ${noticeAt === 'adoptie' ? reuseNotice(d) : nothing}
  </section>`;
}

// The message after a change, beside the form it belongs to.
function reuseNotice(d: ReuseData): TemplateResult | typeof nothing {
  return d.notice ? html`<div class="utrecht-alert utrecht-alert--ok" role="status" id="hergebruik-melding" tabindex="-1"><p class="utrecht-paragraph">${d.notice}</p></div>` : nothing;
}

// Records the interest or adoption of the user's organisation. When that
// organisation already recorded one, the form starts from it, so changing
// the status keeps the earlier note.
function adoptionForm(i: Innovatie, d: ReuseData, orgs: string[], refresh: (notice: string) => void, redraw: () => void): TemplateResult {
  const org = d.adoptFor && orgs.includes(d.adoptFor) ? d.adoptFor : orgs[0];
  const existing = d.adopties.find((a) => a.organisatie === org);
  const draft = d.drafts.adoptie;
  const val = (id: string, saved: string | null | undefined) => (draft ? draft[id] ?? '' : saved ?? '');
  const err = (id: string) => (d.failed === 'adoptie' ? errorFor(d.errors, id) : undefined);
  return html`<details class="koers-details" ?open=${d.failed === 'adoptie'}><summary>${existing ? 'De adoptie van uw organisatie bijwerken' : 'Belangstelling of adoptie van uw organisatie vastleggen'}</summary>
    <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => saveAdoption(e, i, d, refresh, redraw)}>
      ${d.failed === 'adoptie' ? errorSummary('De adoptie is niet opgeslagen', d.errors, d.general) : nothing}
      ${orgs.length > 1
        ? html`<div @change=${(e: Event) => {
            d.adoptFor = (e.target as HTMLSelectElement).value;
            delete d.drafts.adoptie;
            redraw();
          }}>${selectField({ id: 'adoptie-organisatie', label: 'Organisatie', value: org, options: orgs.map((o) => ({ waarde: o, label: d.organisatieNamen[o] ?? o })) })}</div>`
        : html`<input type="hidden" name="adoptie-organisatie" value=${org}>`}
      ${existing
        ? html`<p class="utrecht-paragraph" id="adoptie-eerder">Eerder vastgelegd: ${label('adoptieStatus', existing.status).toLowerCase()} sinds ${formatDate(existing.datum)}${existing.notitie ? html`, met de notitie “${existing.notitie}”` : nothing}. Wat u hieronder niet wijzigt, blijft zo.</p>`
        : nothing}
      ${selectField({ id: 'adoptie-status', label: 'Stand van zaken', value: val('adoptie-status', existing?.status ?? 'buitenkring'), options: entries('adoptieStatus'), error: err('adoptie-status') })}
      ${textField({ id: 'adoptie-datum', label: 'Sinds', type: 'date', value: val('adoptie-datum', existing?.datum ?? new Date().toISOString().slice(0, 10)), error: err('adoptie-datum') })}
      ${textArea({ id: 'adoptie-notitie', label: 'Notitie', value: val('adoptie-notitie', existing?.notitie), rows: 3, description: 'Alleen zichtbaar voor uw organisatie en de eigenaar van deze innovatie.', error: err('adoptie-notitie') })}
      ${existing?.innovatie
        ? nothing
        : html`<div class="utrecht-form-field utrecht-form-field--checkbox koers-check">
            <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="adoptie-kopie" name="adoptie-kopie" .checked=${draft ? draft['adoptie-kopie'] === 'on' : false}>
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="adoptie-kopie">Maak voor onze organisatie een eigen innovatie, gevuld met de beschrijving, teamrollen en documenten van deze</label>
          </div>`}
      <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Vastleggen</button></div>
    </form></details>`;
}

// A copy of an innovation that is not public waits for its owner: who may
// edit it answers here.
function copyRequest(i: Innovatie, a: Adoptie, refresh: (notice: string) => void): TemplateResult | typeof nothing {
  if (a.kopie === 'geweigerd') return html`<p class="utrecht-paragraph">Een eigen kopie is geweigerd.</p>`;
  if (a.kopie !== 'gevraagd') return nothing;
  if (!canEditInnovation(i)) return html`<p class="utrecht-paragraph">Een eigen kopie wacht op toestemming van de eigenaar.</p>`;
  const decide = async (toestaan: boolean) => {
    const r = await apiRequest<Adoptie>('POST', `/adopties/${a.id}/_kopie`, { toestaan }, { 'If-Match': `"${a.versie}"` });
    noticeAt = 'adoptie';
    refresh(!r.ok ? r.problem.detail
      : toestaan ? `${a.organisatieNaam} heeft nu een eigen kopie van deze innovatie.`
      : `De kopie voor ${a.organisatieNaam} is geweigerd.`);
  };
  return html`<p class="utrecht-paragraph">${a.organisatieNaam} vraagt om een eigen kopie. Die bevat de beschrijving, teamrollen, documenten en indicatoren, en wordt zichtbaar voor die organisatie.</p>
    <div class="utrecht-button-group">
      <button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => decide(true)}>Kopie toestaan<span class="koers-visually-hidden"> voor ${a.organisatieNaam}</span></button>
      <button class="utrecht-button utrecht-button--subtle" type="button" @click=${() => decide(false)}>Weigeren<span class="koers-visually-hidden"> voor ${a.organisatieNaam}</span></button>
    </div>`;
}

function assetSection(i: Innovatie, d: ReuseData, refresh: (notice: string) => void, redraw: () => void): TemplateResult {
  const edit = canEditInnovation(i);
  const dval = (id: string, empty: string) => d.drafts.document?.[id] ?? empty;
  const derr = (id: string) => (d.failed === 'document' ? errorFor(d.errors, id) : undefined);
  return html`<section class="koers-section" aria-labelledby="hergebruik-kop">
    <h2 class="utrecht-heading-2" id="hergebruik-kop">Documenten voor hergebruik</h2>
    ${d.assets.length
      ? dataTable('Documenten voor hergebruik', edit ? ['Document', 'Soort', 'Licentie', 'Toelichting', 'Actie'] : ['Document', 'Soort', 'Licentie', 'Toelichting'],
          d.assets.map((a) => {
            const row = [
              a.url ? html`<a class="utrecht-link" href=${a.url} rel="noopener">${a.titel}</a>` : a.titel,
              label('hergebruikSoort', a.soort),
              a.licentie ?? 'niet vermeld',
              a.toelichting ?? '–',
            ];
            if (edit) row.push(html`<button class="utrecht-button utrecht-button--subtle koers-link-button" type="button" @click=${() => removeAsset(i, a, refresh)}>Verwijder<span class="koers-visually-hidden"> ${a.titel}</span></button>`);
            return row;
          }), { hiddenCaption: true })
      : html`<p class="utrecht-paragraph">Nog geen documenten voor hergebruik: aanbesteding, broncode, datamodel, DPIA, handleiding of businesscase.</p>`}
    ${edit
      ? html`<details class="koers-details" ?open=${d.failed === 'document'}><summary>Document toevoegen</summary>
          <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => addAsset(e, i, d, refresh, redraw)}>
            ${d.failed === 'document' ? errorSummary('Het document is niet toegevoegd', d.errors, d.general) : nothing}
            ${selectField({ id: 'document-soort', label: 'Soort', value: dval('document-soort', 'aanbesteding'), options: entries('hergebruikSoort'), error: derr('document-soort') })}
            ${textField({ id: 'document-titel', label: 'Titel', value: dval('document-titel', ''), required: true, error: derr('document-titel') })}
            ${textField({ id: 'document-url', label: 'Webadres', value: dval('document-url', ''), type: 'url', description: 'Begint met https://', error: derr('document-url') })}
            ${textField({ id: 'document-licentie', label: 'Licentie', value: dval('document-licentie', ''), description: 'Bijvoorbeeld EUPL-1.2 voor broncode of CC-BY-4.0 voor documenten.', error: derr('document-licentie') })}
            ${textArea({ id: 'document-toelichting', label: 'Toelichting', value: dval('document-toelichting', ''), rows: 2, error: derr('document-toelichting') })}
            <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Toevoegen</button></div>
          </form></details>`
      : nothing}
    ${noticeAt === 'document' ? reuseNotice(d) : nothing}
  </section>`;
}

export function reuseSections(i: Innovatie, d: ReuseData, refresh: (notice: string) => void, redraw: () => void): TemplateResult {
  return html`
    ${originSection(d)}
    ${adoptionSection(i, d, refresh, redraw)}
    ${assetSection(i, d, refresh, redraw)}
  `;
}

const text = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

// A refused form: what was typed stays, the summary takes focus.
function fail(d: ReuseData, at: ReuseForm, form: HTMLFormElement, errors: FieldError[], general: string, redraw: () => void): void {
  d.failed = at;
  d.errors = errors;
  d.general = general;
  d.notice = '';
  d.drafts[at] = formDraft(form);
  redraw();
  focusErrorSummary();
}

function refused(d: ReuseData, at: ReuseForm, form: HTMLFormElement, problem: ProblemDetails, redraw: () => void): void {
  const { errors, general } = problemErrors(problem, at === 'adoptie' ? reuseLookup(ADOPTION_FIELDS, 'adoptie') : reuseLookup(DOCUMENT_FIELDS, 'document'));
  fail(d, at, form, errors, general, redraw);
}

async function saveAdoption(e: Event, i: Innovatie, d: ReuseData, refresh: (notice: string) => void, redraw: () => void): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const found = checkFields(form, ADOPTION_FIELDS);
  if (found.length) return fail(d, 'adoptie', form, found, '', redraw);
  const f = new FormData(form);
  const organisatie = text(f, 'adoptie-organisatie');
  const body = {
    status: text(f, 'adoptie-status'),
    datum: text(f, 'adoptie-datum'),
    notitie: text(f, 'adoptie-notitie') || null,
    maakInnovatie: f.get('adoptie-kopie') === 'on',
  };
  const existing = d.adopties.find((a) => a.organisatie === organisatie);
  const r = existing
    ? await apiRequest<Adoptie>('PUT', `/adopties/${existing.id}`, { ...body, maakInnovatie: body.maakInnovatie && !existing.innovatie }, { 'If-Match': `"${existing.versie}"` })
    : await apiRequest<Adoptie>('POST', '/adopties', { bron: i.id, organisatie, ...body });
  if (!r.ok) return refused(d, 'adoptie', form, r.problem, redraw);
  noticeAt = 'adoptie';
  refresh(r.body.innovatie && body.maakInnovatie
    ? `Vastgelegd. Uw organisatie heeft nu een eigen innovatie "${r.body.innovatie.titel}" (nummer ${r.body.innovatie.id}).`
    : r.body.kopie === 'gevraagd'
      ? 'Vastgelegd. Deze innovatie is niet openbaar: de eigen innovatie komt er zodra de eigenaar toestemming geeft.'
      : 'De adoptie is vastgelegd.');
}

async function addAsset(e: Event, i: Innovatie, d: ReuseData, refresh: (notice: string) => void, redraw: () => void): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const found = checkFields(form, DOCUMENT_FIELDS);
  if (found.length) return fail(d, 'document', form, found, '', redraw);
  const f = new FormData(form);
  const r = await apiRequest('POST', `/innovaties/${i.id}/hergebruik`, {
    soort: text(f, 'document-soort'),
    titel: text(f, 'document-titel'),
    url: text(f, 'document-url') || null,
    licentie: text(f, 'document-licentie') || null,
    toelichting: text(f, 'document-toelichting') || null,
  });
  if (!r.ok) return refused(d, 'document', form, r.problem, redraw);
  noticeAt = 'document';
  refresh('Het document is toegevoegd.');
}

async function removeAsset(i: Innovatie, a: Hergebruik, refresh: (notice: string) => void): Promise<void> {
  if (!confirm(`"${a.titel}" verwijderen?`)) return;
  const r = await apiRequest('DELETE', `/innovaties/${i.id}/hergebruik/${a.id}`);
  noticeAt = 'document';
  refresh(r.ok ? `"${a.titel}" is verwijderd.` : r.problem.detail);
}
