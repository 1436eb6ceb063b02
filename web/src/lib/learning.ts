// Lessons and After Action Reviews as the API gives them, the knowledge
// lists they refer to, and how one lesson is shown wherever it appears (the
// lessons pages, the gate review, the printed report, an innovation's own
// learning page).
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet } from './api';
import { formatDate } from './format';
import { label } from './vocab';

export interface Les {
  id: number;
  vorm: 'les' | 'logboek';
  tekst: string;
  cluster: string | null;
  hoe: string | null;
  fase: string | null;
  soort: string | null;
  succesfactoren: string[];
  tags: string[];
  zichtbaarheid: string;
  datum: string | null;
  terugblikId: number | null;
  auteur: string | null;
  versie: number;
  innovatie: { id: number; titel: string | null; organisatie: string; organisatieNaam: string };
  redenen?: string[];
  fragment?: { tekst: string; treffer: boolean }[];
}

export interface Actie {
  omschrijving: string;
  eigenaar: string;
  deadline: string;
  status: 'open' | 'gedaan';
}

export interface Terugblik {
  id: number;
  soort: 'terugblik' | 'succes';
  status: 'gepland' | 'gehouden';
  datum: string;
  mijlpaal: string | null;
  gepland: string | null;
  gebeurd: string | null;
  verschil: string | null;
  vervolg: string | null;
  acties: Actie[];
  deelnemers: string[];
  auteur: string | null;
  versie: number;
  lessen: Les[];
}

export interface Volgende {
  datum: string | null;
  teLaat: boolean;
  reden: string | null;
  laatste: string | null;
}

export interface Ritme {
  elkeWeken: number | null;
  bijElkePoort: boolean;
  vanaf: string | null;
  versie: number;
  volgende: Volgende;
}

export interface Commentaar {
  id: number;
  uitnodigingId: number;
  tekst: string;
  auteur: string | null;
  aangemaaktOp: string | null;
}

export interface Uitnodiging {
  id: number;
  terugblikId: number | null;
  naam: string;
  bericht: string | null;
  geldigTot: string;
  ingetrokken: boolean;
  open: boolean;
  auteur: string | null;
  innovatie: { id: number; titel: string; organisatie: string; organisatieNaam: string };
  commentaar: Commentaar[];
}

export interface KennisItem {
  id: string;
  naam: string;
  uitleg?: string;
}

// The lesson clusters and success factors of the knowledge files, loaded once.
let knowledge: Promise<{ lesclusters: KennisItem[]; succesfactoren: KennisItem[] }> | null = null;
export function loadLearningKnowledge(): Promise<{ lesclusters: KennisItem[]; succesfactoren: KennisItem[] }> {
  knowledge ??= apiGet<{ lesclusters: KennisItem[]; succesfactoren: KennisItem[] }>('/kennis').then((r) =>
    r.ok ? r.body : { lesclusters: [], succesfactoren: [] },
  );
  return knowledge;
}

// Every lesson of others that the viewer may read and that fits this
// innovation, with why; null when they could not be loaded.
export async function loadLessonsOfOthers(id: number | string, aantal = 5): Promise<Les[] | null> {
  const r = await apiGet<{ _embedded: { lessen: Les[] } }>(`/innovaties/${id}/lessen-van-anderen?aantal=${aantal}`);
  return r.ok ? r.body._embedded.lessen : null;
}

const clusterName = (clusters: KennisItem[], id: string | null) => clusters.find((c) => c.id === id)?.naam ?? '';

function marked(l: Les): TemplateResult | string {
  if (!l.fragment?.length) return l.tekst;
  return html`${l.fragment.map((p) => (p.treffer ? html`<mark class="koers-mark">${p.tekst}</mark>` : p.tekst))}`;
}

// The innovation a lesson comes from: its title only when the viewer may
// see the innovation itself.
function origin(l: Les): TemplateResult {
  const org = l.innovatie.organisatieNaam || l.innovatie.organisatie;
  return l.innovatie.titel
    ? html`<a class="utrecht-link" href="/innovaties/${l.innovatie.id}">${l.innovatie.titel}</a> · ${org}`
    : html`${org} <span class="koers-muted">(de innovatie zelf is niet openbaar)</span>`;
}

