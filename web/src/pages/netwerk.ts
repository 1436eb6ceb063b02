// Networks: who develops an innovation together (the inner circle), who
// watches it to be ready to adopt (the outer circle, "meekijkers"), and who
// takes it over; on an innovation, on a cluster, and per organisation on
// its own page. The server computes them only from what the viewer may read.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet } from '../lib/api';
import { formatDate } from '../lib/format';
import { label } from '../lib/vocab';
import { renderPage } from '../components/page-shell/page-shell';
import { problemPage } from './problem';
import { orgNav } from './funnel';

interface Band {
  innovatie: number;
  titel: string;
  relatie: string;
  bewerkrecht?: boolean;
  sinds?: string;
  adoptie?: number;
}
interface Partij {
  organisatie: string;
  organisatieNaam: string;
  banden: Band[];
}
export interface Netwerk {
  binnenkring: Partij[];
  buitenkring: Partij[];
  overnemers: Partij[];
}
interface OrganisatieNetwerk {
  organisatie: string;
  organisatieNaam: string;
  ontwikkeltSamenMet: Partij[];
  neemtOverVan: Partij[];
  wordtOvergenomenDoor: Partij[];
}

// The network at `path` (/innovaties/{id}/netwerk, /clusters/{id}/netwerk); null when it cannot be read.
export async function loadNetwork(path: string): Promise<Netwerk | null> {
  const r = await apiGet<Netwerk>(path);
  return r.ok ? r.body : null;
}

// How one tie reads in a sentence: "eigenaar", "partner, mag bewerken", "kijkt mee sinds 3 maart 2026".
function relation(b: Band): string {
  if (b.relatie === 'eigenaar') return 'eigenaar';
  if (b.relatie === 'partner') return b.bewerkrecht ? 'partner, mag meebewerken' : 'partner';
  const status = b.relatie === 'buitenkring' ? 'kijkt mee' : label('adoptieStatus', b.relatie).toLowerCase();
  return b.sinds ? `${status} sinds ${formatDate(b.sinds)}` : status;
}

// One party; with `showTies` the innovations it is tied to, linked.
function party(p: Partij, showTies: boolean): TemplateResult {
  const name = html`<a class="utrecht-link" href="/organisaties/${p.organisatie}/netwerk">${p.organisatieNaam}</a>`;
  if (!showTies) return html`<li>${name} <span class="koers-muted">(${relation(p.banden[0])})</span></li>`;
  return html`<li>${name}
    <ul class="utrecht-unordered-list">
      ${p.banden.map((b) => html`<li><a class="utrecht-link" href="/innovaties/${b.innovatie}">${b.titel}</a> <span class="koers-muted">(${relation(b)})</span></li>`)}
    </ul>
  </li>`;
}

// One circle: a heading (h3 inside the Netwerk section, h2 on the network page), what it means, its parties.
function circle(id: string, title: string, explanation: string, parties: Partij[], showTies: boolean, empty: string, level: 2 | 3 = 3): TemplateResult {
  const heading = level === 2
    ? html`<h2 class="utrecht-heading-2" id=${id}>${title}</h2>`
    : html`<h3 class="utrecht-heading-3" id=${id}>${title}</h3>`;
  return html`<div class="koers-network-circle">
    ${heading}
    <p class="utrecht-paragraph koers-muted">${explanation}</p>
    ${parties.length
      ? html`<ul class="utrecht-unordered-list" aria-labelledby=${id}>${parties.map((p) => party(p, showTies))}</ul>`
      : html`<p class="utrecht-paragraph">${empty}</p>`}
  </div>`;
}

// The circles of an innovation (showTies false: one tie per party) or of a cluster's members.
export function networkSection(net: Netwerk | null, showTies: boolean): TemplateResult | typeof nothing {
  if (!net) return nothing;
  return html`<section class="koers-section" aria-labelledby="netwerk-kop">
    <h2 class="utrecht-heading-2" id="netwerk-kop">Netwerk</h2>
    ${circle('binnenkring-kop', 'Ontwikkelen samen (binnenkring)', 'De eigenaar en de partners die de oplossing samen ontwikkelen; de eigenaar spreekt af wie mag meebewerken.', net.binnenkring, showTies, 'Geen partners.')}
    ${circle('buitenkring-kop', 'Kijken mee (buitenkring)', 'Organisaties die de ontwikkeling volgen om klaar te zijn om de oplossing over te nemen.', net.buitenkring, showTies, 'Nog geen organisatie kijkt mee.')}
    ${circle('overnemers-kop', 'Nemen over', 'Organisaties die de oplossing overnemen, gebruiken of ermee gestopt zijn.', net.overnemers, showTies, 'Nog geen organisatie neemt de oplossing over.')}
  </section>`;
}

export async function networkPage(params: Record<string, string>): Promise<void> {
  const code = params.code;
  const r = await apiGet<OrganisatieNetwerk>(`/organisaties/${encodeURIComponent(code)}/netwerk`);
  if (!r.ok) return problemPage('Netwerk', r.problem);
  const n = r.body;
  renderPage(
    `Netwerk van ${n.organisatieNaam}`,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/organisaties">Alle organisaties</a></p>
      <h1 class="utrecht-heading-1">Netwerk van ${n.organisatieNaam}</h1>
      ${orgNav(n.organisatie, 'netwerk')}
      <p class="utrecht-paragraph">Met wie ${n.organisatieNaam} innovaties ontwikkelt, van wie zij oplossingen overneemt of volgt, en wie dat van haar doet. U ziet alleen wat u mag lezen.</p>
      ${circle('samen-kop', 'Ontwikkelt samen met', 'Partners in haar innovaties, en eigenaren van innovaties waarin zij partner is.', n.ontwikkeltSamenMet, true, 'Geen samenwerking vastgelegd.', 2)}
      ${circle('van-kop', 'Neemt over van of kijkt mee bij', 'Eigenaren van oplossingen die zij overneemt, gebruikt of volgt.', n.neemtOverVan, true, 'Zij neemt (nog) geen oplossingen van anderen over.', 2)}
      ${circle('door-kop', 'Wordt overgenomen door', 'Organisaties die haar oplossingen overnemen, gebruiken of volgen.', n.wordtOvergenomenDoor, true, 'Nog geen andere organisatie neemt haar oplossingen over.', 2)}
    `,
  );
}
