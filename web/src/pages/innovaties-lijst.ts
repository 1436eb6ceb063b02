// The register: innovations with filters and pages. Filters live in the URL
// (?fase=idee&domein=sociaal), so a filtered list can be shared and the
// back button works.
import { html, nothing } from 'lit';
import { apiGet, type InnovatieSamenvatting, type Page } from '../lib/api';
import { loadOrganisations } from './organisaties';
import { formatNumber } from '../lib/format';
import { entries, label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { renderPage } from '../components/page-shell/page-shell';
import { pagination } from '../components/pagination/pagination';
import { phaseBadges } from '../components/status-badge/status-badge';
import { selectField } from '../components/form-field/form-field';
import { problemPage } from './problem';
import { downloadLinks } from '../components/koers-chart/koers-chart';
import { EXPORT_FORMATS } from '../lib/indicators';

const FILTERS: { param: string; list: string; label: string }[] = [
  { param: 'domein', list: 'domein', label: 'Domein' },
  { param: 'fase', list: 'fase', label: 'Fase' },
  { param: 'status', list: 'status', label: 'Status' },
  { param: 'innovatieType', list: 'innovatieType', label: 'Type innovatie' },
  { param: 'innovatieNiveau', list: 'innovatieNiveau', label: 'Niveau' },
];

function onFilter(event: Event): void {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (value) params.set(key, String(value));
  navigate('/innovaties' + (params.toString() ? `?${params}` : ''));
}

export async function listPage(_: Record<string, string>, query: URLSearchParams): Promise<void> {
  const apiQuery = new URLSearchParams();
  for (const key of ['organisatie', ...FILTERS.map((f) => f.param), 'pagina']) {
    const v = query.get(key);
    if (v) apiQuery.set(key, v);
  }
  const [result, orgs] = await Promise.all([
    apiGet<Page<InnovatieSamenvatting>>(`/innovaties?${apiQuery}`),
    loadOrganisations(),
  ]);
  if (!result.ok) return problemPage('Innovaties', result.problem);
  const page = result.body;
  const items = page._embedded.innovaties;
  const active = [...apiQuery.keys()].filter((k) => k !== 'pagina').length;
  const hrefFor = (p: number) => {
    const q = new URLSearchParams(apiQuery);
    q.set('pagina', String(p));
    return `/innovaties?${q}`;
  };
  const orgOptions = orgs.map((o) => ({ waarde: o.code, label: o.naam })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));

  renderPage(
    'Innovaties',
    html`
      <h1 class="utrecht-heading-1">Innovaties</h1>
      <form class="koers-filters" @submit=${onFilter} aria-label="Filters">
        <div class="koers-filters__fields">
          ${selectField({ id: 'organisatie', label: 'Organisatie', value: query.get('organisatie') ?? '', options: orgOptions, emptyLabel: 'Alle organisaties' })}
          ${FILTERS.map((f) =>
            selectField({ id: f.param, label: f.label, value: query.get(f.param) ?? '', options: entries(f.list), emptyLabel: 'Alle' }),
          )}
        </div>
        <div class="utrecht-button-group">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">Filter toepassen</button>
          ${active ? html`<a class="utrecht-button-link utrecht-button-link--secondary-action" href="/innovaties">Filters wissen</a>` : nothing}
        </div>
      </form>
      <p class="utrecht-paragraph koers-result-count" role="status">
        ${formatNumber(page.totaal)} ${page.totaal === 1 ? 'innovatie' : 'innovaties'}${active ? ' met deze filters' : ''}${page.totaal > page.paginaGrootte ? html`, pagina ${page.pagina} van ${Math.ceil(page.totaal / page.paginaGrootte)}` : nothing}.
      </p>
      <ul class="koers-cards" aria-label="Gevonden innovaties">
        ${items.map(
          (i) => html`<li class="koers-card">
            <h2 class="utrecht-heading-3 koers-card__title"><a class="utrecht-link" href="/innovaties/${i.id}">${i.titel}</a></h2>
            <p class="utrecht-paragraph koers-card__meta">
              ${i.organisatieNaam ?? i.organisatie}${i.domein ? html` · ${label('domein', i.domein)}` : nothing}
              ${i.bron ? html` · uit het Algoritmeregister` : nothing}${i.referentie ? html` · referentiecase` : nothing}
              ${i.waardecreatie ? html` · waardecreatie: ${label('waardeNiveau', i.waardecreatie).toLowerCase()}` : nothing}
            </p>
            ${phaseBadges(i.fase, i.status)}
            ${i.korteBeschrijving ? html`<p class="utrecht-paragraph koers-card__text">${i.korteBeschrijving}</p>` : nothing}
          </li>`,
        )}
      </ul>
      ${items.length === 0 ? html`<p class="utrecht-paragraph">Geen innovaties gevonden. Probeer minder filters.</p>` : nothing}
      ${pagination(page.pagina, page.totaal, page.paginaGrootte, hrefFor)}
      ${page.totaal ? downloadLinks(EXPORT_FORMATS.map((f) => {
        const q = new URLSearchParams(apiQuery);
        q.delete('pagina');
        q.set('formaat', f.formaat);
        return { href: `/api/v1/innovaties/_export?${q}`, label: f.label, context: `van ${active ? 'de gefilterde' : 'alle'} innovaties` };
      }), active ? 'Deze innovaties downloaden' : 'Alle innovaties downloaden') : nothing}
    `,
  );
}
