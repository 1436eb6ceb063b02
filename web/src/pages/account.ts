// One's own account: roles, password, personal API tokens.
import { html, nothing } from 'lit';
import { apiGet, apiRequest } from '../lib/api';
import { formatDate } from '../lib/format';
import { label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { loadSession, session } from '../lib/session';
import { renderPage } from '../components/page-shell/page-shell';
import { textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';

interface Token {
  id: number;
  naam: string;
  aangemaaktOp: string;
  laatstGebruiktOp: string | null;
  ingetrokkenOp: string | null;
  token?: string;
}

interface State {
  tokens: Token[];
  newToken: Token | null;
  errors: FieldError[];
  general: string;
  notice: string;
}

async function load(state: State): Promise<void> {
  const r = await apiGet<{ _embedded: { tokens: Token[] } }>('/tokens');
  state.tokens = r.ok ? r.body._embedded.tokens : [];
}

function draw(state: State): void {
  const g = session().gebruiker!;
  renderPage(
    'Mijn account',
    html`
      <h1 class="utrecht-heading-1">Mijn account</h1>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/uitnodigingen">Uitnodigingen als kritische vriend</a>: innovaties van andere organisaties waarnaar u mag meekijken.</p>
      ${state.notice ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${state.notice}</p></div>` : nothing}
      ${errorSummary('Dat is niet gelukt', state.errors, state.general)}
      <dl class="utrecht-data-list koers-data-list">
        <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">E-mailadres</dt><dd class="utrecht-data-list__item-value">${g.email}</dd></div>
        <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Rollen</dt><dd class="utrecht-data-list__item-value">
          ${g.landelijkBeheerder ? 'Landelijk beheerder. ' : nothing}
          ${g.rollen.length ? g.rollen.map((r) => `${label('gebruikersRol', r.rol).split(':')[0]} in ${r.organisatie}`).join(', ') : g.landelijkBeheerder ? nothing : 'Nog geen rechten: vraag een beheerder van uw organisatie om een rol.'}
        </dd></div>
      </dl>

      ${g.heeftWachtwoord
        ? html`<section class="koers-section">
            <h2 class="utrecht-heading-2">Wachtwoord wijzigen</h2>
            <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => changePassword(e, state)}>
              ${textField({ id: 'wachtwoord', label: 'Nieuw wachtwoord', value: '', type: 'password', autocomplete: 'new-password', description: 'Minstens 8 tekens; geen veelgebruikt wachtwoord.', error: state.errors.find((e) => e.field === 'wachtwoord')?.message })}
              <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Wachtwoord opslaan</button></div>
            </form>
          </section>`
        : nothing}

      <section class="koers-section">
        <h2 class="utrecht-heading-2">API-tokens</h2>
        <p class="utrecht-paragraph">Met een persoonlijk API-token gebruikt een script de API met uw rechten (kop Authorization: Bearer).</p>
        ${state.newToken
          ? html`<div class="utrecht-alert utrecht-alert--warning" role="status">
              <p class="utrecht-paragraph">Uw nieuwe token "${state.newToken.naam}". Kopieer het nu: Koers laat het niet nog eens zien.</p>
              <p class="koers-token">${state.newToken.token}</p>
            </div>`
          : nothing}
        <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => createToken(e, state)}>
          ${textField({ id: 'naam', label: 'Naam van het token', value: '', description: 'Bijvoorbeeld het script dat het gebruikt.', error: state.errors.find((e) => e.field === 'naam')?.message })}
          <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Token aanmaken</button></div>
        </form>
        ${state.tokens.length
          ? html`<div class="utrecht-table-container"><table class="utrecht-table">
              <caption class="utrecht-table__caption">Uw tokens</caption>
              <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Naam</th>
                <th class="utrecht-table__header-cell" scope="col">Aangemaakt</th>
                <th class="utrecht-table__header-cell" scope="col">Laatst gebruikt</th>
                <th class="utrecht-table__header-cell" scope="col">Status</th>
              </tr></thead>
              <tbody class="utrecht-table__body">
                ${state.tokens.map((t) => html`<tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">${t.naam}</td>
                  <td class="utrecht-table__cell">${formatDate(t.aangemaaktOp)}</td>
                  <td class="utrecht-table__cell">${t.laatstGebruiktOp ? formatDate(t.laatstGebruiktOp) : 'nooit'}</td>
                  <td class="utrecht-table__cell">${t.ingetrokkenOp
                    ? `ingetrokken op ${formatDate(t.ingetrokkenOp)}`
                    : html`<button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => revoke(t, state)}>Token ${t.naam} intrekken</button>`}</td>
                </tr>`)}
              </tbody>
            </table></div>`
          : nothing}
      </section>
    `,
  );
}

function fail(state: State, problem: { detail: string; invalidParams?: { name: string; reason: string }[] }, labelFor: string): void {
  state.errors = (problem.invalidParams ?? []).map((p) => ({ field: p.name, label: labelFor, message: p.reason }));
  state.general = state.errors.length ? '' : problem.detail;
  draw(state);
  focusErrorSummary();
}

async function changePassword(event: Event, state: State): Promise<void> {
  event.preventDefault();
  const value = String(new FormData(event.target as HTMLFormElement).get('wachtwoord') ?? '');
  const r = await apiRequest('PATCH', `/gebruikers/${session().gebruiker!.id}`, { wachtwoord: value });
  state.newToken = null;
  if (!r.ok) return fail(state, r.problem, 'Nieuw wachtwoord');
  state.errors = [];
  state.general = '';
  state.notice = 'Uw wachtwoord is gewijzigd.';
  draw(state);
}

async function createToken(event: Event, state: State): Promise<void> {
  event.preventDefault();
  const naam = String(new FormData(event.target as HTMLFormElement).get('naam') ?? '');
  const r = await apiRequest<Token>('POST', '/tokens', { naam });
  if (!r.ok) return fail(state, r.problem, 'Naam van het token');
  state.errors = [];
  state.general = '';
  state.notice = '';
  state.newToken = r.body;
  await load(state);
  draw(state);
}

async function revoke(token: Token, state: State): Promise<void> {
  const r = await apiRequest('DELETE', `/tokens/${token.id}`);
  if (!r.ok) return fail(state, r.problem, 'Token');
  state.newToken = null;
  state.notice = `Token "${token.naam}" is ingetrokken.`;
  await load(state);
  draw(state);
}

export async function accountPage(): Promise<void> {
  await loadSession();
  if (!session().ingelogd) {
    navigate('/inloggen?terug=/account', true);
    return;
  }
  const state: State = { tokens: [], newToken: null, errors: [], general: '', notice: '' };
  await load(state);
  draw(state);
}
