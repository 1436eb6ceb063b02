// Adoption clusters: the same product or solution registered by several
// organisations, found automatically. The list shows the largest first; a
// cluster's page answers who uses it, since when, in which phase and whom to
// call, on a map and in a table.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, type InnovatieSamenvatting, type Page } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import { label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { renderPage } from '../components/page-shell/page-shell';
import { pagination } from '../components/pagination/pagination';
import { phaseBadges } from '../components/status-badge/status-badge';
import { loadMap, municipalityMap } from '../components/gemeentekaart/gemeentekaart';
import { problemPage } from './problem';
import { chartFigure, PALETTE } from '../components/koers-chart/koers-chart';
import { dataTable } from '../components/data-table/data-table';
import { loadNetwork, networkSection } from './netwerk';

// How the solution spread: per organisation the date it first had it (its
// oldest registration), the running count over time, and who came first.
function diffusion(leden: Cluster['leden']): TemplateResult | typeof nothing {
  const first = new Map<string, { naam: string; sinds: string }>();
  for (const m of leden) {
    const known = first.get(m.innovatie.organisatie);
    if (m.sinds && (!known || m.sinds < known.sinds))
      first.set(m.innovatie.organisatie, { naam: m.innovatie.organisatieNaam ?? m.innovatie.organisatie, sinds: m.sinds });
  }
  const adopters = [...first.values()].sort((a, b) => a.sinds.localeCompare(b.sinds));
  if (adopters.length < 2) return nothing;
  const points = adopters.map((a, n) => [a.sinds.slice(0, 10), n + 1] as [string, number]);
  const early = adopters.slice(0, Math.max(1, Math.ceil(adopters.length * 0.16)));
  return html`<section class="koers-section" aria-labelledby="verspreiding-kop">
    <h2 class="utrecht-heading-2" id="verspreiding-kop">Hoe de oplossing zich verspreidde</h2>
    <p class="utrecht-paragraph">Vroege gebruikers: ${early.map((a, n) => html`${n ? ', ' : ''}<strong>${a.naam}</strong> (${formatDate(a.sinds)})`)}.</p>
    ${chartFigure({
      id: 'verspreiding',
      title: 'Organisaties die de oplossing gebruiken, door de tijd',
      summary: `Van 1 organisatie op ${formatDate(adopters[0].sinds)} naar ${adopters.length} op ${formatDate(adopters[adopters.length - 1].sinds)}.`,
      note: 'Elke stap is een organisatie die erbij kwam, op de datum van haar eerste registratie.',
      option: {
        grid: { left: 48, right: 16, top: 16, bottom: 48 },
        xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', minInterval: 1, name: 'Organisaties', nameLocation: 'middle', nameGap: 32 },
        tooltip: { trigger: 'axis' },
        series: [{ type: 'line', step: 'end', data: points, symbol: 'circle', symbolSize: 6, lineStyle: { color: PALETTE[0], width: 2 }, itemStyle: { color: PALETTE[0] } }],
      },
      table: dataTable(
        'Organisaties in volgorde van hun eerste registratie',
        ['Nummer', 'Organisatie', 'Sinds'],
        adopters.map((a, n) => [String(n + 1), a.naam, formatDate(a.sinds)]),
        { numeric: [0] },
      ),
    })}
  </section>`;
}

export interface ClusterSamenvatting {
  id: string;
  naam: string;
  aantalInnovaties: number;
  aantalOrganisaties: number;
  organisaties: string[];
}
interface Lid {
  innovatie: InnovatieSamenvatting;
  organisatieSoort: string;
  sinds: string;
  contact: { naam: string; rol: string } | null;
}
interface Cluster extends ClusterSamenvatting {
  leden: Lid[];
  gemeenten: string[];
  adopties: { id: number; bron: number; organisatie: string; organisatieNaam: string; status: string; datum: string }[];
}

