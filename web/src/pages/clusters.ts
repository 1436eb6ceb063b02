// Adoption clusters: the same product or solution registered by several
// organisations, found automatically. The list shows the largest first; a
// cluster's page answers who uses it, since when, in which phase and whom to
// call, on a map and in a table.
import { html, nothing } from 'lit';
import { apiGet, type InnovatieSamenvatting, type Page } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import { label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { renderPage } from '../components/page-shell/page-shell';
import { pagination } from '../components/pagination/pagination';
import { phaseBadges } from '../components/status-badge/status-badge';
import { loadMap, municipalityMap } from '../components/gemeentekaart/gemeentekaart';
import { problemPage } from './problem';

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
  const [r, kaart] = await Promise.all([apiGet<Cluster>(`/clusters/${encodeURIComponent(params.id)}`), loadMap()]);
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
      ${c.adopties.length
        ? html`<section class="koers-section" aria-labelledby="adopties-kop">
            <h2 class="utrecht-heading-2" id="adopties-kop">Ook belangstelling of in gebruik genomen</h2>
            <ul class="utrecht-unordered-list">
              ${c.adopties.map((a) => html`<li>${a.organisatieNaam}: ${label('adoptieStatus', a.status).toLowerCase()} sinds ${formatDate(a.datum)}</li>`)}
            </ul>
          </section>`
        : nothing}
    `,
  );
}
