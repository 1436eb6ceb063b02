// The zoekhulp's results: ranked innovations across all organisations, with
// the matched words marked, why each matched, and facets with counts.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, type InnovatieSamenvatting, type Page } from '../lib/api';
import { formatNumber } from '../lib/format';
import { entries, label } from '../lib/vocab';
import { navigate } from '../lib/router';
import { renderPage } from '../components/page-shell/page-shell';
import { pagination } from '../components/pagination/pagination';
import { phaseBadges } from '../components/status-badge/status-badge';
import { lessonCard, loadLearningKnowledge, type KennisItem, type Les } from '../lib/learning';
import { problemPage } from './problem';

// The product (adoption cluster) a result stands for: other organisations'
// records of the same solution, folded into this entry.
interface Product {
  id: string;
  naam: string;
  treffers: number;
  aantalInnovaties: number;
  aantalOrganisaties: number;
  anderen: { id: number; titel: string; organisatie: string; organisatieNaam: string }[];
}
export interface Treffer extends InnovatieSamenvatting {
  fragment: { tekst: string; treffer: boolean }[];
  waarom: string[];
  product?: Product | null;
}

function productPart(r: Treffer): TemplateResult | typeof nothing {
  const p = r.product;
  if (!p || p.anderen.length === 0) return nothing;
  const others = p.aantalOrganisaties - 1;
  return html`<div class="koers-product">
    <p class="utrecht-paragraph">Dezelfde oplossing is ook in gebruik bij ${formatNumber(others)}
      ${others === 1 ? 'andere organisatie' : 'andere organisaties'}
      (<a class="utrecht-link" href="/clusters/${p.id}">${p.naam}</a>).</p>
    <details class="koers-details">
      <summary>Toon ${p.anderen.length === 1 ? 'de andere registratie' : p.anderen.length < p.aantalInnovaties - 1 ? `${formatNumber(p.anderen.length)} andere registraties` : `alle ${formatNumber(p.anderen.length)} andere registraties`}<span class="koers-visually-hidden"> van ${r.titel}</span></summary>
      <ul class="koers-product__list">
        ${p.anderen.map((m) => html`<li><a class="utrecht-link" href="/innovaties/${m.id}">${m.titel}</a>
          <span class="koers-muted">· ${m.organisatieNaam || m.organisatie}</span></li>`)}
      </ul>
      ${p.anderen.length < p.aantalInnovaties - 1
        ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/clusters/${p.id}">Alle ${formatNumber(p.aantalInnovaties)} registraties van ${p.naam}</a></p>`
        : nothing}
    </details>
  </div>`;
}
interface Facetwaarde {
  waarde: string;
  label: string;
  aantal: number;
}
interface Zoekpagina extends Page<Treffer> {
  correcties: string[];
  facetten: Record<string, Facetwaarde[]>;
}

const FACETS: [string, string][] = [
  ['domein', 'Domein'],
  ['fase', 'Fase'],
  ['status', 'Status'],
  ['organisatieSoort', 'Soort organisatie'],
  ['provincie', 'Provincie'],
  ['techniek', 'Techniek'],
];

export function fragment(parts: { tekst: string; treffer: boolean }[]): TemplateResult {
  return html`${parts.map((p) => (p.treffer ? html`<mark class="koers-mark">${p.tekst}</mark>` : p.tekst))}`;
}

export function resultCard(r: Treffer, headingLevel: 2 | 3 = 2): TemplateResult {
  const link = html`<a class="utrecht-link" href="/innovaties/${r.id}">${r.titel}</a>`;
  return html`<li class="koers-card">
    ${headingLevel === 2 ? html`<h2 class="utrecht-heading-3 koers-card__title">${link}</h2>` : html`<h3 class="utrecht-heading-4 koers-card__title">${link}</h3>`}
    <p class="utrecht-paragraph koers-card__meta">
      ${r.organisatieNaam ?? r.organisatie}${r.domein ? html` · ${label('domein', r.domein)}` : nothing}
      ${r.bron ? html` · Algoritmeregister nummer ${r.bron.id}` : nothing}
    </p>
    ${phaseBadges(r.fase, r.status)}
    ${r.fragment.length ? html`<p class="utrecht-paragraph koers-card__text">${fragment(r.fragment)}</p>` : nothing}
    ${r.waarom.length ? html`<p class="utrecht-paragraph koers-muted koers-why">Waarom: ${r.waarom.join('; ')}.</p>` : nothing}
    ${productPart(r)}
  </li>`;
}

function facetList(name: string, title: string, values: Facetwaarde[], query: URLSearchParams): TemplateResult | typeof nothing {
  if (!values.length) return nothing;
  const active = query.get(name);
  const href = (v: string | null) => {
    const q = new URLSearchParams(query);
    q.delete('pagina');
    if (v === null) q.delete(name);
    else q.set(name, v);
    return `/zoeken?${q}`;
  };
  return html`<section class="koers-facet" aria-labelledby="facet-${name}">
    <h2 class="utrecht-heading-4" id="facet-${name}">${title}</h2>
    <ul class="koers-facet__list">
      ${active ? html`<li><a class="utrecht-link" href=${href(null)}>Alle ${title.toLowerCase()} tonen</a></li>` : nothing}
      ${values.map((v) => html`<li>
        <a class="utrecht-link" href=${href(v.waarde)} aria-current=${active === v.waarde ? 'true' : 'false'}>
          ${name === 'fase' || name === 'status' || name === 'domein' || name === 'organisatieSoort' ? v.label : v.waarde}</a>
        <span class="koers-muted">(${formatNumber(v.aantal)})</span>
      </li>`)}
    </ul>
  </section>`;
}

// When nothing was found: what was searched for, shorter questions that
// may find something, browsing by domain, and recording the need itself.
function emptyHelp(text: string, q: URLSearchParams, corrections: string[]): TemplateResult {
  const words = text.split(/\s+/).filter((w) => w.length > 2);
  const filtered = FACETS.some(([name]) => q.get(name));
  const link = (query: string) => `/zoeken?q=${encodeURIComponent(query)}`;
  return html`<section class="koers-section koers-empty" aria-labelledby="niets-kop">
    <h2 class="utrecht-heading-3" id="niets-kop">Niets gevonden${text ? html` voor “${text}”` : nothing}</h2>
    ${corrections.length ? html`<p class="utrecht-paragraph">Gezocht als: ${corrections.join(', ')}.</p>` : nothing}
    ${filtered ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href=${link(text)}>Zoek zonder filters</a></p>` : nothing}
    ${words.length > 1
      ? html`<p class="utrecht-paragraph">Zoek op één woord:</p>
          <ul class="utrecht-unordered-list">${words.map((w) => html`<li><a class="utrecht-link" href=${link(w)}>${w}</a></li>`)}</ul>`
      : nothing}
    <p class="utrecht-paragraph">Of blader per domein:</p>
    <ul class="utrecht-unordered-list">${entries('domein').map((d) => html`<li><a class="utrecht-link" href="/innovaties?domein=${d.waarde}">${d.label}</a></li>`)}</ul>
    <p class="utrecht-paragraph">Bestaat er nog niets voor uw vraag? Leg de behoefte vast als idee, dan kunnen anderen het vinden en meedenken.
      <a class="utrecht-link" href="/innovaties/nieuw?opgave=${encodeURIComponent(text)}">Behoefte vastleggen als idee</a></p>
  </section>`;
}

