// The frame around every page: header with the main navigation, the main
// landmark with the page content, and the footer.
import { html, render, type TemplateResult } from 'lit';
import { apiRequest } from '../../lib/api';
import { navigate } from '../../lib/router';
import { isManager, loadSession, session } from '../../lib/session';

function navItems(): { href: string; label: string }[] {
  const items = [
    { href: '/', label: 'Start' },
    { href: '/innovaties', label: 'Innovaties' },
    { href: '/organisaties', label: 'Organisaties' },
    { href: '/clusters', label: 'Wie gebruikt wat' },
  ];
  if (session().ingelogd) items.push({ href: '/innovaties/nieuw', label: 'Nieuwe innovatie' });
  if (isManager()) items.push({ href: '/beheer/gebruikers', label: 'Beheer' });
  return items;
}

async function logout(): Promise<void> {
  await apiRequest('DELETE', '/sessie');
  await loadSession();
  navigate('/');
}

function account(): TemplateResult {
  const s = session();
  if (!s.ingelogd || !s.gebruiker) {
    return html`<a class="koers-nav__link koers-account__login" href="/inloggen">Inloggen</a>`;
  }
  return html`<span class="koers-account">
    <a class="koers-nav__link" href="/account">${s.gebruiker.naam || s.gebruiker.email}</a>
    <button class="koers-account__logout" type="button" @click=${logout}>Uitloggen</button>
  </span>`;
}

function isCurrent(href: string, path: string): boolean {
  if (href === '/') return path === '/';
  if (href === '/innovaties') return path.startsWith('/innovaties') && path !== '/innovaties/nieuw';
  if (href === '/beheer/gebruikers') return path.startsWith('/beheer');
  return path === href || path.startsWith(href + '/');
}

let firstRender = true;
let lastAddress = '';

// Renders `content` as the page, sets the document title and, after a
// navigation inside the app, moves focus to the page heading so screen
// reader users hear that the page changed. Drawing the same address again
// (a form saved in place, a refusal) leaves focus and scroll where they are,
// as does `inPlace` when a saved form only gets its own new address.
export function renderPage(title: string, content: TemplateResult, options: { inPlace?: boolean } = {}): void {
  document.title = `${title} – Koers`;
  const path = location.pathname;
  const address = location.pathname + location.search;
  const samePage = address === lastAddress || !!options.inPlace;
  lastAddress = address;
  const app = document.getElementById('app')!;
  if (firstRender) app.replaceChildren();  // drop the static placeholder of index.html
  render(
    html`
      <header class="utrecht-page-header koers-header">
        <div class="koers-header__inner">
          <a class="koers-logo" href="/" aria-label="Koers, naar de startpagina">
            <img src="/favicon.svg" alt="" width="32" height="32">
            <span>Koers</span>
          </a>
          <nav class="koers-nav" aria-label="Hoofdmenu">
            <ul class="koers-nav__list">
              ${navItems().map(
                (item) => html`<li>
                  <a class="koers-nav__link" href=${item.href} aria-current=${isCurrent(item.href, path) ? 'page' : 'false'}>${item.label}</a>
                </li>`,
              )}
            </ul>
          </nav>
          <form class="koers-header__search" role="search" aria-label="Zoeken in alle innovaties" @submit=${(e: Event) => {
            e.preventDefault();
            const q = String(new FormData(e.target as HTMLFormElement).get('q') ?? '').trim();
            navigate(`/zoeken?q=${encodeURIComponent(q)}`);
          }}>
            <label class="koers-visually-hidden" for="zoek-overal">Zoek een oplossing</label>
            <input class="koers-header__search-input" id="zoek-overal" name="q" type="search" placeholder="Zoek een oplossing" autocomplete="off">
            <button class="koers-header__search-button" type="submit">Zoek</button>
          </form>
          <div class="koers-header__account">${account()}</div>
        </div>
      </header>
      <main id="inhoud" class="utrecht-page-content koers-main" tabindex="-1">${content}</main>
      <footer class="utrecht-page-footer koers-footer">
        <p class="utrecht-paragraph">
          Koers helpt gemeenten datagedreven innovaties te registreren, te sturen en van elkaar over te nemen.
          <a class="utrecht-link" href="/api/v1/openapi.json">API-documentatie (OpenAPI)</a>
        </p>
      </footer>
    `,
    app,
  );
  if (!firstRender && !samePage) {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }
  firstRender = false;
}
