// Management for beheerders: accounts and their roles, and the audit trail.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Page } from '../lib/api';
import { formatDate } from '../lib/format';
import { entries } from '../lib/vocab';
import { navigate } from '../lib/router';
import { isManager, loadSession, session, type Gebruiker } from '../lib/session';
import { renderPage } from '../components/page-shell/page-shell';
import { pagination } from '../components/pagination/pagination';
import { selectField, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { loadOrganisationOptions } from './organisaties';
import { problemPage } from './problem';

const ROLE_LABELS: Record<string, string> = { lezer: 'Lezer', lid: 'Lid', stuurgroep: 'Stuurgroep', beheerder: 'Beheerder' };
const roleOptions = () => entries('gebruikersRol').map((e) => ({ waarde: e.waarde, label: ROLE_LABELS[e.waarde] ?? e.waarde }));

// Organisations where the current user may grant roles.
async function managedOrganisations(): Promise<{ waarde: string; label: string }[]> {
  const all = await loadOrganisationOptions();
  const g = session().gebruiker;
  if (!g) return [];
  if (g.landelijkBeheerder) return all;
  const mine = new Set(g.rollen.filter((r) => r.rol === 'beheerder').map((r) => r.organisatie));
  return all.filter((o) => mine.has(o.waarde));
}

function subnav(current: 'gebruikers' | 'audit'): TemplateResult {
  return html`<nav class="koers-subnav" aria-label="Beheer">
    <ul class="koers-nav__list">
      <li><a class="utrecht-link" href="/beheer/gebruikers" aria-current=${current === 'gebruikers' ? 'page' : 'false'}>Gebruikers</a></li>
      <li><a class="utrecht-link" href="/beheer/audit" aria-current=${current === 'audit' ? 'page' : 'false'}>Auditspoor</a></li>
    </ul>
  </nav>`;
}

async function requireManager(path: string): Promise<boolean> {
  await loadSession();
  if (!session().ingelogd) {
    navigate(`/inloggen?terug=${encodeURIComponent(path)}`, true);
    return false;
  }
  if (!isManager()) {
    problemPage('Beheer', { status: 403, title: 'Geen toegang', detail: 'Alleen beheerders van een organisatie kunnen hier komen.' });
    return false;
  }
  return true;
}

const rolesText = (u: Gebruiker) =>
  [u.landelijkBeheerder ? 'landelijk beheerder' : '', ...u.rollen.map((r) => `${(ROLE_LABELS[r.rol] ?? r.rol).toLowerCase()} in ${r.organisatie}`)]
    .filter(Boolean)
    .join(', ') || 'nog geen rechten';

interface ListState {
  query: URLSearchParams;
  page: Page<Gebruiker>;
  orgs: { waarde: string; label: string }[];
  values: Record<string, string>;
  errors: FieldError[];
  general: string;
}

function drawList(state: ListState): void {
  const users = state.page._embedded.gebruikers;
  const err = (f: string) => state.errors.find((e) => e.field === f)?.message;
  renderPage(
    'Gebruikers',
    html`
      <h1 class="utrecht-heading-1">Gebruikers</h1>
      ${subnav('gebruikers')}
      <form class="koers-filters" aria-label="Gebruikers zoeken" @submit=${(e: Event) => {
        e.preventDefault();
        const zoek = String(new FormData(e.target as HTMLFormElement).get('zoek') ?? '');
        navigate('/beheer/gebruikers' + (zoek ? `?zoek=${encodeURIComponent(zoek)}` : ''));
      }}>
        ${textField({ id: 'zoek', label: 'Zoek op e-mailadres of naam', value: state.query.get('zoek') ?? '', description: 'Een nieuw account zonder rechten (na een eerste login via uw organisatie) vindt u op het volledige e-mailadres.' })}
        <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Zoeken</button></div>
      </form>
      <p class="utrecht-paragraph" role="status">${state.page.totaal} gebruikers.</p>
      <div class="utrecht-table-container"><table class="utrecht-table">
        <caption class="utrecht-table__caption koers-visually-hidden">Gebruikers met hun rechten</caption>
        <thead class="utrecht-table__header"><tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">E-mailadres</th>
          <th class="utrecht-table__header-cell" scope="col">Naam</th>
          <th class="utrecht-table__header-cell" scope="col">Rechten</th>
          <th class="utrecht-table__header-cell" scope="col">Status</th>
        </tr></thead>
        <tbody class="utrecht-table__body">
          ${users.map((u) => html`<tr class="utrecht-table__row">
            <td class="utrecht-table__cell">${waiting(u) ? u.email : html`<a class="utrecht-link" href="/beheer/gebruikers/${u.id}">${u.email}</a>`}</td>
            <td class="utrecht-table__cell">${u.naam}</td>
            <td class="utrecht-table__cell">${waiting(u) ? firstRoleForm(u, state) : rolesText(u)}</td>
            <td class="utrecht-table__cell">${u.actief ? 'actief' : 'uitgeschakeld'}</td>
          </tr>`)}
        </tbody>
      </table></div>
      ${pagination(state.page.pagina, state.page.totaal, state.page.paginaGrootte, (p) => {
        const q = new URLSearchParams(state.query);
        q.set('pagina', String(p));
        return `/beheer/gebruikers?${q}`;
      })}
      <section class="koers-section">
        <h2 class="utrecht-heading-2">Gebruiker toevoegen</h2>
        <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => addUser(e, state)}>
          ${errorSummary('De gebruiker is niet aangemaakt', state.errors, state.general)}
          ${textField({ id: 'email', label: 'E-mailadres', value: state.values.email ?? '', type: 'email', required: true, error: err('email') })}
          ${textField({ id: 'naam', label: 'Naam', value: state.values.naam ?? '', error: err('naam') })}
          ${textField({ id: 'wachtwoord', label: 'Wachtwoord', value: '', type: 'password', autocomplete: 'new-password', description: 'Leeg laten als de gebruiker alleen via de organisatie (OpenID Connect) inlogt.', error: err('wachtwoord') })}
          ${selectField({ id: 'organisatie', label: 'Organisatie', value: state.values.organisatie ?? '', options: state.orgs, emptyLabel: 'Kies een organisatie', error: err('organisatie') })}
          ${selectField({ id: 'rol', label: 'Rol', value: state.values.rol ?? '', options: roleOptions(), emptyLabel: 'Kies een rol', error: err('rol') })}
          <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">Gebruiker toevoegen</button></div>
        </form>
      </section>
    `,
  );
}

// An account without roles is found by its exact address only, and a
// beheerder (not the landelijk beheerder) grants its first role here.
const waiting = (u: Gebruiker) => u.rollen.length === 0 && !u.landelijkBeheerder && !session().gebruiker?.landelijkBeheerder;

function firstRoleForm(u: Gebruiker, state: ListState): TemplateResult {
  const grant = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const r = await apiRequest('POST', `/gebruikers/${u.id}/rollen`, {
      organisatie: String(data.get(`eerste-organisatie-${u.id}`) ?? ''),
      rol: String(data.get(`eerste-rol-${u.id}`) ?? ''),
      email: u.email,
    });
    if (r.ok) return navigate(`/beheer/gebruikers/${u.id}`);
    state.general = r.problem.detail;
    state.errors = [];
    drawList(state);
    focusErrorSummary();
  };
  return html`<form class="koers-inline-form" aria-label="Eerste rol voor ${u.email}" @submit=${grant}>
    ${selectField({ id: `eerste-organisatie-${u.id}`, label: 'Organisatie', value: state.orgs[0]?.waarde ?? '', options: state.orgs })}
    ${selectField({ id: `eerste-rol-${u.id}`, label: 'Rol', value: 'lezer', options: roleOptions() })}
    <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Rol toekennen</button></div>
  </form>`;
}

