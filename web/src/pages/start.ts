// Start page: what Koers holds, counted per phase and per domain.
import { html } from 'lit';
import { apiGet } from '../lib/api';
import { formatNumber } from '../lib/format';
import { entries } from '../lib/vocab';
import { renderPage } from '../components/page-shell/page-shell';
import { problemPage } from './problem';

interface Count {
  waarde: string | null;
  aantal: number;
}
interface Stats {
  totaal: number;
  perFase: Count[];
  perStatus: Count[];
  perDomein: Count[];
}

function countTable(caption: string, column: string, list: string, counts: Count[]) {
  const byValue = new Map(counts.map((c) => [c.waarde ?? '', c.aantal]));
  const rows = entries(list).map((e) => ({ value: e.waarde, label: e.label, count: byValue.get(e.waarde) ?? 0 }));
  const unknown = byValue.get('') ?? 0;
  return html`
    <div class="utrecht-table-container koers-count-table">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">${caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">${column}</th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">Aantal</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          ${rows.map(
            (r) => html`<tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/innovaties?${list}=${r.value}">${r.label}</a></th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(r.count)}</td>
            </tr>`,
          )}
          ${unknown
            ? html`<tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">Niet ingevuld</th>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(unknown)}</td>
              </tr>`
            : ''}
        </tbody>
      </table>
    </div>
  `;
}

export async function startPage(): Promise<void> {
  const stats = await apiGet<Stats>('/statistieken');
  if (!stats.ok) return problemPage('Start', stats.problem);
  const s = stats.body;
  renderPage(
    'Start',
    html`
      <h1 class="utrecht-heading-1">Koers</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        Het overzicht van datagedreven innovaties van gemeenten en andere overheden: van idee tot dagelijks gebruik,
        en wat elders al werkt.
      </p>
      <p class="utrecht-paragraph">
        Er staan <strong>${formatNumber(s.totaal)}</strong> innovaties in Koers.
        <a class="utrecht-link" href="/innovaties">Bekijk alle innovaties</a> of
        <a class="utrecht-link" href="/innovaties/nieuw">registreer een nieuwe</a>.
      </p>
      <ul class="utrecht-unordered-list koers-links">
        <li><a class="utrecht-link" href="/zoeken">Zoek een oplossing voor uw vraagstuk</a> in alle registraties, ook die van andere gemeenten.</li>
        <li><a class="utrecht-link" href="/clusters">Wie gebruikt wat</a>: producten en oplossingen die meerdere organisaties al gebruiken.</li>
        <li><a class="utrecht-link" href="/lessen">Lessen uit het portfolio</a>: welke succesfactoren samengaan met het halen van de implementatie.</li>
      </ul>
      <div class="koers-columns">
        ${countTable('Innovaties per fase', 'Fase', 'fase', s.perFase)}
        ${countTable('Innovaties per domein', 'Domein', 'domein', s.perDomein)}
      </div>
    `,
  );
}
