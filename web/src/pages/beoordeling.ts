// A gate review: the pitch to review against, the four pillars with scores
// and evidence, the dark-side check, and the decision. The team prepares a
// draft; the stuurgroep records the decision, after which it never changes.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Innovatie } from '../lib/api';
import { formatDate, formatEuro } from '../lib/format';
import { navigate } from '../lib/router';
import { hasRole } from '../lib/session';
import { DARK_SIDES, DECISIONS, DECISION_HELP, PILLARS, phaseLabel, type Beoordeling, type Pitch } from '../lib/steering';
import { renderPage } from '../components/page-shell/page-shell';
import { selectField, textArea, textField } from '../components/form-field/form-field';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { parseAmount } from './innovatie-form';
import { problemPage } from './problem';

interface State {
  innovatie: Innovatie;
  pitch: Pitch | null;
  review: Beoordeling | null;
  errors: Map<string, string>;
  general: string;
}

const SCORES = [1, 2, 3, 4, 5].map((n) => ({ waarde: String(n), label: String(n) }));

function readOnly(r: Beoordeling): TemplateResult {
  return html`
    <div class="utrecht-alert utrecht-alert--info" role="status"><p class="utrecht-paragraph">
      Besluit <strong>${DECISIONS[r.besluit ?? ''] ?? '–'}</strong>, vastgesteld op ${formatDate(r.vastgesteldOp)} door ${r.vastgesteldDoor}.
      Een vastgestelde beoordeling verandert niet meer; een correctie is een nieuwe beoordeling.
    </p></div>
    <dl class="utrecht-data-list koers-data-list">
      ${PILLARS.map(([k, l]) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${l}</dt>
        <dd class="utrecht-data-list__item-value">${r.pijlers[k]?.score ?? '–'} van 5. ${r.pijlers[k]?.onderbouwing ?? ''}</dd></div>`)}
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Motivering</dt><dd class="utrecht-data-list__item-value">${r.motivering}</dd></div>
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Besluitvormers</dt><dd class="utrecht-data-list__item-value">${r.besluitvormers.join(', ')}</dd></div>
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Budget volgende fase</dt><dd class="utrecht-data-list__item-value">${r.budget != null ? formatEuro(r.budget) : '–'}</dd></div>
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Doorlooptijd volgende fase</dt><dd class="utrecht-data-list__item-value">${r.doorlooptijdMaanden != null ? `${r.doorlooptijdMaanden} maanden` : '–'}</dd></div>
      <div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">Volgende beoordeling</dt><dd class="utrecht-data-list__item-value">${formatDate(r.volgendeBeoordeling) || '–'}</dd></div>
    </dl>`;
}

function draw(state: State): void {
  const i = state.innovatie;
  const r = state.review;
  const err = (f: string) => state.errors.get(f);
  const decider = hasRole(i.organisatie, 'stuurgroep');
  const title = r ? `Beoordeling ${r.id} van ${i.titel}` : `Beoordeling voorbereiden: ${i.titel}`;
  const errors: FieldError[] = [...state.errors].map(([field, message]) => ({ field, label: field, message }));
  renderPage(
    title,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/innovaties/${i.id}/sturing">Sturing van ${i.titel}</a></p>
      <h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">Einde van de fase ${phaseLabel(r?.fase ?? i.fase).toLowerCase()}.</p>
      <section class="koers-section" aria-labelledby="pitch-kop">
        <h2 class="utrecht-heading-2" id="pitch-kop">De pitch</h2>
        ${state.pitch
          ? html`<dl class="utrecht-data-list koers-data-list">${(['behoeften', 'aanpak', 'voordelen', 'alternatieven'] as const).map((k) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${k[0].toUpperCase() + k.slice(1)}</dt><dd class="utrecht-data-list__item-value">${state.pitch![k] ?? '–'}</dd></div>`)}</dl>`
          : html`<p class="utrecht-paragraph">Er is nog geen pitch. <a class="utrecht-link" href="/innovaties/${i.id}/sturing">Schrijf er een</a>.</p>`}
      </section>
      ${r && r.status === 'vastgesteld'
        ? readOnly(r)
        : html`<form class="utrecht-form koers-form" novalidate @submit=${(e: Event) => save(e, state, (e as SubmitEvent).submitter?.getAttribute('value') === 'vaststellen')}>
            ${errorSummary('De beoordeling is niet opgeslagen', errors, state.general)}
            <h2 class="utrecht-heading-2">De vier pijlers</h2>
            ${PILLARS.map(([k, l, help]) => html`<fieldset class="utrecht-form-fieldset koers-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${l}</legend>
              <p class="utrecht-paragraph koers-muted">${help}</p>
              ${selectField({ id: `pijlers.${k}.score`, label: `Score voor ${l.toLowerCase()} (1 zwak, 5 sterk)`, value: r?.pijlers[k]?.score != null ? String(r.pijlers[k].score) : '', options: SCORES, emptyLabel: 'Nog geen score', error: err(`pijlers.${k}.score`) })}
              ${textArea({ id: `pijlers.${k}.onderbouwing`, label: `Onderbouwing bij ${l.toLowerCase()}`, value: r?.pijlers[k]?.onderbouwing ?? '', rows: 3, error: err(`pijlers.${k}.onderbouwing`) })}
            </fieldset>`)}
            <h2 class="utrecht-heading-2">Schaduwkanten</h2>
            <p class="utrecht-paragraph">Hoe groot is elk risico (1 klein, 5 groot), en wat doen we eraan?</p>
            ${DARK_SIDES.map(([k, l]) => html`<fieldset class="utrecht-form-fieldset koers-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${l}</legend>
              ${selectField({ id: `schaduwkanten.${k}.score`, label: 'Omvang van het risico', value: r?.schaduwkanten[k]?.score != null ? String(r.schaduwkanten[k].score) : '', options: SCORES, emptyLabel: 'Niet beoordeeld' })}
              ${textField({ id: `schaduwkanten.${k}.toelichting`, label: 'Toelichting', value: r?.schaduwkanten[k]?.toelichting ?? '' })}
            </fieldset>`)}
            <h2 class="utrecht-heading-2">Besluit</h2>
            ${selectField({ id: 'besluit', label: 'Besluit', value: r?.besluit ?? '', options: Object.entries(DECISIONS).map(([v, l]) => ({ waarde: v, label: `${l}: ${DECISION_HELP[v]}` })), emptyLabel: 'Nog geen besluit', error: err('besluit') })}
            ${selectField({ id: 'terugNaar', label: 'Bij GO BACK', value: r?.terugNaar ?? '', options: [{ waarde: 'vorige', label: 'Terug naar de vorige fase' }, { waarde: 'blijven', label: 'In deze fase blijven' }], emptyLabel: 'Niet van toepassing', error: err('terugNaar') })}
            ${textArea({ id: 'motivering', label: 'Motivering', value: r?.motivering ?? '', error: err('motivering') })}
            ${textField({ id: 'budget', label: 'Budget voor de volgende fase (euro)', value: r?.budget != null ? String(r.budget) : '', inputmode: 'decimal', error: err('budget') })}
            ${textField({ id: 'doorlooptijdMaanden', label: 'Doorlooptijd voor de volgende fase (maanden)', value: r?.doorlooptijdMaanden != null ? String(r.doorlooptijdMaanden) : '', inputmode: 'numeric', error: err('doorlooptijdMaanden') })}
            ${textField({ id: 'volgendeBeoordeling', label: 'Datum van de volgende beoordeling', value: r?.volgendeBeoordeling ?? '', type: 'date', error: err('volgendeBeoordeling') })}
            ${textField({ id: 'besluitvormers', label: 'Besluitvormers', value: (r?.besluitvormers ?? []).join(', '), description: 'E-mailadressen van de leden van de stuurgroep, gescheiden door komma’s. Leeg: wie vaststelt.', error: err('besluitvormers') })}
            <div class="utrecht-button-group koers-form__actions">
              <button class="utrecht-button utrecht-button--secondary-action" type="submit" value="concept">Concept opslaan</button>
              ${decider ? html`<button class="utrecht-button utrecht-button--primary-action" type="submit" value="vaststellen">Besluit vaststellen</button>` : nothing}
            </div>
          </form>`}
    `,
  );
}

function body(form: HTMLFormElement): Record<string, unknown> {
  const d = new FormData(form);
  const get = (k: string) => String(d.get(k) ?? '').trim();
  const scores = (keys: string[], group: string, textKey: string) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const score = get(`${group}.${k}.score`);
      const text = get(`${group}.${k}.${textKey}`);
      if (score || text) out[k] = { score: score ? Number(score) : null, [textKey]: text };
    }
    return out;
  };
  const months = get('doorlooptijdMaanden');
  return {
    pijlers: scores(PILLARS.map((p) => p[0]), 'pijlers', 'onderbouwing'),
    schaduwkanten: scores(DARK_SIDES.map((p) => p[0]), 'schaduwkanten', 'toelichting'),
    besluit: get('besluit') || null,
    terugNaar: get('terugNaar') || null,
    motivering: get('motivering') || null,
    budget: parseAmount(get('budget')),
    doorlooptijdMaanden: months === '' ? null : /^\d+$/.test(months) ? Number(months) : months,
    volgendeBeoordeling: get('volgendeBeoordeling') || null,
    besluitvormers: get('besluitvormers').split(',').map((x) => x.trim()).filter(Boolean),
  };
}

async function save(event: Event, state: State, decide: boolean): Promise<void> {
  event.preventDefault();
  const data = body(event.target as HTMLFormElement);
  const i = state.innovatie.id;
  let review = state.review;
  const saved = review
    ? await apiRequest<Beoordeling>('PATCH', `/innovaties/${i}/beoordelingen/${review.id}`, data)
    : await apiRequest<Beoordeling>('POST', `/innovaties/${i}/beoordelingen`, data);
  if (saved.ok) {
    review = saved.body;
    if (decide) {
      const decided = await apiRequest<Beoordeling>('POST', `/innovaties/${i}/beoordelingen/${review.id}/_vaststellen`, {});
      if (!decided.ok) {
        state.review = review;
        return fail(state, decided.problem);
      }
    }
    navigate(`/innovaties/${i}/beoordelingen/${review.id}`, !state.review);
    return;
  }
  fail(state, saved.problem);
}

function fail(state: State, problem: { detail: string; invalidParams?: { name: string; reason: string }[] }): void {
  state.errors = new Map((problem.invalidParams ?? []).map((p) => [p.name.replace(/\[\d+\]$/, ''), p.reason]));
  state.general = state.errors.size ? '' : problem.detail;
  draw(state);
  focusErrorSummary();
}

export async function reviewPage(params: Record<string, string>): Promise<void> {
  const [i, p] = await Promise.all([apiGet<Innovatie>(`/innovaties/${params.id}`), apiGet<{ huidig: Pitch | null }>(`/innovaties/${params.id}/pitch`)]);
  if (!i.ok) return problemPage('Beoordeling', i.problem);
  let review: Beoordeling | null = null;
  if (params.beoordeling) {
    const r = await apiGet<Beoordeling>(`/innovaties/${params.id}/beoordelingen/${encodeURIComponent(params.beoordeling)}`);
    if (!r.ok) return problemPage('Beoordeling', r.problem);
    review = r.body;
  }
  draw({ innovatie: i.body, pitch: p.ok ? p.body.huidig : null, review, errors: new Map(), general: '' });
}
