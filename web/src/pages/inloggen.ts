// Logging in: with e-mail address and password, or through the
// organisation's identity provider (OpenID Connect) when one is set up.
import { html, nothing } from 'lit';
import { apiRequest } from '../lib/api';
import { navigate } from '../lib/router';
import { session, setSession, type Sessie } from '../lib/session';
import { renderPage } from '../components/page-shell/page-shell';
import { textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';

const OIDC_ERRORS: Record<string, string> = {
  aanbieder: 'De identiteitsaanbieder is nu niet bereikbaar of gaf een onverwacht antwoord. Probeer het later opnieuw.',
  client: 'Koers is bij de identiteitsaanbieder niet goed ingesteld (client of geheim). Meld dit aan de beheerder van Koers.',
  geweigerd: 'Het inloggen is bij de identiteitsaanbieder afgebroken of geweigerd.',
  ongeldig: 'Dit inlogverzoek is niet door Koers in deze browser begonnen, of is onderweg veranderd. Begin opnieuw.',
  verlopen: 'Het inloggen duurde te lang. Begin opnieuw.',
  token: 'De identiteitsaanbieder gaf een bewijs dat Koers niet vertrouwt. Neem contact op met de beheerder.',
  account: 'Uw account kan niet worden gebruikt. Neem contact op met de beheerder.',
  intern: 'Er ging iets mis. Probeer het opnieuw.',
};

interface State {
  email: string;
  errors: FieldError[];
  general: string;
  next: string;
}

function draw(state: State): void {
  const s = session();
  renderPage(
    'Inloggen',
    html`
      <h1 class="utrecht-heading-1">Inloggen</h1>
      ${s.ingelogd && s.gebruiker
        ? html`<p class="utrecht-paragraph">U bent ingelogd als ${s.gebruiker.email}.</p>`
        : nothing}
      ${s.oidcBeschikbaar
        ? html`<p class="utrecht-paragraph">
              <a class="utrecht-button-link utrecht-button-link--primary-action" href="/auth/oidc/inloggen?terug=${encodeURIComponent(state.next)}">Inloggen via uw organisatie</a>
            </p>
            <h2 class="utrecht-heading-2">Of met een Koers-account</h2>`
        : nothing}
      <form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => submit(e, state)}>
        ${errorSummary('Inloggen is niet gelukt', state.errors, state.general)}
        ${textField({ id: 'email', label: 'E-mailadres', value: state.email, type: 'email', autocomplete: 'username', required: true, error: state.errors.find((e) => e.field === 'email')?.message })}
        ${textField({ id: 'wachtwoord', label: 'Wachtwoord', value: '', type: 'password', autocomplete: 'current-password', required: true, error: state.errors.find((e) => e.field === 'wachtwoord')?.message })}
        <div class="utrecht-button-group">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">Inloggen</button>
        </div>
      </form>
    `,
  );
}

async function submit(event: Event, state: State): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  state.email = String(data.get('email') ?? '');
  const r = await apiRequest<Sessie>('POST', '/sessie', { email: state.email, wachtwoord: String(data.get('wachtwoord') ?? '') });
  if (r.ok) {
    setSession(r.body);
    navigate(state.next);
    return;
  }
  state.errors = (r.problem.invalidParams ?? []).map((p) => ({ field: p.name, label: p.name === 'email' ? 'E-mailadres' : 'Wachtwoord', message: p.reason }));
  state.general = state.errors.length ? '' : r.problem.detail;
  draw(state);
  focusErrorSummary();
}

export function loginPage(_: Record<string, string>, query: URLSearchParams): void {
  const fout = query.get('fout');
  const next = query.get('terug');
  draw({
    email: '',
    errors: [],
    general: fout ? (OIDC_ERRORS[fout] ?? OIDC_ERRORS.intern) : '',
    next: next && next.startsWith('/') && !next.startsWith('//') ? next : '/',
  });
}