async function addUser(event: Event, state: ListState): Promise<void> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  state.values = Object.fromEntries([...data].map(([k, v]) => [k, String(v)]));
  const body: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.values)) if (v) body[k] = v;
  const r = await apiRequest<Gebruiker>('POST', '/gebruikers', body);
  if (r.ok) {
    navigate(`/beheer/gebruikers/${r.body.id}`);
    return;
  }
  const labels: Record<string, string> = { email: 'E-mailadres', naam: 'Naam', wachtwoord: 'Wachtwoord', organisatie: 'Organisatie', rol: 'Rol' };
  state.errors = (r.problem.invalidParams ?? []).map((p) => ({ field: p.name, label: labels[p.name] ?? p.name, message: p.reason }));
  state.general = state.errors.length ? '' : r.problem.detail;
  drawList(state);
  focusErrorSummary();
}

export async function usersPage(_: Record<string, string>, query: URLSearchParams): Promise<void> {
  if (!(await requireManager('/beheer/gebruikers'))) return;
  const q = new URLSearchParams();
  for (const k of ['zoek', 'pagina']) if (query.get(k)) q.set(k, query.get(k)!);
  const [r, orgs] = await Promise.all([apiGet<Page<Gebruiker>>(`/gebruikers?${q}`), managedOrganisations()]);
  if (!r.ok) return problemPage('Gebruikers', r.problem);
  drawList({ query, page: r.body, orgs, values: {}, errors: [], general: '' });
}

