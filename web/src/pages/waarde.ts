// The value summary on an innovation's page: value level now and after
// scaling, kinds of value, estimated and realised benefits and total costs
// from the business case, and the outcome indicators' latest value against
// baseline and target. Whatever the caller may not see or nobody filled in
// is left out.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, type Innovatie } from '../lib/api';
import { formatEuro, formatNumber } from '../lib/format';
import { label } from '../lib/vocab';
import { hasBusinessCase, type Businesscase } from '../lib/steering';
import { latestValue, periodLabel, withUnit, type Indicator, type IndicatorLijst, type Metingen } from '../lib/indicators';
import { dataTable } from '../components/data-table/data-table';

export interface Waarde {
  businesscase: Businesscase | null;
  outcomes: { indicator: Indicator; metingen: Metingen | null }[] | null;
}

export async function loadValue(id: number): Promise<Waarde> {
  const [b, l] = await Promise.all([
    apiGet<Businesscase>(`/innovaties/${id}/businesscase`),
    apiGet<IndicatorLijst>(`/innovaties/${id}/indicatoren`),
  ]);
  const businesscase = b.ok && b.body && hasBusinessCase(b.body) ? b.body : null;
  if (!l.ok || !l.body?._embedded) return { businesscase, outcomes: null };
  const outcome = l.body._embedded.indicatoren.filter((x) => x.soort === 'outcome');
  const answers = await Promise.all(outcome.map((x) => apiGet<Metingen>(`/indicatoren/${x.id}/metingen`)));
  return { businesscase, outcomes: outcome.map((indicator, n) => ({ indicator, metingen: answers[n].ok ? answers[n].body : null })) };
}

function item(term: string, value: TemplateResult | string | null | undefined): TemplateResult | typeof nothing {
  if (value === null || value === undefined || value === '') return nothing;
  return html`<div class="utrecht-data-list__item koers-data-list__item">
    <dt class="utrecht-data-list__item-key">${term}</dt>
    <dd class="utrecht-data-list__item-value">${value}</dd>
  </div>`;
}

function latest(ind: Indicator, m: Metingen | null): string {
  if (!m) return 'niet beschikbaar';
  const v = latestValue(ind, m);
  if (v === 'gebieden') return 'per gebied, zie de indicatoren';
  if (!v) return 'nog geen meting';
  return `${withUnit(v.waarde, ind.eenheid)} (${periodLabel(v.periode)})`;
}

export function valueSection(i: Innovatie, w: Waarde): TemplateResult {
  const b = w.businesscase;
  const t = b?.totalen;
  const kinds = i.waardeSoorten.map((v) => label('waardeSoort', v)).join(', ');
  const estimated = t && b!.baten.length
    ? `${formatEuro(t.batenPerJaar)}${t.besparingPerJaar ? `, plus ${formatEuro(t.besparingPerJaar)} besparing volgens de stoplijst` : ''}`
    : t && t.besparingPerJaar ? `${formatEuro(t.besparingPerJaar)} besparing volgens de stoplijst` : null;
  const realised = t && b!.baten.length ? (t.gerealiseerdPerJaar != null ? formatEuro(t.gerealiseerdPerJaar) : 'nog niet vastgelegd') : null;
  const costs = t && b!.kosten.length
    ? `${formatEuro(t.kostenExtern + t.kostenIntern)} (${formatEuro(t.kostenExtern)} uit eigen zak en ${formatNumber(t.interneUren)} interne uren tegen ${formatEuro(t.uurtarief)} per uur)`
    : null;
  const outcomes = w.outcomes ?? [];
  const anything = i.waardecreatie || i.waardepotentie || kinds || estimated || realised || costs || outcomes.length;
  return html`<section class="koers-section" aria-labelledby="waarde-kop">
    <h2 class="utrecht-heading-2" id="waarde-kop">Waarde</h2>
    ${anything
      ? html`<dl class="utrecht-data-list koers-data-list">
          ${item('Waardecreatie nu', label('waardeNiveau', i.waardecreatie))}
          ${item('Potentie na opschaling', label('waardeNiveau', i.waardepotentie))}
          ${item('Soort waarde', kinds)}
          ${item('Geschatte baten per jaar', estimated)}
          ${item('Gerealiseerde baten per jaar', realised)}
          ${item('Totale kosten', costs)}
        </dl>`
      : html`<p class="utrecht-paragraph">Nog niets vastgelegd over de waarde.</p>`}
    ${outcomes.length
      ? dataTable('Outcome-indicatoren: laatste meting tegen basis- en streefwaarde', ['Indicator', 'Laatste meting', 'Basiswaarde', 'Streefwaarde'],
          outcomes.map(({ indicator: x, metingen }) => [x.naam, latest(x, metingen), withUnit(x.basisWaarde, x.eenheid), withUnit(x.doelWaarde, x.eenheid)]),
          { numeric: [1, 2, 3] })
      : nothing}
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}/indicatoren">Alle indicatoren en metingen</a></p>
  </section>`;
}
