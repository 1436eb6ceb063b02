// An organisation's funnel board (a column per phase, a card per
// innovation) and its steering overview with maturity.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Organisatie } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import { label } from '../lib/vocab';
import { hasRole, session } from '../lib/session';
import { DECISIONS, STAGES, days, phaseLabel } from '../lib/steering';
import { renderPage } from '../components/page-shell/page-shell';
import { dataTable } from '../components/data-table/data-table';
import { checkboxGroup, textArea, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import type { Volgende } from '../lib/learning';
import { problemPage } from './problem';

interface Kaart {
  id: number;
  titel: string;
  fase: string;
  status: string;
  dagenInFase: number;
  volgendeBeoordeling: string | null;
  achterstallig: boolean;
  laatsteBesluit: string | null;
  terBesluit: { id: number; fase: string; voorstel: string | null; opgesteldDoor: string | null; opgesteldOp: string | null } | null;
  terugblik: Volgende;
}

function card(k: Kaart): TemplateResult {
  return html`<li class="koers-funnel__card ${k.achterstallig || k.terugblik.teLaat ? 'koers-funnel__card--overdue' : ''}">
    <a class="utrecht-link koers-funnel__title" href="/innovaties/${k.id}/sturing">${k.titel}</a>
    <span>${label('status', k.status)} · ${days(k.dagenInFase)} in deze fase</span>
    ${k.volgendeBeoordeling
      ? html`<span class=${k.achterstallig ? 'koers-overdue' : ''}>${k.achterstallig ? 'Beoordeling achterstallig sinds' : 'Volgende beoordeling'} ${formatDate(k.volgendeBeoordeling)}</span>`
      : k.terBesluit ? nothing : html`<span>Geen beoordeling gepland</span>`}
    ${k.terBesluit
      ? html`<a class="utrecht-link" href="/innovaties/${k.id}/beoordelingen/${k.terBesluit.id}">Ter besluit: beoordeling voorbereid${k.terBesluit.opgesteldOp ? ` op ${formatDate(k.terBesluit.opgesteldOp)}` : ''}</a>`
      : nothing}
    ${k.terugblik.teLaat
      ? html`<a class="utrecht-link koers-overdue" href="/innovaties/${k.id}/leren">Terugblik te laat sinds ${formatDate(k.terugblik.datum)}</a>`
      : k.terugblik.datum ? html`<span>Volgende terugblik ${formatDate(k.terugblik.datum)}</span>` : nothing}
    ${k.laatsteBesluit ? html`<span>Laatste besluit: ${DECISIONS[k.laatsteBesluit]}</span>` : nothing}
  </li>`;
}

function orgNav(code: string, current: string): TemplateResult {
  return html`<nav class="koers-subnav" aria-label="Organisatie">
    <ul class="koers-nav__list">
      <li><a class="utrecht-link" href="/organisaties/${code}" aria-current=${current === 'org' ? 'page' : 'false'}>Innovaties</a></li>
      <li><a class="utrecht-link" href="/organisaties/${code}/dashboard" aria-current=${current === 'dashboard' ? 'page' : 'false'}>Dashboard</a></li>
      <li><a class="utrecht-link" href="/organisaties/${code}/funnel" aria-current=${current === 'funnel' ? 'page' : 'false'}>Funnelbord</a></li>
      <li><a class="utrecht-link" href="/organisaties/${code}/ter-besluit" aria-current=${current === 'ter-besluit' ? 'page' : 'false'}>Ter besluit</a></li>
      <li><a class="utrecht-link" href="/organisaties/${code}/sturing" aria-current=${current === 'sturing' ? 'page' : 'false'}>Sturingsoverzicht</a></li>
      <li><a class="utrecht-link" href="/organisaties/${code}/klimaat" aria-current=${current === 'klimaat' ? 'page' : 'false'}>Innovatieklimaat</a></li>
      <li><a class="utrecht-link" href="/organisaties/${code}/lessen" aria-current=${current === 'lessen' ? 'page' : 'false'}>Lessen</a></li>
      <li><a class="utrecht-link" href="/organisaties/${code}/netwerk" aria-current=${current === 'netwerk' ? 'page' : 'false'}>Netwerk</a></li>
      <li><a class="utrecht-link" href="/organisaties/${code}/te-bevestigen" aria-current=${current === 'te-bevestigen' ? 'page' : 'false'}>Te bevestigen</a></li>
    </ul>
  </nav>`;
}
export { orgNav };

// Reviews the team prepared that wait for the stuurgroep's decision.
export function waitingReviews(cards: Kaart[], headingId: string, heading = 'Ter besluit'): TemplateResult {
  return html`<section class="koers-section" aria-labelledby=${headingId}>
    <h2 class="utrecht-heading-2" id=${headingId}>${heading} <span class="koers-muted">(${cards.length})</span></h2>
    ${cards.length
      ? dataTable(
          'Beoordelingen die wachten op een besluit',
          ['Innovatie', 'Fase', 'Gepland op', 'Voorbereid', 'Voorstel', 'Beoordeling'],
          cards.map((k) => [
            html`<a class="utrecht-link" href="/innovaties/${k.id}/sturing">${k.titel}</a>`,
            phaseLabel(k.terBesluit!.fase),
            k.volgendeBeoordeling ? html`<span class=${k.achterstallig ? 'koers-overdue' : ''}>${formatDate(k.volgendeBeoordeling)}${k.achterstallig ? ' (verstreken)' : ''}</span>` : 'niet gepland',
            `${k.terBesluit!.opgesteldOp ? formatDate(k.terBesluit!.opgesteldOp) : ''}${k.terBesluit!.opgesteldDoor ? ` door ${k.terBesluit!.opgesteldDoor}` : ''}`,
            k.terBesluit!.voorstel ? DECISIONS[k.terBesluit!.voorstel] : 'nog geen',
            html`<a class="utrecht-link" href="/innovaties/${k.id}/beoordelingen/${k.terBesluit!.id}">Openen<span class="koers-visually-hidden"> (${k.titel})</span></a>`,
          ]),
          { hiddenCaption: true },
        )
      : html`<p class="utrecht-paragraph">Er wachten geen beoordelingen op een besluit.</p>`}
  </section>`;
}

export async function waitingPage(params: Record<string, string>): Promise<void> {
  const code = params.code;
  const [org, ov] = await Promise.all([
    apiGet<Organisatie>(`/organisaties/${encodeURIComponent(code)}`),
    apiGet<Overzicht>(`/organisaties/${encodeURIComponent(code)}/sturing`),
  ]);
  if (!org.ok) return problemPage('Ter besluit', org.problem);
  if (!ov.ok) return problemPage('Ter besluit', ov.problem);
  renderPage(
    `Ter besluit ${org.body.naam}`,
    html`
      <h1 class="utrecht-heading-1">Ter besluit: ${org.body.naam}</h1>
      ${orgNav(code, 'ter-besluit')}
      <p class="utrecht-paragraph">Beoordelingen die het team heeft voorbereid en die wachten op het besluit van de stuurgroep, de eerst geplande bovenaan.</p>
      ${waitingReviews(ov.body.terBesluit, 'ter-besluit-kop', 'Wachten op een besluit')}
      ${ov.body.achterstalligeBeoordelingen.length
        ? html`<h2 class="utrecht-heading-2">Beoordelingen waarvan de datum verstreken is</h2>
            <ul class="utrecht-unordered-list">${ov.body.achterstalligeBeoordelingen.map((k) => html`<li><a class="utrecht-link" href="/innovaties/${k.id}/sturing">${k.titel}</a>: gepland op ${formatDate(k.volgendeBeoordeling)}</li>`)}</ul>`
        : nothing}
    `,
  );
}

export async function funnelPage(params: Record<string, string>): Promise<void> {
  const code = params.code;
  const [org, board] = await Promise.all([
    apiGet<Organisatie>(`/organisaties/${encodeURIComponent(code)}`),
    apiGet<{ kolommen: { fase: string; kaarten: Kaart[] }[] }>(`/organisaties/${encodeURIComponent(code)}/funnel`),
  ]);
  if (!org.ok) return problemPage('Funnelbord', org.problem);
  if (!board.ok) return problemPage('Funnelbord', board.problem);
  renderPage(
    `Funnelbord ${org.body.naam}`,
    html`
      <h1 class="utrecht-heading-1">Funnelbord: ${org.body.naam}</h1>
      ${orgNav(code, 'funnel')}
      <p class="utrecht-paragraph">Elke innovatie staat in de kolom van haar fase. Een rode rand toont een beoordeling of een terugblik die had moeten plaatsvinden.</p>
      <div class="koers-funnel">
        ${board.body.kolommen.map((k) => html`<section class="koers-funnel__column" aria-labelledby="kolom-${k.fase}">
          <h2 class="utrecht-heading-3" id="kolom-${k.fase}">${phaseLabel(k.fase)} <span class="koers-muted">(${k.kaarten.length})</span></h2>
          ${k.kaarten.length ? html`<ul class="koers-funnel__cards" aria-labelledby="kolom-${k.fase}">${k.kaarten.map(card)}</ul>` : html`<p class="utrecht-paragraph koers-muted">Geen innovaties.</p>`}
        </section>`)}
      </div>
    `,
  );
}

export interface Overzicht {
  totaal: number;
  perFase: Record<string, number>;
  perStatus: Record<string, number>;
  conversieIdeeNaarImplementatie: { gestartInIdee: number; implementatieBereikt: number; percentage: number | null };
  mediaanTijdPerFase: { fase: string; mediaanDagen: number | null; n: number }[];
  achterstalligeBeoordelingen: Kaart[];
  terBesluit: Kaart[];
  besluitenLaatsteKwartaal: { innovatie: number; titel: string; fase: string; besluit: string; vastgesteldOp: string; motivering: string }[];
}
interface Volwassenheid {
  id: number;
  stadia: string[];
  onderbouwing: string;
  datum: string;
  door: string;
}

interface MaturityState {
  list: Volwassenheid[] | null;
  errors: FieldError[];
  general: string;
}

const stageLabel = (s: string) => STAGES.find(([v]) => v === s)?.[1] ?? s;

function maturity(code: string, m: MaturityState, redraw: () => void): TemplateResult {
  if (!m.list) return nothing as unknown as TemplateResult;
  const may = hasRole(code, 'beheerder', 'stuurgroep');
  const current = m.list[0];
  return html`<section class="koers-section" aria-labelledby="volwassen-kop">
    <h2 class="utrecht-heading-2" id="volwassen-kop">Volwassenheid in datagedreven sturen</h2>
    ${current
      ? html`<p class="utrecht-paragraph">Sinds ${formatDate(current.datum)}: <strong>${current.stadia.map(stageLabel).join(' en ')}</strong>. ${current.onderbouwing}</p>`
      : html`<p class="utrecht-paragraph">Nog niet vastgelegd.</p>`}
    ${m.list.length > 1 ? dataTable('Eerdere stadia', ['Datum', 'Stadia', 'Onderbouwing'], m.list.slice(1).map((v) => [formatDate(v.datum), v.stadia.map(stageLabel).join(', '), v.onderbouwing])) : nothing}
    ${may
      ? html`<details class="koers-details"><summary>Stadium vastleggen</summary>
          <form class="utrecht-form koers-form" novalidate @submit=${async (e: Event) => {
            e.preventDefault();
            const d = new FormData(e.target as HTMLFormElement);
            const r = await apiRequest('POST', `/organisaties/${code}/volwassenheid`, {
              stadia: d.getAll('stadia').map(String), onderbouwing: String(d.get('onderbouwing') ?? ''), datum: String(d.get('datum') ?? ''),
            });
            if (r.ok) {
              const fresh = await apiGet<{ _embedded: { volwassenheid: Volwassenheid[] } }>(`/organisaties/${code}/volwassenheid`);
              m.list = fresh.ok ? fresh.body._embedded.volwassenheid : m.list;
              m.errors = [];
              m.general = '';
              redraw();
            } else {
              m.errors = (r.problem.invalidParams ?? []).map((p) => ({ field: p.name.replace(/\[\d+\]$/, ''), label: p.name, message: p.reason }));
              m.general = m.errors.length ? '' : r.problem.detail;
              redraw();
              focusErrorSummary();
            }
          }}>
            ${errorSummary('Het stadium is niet vastgelegd', m.errors, m.general)}
            ${checkboxGroup({ id: 'stadia', label: 'Stadia (meer dan één kan)', values: [], options: STAGES.map(([v, l]) => ({ waarde: v, label: l })), error: m.errors.find((e) => e.field === 'stadia')?.message })}
            ${textArea({ id: 'onderbouwing', label: 'Onderbouwing', value: '', error: m.errors.find((e) => e.field === 'onderbouwing')?.message })}
            ${textField({ id: 'datum', label: 'Datum', value: new Date().toISOString().slice(0, 10), type: 'date', error: m.errors.find((e) => e.field === 'datum')?.message })}
            <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Vastleggen</button></div>
          </form></details>`
      : nothing}
  </section>`;
}

export async function steeringOverviewPage(params: Record<string, string>): Promise<void> {
  const code = params.code;
  const [org, ov] = await Promise.all([
    apiGet<Organisatie>(`/organisaties/${encodeURIComponent(code)}`),
    apiGet<Overzicht>(`/organisaties/${encodeURIComponent(code)}/sturing`),
  ]);
  if (!org.ok) return problemPage('Sturingsoverzicht', org.problem);
  if (!ov.ok) return problemPage('Sturingsoverzicht', ov.problem);
  const m: MaturityState = { list: null, errors: [], general: '' };
  if (session().ingelogd) {
    const v = await apiGet<{ _embedded: { volwassenheid: Volwassenheid[] } }>(`/organisaties/${encodeURIComponent(code)}/volwassenheid`);
    if (v.ok) m.list = v.body._embedded.volwassenheid;
  }
  const o = ov.body;
  const c = o.conversieIdeeNaarImplementatie;
  const draw = () =>
    renderPage(
      `Sturingsoverzicht ${org.body.naam}`,
      html`
        <h1 class="utrecht-heading-1">Sturingsoverzicht: ${org.body.naam}</h1>
        ${orgNav(code, 'sturing')}
        <p class="utrecht-paragraph">${formatNumber(o.totaal)} innovaties die u kunt zien.</p>
        ${waitingReviews(o.terBesluit, 'ter-besluit-kop')}
        <div class="koers-columns">
          ${dataTable('Per fase', ['Fase', 'Aantal'], ['idee', 'ontwikkeling', 'implementatie', 'opschaling'].map((f) => [phaseLabel(f), formatNumber(o.perFase[f] ?? 0)]), { numeric: [1] })}
          ${dataTable('Per status', ['Status', 'Aantal'], ['actief', 'gepauzeerd', 'gestopt', 'op_de_plank'].map((s) => [label('status', s), formatNumber(o.perStatus[s] ?? 0)]), { numeric: [1] })}
        </div>
        <h2 class="utrecht-heading-2">Van idee naar implementatie</h2>
        <p class="utrecht-paragraph">${c.gestartInIdee
          ? html`Van de ${c.gestartInIdee} innovaties die als idee begonnen, bereikten er ${c.implementatieBereikt} de implementatie (${formatNumber(c.percentage ?? 0)}%).`
          : 'Er zijn nog geen innovaties die in Koers als idee begonnen.'}</p>
        ${dataTable('Mediane tijd per fase (afgeronde verblijven)', ['Fase', 'Mediaan', 'Aantal verblijven'], o.mediaanTijdPerFase.map((x) => [phaseLabel(x.fase), x.mediaanDagen != null ? days(Math.round(x.mediaanDagen)) : 'nog niet te zeggen', String(x.n)]), { numeric: [1, 2] })}
        <h2 class="utrecht-heading-2">Achterstallige beoordelingen</h2>
        ${o.achterstalligeBeoordelingen.length
          ? html`<ul class="utrecht-unordered-list">${o.achterstalligeBeoordelingen.map((k) => html`<li><a class="utrecht-link" href="/innovaties/${k.id}/sturing">${k.titel}</a>: gepland op ${formatDate(k.volgendeBeoordeling)}</li>`)}</ul>`
          : html`<p class="utrecht-paragraph">Geen.</p>`}
        <h2 class="utrecht-heading-2">Besluiten van het afgelopen kwartaal</h2>
        ${o.besluitenLaatsteKwartaal.length
          ? dataTable('Besluiten van het afgelopen kwartaal', ['Innovatie', 'Datum', 'Fase', 'Besluit', 'Motivering'], o.besluitenLaatsteKwartaal.map((b) => [html`<a class="utrecht-link" href="/innovaties/${b.innovatie}/sturing">${b.titel}</a>`, formatDate(b.vastgesteldOp), phaseLabel(b.fase), DECISIONS[b.besluit], b.motivering]), { hiddenCaption: true })
          : html`<p class="utrecht-paragraph">Geen besluiten.</p>`}
        ${maturity(code, m, draw)}
      `,
    );
  draw();
}
