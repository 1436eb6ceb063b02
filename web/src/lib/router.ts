// Client-side routing over real URLs: every page has its own address that
// the server also answers (with the same HTML shell), so links, reloads and
// bookmarks work.

export type PageRenderer = (params: Record<string, string>, query: URLSearchParams) => Promise<void> | void;

interface Route {
  pattern: string[];
  render: PageRenderer;
}

const routes: Route[] = [];
let rendered = ''; // path and query of the page on screen
let notFound: PageRenderer = () => {};
let afterNavigate: () => void = () => {};

export function addRoute(pattern: string, render: PageRenderer): void {
  routes.push({ pattern: pattern.split('/').filter(Boolean), render });
}

export function setNotFound(render: PageRenderer): void {
  notFound = render;
}

export function onNavigate(fn: () => void): void {
  afterNavigate = fn;
}

function match(path: string): { route: Route; params: Record<string, string> } | null {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = route.pattern.every((seg, i) => {
      if (seg.startsWith(':')) {
        params[seg.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return seg === parts[i];
    });
    if (ok) return { route, params };
  }
  return null;
}

export async function renderCurrent(): Promise<void> {
  const url = new URL(window.location.href);
  rendered = url.pathname + url.search;
  const found = match(url.pathname);
  if (found) {
    await found.route.render(found.params, url.searchParams);
  } else {
    await notFound({}, url.searchParams);
  }
  afterNavigate();
}

export function navigate(href: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', href);
  } else {
    history.pushState(null, '', href);
  }
  void renderCurrent();
}

// Same-origin links without target or download are handled here, so the
// page does not reload; modified clicks keep their browser meaning.
export function startRouter(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element).closest('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
    // The API and the login through the organisation (/auth/) are the
    // server's, not pages of this app: the browser goes there itself.
    if (anchor.pathname.startsWith('/api/') || anchor.pathname.startsWith('/auth/') || anchor.getAttribute('href')?.startsWith('#')) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search);
  });
  // A jump to an anchor on the same page (skip link, error summary) changes
  // only the hash: the browser moves focus itself and the page stays.
  window.addEventListener('popstate', () => {
    if (location.pathname + location.search !== rendered) void renderCurrent();
  });
  void renderCurrent();
}
