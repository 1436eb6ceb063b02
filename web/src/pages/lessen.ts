// The lessons of all organisations (or of one): searchable with the
// zoekhulp's Dutch analysis, filtered by cluster, phase, how it was learned,
// kind and success factor, with the 70/20/10 picture of how people learned
// and, below, what the portfolio says about success factors.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, type Organisatie } from '../lib/api';
import { formatNumber } from '../lib/format';
import { entries } from '../lib/vocab';
import { navigate } from '../lib/router';
import { lessonCard, loadLearningKnowledge, type KennisItem, type Les } from '../lib/learning';
import { EXPORT_FORMATS } from '../lib/indicators';
import { renderPage } from '../components/page-shell/page-shell';
import { pagination } from '../components/pagination/pagination';
import { selectField } from '../components/form-field/form-field';
import { downloadLinks } from '../components/koers-chart/koers-chart';
import { orgNav } from './funnel';
import { portfolioPatterns } from './diagnose';
import { problemPage } from './problem';

interface LessenPagina {
  _embedded: { lessen: Les[] };
  totaal: number;
  pagina: number;
  paginaGrootte: number;
  hoeGeleerd: { tijdensWerk: number; vanAnderen: number; formeel: number };
}

const FILTERS = ['cluster', 'fase', 'hoe', 'soort', 'succesfactor'] as const;

// How people learned against the 70/20/10 rule of thumb: mostly while
// working, some from others, a little in courses.
function howLearned(h: LessenPagina['hoeGeleerd']): TemplateResult {
  const total = h.tijdensWerk + h.vanAnderen + h.formeel;
  const rows: [string, number, number][] = [
    ['Tijdens het werk', h.tijdensWerk, 70],
    ['Van anderen', h.vanAnderen, 20],
    ['Formeel (cursus, opleiding)', h.formeel, 10],
  ];
  const share = (n: number) => (total ? Math.round((n / total) * 100) : 0);
  return html`<section class="koers-section" aria-labelledby="hoe-kop">
    <h2 class="utrecht-heading-2" id="hoe-kop">Hoe er geleerd is</h2>
    <p class="utrecht-paragraph">Mensen leren het meest tijdens het werk, een deel van anderen en weinig in cursussen; de vuistregel is 70/20/10.
      Zo verdelen de lessen hieronder zich${total ? '' : ' (nog geen lessen)'}.</p>
    <table class="utrecht-table koers-table koers-how">
      <caption class="utrecht-table__caption koers-visually-hidden">Hoe er geleerd is, tegen de vuistregel 70/20/10</caption>
      <thead class="utrecht-table__header"><tr class="utrecht-table__row">
        <th class="utrecht-table__header-cell" scope="col">Hoe</th>
        <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">Lessen</th>
        <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">Aandeel</th>
        <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">Vuistregel</th>
      </tr></thead>
      <tbody class="utrecht-table__body">
        ${rows.map(([l, n, rule]) => html`<tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="row">${l}</th>
          <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(n)}</td>
          <td class="utrecht-table__cell utrecht-table__cell--numeric"><span class="koers-how__bar" data-tiental=${Math.round(share(n) / 10)} aria-hidden="true"></span>${share(n)}%</td>
          <td class="utrecht-table__cell utrecht-table__cell--numeric">${rule}%</td>
        </tr>`)}
      </tbody>
    </table>
  </section>`;
}

