// Two sections of the innovation page: what the Algoritmeregister would
// still need (with the registration to download), and the version history:
// who changed what when, with the old and new values.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet } from '../lib/api';
import { formatDate } from '../lib/format';
import { publicationSections } from './publicatie';

interface Bevinding { soort: 'ontbreekt' | 'aangenomen' | 'ingekort'; veld: string; naam: string; melding: string }
export interface RegisterControle { isAlgoritme: boolean; compleet: boolean; samenvatting: string; bevindingen: Bevinding[] }
type Change = { oud?: unknown; nieuw?: unknown };
interface Versie { versie: number; op: string; door: string; actie: string; wijzigingen: Record<string, Change> }
export interface History { versies: Versie[]; totaal: number }

export async function loadRegisterCheck(id: number): Promise<RegisterControle | null> {
  const r = await apiGet<RegisterControle>(`/innovaties/${id}/algoritmeregister/controle`);
  return r.ok ? r.body : null;
}

export async function loadHistory(id: number): Promise<History | null> {
  const r = await apiGet<{ totaal: number; _embedded: { versies: Versie[] } }>(`/innovaties/${id}/versies?paginaGrootte=10`);
  return r.ok ? { versies: r.body._embedded.versies, totaal: r.body.totaal } : null;
}

// `editable`: the viewer may fill in the publication details.
export function registerSection(id: number, check: RegisterControle | null, editable: boolean, publicatie: Record<string, unknown> | null): TemplateResult | typeof nothing {
  if (!check || (!check.isAlgoritme && !editable)) return nothing;
  const fill = html`<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--secondary-action" href="/innovaties/${id}/publicatie">Publicatiegegevens invullen</a></p>`;
  if (!check.isAlgoritme) {
    return html`<section class="koers-section" aria-labelledby="register-kop">
      <h2 class="utrecht-heading-2" id="register-kop">Algoritmeregister</h2>
      <p class="utrecht-paragraph">Gebruikt deze innovatie een algoritme dat inwoners raakt? Vul dan de gegevens in die het Algoritmeregister vraagt; Koers maakt er de registratie van.</p>
      ${fill}
    </section>`;
  }
  return html`<section class="koers-section" aria-labelledby="register-kop">
    <h2 class="utrecht-heading-2" id="register-kop">Algoritmeregister</h2>
    ${publicationSections(publicatie)}
    <p class="utrecht-paragraph">${check.samenvatting}</p>
    ${check.bevindingen.length
      ? html`<ul class="utrecht-unordered-list">${check.bevindingen.map((b) => html`<li>${b.melding}</li>`)}</ul>`
      : nothing}
    ${editable ? fill : nothing}
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/api/v1/innovaties/${id}/algoritmeregister" download="algoritme-${id}.json">Download de registratie (JSON, publicatiestandaard 1.0)</a>
    </p>
  </section>`;
}

const LABELS: Record<string, string> = {
  titel: 'Titel', samenvatting: 'Samenvatting', opgave: 'Opgave', doel: 'Doel', organisatie: 'Organisatie',
  partners: 'Partners', domein: 'Domein', tags: 'Trefwoorden', fase: 'Fase', status: 'Status',
  startDatum: 'Startdatum', kostenExtern: 'Kosten', interneUren: 'Interne uren', technieken: 'Technieken',
  databronnen: 'Databronnen', team: 'Team', zichtbaarheid: 'Zichtbaarheid', publicatie: 'Algoritmeregister',
};

function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' && x ? (x as { naam?: string }).naam ?? JSON.stringify(x) : String(x))).join(', ') : '–';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

// One row per changed field; an object (the publication) one row per changed part.
function rows(changes: Record<string, Change>): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [field, c] of Object.entries(changes)) {
    const name = LABELS[field] ?? field;
    const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObject(c.oud) || isObject(c.nieuw)) {
      const oud = (isObject(c.oud) ? c.oud : {}) as Record<string, unknown>;
      const nieuw = (isObject(c.nieuw) ? c.nieuw : {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(oud), ...Object.keys(nieuw)]))
        if (JSON.stringify(oud[key] ?? null) !== JSON.stringify(nieuw[key] ?? null)) out.push([`${name}: ${key}`, shown(oud[key]), shown(nieuw[key])]);
    } else {
      out.push([name, shown(c.oud), shown(c.nieuw)]);
    }
  }
  return out;
}

export function historySection(history: History | null): TemplateResult | typeof nothing {
  if (!history || history.versies.length === 0) return nothing;
  return html`<section class="koers-section" aria-labelledby="versies-kop">
    <h2 class="utrecht-heading-2" id="versies-kop">Versies</h2>
    <p class="utrecht-paragraph">${history.totaal === 1 ? '1 versie' : `${history.totaal} versies`}${history.totaal > history.versies.length ? `; de laatste ${history.versies.length} staan hieronder` : ''}.</p>
    ${history.versies.map((v) => html`<details class="koers-details">
      <summary>Versie ${v.versie}: ${v.actie} op ${formatDate(v.op)} door ${v.door}</summary>
      <div class="utrecht-table-container">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption koers-visually-hidden">Wijzigingen in versie ${v.versie}</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">Veld</th>
            <th class="utrecht-table__header-cell" scope="col">Oud</th>
            <th class="utrecht-table__header-cell" scope="col">Nieuw</th>
          </tr></thead>
          <tbody class="utrecht-table__body">
            ${rows(v.wijzigingen).map(([f, o, n]) => html`<tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">${f}</th>
              <td class="utrecht-table__cell">${o}</td>
              <td class="utrecht-table__cell">${n}</td>
            </tr>`)}
          </tbody>
        </table>
      </div>
    </details>`)}
  </section>`;
}
