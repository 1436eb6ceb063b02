// A critical friend's side: the open invitations of the logged-in person,
// and what one invitation shares (the innovation, or one review, with its
// lessons) with a form to comment while it is open.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest } from '../lib/api';
import { formatDate } from '../lib/format';
import { label } from '../lib/vocab';
import { session } from '../lib/session';
import { checkFields, errorFor, formDraft, problemErrors, type FieldSpec } from '../lib/form-errors';
import { lessonCard, loadLearningKnowledge, type KennisItem, type Les, type Terugblik, type Uitnodiging } from '../lib/learning';
import { renderPage } from '../components/page-shell/page-shell';
import { textArea } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { loginPrompt } from '../components/login-prompt/login-prompt';
import { problemPage } from './problem';

interface Gedeeld {
  uitnodiging: Uitnodiging;
  innovatie: { id: number; titel: string; samenvatting: string; opgave: string; doel: string; fase: string; status: string; organisatie: string; organisatieNaam: string };
  terugblikken: Terugblik[];
  lessen: Les[];
}

export async function invitationsPage(): Promise<void> {
  if (!session().ingelogd) {
    return renderPage('Uitnodigingen', html`<h1 class="utrecht-heading-1">Uitnodigingen als kritische vriend</h1>
      ${loginPrompt('Log in om de innovaties te zien waarvoor u bent uitgenodigd.')}`);
  }
  const r = await apiGet<{ _embedded: { uitnodigingen: Uitnodiging[] } }>('/uitnodigingen');
  if (!r.ok) return problemPage('Uitnodigingen', r.problem);
  const list = r.body._embedded.uitnodigingen;
  renderPage(
    'Uitnodigingen',
    html`<h1 class="utrecht-heading-1">Uitnodigingen als kritische vriend</h1>
      <p class="utrecht-paragraph">Teams van andere organisaties vragen u mee te kijken. U ziet wat zij delen zolang de uitnodiging open is.</p>
      ${list.length
        ? html`<ul class="koers-cards" aria-label="Open uitnodigingen">${list.map((u) => html`<li class="koers-card">
            <h2 class="utrecht-heading-3 koers-card__title"><a class="utrecht-link" href="/uitnodigingen/${u.id}">${u.innovatie.titel}</a></h2>
            <p class="utrecht-paragraph koers-muted">${u.innovatie.organisatieNaam} · ${u.terugblikId ? 'één terugblik' : 'de hele innovatie'} · open tot en met ${formatDate(u.geldigTot)}${u.auteur ? ` · van ${u.auteur}` : ''}</p>
            ${u.bericht ? html`<p class="utrecht-paragraph">${u.bericht}</p>` : nothing}
          </li>`)}</ul>`
        : html`<p class="utrecht-paragraph">U hebt nu geen open uitnodigingen.</p>`}`,
  );
}

const SPEC: FieldSpec = { id: 'commentaar-tekst', label: 'Uw commentaar', noun: 'uw commentaar', required: true };

interface State {
  shared: Gedeeld;
  clusters: KennisItem[];
  errors: FieldError[];
  general: string;
  draft: Record<string, string> | null;
  notice: string;
}