interface UserState {
  user: Gebruiker;
  orgs: { waarde: string; label: string }[];
  errors: FieldError[];
  general: string;
  notice: string;
}

function drawUser(state: UserState): void {
  const u = state.user;
  const self = session().gebruiker?.id === u.id;
  const err = (f: string) => state.errors.find((e) => e.field === f)?.message;
  renderPage(
    u.email,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/beheer/gebruikers">Alle gebruikers</a></p>
      <h1 class="utrecht-heading-1">${u.naam || u.email}</h1>
      ${state.notice ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${state.notice}</p></div>` : nothing}
      ${errorSummary('Dat is niet gelukt', state.errors, state.general)}
      <dl class="utrecht-data-list koers-data-list">
        <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">E-mailadres</dt><dd class="utrecht-data-list__item-value">${u.email}</dd></div>
        <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Status</dt><dd class="utrecht-data-list__item-value">${u.actief ? 'Actief' : 'Uitgeschakeld'}</dd></div>
        <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Inloggen</dt><dd class="utrecht-data-list__item-value">${[u.heeftWachtwoord ? 'met wachtwoord' : '', u.oidcGekoppeld ? 'via de organisatie (OpenID Connect)' : ''].filter(Boolean).join(' en ') || 'nog niet mogelijk'}</dd></div>
        <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Laatst ingelogd</dt><dd class="utrecht-data-list__item-value">${u.laatstIngelogdOp ? formatDate(u.laatstIngelogdOp) : 'nooit'}</dd></div>
      </dl>
      ${self
        ? nothing
        : html`<div class="utrecht-button-group koers-actions">
            <button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => setActive(state, !u.actief)}>
              ${u.actief ? 'Account uitschakelen' : 'Account weer inschakelen'}
            </button>
          </div>`}
      <section class="koers-section">
        <h2 class="utrecht-heading-2">Rollen</h2>
        ${u.rollen.length
          ? html`<ul class="utrecht-unordered-list">
              ${u.rollen.map((r) => html`<li>
                ${ROLE_LABELS[r.rol] ?? r.rol} in ${r.organisatie}
                ${self ? nothing : html`<button class="utrecht-button utrecht-button--subtle koers-inline-button" type="button" @click=${() => removeRole(state, r.id)}>Rol ${(ROLE_LABELS[r.rol] ?? r.rol).toLowerCase()} in ${r.organisatie} intrekken</button>`}
              </li>`)}
            </ul>`
          : html`<p class="utrecht-paragraph">Deze gebruiker heeft nog geen rollen.</p>`}
        ${self || !state.orgs.length
          ? nothing
          : html`<form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => addRole(e, state)}>
              <h3 class="utrecht-heading-3">Rol toekennen</h3>
              ${selectField({ id: 'organisatie', label: 'Organisatie', value: '', options: state.orgs, emptyLabel: 'Kies een organisatie', error: err('organisatie') })}
              ${selectField({ id: 'rol', label: 'Rol', value: '', options: roleOptions(), emptyLabel: 'Kies een rol', error: err('rol') })}
              <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">Rol toekennen</button></div>
            </form>`}
        <p class="utrecht-paragraph"><a class="utrecht-link" href="/beheer/audit?resource=gebruiker&resourceId=${u.id}">Wijzigingen van dit account in het auditspoor</a></p>
      </section>
    `,
  );
}

async function refresh(state: UserState, notice: string): Promise<void> {
  const r = await apiGet<Gebruiker>(`/gebruikers/${state.user.id}`);
  if (r.ok) state.user = r.body;
  state.errors = [];
  state.general = '';
  state.notice = notice;
  drawUser(state);
}

function failed(state: UserState, problem: { detail: string; invalidParams?: { name: string; reason: string }[] }): void {
  state.errors = (problem.invalidParams ?? []).map((p) => ({ field: p.name, label: p.name === 'rol' ? 'Rol' : 'Organisatie', message: p.reason }));
  state.general = state.errors.length ? '' : problem.detail;
  state.notice = '';
  drawUser(state);
  focusErrorSummary();
}

