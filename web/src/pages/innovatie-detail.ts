// One innovation: its description, a summary of its value, classification,
// team, phase history, source, what the Algoritmeregister still needs and
// the version history.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie } from '../lib/api';
import { formatDate, formatEuro, formatNumber } from '../lib/format';
import { label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { canEditInnovation, hasRole, session } from '../lib/session';
import { renderPage } from '../components/page-shell/page-shell';
import { phaseBadges } from '../components/status-badge/status-badge';
import { problemPage } from './problem';
import { resultCard, type Treffer } from './zoeken';
import { loadReuse, reuseSections } from './hergebruik';
import { loadValue, valueSection } from './waarde';
import { loadOrganisations } from './organisaties';
import { loadNetwork, networkSection } from './netwerk';
import { historySection, loadHistory, loadRegisterCheck, registerSection } from './versies';

function row(term: string, value: TemplateResult | string | null | undefined): TemplateResult | typeof nothing {
  if (value === null || value === undefined || value === '') return nothing;
  return html`<div class="utrecht-data-list__item koers-data-list__item">
    <dt class="utrecht-data-list__item-key">${term}</dt>
    <dd class="utrecht-data-list__item-value">${value}</dd>
  </div>`;
}

const list = (values: string[], vocab?: string) => (values.length ? values.map((v) => (vocab ? label(vocab, v) : v)).join(', ') : null);

function text(title: string, value: string | null): TemplateResult | typeof nothing {
  if (!value) return nothing;
  return html`<section class="koers-section">
    <h2 class="utrecht-heading-2">${title}</h2>
    ${value.split(/\n{2,}/).map((p) => html`<p class="utrecht-paragraph">${p}</p>`)}
  </section>`;
}

async function remove(i: Innovatie): Promise<void> {
  if (!confirm(`Weet u zeker dat u "${i.titel}" wilt verwijderen? Dit kan niet ongedaan worden gemaakt.`)) return;
  const r = await apiRequest<void>('DELETE', `/innovaties/${i.id}`);
  if (r.ok) {
    navigate('/innovaties?verwijderd=1', true);
  } else {
    alert(r.problem.detail);
  }
}

// Whether the registration is current: when it was last confirmed, by when
// it should be checked again, and for who may edit it a button to confirm.
let confirmedNotice = '';
function currency(i: Innovatie, reload: () => Promise<void>): TemplateResult {
  const today = new Date().toISOString().slice(0, 10);
  const overdue = !!i.herzienOp && i.herzienOp < today;
  const notice = confirmedNotice;
  confirmedNotice = '';
  const confirm = async () => {
    const r = await apiRequest<Innovatie>('POST', `/innovaties/${i.id}/_bevestigen`, undefined, { 'If-Match': `"${i.versie}"` });
    if (!r.ok) {
      confirmedNotice = r.problem.detail;
    } else {
      confirmedNotice = `Bevestigd. De volgende controle is uiterlijk ${formatDate(r.body.herzienOp)}.`;
    }
    await reload();
    document.getElementById('bevestigd-melding')?.focus();
  };
  return html`<section class="koers-section" aria-labelledby="actueel-kop">
    <h2 class="utrecht-heading-2" id="actueel-kop">Klopt deze registratie nog?</h2>
    <p class="utrecht-paragraph">
      Laatst bevestigd op ${formatDate(i.laatstBevestigdOp) || 'onbekend'}.
      ${overdue
        ? html`<strong>De controle had uiterlijk ${formatDate(i.herzienOp)} moeten gebeuren.</strong>`
        : i.herzienOp ? `Volgende controle uiterlijk ${formatDate(i.herzienOp)}.` : nothing}
      Laatst gewijzigd op ${formatDate(i.gewijzigdOp)} (versie ${i.versie}).
    </p>
    <p class="utrecht-paragraph" id="bevestigd-melding" role="status" tabindex="-1">${notice}</p>
    ${canEditInnovation(i)
      ? html`<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${confirm}>Klopt nog: bevestigen</button></div>`
      : nothing}
  </section>`;
}

// What the signed-in user may do here; the server checks again.
function actions(i: Innovatie): TemplateResult | typeof nothing {
  if (!session().gebruiker) return nothing;
  const edit = canEditInnovation(i);
  const del = hasRole(i.organisatie, 'beheerder');
  if (!edit && !del) return nothing;
  return html`<div class="utrecht-button-group koers-actions">
    ${edit ? html`<a class="utrecht-button-link utrecht-button-link--primary-action" href="/innovaties/${i.id}/bewerken">Bewerken</a>` : nothing}
    ${del ? html`<button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => remove(i)}>Verwijderen</button>` : nothing}
  </div>`;
}