export async function clustersPage(_: Record<string, string>, query: URLSearchParams): Promise<void> {
  const q = new URLSearchParams();
  for (const k of ['zoek', 'pagina']) if (query.get(k)) q.set(k, query.get(k)!);
  const r = await apiGet<Page<ClusterSamenvatting>>(`/clusters?${q}`);
  if (!r.ok) return problemPage('Adoptieclusters', r.problem);
  const page = r.body;
  const clusters = page._embedded.clusters;
  renderPage(
    'Adoptieclusters',
    html`
      <h1 class="utrecht-heading-1">Adoptieclusters</h1>
      <p class="utrecht-paragraph">
        Een cluster is één product of oplossing die meerdere organisaties gebruiken. Koers vormt de clusters zelf uit
        registraties met (bijna) dezelfde beschrijving. Zo ziet u wie iets al gebruikt en bij wie u kunt navragen hoe het bevalt.
      </p>
      <form class="koers-search-form" role="search" aria-label="Clusters filteren" @submit=${(e: Event) => {
        e.preventDefault();
        const v = String(new FormData(e.target as HTMLFormElement).get('zoek') ?? '').trim();
        navigate(v ? `/clusters?zoek=${encodeURIComponent(v)}` : '/clusters');
      }}>
        <label class="utrecht-form-label" for="cluster-zoek">Woord in de naam of in een titel</label>
        <div class="koers-search-form__row">
          <input class="utrecht-textbox utrecht-textbox--html-input" id="cluster-zoek" name="zoek" type="search" .value=${query.get('zoek') ?? ''} autocomplete="off">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">Filteren</button>
        </div>
      </form>
      <p class="utrecht-paragraph" role="status">${formatNumber(page.totaal)} ${page.totaal === 1 ? 'cluster' : 'clusters'}.</p>
      ${clusters.length
        ? html`<div class="utrecht-table-container">
            <table class="utrecht-table">
              <caption class="utrecht-table__caption koers-visually-hidden">Adoptieclusters, grootste eerst</caption>
              <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Product of oplossing</th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">Organisaties</th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">Registraties</th>
              </tr></thead>
              <tbody class="utrecht-table__body">
                ${clusters.map((c) => html`<tr class="utrecht-table__row">
                  <td class="utrecht-table__cell"><a class="utrecht-link" href="/clusters/${c.id}">${c.naam}</a></td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(c.aantalOrganisaties)}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(c.aantalInnovaties)}</td>
                </tr>`)}
              </tbody>
            </table>
          </div>`
        : html`<p class="utrecht-paragraph">Geen clusters gevonden.</p>`}
      ${pagination(page.pagina, page.totaal, page.paginaGrootte, (p) => {
        const h = new URLSearchParams(q);
        h.set('pagina', String(p));
        return `/clusters?${h}`;
      })}
    `,
  );
}

export async function clusterPage(params: Record<string, string>): Promise<void> {
  const [r, kaart, network] = await Promise.all([
    apiGet<Cluster>(`/clusters/${encodeURIComponent(params.id)}`),
    loadMap(),
    loadNetwork(`/clusters/${encodeURIComponent(params.id)}/netwerk`),
  ]);
  if (!r.ok) return problemPage('Adoptiecluster', r.problem);
  const c = r.body;
  const leden = [...c.leden].sort((a, b) => a.sinds.localeCompare(b.sinds));
  renderPage(
    c.naam,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/clusters">Alle adoptieclusters</a></p>
      <h1 class="utrecht-heading-1">${c.naam}</h1>
      <p class="utrecht-paragraph koers-lead-meta">
        ${formatNumber(c.aantalOrganisaties)} organisaties, ${formatNumber(c.aantalInnovaties)} registraties${leden.length ? html`, de eerste sinds ${formatDate(leden[0].sinds)}` : nothing}.
      </p>
      ${diffusion(leden)}
      ${c.gemeenten.length ? municipalityMap(kaart, c.gemeenten, `Gemeenten die ${c.naam} gebruiken`, 'wie-gebruikt') : nothing}
      <section class="koers-section" aria-labelledby="wie-gebruikt-kop">
        <h2 class="utrecht-heading-2" id="wie-gebruikt-kop">Wie gebruikt dit</h2>
        <div class="utrecht-table-container">
          <table class="utrecht-table" id="wie-gebruikt">
            <caption class="utrecht-table__caption koers-visually-hidden">Organisaties in dit cluster, oudste eerst</caption>
            <thead class="utrecht-table__header"><tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Organisatie</th>
              <th class="utrecht-table__header-cell" scope="col">Registratie</th>
              <th class="utrecht-table__header-cell" scope="col">Fase en status</th>
              <th class="utrecht-table__header-cell" scope="col">Sinds</th>
              <th class="utrecht-table__header-cell" scope="col">Contact</th>
            </tr></thead>
            <tbody class="utrecht-table__body">
              ${leden.map((m) => html`<tr class="utrecht-table__row">
                <th class="utrecht-table__cell" scope="row">
                  <a class="utrecht-link" href="/organisaties/${m.innovatie.organisatie}">${m.innovatie.organisatieNaam ?? m.innovatie.organisatie}</a>
                  <span class="koers-muted">${label('organisatieSoort', m.organisatieSoort)}</span>
                </th>
                <td class="utrecht-table__cell"><a class="utrecht-link" href="/innovaties/${m.innovatie.id}">${m.innovatie.titel}</a></td>
                <td class="utrecht-table__cell">${phaseBadges(m.innovatie.fase, m.innovatie.status)}</td>
                <td class="utrecht-table__cell">${formatDate(m.sinds)}</td>
                <td class="utrecht-table__cell">${m.contact
                  ? html`${m.contact.naam} <span class="koers-muted">(${label('rol', m.contact.rol)})</span>`
                  : m.innovatie.bron?.url
                    ? html`<a class="utrecht-link" href=${m.innovatie.bron.url} rel="noopener">contact via het Algoritmeregister<span class="koers-visually-hidden"> (${m.innovatie.organisatieNaam})</span></a>`
                    : '–'}</td>
              </tr>`)}
            </tbody>
          </table>
        </div>
      </section>
      ${networkSection(network, true)}
    `,
  );
}