function reviewBlock(t: Terugblik): TemplateResult {
  const rows: [string, string | null][] = [
    ['Wat de bedoeling was', t.gepland],
    ['Wat er gebeurde', t.gebeurd],
    ['Waarom dat verschilt', t.verschil],
    ['Wat nu', t.vervolg],
  ];
  return html`<article class="koers-card" aria-labelledby="gedeeld-terugblik-${t.id}">
    <h3 class="utrecht-heading-3" id="gedeeld-terugblik-${t.id}">${t.soort === 'succes' ? 'Succes' : 'Terugblik'} van ${formatDate(t.datum)}</h3>
    <dl class="utrecht-data-list koers-data-list">
      ${rows.filter(([, v]) => v).map(([k, v]) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${k}</dt><dd class="utrecht-data-list__item-value">${v}</dd></div>`)}
    </dl>
    ${t.acties.length ? html`<ul class="utrecht-unordered-list" aria-label="Acties">${t.acties.map((a) => html`<li>${a.omschrijving} (${a.eigenaar}, ${formatDate(a.deadline)}, ${a.status})</li>`)}</ul>` : nothing}
  </article>`;
}

function draw(state: State, options: { inPlace?: boolean } = {}): void {
  const { uitnodiging: u, innovatie: i, terugblikken, lessen } = state.shared;
  renderPage(
    `Meekijken: ${i.titel}`,
    html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/uitnodigingen">Alle uitnodigingen</a></p>
      <h1 class="utrecht-heading-1">Meekijken: ${i.titel}</h1>
      <p class="utrecht-paragraph">${i.organisatieNaam} vraagt u als kritische vriend mee te kijken${u.terugblikId ? ' naar één terugblik' : ''}, tot en met ${formatDate(u.geldigTot)}.
        Wat u hier ziet, is alleen met u gedeeld.</p>
      ${u.bericht ? html`<p class="utrecht-paragraph"><strong>De vraag:</strong> ${u.bericht}</p>` : nothing}
      <section class="koers-section" aria-labelledby="gedeeld-innovatie">
        <h2 class="utrecht-heading-2" id="gedeeld-innovatie">De innovatie</h2>
        <dl class="utrecht-data-list koers-data-list">
          ${([['Samenvatting', i.samenvatting], ['Opgave', i.opgave], ['Doel', i.doel], ['Fase', label('fase', i.fase)], ['Status', label('status', i.status)]] as [string, string][])
            .filter(([, v]) => v)
            .map(([k, v]) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${k}</dt><dd class="utrecht-data-list__item-value">${v}</dd></div>`)}
        </dl>
      </section>
      <section class="koers-section" aria-labelledby="gedeeld-terugblikken">
        <h2 class="utrecht-heading-2" id="gedeeld-terugblikken">Terugblikken</h2>
        ${terugblikken.length ? terugblikken.map(reviewBlock) : html`<p class="utrecht-paragraph">Er zijn geen terugblikken gedeeld.</p>`}
      </section>
      <section class="koers-section" aria-labelledby="gedeeld-lessen">
        <h2 class="utrecht-heading-2" id="gedeeld-lessen">Lessen</h2>
        ${lessen.length
          ? html`<ul class="koers-cards" aria-label="Gedeelde lessen">${lessen.map((l) => lessonCard({ ...l, innovatie: { id: i.id, titel: i.titel, organisatie: i.organisatie, organisatieNaam: i.organisatieNaam } }, state.clusters, { from: false }))}</ul>`
          : html`<p class="utrecht-paragraph">Er zijn geen lessen gedeeld.</p>`}
      </section>
      <section class="koers-section" aria-labelledby="commentaar-kop">
        <h2 class="utrecht-heading-2" id="commentaar-kop">Uw commentaar</h2>
        ${u.commentaar.length
          ? html`<ul class="utrecht-unordered-list" aria-label="Uw commentaar tot nu toe">${u.commentaar.map((c) => html`<li>${c.tekst} <span class="koers-muted">(${formatDate(c.aangemaaktOp)})</span></li>`)}</ul>`
          : nothing}
        <form class="utrecht-form koers-form" novalidate aria-label="Commentaar geven" @submit=${(e: Event) => comment(e, state)}>
          ${errorSummary('Het commentaar is niet opgeslagen', state.errors, state.general)}
          ${textArea({ id: SPEC.id, label: SPEC.label, value: state.draft?.[SPEC.id] ?? '', required: true, rows: 5, error: errorFor(state.errors, SPEC.id), description: 'Het team ziet uw commentaar met uw naam.' })}
          <div class="utrecht-button-group koers-form__actions">
            <button class="utrecht-button utrecht-button--primary-action" type="submit">Commentaar geven</button>
          </div>
          <div class="koers-notice" id="commentaar-melding" role="status" tabindex="-1">
            ${state.notice ? html`<div class="utrecht-alert utrecht-alert--ok"><p class="utrecht-paragraph">${state.notice}</p></div>` : nothing}
          </div>
        </form>
      </section>`,
    options,
  );
}

async function comment(e: Event, state: State): Promise<void> {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const fail = (errors: FieldError[], general: string) => {
    state.draft = formDraft(form);
    state.errors = errors;
    state.general = general;
    state.notice = '';
    draw(state, { inPlace: true });
    focusErrorSummary();
  };
  const found = checkFields(form, [SPEC]);
  if (found.length) return fail(found, '');
  const tekst = String(new FormData(form).get(SPEC.id) ?? '').trim();
  const r = await apiRequest<{ id: number }>('POST', `/uitnodigingen/${state.shared.uitnodiging.id}/commentaar`, { tekst });
  if (!r.ok) {
    const { errors, general } = problemErrors(r.problem, (name) => (name === 'tekst' ? SPEC : undefined));
    return fail(errors, general);
  }
  const again = await apiGet<Gedeeld>(`/uitnodigingen/${state.shared.uitnodiging.id}`);
  if (again.ok) state.shared = again.body;
  state.draft = null;
  state.errors = [];
  state.general = '';
  state.notice = 'Uw commentaar is opgeslagen; het team ziet het.';
  draw(state, { inPlace: true });
  document.getElementById('commentaar-melding')?.focus();
}

export async function sharedPage(params: Record<string, string>): Promise<void> {
  const [r, k] = await Promise.all([apiGet<Gedeeld>(`/uitnodigingen/${encodeURIComponent(params.id)}`), loadLearningKnowledge()]);
  if (!r.ok) return problemPage('Uitnodiging', r.problem);
  draw({ shared: r.body, clusters: k.lesclusters, errors: [], general: '', draft: null, notice: '' });
}