function filterForm(base: string, query: URLSearchParams, clusters: KennisItem[], factors: KennisItem[]): TemplateResult {
  const opts = (items: KennisItem[]) => items.map((c) => ({ waarde: c.id, label: c.naam }));
  return html`<form class="koers-filters" role="search" aria-label="Lessen zoeken" @submit=${(e: Event) => {
    e.preventDefault();
    const d = new FormData(e.target as HTMLFormElement);
    const q = new URLSearchParams();
    for (const k of ['q', ...FILTERS]) {
      const v = String(d.get(k) ?? '').trim();
      if (v) q.set(k, v);
    }
    navigate(`${base}${q.size ? `?${q}` : ''}`);
  }}>
    <label class="utrecht-form-label" for="lessen-zoekvraag">Zoek in de lessen</label>
    <div class="koers-search-form__row">
      <input class="utrecht-textbox utrecht-textbox--html-input" id="lessen-zoekvraag" name="q" type="search" .value=${query.get('q') ?? ''} autocomplete="off">
      <button class="utrecht-button utrecht-button--primary-action" type="submit">Zoeken</button>
    </div>
    <div class="koers-filters__fields">
      ${selectField({ id: 'cluster', label: 'Onderwerp', value: query.get('cluster') ?? '', options: opts(clusters), emptyLabel: 'Alle onderwerpen' })}
      ${selectField({ id: 'fase', label: 'Fase', value: query.get('fase') ?? '', options: entries('fase'), emptyLabel: 'Alle fasen' })}
      ${selectField({ id: 'hoe', label: 'Hoe geleerd', value: query.get('hoe') ?? '', options: entries('hoeGeleerd'), emptyLabel: 'Alle manieren' })}
      ${selectField({ id: 'soort', label: 'Soort les', value: query.get('soort') ?? '', options: entries('lesSoort'), emptyLabel: 'Alle soorten' })}
      ${selectField({ id: 'succesfactor', label: 'Succesfactor', value: query.get('succesfactor') ?? '', options: opts(factors), emptyLabel: 'Alle succesfactoren' })}
    </div>
  </form>`;
}

export async function lessonsPage(params: Record<string, string>, query: URLSearchParams): Promise<void> {
  const code = params.code ?? '';
  const base = code ? `/organisaties/${encodeURIComponent(code)}/lessen` : '/lessen';
  const q = new URLSearchParams();
  for (const k of ['q', 'pagina', ...FILTERS]) if (query.get(k)) q.set(k, query.get(k)!);
  if (code) q.set('organisatie', code);
  q.set('vorm', 'les');
  const [r, o, k, patterns] = await Promise.all([
    apiGet<LessenPagina>(`/lessen?${q}`),
    code ? apiGet<Organisatie>(`/organisaties/${encodeURIComponent(code)}`) : Promise.resolve(null),
    loadLearningKnowledge(),
    portfolioPatterns(code),
  ]);
  if (!r.ok) return problemPage('Lessen', r.problem);
  if (o && !o.ok) return problemPage('Lessen', o.problem);
  const naam = o?.ok ? o.body.naam : '';
  const page = r.body;
  const text = query.get('q') ?? '';
  const exportQuery = new URLSearchParams(q);
  exportQuery.delete('pagina');
  renderPage(
    naam ? `Lessen van ${naam}` : 'Lessen',
    html`
      ${code ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/organisaties/${code}">${naam}</a></p>` : nothing}
      <h1 class="utrecht-heading-1">${naam ? `Lessen: ${naam}` : 'Lessen van alle organisaties'}</h1>
      ${code ? orgNav(code, 'lessen') : nothing}
      <p class="utrecht-paragraph">Wat teams leerden tijdens hun innovaties: wat goed ging, wat de volgende keer anders moet en welke fout u niet hoeft te herhalen.
        U ziet de lessen die u mag lezen; een les kan openbaar zijn terwijl de innovatie zelf intern blijft.</p>
      ${filterForm(base, query, k.lesclusters, k.succesfactoren)}
      <p class="utrecht-paragraph" role="status">${formatNumber(page.totaal)} ${page.totaal === 1 ? 'les' : 'lessen'}${text ? ` voor “${text}”` : ''}.</p>
      ${page._embedded.lessen.length
        ? html`<ul class="koers-cards" aria-label="Lessen">${page._embedded.lessen.map((l) => lessonCard(l, k.lesclusters, { heading: 2 }))}</ul>`
        : html`<p class="utrecht-paragraph">Geen lessen gevonden. Probeer andere woorden of minder filters.</p>`}
      ${pagination(page.pagina, page.totaal, page.paginaGrootte, (p) => {
        const h = new URLSearchParams(query);
        h.set('pagina', String(p));
        return `${base}?${h}`;
      })}
      ${downloadLinks(EXPORT_FORMATS.map((f) => {
        const e = new URLSearchParams(exportQuery);
        e.set('formaat', f.formaat);
        return { href: `/api/v1/lessen/_export?${e}`, label: f.label };
      }), 'Deze lessen downloaden')}
      ${howLearned(page.hoeGeleerd)}
      ${patterns}
    `,
  );
}