async function setActive(state: UserState, actief: boolean): Promise<void> {
  const r = await apiRequest('PATCH', `/gebruikers/${state.user.id}`, { actief });
  if (!r.ok) return failed(state, r.problem);
  await refresh(state, actief ? 'Het account is weer ingeschakeld.' : 'Het account is uitgeschakeld; alle sessies zijn beëindigd.');
}

async function addRole(event: Event, state: UserState): Promise<void> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  const r = await apiRequest('POST', `/gebruikers/${state.user.id}/rollen`, { organisatie: String(data.get('organisatie') ?? ''), rol: String(data.get('rol') ?? '') });
  if (!r.ok) return failed(state, r.problem);
  await refresh(state, 'De rol is toegekend.');
}

async function removeRole(state: UserState, id: number): Promise<void> {
  const r = await apiRequest('DELETE', `/gebruikers/${state.user.id}/rollen/${id}`);
  if (!r.ok) return failed(state, r.problem);
  await refresh(state, 'De rol is ingetrokken.');
}

export async function userPage(params: Record<string, string>): Promise<void> {
  if (!(await requireManager(`/beheer/gebruikers/${params.id}`))) return;
  const [r, orgs] = await Promise.all([apiGet<Gebruiker>(`/gebruikers/${encodeURIComponent(params.id)}`), managedOrganisations()]);
  if (!r.ok) return problemPage('Gebruiker', r.problem);
  drawUser({ user: r.body, orgs, errors: [], general: '', notice: '' });
}

interface AuditRegel {
  id: number;
  op: string;
  gebruiker: string;
  organisatie: string | null;
  actie: string;
  resource: string;
  resourceId: string;
  resultaat: string;
  wijzigingen: Record<string, { oud: unknown; nieuw: unknown }>;
}

const show = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

export async function auditPage(_: Record<string, string>, query: URLSearchParams): Promise<void> {
  if (!(await requireManager('/beheer/audit'))) return;
  const q = new URLSearchParams();
  for (const k of ['resource', 'resourceId', 'pagina']) if (query.get(k)) q.set(k, query.get(k)!);
  const r = await apiGet<Page<AuditRegel>>(`/audit?${q}`);
  if (!r.ok) return problemPage('Auditspoor', r.problem);
  const page = r.body;
  renderPage(
    'Auditspoor',
    html`
      <h1 class="utrecht-heading-1">Auditspoor</h1>
      ${subnav('audit')}
      <p class="utrecht-paragraph">Elke wijziging in Koers, met wie, wanneer en wat er veranderde. Het spoor kan alleen worden aangevuld.</p>
      <p class="utrecht-paragraph" role="status">${page.totaal} regels${q.get('resource') ? ` over ${q.get('resource')} ${q.get('resourceId') ?? ''}` : ''}.</p>
      <div class="utrecht-table-container"><table class="utrecht-table">
        <caption class="utrecht-table__caption koers-visually-hidden">Wijzigingen, nieuwste eerst</caption>
        <thead class="utrecht-table__header"><tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">Wanneer</th>
          <th class="utrecht-table__header-cell" scope="col">Wie</th>
          <th class="utrecht-table__header-cell" scope="col">Wat</th>
          <th class="utrecht-table__header-cell" scope="col">Resultaat</th>
          <th class="utrecht-table__header-cell" scope="col">Gewijzigde velden</th>
        </tr></thead>
        <tbody class="utrecht-table__body">
          ${page._embedded.audit.map((a) => html`<tr class="utrecht-table__row">
            <td class="utrecht-table__cell">${formatDate(a.op)} ${a.op.slice(11, 16).replace(':', '.')} uur</td>
            <td class="utrecht-table__cell">${a.gebruiker}${a.organisatie ? html`<br>${a.organisatie}` : nothing}</td>
            <td class="utrecht-table__cell">${a.resource} ${a.resourceId} ${a.actie}</td>
            <td class="utrecht-table__cell">${a.resultaat}</td>
            <td class="utrecht-table__cell">${Object.keys(a.wijzigingen).length
              ? html`<ul class="koers-changes">${Object.entries(a.wijzigingen).map(([k, v]) => html`<li><strong>${k}</strong>: ${show(v.oud)} → ${show(v.nieuw)}</li>`)}</ul>`
              : '–'}</td>
          </tr>`)}
        </tbody>
      </table></div>
      ${pagination(page.pagina, page.totaal, page.paginaGrootte, (p) => {
        const h = new URLSearchParams(q);
        h.set('pagina', String(p));
        return `/beheer/audit?${h}`;
      })}
    `,
  );
}
