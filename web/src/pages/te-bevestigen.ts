// The public registrations of an organisation whose review date has passed,
// the most overdue first, each with a button to confirm it is still right.
// Only the organisation's own people see this list (the server checks).
import { html, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type InnovatieSamenvatting, type Page } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import { renderPage } from '../components/page-shell/page-shell';
import { pagination } from '../components/pagination/pagination';
import { problemPage } from './problem';
import { orgNav } from './funnel';

type Verlopen = InnovatieSamenvatting & { laatstBevestigdOp: string | null; herzienOp: string | null };

export async function overduePage(params: Record<string, string>, query: URLSearchParams, notice = ''): Promise<void> {
  const code = params.code;
  const pagina = query.get('pagina') ?? '1';
  const r = await apiGet<Page<Verlopen>>(`/organisaties/${encodeURIComponent(code)}/te-bevestigen?pagina=${encodeURIComponent(pagina)}`);
  if (!r.ok) return problemPage('Te bevestigen', r.problem);
  const page = r.body;
  const items = page._embedded.innovaties;
  const confirm = async (i: Verlopen) => {
    const done = await apiRequest<unknown>('POST', `/innovaties/${i.id}/_bevestigen`);
    await overduePage(params, query, done.ok ? `"${i.titel}" is bevestigd.` : done.problem.detail);
    document.getElementById('bevestigen-melding')?.focus();
  };
  const row = (i: Verlopen): TemplateResult => html`<tr class="utrecht-table__row">
    <th class="utrecht-table__cell" scope="row"><a class="utrecht-link" href="/innovaties/${i.id}">${i.titel}</a></th>
    <td class="utrecht-table__cell">${formatDate(i.laatstBevestigdOp) || 'onbekend'}</td>
    <td class="utrecht-table__cell">${formatDate(i.herzienOp)}</td>
    <td class="utrecht-table__cell">
      <button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => confirm(i)}>Klopt nog<span class="koers-visually-hidden">: ${i.titel}</span></button>
    </td>
  </tr>`;
  renderPage(
    'Te bevestigen',
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/organisaties/${code}">Terug naar de organisatie</a></p>
      <h1 class="utrecht-heading-1">Te bevestigen</h1>
      ${orgNav(code, 'te-bevestigen')}
      <p class="utrecht-paragraph">Openbare registraties worden elk jaar gecontroleerd, zodat wie zoekt op actuele informatie bouwt. Deze zijn aan de beurt: kijk ze na en wijzig wat niet meer klopt, of bevestig dat alles nog klopt.</p>
      <p class="utrecht-paragraph" id="bevestigen-melding" role="status" tabindex="-1">${notice}</p>
      ${items.length
        ? html`<p class="utrecht-paragraph">${formatNumber(page.totaal)} ${page.totaal === 1 ? 'registratie wacht' : 'registraties wachten'} op een controle.</p>
            <div class="utrecht-table-container">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption koers-visually-hidden">Registraties waarvan de controledatum voorbij is, de langst verlopen eerst</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">Innovatie</th>
                  <th class="utrecht-table__header-cell" scope="col">Laatst bevestigd</th>
                  <th class="utrecht-table__header-cell" scope="col">Controle uiterlijk</th>
                  <th class="utrecht-table__header-cell" scope="col">Actie</th>
                </tr></thead>
                <tbody class="utrecht-table__body">${items.map(row)}</tbody>
              </table>
            </div>
            ${pagination(page.pagina, page.totaal, page.paginaGrootte, (p) => `/organisaties/${code}/te-bevestigen?pagina=${p}`)}`
        : html`<p class="utrecht-paragraph">Alle openbare registraties zijn op tijd gecontroleerd.</p>`}
    `,
  );
}