export async function detailPage(params: Record<string, string>, _query?: URLSearchParams, notice = ''): Promise<void> {
  const [r, sim] = await Promise.all([
    apiGet<Innovatie>(`/innovaties/${encodeURIComponent(params.id)}`),
    apiGet<{ _embedded: { innovaties: Treffer[] } }>(`/innovaties/${encodeURIComponent(params.id)}/vergelijkbaar?aantal=5`),
  ]);
  if (!r.ok) return problemPage('Innovatie', r.problem);
  const i = r.body;
  const similar = sim.ok ? sim.body._embedded.innovaties : [];
  const [reuse, value, orgs, check, history, network] = await Promise.all([
    loadReuse(i),
    loadValue(i.id),
    i.partners.length ? loadOrganisations() : Promise.resolve([]),
    loadRegisterCheck(i.id),
    loadHistory(i.id),
    loadNetwork(`/innovaties/${i.id}/netwerk`),
  ]);
  const names = new Map(orgs.map((o) => [o.code, o.naam]));
  reuse.notice = notice;
  const refresh = (message: string) => void detailPage(params, _query, message).then(() => document.getElementById('hergebruik-melding')?.focus());
  const draw = () => renderPage(
    i.titel,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties">Alle innovaties</a></p>
      <h1 class="utrecht-heading-1">${i.titel}</h1>
      <p class="utrecht-paragraph koers-lead-meta">
        <a class="utrecht-link" href="/organisaties/${i.organisatie}">${i.organisatieNaam ?? i.organisatie}</a>
        ${i.domein ? html` · ${label('domein', i.domein)}` : nothing}
      </p>
      ${phaseBadges(i.fase, i.status)}
      ${actions(i)}
      <ul class="utrecht-unordered-list koers-links">
        <li><a class="utrecht-link" href="/innovaties/${i.id}/sturing">Sturing: fasen, pitch, risico’s, businesscase en besluiten</a></li>
        <li><a class="utrecht-link" href="/innovaties/${i.id}/diagnose">Diagnose en advies: succesfactoren, teamcheck en handelingsopties</a></li>
        <li><a class="utrecht-link" href="/innovaties/${i.id}/leren">Leren: lessen, logboek en terugblikken</a></li>
        <li><a class="utrecht-link" href="/innovaties/${i.id}/indicatoren">Indicatoren en waarde: wat de innovatie kost en oplevert, gemeten over tijd</a></li>
      </ul>
      ${text('Samenvatting', i.samenvatting)}
      ${text('Opgave', i.opgave)}
      ${text('Doel', i.doel)}
      ${valueSection(i, value)}
      <section class="koers-section">
        <h2 class="utrecht-heading-2">Kenmerken</h2>
        <dl class="utrecht-data-list koers-data-list">
          ${row('Organisatie', i.organisatieNaam ?? i.organisatie)}
          ${row('Partners', list(i.partners.map((c) => names.get(c) ?? c)))}
          ${row('Mogen meebewerken', list(i.partnersMetBewerkrecht.map((c) => names.get(c) ?? c)))}
          ${row('Urgentie', label('urgentie', i.urgentie))}
          ${row('Type innovatie', label('innovatieType', i.innovatieType))}
          ${row('Niveau', label('innovatieNiveau', i.innovatieNiveau))}
          ${row('Technology readiness level', i.trl ? `TRL ${i.trl}` : null)}
          ${row('Analyseniveau', label('analyseNiveau', i.analyseNiveau))}
          ${row('Gericht op', label('orientatie', i.orientatie))}
          ${row('Startdatum', formatDate(i.startDatum))}
          ${row('Kosten (uit eigen zak)', i.kostenExtern !== null ? formatEuro(i.kostenExtern) : null)}
          ${row('Interne uren', i.interneUren !== null ? formatNumber(i.interneUren) : null)}
          ${row('Inkooproute', label('inkoopRoute', i.inkoopRoute))}
          ${row('Technieken', list(i.technieken))}
          ${row('Databronnen', list(i.databronnen))}
          ${row('Trefwoorden', list(i.tags))}
          ${row('Opgeschaald naar', list(i.opgeschaaldNaar))}
          ${row('Zichtbaarheid', label('zichtbaarheid', i.zichtbaarheid))}
        </dl>
      </section>
      ${i.team.length
        ? html`<section class="koers-section">
            <h2 class="utrecht-heading-2">Team</h2>
            <div class="utrecht-table-container">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption koers-visually-hidden">Teamleden met rol en archetypen</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">Naam</th>
                  <th class="utrecht-table__header-cell" scope="col">Rol</th>
                  <th class="utrecht-table__header-cell" scope="col">Archetypen</th>
                </tr></thead>
                <tbody class="utrecht-table__body">
                  ${i.team.map((m) => html`<tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">${m.naam}</td>
                    <td class="utrecht-table__cell">${label('rol', m.rol)}</td>
                    <td class="utrecht-table__cell">${list(m.archetypen, 'archetype') ?? '–'}</td>
                  </tr>`)}
                </tbody>
              </table>
            </div>
          </section>`
        : nothing}
      <section class="koers-section">
        <h2 class="utrecht-heading-2">Fasen</h2>
        <ol class="koers-timeline">
          ${i.faseHistorie.map(
            (h) => html`<li class="koers-timeline__item">
              <span class="koers-timeline__date">${formatDate(h.op)}</span>
              <span>${label('fase', h.fase)}, ${label('status', h.status).toLowerCase()}</span>
              ${h.reden || h.door ? html`<span class="koers-timeline__note">${[h.reden, h.door ? `door ${h.door}` : ''].filter(Boolean).join(', ')}</span>` : nothing}
            </li>`,
          )}
        </ol>
      </section>
      ${i.bron
        ? html`<section class="koers-section">
            <h2 class="utrecht-heading-2">Bron</h2>
            <p class="utrecht-paragraph">
              Overgenomen uit het ${i.bron.register === 'algoritmeregister' ? 'Algoritmeregister' : i.bron.register} (nummer ${i.bron.id}${i.bron.registratieDatum ? html`, geregistreerd op ${formatDate(i.bron.registratieDatum)}` : nothing}).
              ${i.bron.url ? html`<a class="utrecht-link" href=${i.bron.url} rel="noopener">Bekijk de registratie in het Algoritmeregister</a>` : nothing}
            </p>
          </section>`
        : nothing}
      ${registerSection(i.id, check, canEditInnovation(i), i.publicatie)}
      ${networkSection(network, false)}
      ${reuseSections(i, reuse, refresh, draw)}
      ${similar.length
        ? html`<section class="koers-section" aria-labelledby="lijkt-kop">
            <h2 class="utrecht-heading-2" id="lijkt-kop">Vergelijkbare innovaties</h2>
            <ul class="koers-cards">${similar.map((x) => resultCard(x, 3))}</ul>
          </section>`
        : nothing}
      ${historySection(history)}
      ${currency(i, () => detailPage(params, _query))}
    `,
  );
  draw();
}