export function lessonHeading(l: Les, clusters: KennisItem[]): string {
  if (l.vorm === 'logboek') return 'Notitie in het logboek';
  return [label('lesSoort', l.soort), clusterName(clusters, l.cluster)].filter(Boolean).join(': ') || 'Les';
}

// One lesson as a card: what was learned, where it comes from, in which
// phase and how, and (where Koers chose it) why it is shown.
export function lessonCard(l: Les, clusters: KennisItem[], o: { heading?: 2 | 3; from?: boolean; actions?: TemplateResult } = {}): TemplateResult {
  const h = lessonHeading(l, clusters);
  const meta = [
    l.fase ? `fase ${label('fase', l.fase).toLowerCase()}` : '',
    l.hoe ? label('hoeGeleerd', l.hoe).toLowerCase() : '',
    l.datum ? formatDate(l.datum) : '',
    l.auteur ?? '',
  ].filter(Boolean).join(' · ');
  return html`<li class="koers-card koers-lesson koers-lesson--${l.soort ?? l.vorm}">
    ${o.heading === 2 ? html`<h2 class="utrecht-heading-3 koers-card__title">${h}</h2>` : html`<h3 class="utrecht-heading-4 koers-card__title">${h}</h3>`}
    <p class="utrecht-paragraph koers-card__text">${marked(l)}</p>
    ${o.from !== false ? html`<p class="utrecht-paragraph koers-card__meta">Uit: ${origin(l)}</p>` : nothing}
    ${meta ? html`<p class="utrecht-paragraph koers-muted">${meta}${l.zichtbaarheid !== 'openbaar' ? ` · zichtbaar voor ${label('zichtbaarheid', l.zichtbaarheid).toLowerCase()}` : ''}</p>` : nothing}
    ${l.tags.length ? html`<p class="utrecht-paragraph koers-muted">Trefwoorden: ${l.tags.join(', ')}</p>` : nothing}
    ${l.redenen?.length ? html`<p class="utrecht-paragraph koers-muted koers-why">Waarom deze les: ${l.redenen.join('; ')}.</p>` : nothing}
    ${o.actions ?? nothing}
  </li>`;
}

// The lessons of other innovations that fit this one, for whoever prepares
// a gate review (and on the printed steering report).
export function lessonsOfOthersSection(lessen: Les[] | null, clusters: KennisItem[]): TemplateResult {
  return html`<section class="koers-section koers-lessons-of-others" aria-labelledby="lessen-anderen-kop">
    <h2 class="utrecht-heading-2" id="lessen-anderen-kop">Lessen van anderen</h2>
    ${lessen === null
      ? html`<p class="utrecht-paragraph">De lessen van anderen konden niet worden geladen.</p>`
      : lessen.length
        ? html`<p class="utrecht-paragraph">Wat andere teams leerden bij vergelijkbare innovaties, in dezelfde fase of met dezelfde technieken. U ziet alleen lessen die u mag lezen.</p>
            <ul class="koers-cards" aria-labelledby="lessen-anderen-kop">${lessen.map((l) => lessonCard(l, clusters))}</ul>`
        : html`<p class="utrecht-paragraph">Er zijn nog geen lessen van andere innovaties die hierop lijken. <a class="utrecht-link" href="/lessen">Zoek zelf in alle lessen</a>.</p>`}
  </section>`;
}

// The next review of an innovation in one sentence, dates as people write them.
export function nextReviewText(v: Volgende): string {
  const reden = v.reden?.replace(/\d{4}-\d{2}-\d{2}/g, (d) => formatDate(d));
  if (!v.datum) return v.laatste ? `Laatste terugblik ${formatDate(v.laatste)}; er is geen volgende gepland.` : 'Er is geen terugblik gepland.';
  return v.teLaat
    ? `Terugblik te laat: verwacht op ${formatDate(v.datum)}${reden ? ` (${reden})` : ''}.`
    : `Volgende terugblik ${formatDate(v.datum)}${reden ? ` (${reden})` : ''}.`;
}
