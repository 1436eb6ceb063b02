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
    { href: '/lessen', label: 'Lessen' },
    { href: '/missies', label: 'Missies' },
  ];
  if (session().ingelogd) items.push({ href: '/innovaties/nieuw', label: 'Nieuwe innovatie' });
  // The user's own organisation, and for a stuurgroep member what waits for a decision.
  const roles = session().gebruiker?.rollen ?? [];
  const own = roles[0]?.organisatie;
  if (own) items.push({ href: `/organisaties/${own}/dashboard`, label: 'Mijn organisatie' });
  const steers = roles.find((r) => r.rol === 'stuurgroep')?.organisatie;
  if (steers) items.push({ href: `/organisaties/${steers}/ter-besluit`, label: 'Ter besluit' });
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

// The menu button shows and hides the navigation and the account on small
// screens (on wide screens the button is hidden and both always show). Its
// state lives on the button itself, so drawing the page again for a form
// saved in place keeps it; a navigation closes the menu.
function menuButton(): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>('.koers-menu-button');
}

function setMenu(open: boolean): void {
  menuButton()?.setAttribute('aria-expanded', String(open));
}

function toggleMenu(): void {
  setMenu(menuButton()?.getAttribute('aria-expanded') !== 'true');
}

// Escape closes an open menu and gives focus back to its button.
function closeMenuOnEscape(e: KeyboardEvent): void {
  const button = menuButton();
  if (e.key !== 'Escape' || !button || button.getAttribute('aria-expanded') !== 'true' || !button.offsetParent) return;
  setMenu(false);
  button.focus();
}

// Printing shows what a disclosure hides: every closed `details` is opened
// before printing and closed again afterwards.
let openedForPrint: HTMLDetailsElement[] = [];
window.addEventListener('beforeprint', () => {
  openedForPrint = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
  for (const d of openedForPrint) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of openedForPrint) d.open = false;
  openedForPrint = [];
});

// A table too wide for a small screen is shown stacked, one block per row
// (koers.css, class koers-table--stacked): each cell then carries its column
// header in data-label, shown before the cell's text. Tables that fit stay
// tables. Measured after each render, on resizing and when a disclosure opens.
function fitTables(): void {
  for (const box of document.querySelectorAll<HTMLElement>('main .utrecht-table-container')) {
    const table = box.querySelector('table');
    if (!table) continue;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        if (headers[i]) cell.setAttribute('data-label', headers[i]);
      });
    }
    box.classList.remove('koers-table--stacked');
    if (table.scrollWidth > box.clientWidth + 1) box.classList.add('koers-table--stacked');
  }
}
let fitPending = false;
function fitTablesSoon(): void {
  if (fitPending) return;
  fitPending = true;
  requestAnimationFrame(() => {
    fitPending = false;
    fitTables();
  });
}
window.addEventListener('resize', fitTablesSoon);
document.addEventListener('toggle', fitTablesSoon, true);

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
  if (!samePage) setMenu(false);
  const app = document.getElementById('app')!;
  if (firstRender) app.replaceChildren();  // drop the static placeholder of index.html
  render(
    html`
      <header class="utrecht-page-header koers-header" @keydown=${closeMenuOnEscape}>
        <div class="koers-header__inner">
          <a class="koers-logo" href="/" aria-label="Koers, naar de startpagina">
            <img src="/favicon.svg" alt="" width="32" height="32">
            <span>Koers</span>
          </a>
          <button class="koers-menu-button" type="button" aria-expanded="false" aria-controls="hoofdmenu accountmenu" @click=${toggleMenu}>Menu</button>
          <nav class="koers-nav" id="hoofdmenu" aria-label="Hoofdmenu">
            <ul class="koers-nav__list">
              ${((items) => {
                // One current item: the most specific one that matches.
                const current = items.filter((i) => isCurrent(i.href, path)).sort((a, b) => b.href.length - a.href.length)[0];
                return items.map(
                  (item) => html`<li>
                    <a class="koers-nav__link" href=${item.href} aria-current=${item === current ? 'page' : 'false'}>${item.label}</a>
                  </li>`,
                );
              })(navItems())}
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
          <div class="koers-header__account" id="accountmenu">${account()}</div>
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
  fitTables();
  if (!firstRender && !samePage) {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }
  firstRender = false;
}