// What other teams learned about the same question: the first lessons the
// same Dutch analysis finds, with a way to all of them.
function lessonsFound(text: string, found: { totaal: number; _embedded: { lessen: Les[] } } | null, clusters: KennisItem[]): TemplateResult | typeof nothing {
  if (!text || !found || found.totaal === 0) return nothing;
  return html`<section class="koers-section" aria-labelledby="lessen-treffers">
    <h2 class="utrecht-heading-3" id="lessen-treffers">Lessen over “${text}”</h2>
    <ul class="koers-cards" aria-labelledby="lessen-treffers">${found._embedded.lessen.map((l) => lessonCard(l, clusters))}</ul>
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/lessen?q=${encodeURIComponent(text)}">${found.totaal === 1 ? 'Bekijk deze les bij de lessen' : `Alle ${formatNumber(found.totaal)} lessen over “${text}”`}</a></p>
  </section>`;
}

export async function searchPage(_: Record<string, string>, query: URLSearchParams): Promise<void> {
  const q = new URLSearchParams();
  for (const k of ['q', 'pagina', ...FACETS.map((f) => f[0])]) if (query.get(k)) q.set(k, query.get(k)!);
  const text0 = query.get('q') ?? '';
  const [r, lessons, k] = await Promise.all([
    apiGet<Zoekpagina>(`/innovaties/_zoek?${q}`),
    text0 && !query.get('pagina')
      ? apiGet<{ totaal: number; _embedded: { lessen: Les[] } }>(`/lessen?vorm=les&paginaGrootte=3&q=${encodeURIComponent(text0)}`)
      : Promise.resolve(null),
    loadLearningKnowledge(),
  ]);
  if (!r.ok) return problemPage('Zoeken', r.problem);
  const page = r.body;
  const text = query.get('q') ?? '';
  const active = FACETS.filter(([name]) => q.has(name)).length;
  // On small screens the filters fold away behind a button (on wide screens
  // they always show); every new search starts with them folded.
  document.querySelector('.koers-facets-button')?.setAttribute('aria-expanded', 'false');
  renderPage(
    text ? `Zoeken naar ${text}` : 'Zoeken',
    html`
      <h1 class="utrecht-heading-1">Zoeken in alle innovaties</h1>
      <form class="koers-search-form" role="search" aria-label="Zoek opnieuw" @submit=${(e: Event) => {
        e.preventDefault();
        const v = String(new FormData(e.target as HTMLFormElement).get('q') ?? '').trim();
        navigate(`/zoeken?q=${encodeURIComponent(v)}`);
      }}>
        <label class="utrecht-form-label" for="zoekvraag">Beschrijf uw vraag of probleem</label>
        <div class="koers-search-form__row">
          <input class="utrecht-textbox utrecht-textbox--html-input" id="zoekvraag" name="q" type="search" .value=${text} autocomplete="off">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">Zoeken</button>
        </div>
      </form>
      ${page.correcties.length ? html`<p class="utrecht-paragraph" role="status">Gelezen als: ${page.correcties.join(', ')}.</p>` : nothing}
      <p class="utrecht-paragraph" role="status">${formatNumber(page.totaal)} ${page.totaal === 1 ? 'oplossing gevonden' : 'oplossingen gevonden'}${text ? html` voor “${text}”` : nothing}.
        <span class="koers-muted">Registraties van dezelfde oplossing bij verschillende organisaties staan samen onder één resultaat.</span></p>
      <button class="utrecht-button utrecht-button--secondary-action koers-facets-button" type="button" aria-expanded="false" aria-controls="verfijnen"
        @click=${(e: Event) => {
          const b = e.currentTarget as HTMLButtonElement;
          b.setAttribute('aria-expanded', String(b.getAttribute('aria-expanded') !== 'true'));
        }}>Filters${active ? ` (${active} gekozen)` : ''}</button>
      <div class="koers-search">
        <aside class="koers-search__facets" id="verfijnen" aria-label="Verfijnen">
          ${FACETS.map(([name, title]) => facetList(name, title, page.facetten[name] ?? [], q))}
        </aside>
        <div class="koers-search__results">
          <ul class="koers-cards" aria-label="Zoekresultaten">${page._embedded.resultaten.map((x) => resultCard(x))}</ul>
          ${page._embedded.resultaten.length === 0 ? emptyHelp(text, q, page.correcties) : nothing}
          ${pagination(page.pagina, page.totaal, page.paginaGrootte, (p) => {
            const h = new URLSearchParams(q);
            h.set('pagina', String(p));
            return `/zoeken?${h}`;
          })}
          ${lessonsFound(text, lessons?.ok ? lessons.body : null, k.lesclusters)}
        </div>
      </div>
    `,
  );
}
