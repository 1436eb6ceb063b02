// Missions: shared, measurable goals with partners of the quadruple helix
// and the innovations that contribute to them with their owner's consent.
// The list with search, one mission with its portfolio and map, and the
// form. What a viewer may read is decided by the server; the page shows
// what comes back.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, apiRequest, type Page, type ProblemDetails } from '../lib/api';
import { formatDate, formatNumber } from '../lib/format';
import { formDraft, problemErrors, errorFor, type FieldSpec } from '../lib/form-errors';
import { navigate } from '../lib/router';
import { session } from '../lib/session';
import { renderPage } from '../components/page-shell/page-shell';
import { errorSummary, focusErrorSummary, type FieldError } from '../components/error-summary/error-summary';
import { textArea, textField } from '../components/form-field/form-field';
import { pagination } from '../components/pagination/pagination';
import { loadMap, municipalityMap } from '../components/gemeentekaart/gemeentekaart';
import { problemPage } from './problem';

interface Telling { code: string; naam: string; aantal: number }
interface Bijdrage {
  innovatie: { id: number; titel: string; fase: string; faseLabel: string; organisatie: string; organisatieNaam: string };
  status: string;
  statusLabel: string;
  toelichting: string | null;
  beslisbaar: boolean;
}
interface Missie {
  id: number;
  titel: string;
  opgave: string;
  doel: { waarde: number | null; eenheid: string | null; datum: string | null };
  status: 'concept' | 'gepubliceerd';
  eigenaren: { code: string; naam: string }[];
  partners: { naam: string; rol: string; rolLabel: string }[];
  metingen: { datum: string; waarde: number }[];
  voortgang: { waarde: number; datum: string; percentage: number | null } | null;
  portfolio: { aantal: number; perFase: { fase: string; label: string; aantal: number }[]; organisaties: Telling[]; gemeenten: Telling[] };
  bijdragen?: Bijdrage[];
  wijzigbaar: boolean;
  kanBijdragen?: boolean;
  versie: number;
}

const ROLES = [
  { value: 'overheid', label: 'Overheid' },
  { value: 'markt', label: 'Markt (bedrijven)' },
  { value: 'kennisinstellingen', label: 'Kennisinstellingen' },
  { value: 'samenleving', label: 'Inwoners en maatschappelijke organisaties' },
];

const target = (m: Missie): string => {
  const what = m.doel.waarde !== null ? `${formatNumber(m.doel.waarde)} ${m.doel.eenheid ?? ''}`.trim() : '';
  const when = m.doel.datum ? `uiterlijk ${formatDate(m.doel.datum)}` : '';
  return [what, when].filter(Boolean).join(', ');
};

const progress = (m: Missie): string => {
  if (!m.voortgang) return 'nog niet gemeten';
  const pct = m.voortgang.percentage !== null ? ` (${formatNumber(m.voortgang.percentage)}% van het doel)` : '';
  return `${formatNumber(m.voortgang.waarde)} ${m.doel.eenheid ?? ''} op ${formatDate(m.voortgang.datum)}${pct}`;
};

const statusText = (m: Missie) => (m.status === 'concept' ? 'Concept: alleen zichtbaar voor de eigenaren' : 'Gepubliceerd');

// --- the list -------------------------------------------------------------------

export async function missionsPage(_params: Record<string, string>, query: URLSearchParams): Promise<void> {
  const q = query.get('q') ?? '';
  const pagina = query.get('pagina') ?? '1';
  const r = await apiGet<Page<Missie>>(`/missies?q=${encodeURIComponent(q)}&pagina=${encodeURIComponent(pagina)}`);
  if (!r.ok) return problemPage('Missies', r.problem);
  const page = r.body;
  const items = page._embedded.missies;
  const search = (e: SubmitEvent) => {
    e.preventDefault();
    const value = new FormData(e.target as HTMLFormElement).get('q')?.toString().trim() ?? '';
    navigate(value ? `/missies?q=${encodeURIComponent(value)}` : '/missies');
  };
  const item = (m: Missie): TemplateResult => html`<li class="koers-card">
    <h2 class="utrecht-heading-3"><a class="utrecht-link" href="/missies/${m.id}">${m.titel}</a></h2>
    <dl class="koers-facts">
      <dt>Doel</dt><dd>${target(m) || 'nog niet bepaald'}</dd>
      <dt>Voortgang</dt><dd>${progress(m)}</dd>
      <dt>Eigenaren</dt><dd>${m.eigenaren.map((o) => o.naam).join(', ')}</dd>
      <dt>Bijdragen</dt><dd>${formatNumber(m.portfolio.aantal)} ${m.portfolio.aantal === 1 ? 'innovatie' : 'innovaties'}</dd>
      <dt>Status</dt><dd>${statusText(m)}</dd>
    </dl>
  </li>`;
  renderPage(
    'Missies',
    html`
      <h1 class="utrecht-heading-1">Missies</h1>
      <p class="utrecht-paragraph">Een missie is een gedeeld doel dat je kunt meten, zoals minder hittestress in elke wijk vóór 2030. Overheden, bedrijven, kennisinstellingen en inwoners werken er samen aan, en innovaties van elke organisatie kunnen eraan bijdragen als hun eigenaar instemt.</p>
      ${session().ingelogd ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/missies/nieuw">Nieuwe missie</a></p>` : nothing}
      <form class="koers-form" role="search" aria-label="Missies zoeken" @submit=${search}>
        ${textField({ id: 'missie-zoek', label: 'Zoek in missies', value: q, type: 'search' })}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">Zoeken</button>
      </form>
      <p class="utrecht-paragraph" role="status">${formatNumber(page.totaal)} ${page.totaal === 1 ? 'missie' : 'missies'}${q ? html` gevonden voor “${q}”` : nothing}.</p>
      ${items.length ? html`<ul class="koers-cards">${items.map(item)}</ul>` : nothing}
      ${pagination(page.pagina, page.totaal, page.paginaGrootte, (p) => `/missies?q=${encodeURIComponent(q)}&pagina=${p}`)}
    `,
  );
}

// --- one mission -------------------------------------------------------------------

export async function missionPage(params: Record<string, string>, _query: URLSearchParams, notice = ''): Promise<void> {
  const path = `/missies/${encodeURIComponent(params.id)}`;
  const [r, kaart] = await Promise.all([apiGet<Missie>(path), loadMap()]);
  if (!r.ok) return problemPage('Missie', r.problem);
  const m = r.body;
  const again = async (message: string) => {
    await missionPage(params, _query, message);
    document.getElementById('missie-melding')?.focus();
  };
  const decide = async (b: Bijdrage, status: string) => {
    const d = await apiRequest<Missie>('PUT', `${path}/bijdragen/${b.innovatie.id}`, { status });
    await again(d.ok ? `“${b.innovatie.titel}” is ${status === 'ingestemd' ? 'ingestemd' : 'afgewezen'}.` : d.problem.detail ?? d.problem.title);
  };
  const withdraw = async (b: Bijdrage) => {
    const d = await apiRequest<unknown>('DELETE', `${path}/bijdragen/${b.innovatie.id}`);
    await again(d.ok ? `“${b.innovatie.titel}” draagt niet meer bij.` : d.problem.detail ?? d.problem.title);
  };
  const remove = async () => {
    if (!confirm(`Missie “${m.titel}” verwijderen? Dit kan niet ongedaan worden gemaakt.`)) return;
    const d = await apiRequest<unknown>('DELETE', path);
    if (d.ok) navigate('/missies');
    else await again(d.problem.detail ?? d.problem.title);
  };
  const propose = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const id = Number(data.get('innovatieId'));
    const d = await apiRequest<Missie>('POST', `${path}/bijdragen`, { innovatieId: Number.isInteger(id) && id > 0 ? id : null, toelichting: data.get('toelichting') ?? '' });
    if (d.ok) return again('De innovatie is aangemeld.');
    const reason = d.problem.invalidParams?.map((p) => p.reason).join('; ');
    const message = document.getElementById('aanmelden-fout');
    if (message) message.textContent = reason ? `Niet aangemeld: ${reason}.` : d.problem.detail ?? d.problem.title;
    message?.focus();
  };
  const byRole = ROLES.map((role) => ({ role, names: m.partners.filter((p) => p.rol === role.value).map((p) => p.naam) }));
  const contributions = m.bijdragen ?? [];
  const codes = m.portfolio.gemeenten.map((g) => g.code);
  renderPage(
    m.titel,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/missies">Alle missies</a></p>
      <h1 class="utrecht-heading-1">${m.titel}</h1>
      <p class="utrecht-paragraph"><strong>${statusText(m)}</strong></p>
      <p class="utrecht-paragraph" id="missie-melding" role="status" tabindex="-1">${notice}</p>
      ${m.wijzigbaar
        ? html`<p class="koers-actions"><a class="utrecht-link" href="/missies/${m.id}/bewerken">Bewerken</a>
            <button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${remove}>Missie verwijderen</button></p>`
        : nothing}
      <section class="koers-section" aria-labelledby="opgave-kop">
        <h2 class="utrecht-heading-2" id="opgave-kop">De opgave</h2>
        ${m.opgave.split(/\n+/).map((p) => html`<p class="utrecht-paragraph">${p}</p>`)}
        <dl class="koers-facts">
          <dt>Doel</dt><dd>${target(m) || 'nog niet bepaald'}</dd>
          <dt>Voortgang</dt><dd>${progress(m)}</dd>
          <dt>Eigenaren</dt><dd>${m.eigenaren.map((o) => o.naam).join(', ')}</dd>
        </dl>
      </section>
      ${m.metingen.length
        ? html`<section class="koers-section" aria-labelledby="metingen-kop">
            <h2 class="utrecht-heading-2" id="metingen-kop">Metingen tegen het doel</h2>
            <div class="utrecht-table-container"><table class="utrecht-table">
              <caption class="utrecht-table__caption">Gemeten waarden${m.doel.eenheid ? ` in ${m.doel.eenheid}` : ''}${m.doel.waarde !== null ? `, doel ${formatNumber(m.doel.waarde)}` : ''}</caption>
              <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Datum</th>
                <th class="utrecht-table__header-cell" scope="col">Waarde</th>
                <th class="utrecht-table__header-cell" scope="col">Van het doel</th>
              </tr></thead>
              <tbody class="utrecht-table__body">${m.metingen.map((g) => html`<tr class="utrecht-table__row">
                <th class="utrecht-table__cell" scope="row">${formatDate(g.datum)}</th>
                <td class="utrecht-table__cell">${formatNumber(g.waarde)}</td>
                <td class="utrecht-table__cell">${m.doel.waarde ? `${formatNumber(Math.round((g.waarde / m.doel.waarde) * 1000) / 10)}%` : '–'}</td>
              </tr>`)}</tbody>
            </table></div>
          </section>`
        : nothing}
      <section class="koers-section" aria-labelledby="partners-kop">
        <h2 class="utrecht-heading-2" id="partners-kop">Partners</h2>
        ${byRole.map(({ role, names }) => html`<h3 class="utrecht-heading-3">${role.label}</h3>
          ${names.length ? html`<ul class="utrecht-unordered-list">${names.map((n) => html`<li>${n}</li>`)}</ul>` : html`<p class="utrecht-paragraph">Nog geen.</p>`}`)}
      </section>
      <section class="koers-section" aria-labelledby="portfolio-kop">
        <h2 class="utrecht-heading-2" id="portfolio-kop">Portfolio</h2>
        <p class="utrecht-paragraph">${formatNumber(m.portfolio.aantal)} ${m.portfolio.aantal === 1 ? 'innovatie draagt' : 'innovaties dragen'} bij met instemming van hun eigenaar.</p>
        <div class="utrecht-table-container"><table class="utrecht-table">
          <caption class="utrecht-table__caption">Bijdragende innovaties per fase</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">Fase</th><th class="utrecht-table__header-cell" scope="col">Innovaties</th>
          </tr></thead>
          <tbody class="utrecht-table__body">${m.portfolio.perFase.map((f) => html`<tr class="utrecht-table__row">
            <th class="utrecht-table__cell" scope="row">${f.label}</th><td class="utrecht-table__cell">${formatNumber(f.aantal)}</td></tr>`)}</tbody>
        </table></div>
        ${codes.length ? municipalityMap(kaart, codes, `Gemeenten die bijdragen aan ${m.titel}`, 'missie-gemeenten') : nothing}
        <div class="utrecht-table-container"><table class="utrecht-table" id="missie-gemeenten">
          <caption class="utrecht-table__caption">Organisaties met bijdragende innovaties</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">Organisatie</th><th class="utrecht-table__header-cell" scope="col">Innovaties</th>
          </tr></thead>
          <tbody class="utrecht-table__body">${m.portfolio.organisaties.length
            ? m.portfolio.organisaties.map((o) => html`<tr class="utrecht-table__row">
                <th class="utrecht-table__cell" scope="row"><a class="utrecht-link" href="/organisaties/${o.code}">${o.naam}</a></th><td class="utrecht-table__cell">${formatNumber(o.aantal)}</td></tr>`)
            : html`<tr class="utrecht-table__row"><td class="utrecht-table__cell" colspan="2">Nog geen.</td></tr>`}</tbody>
        </table></div>
      </section>
      <section class="koers-section" aria-labelledby="bijdragen-kop">
        <h2 class="utrecht-heading-2" id="bijdragen-kop">Bijdragen</h2>
        ${contributions.length
          ? html`<ul class="koers-cards">${contributions.map((b) => html`<li class="koers-card">
              <h3 class="utrecht-heading-3"><a class="utrecht-link" href="/innovaties/${b.innovatie.id}">${b.innovatie.titel}</a></h3>
              <p class="utrecht-paragraph">${b.innovatie.organisatieNaam} · ${b.innovatie.faseLabel} · <strong>${b.statusLabel}</strong></p>
              ${b.toelichting ? html`<p class="utrecht-paragraph">${b.toelichting}</p>` : nothing}
              ${b.beslisbaar || m.wijzigbaar
                ? html`<p class="koers-actions">
                    ${b.beslisbaar && b.status !== 'ingestemd' ? html`<button class="utrecht-button utrecht-button--primary-action" type="button" @click=${() => decide(b, 'ingestemd')}>Instemmen<span class="koers-visually-hidden">: ${b.innovatie.titel}</span></button>` : nothing}
                    ${b.beslisbaar && b.status !== 'afgewezen' ? html`<button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => decide(b, 'afgewezen')}>Afwijzen<span class="koers-visually-hidden">: ${b.innovatie.titel}</span></button>` : nothing}
                    <button class="utrecht-button utrecht-button--subtle" type="button" @click=${() => withdraw(b)}>Intrekken<span class="koers-visually-hidden">: ${b.innovatie.titel}</span></button>
                  </p>`
                : nothing}
            </li>`)}</ul>`
          : html`<p class="utrecht-paragraph">Nog geen innovaties aangemeld.</p>`}
        ${m.kanBijdragen
          ? html`<form class="koers-form" @submit=${propose} aria-labelledby="aanmelden-kop">
              <h3 class="utrecht-heading-3" id="aanmelden-kop">Innovatie aanmelden</h3>
              <p class="utrecht-paragraph">Mag u de innovatie wijzigen, dan telt ze meteen mee. Anders beslist haar eigenaar.</p>
              <p class="utrecht-form-field-error-message" id="aanmelden-fout" tabindex="-1" role="alert"></p>
              ${textField({ id: 'innovatieId', label: 'Nummer van de innovatie', value: '', inputmode: 'numeric', required: true, description: 'Het nummer staat in het adres van de innovatie, zoals 12 in /innovaties/12.' })}
              ${textArea({ id: 'toelichting', label: 'Hoe draagt ze bij?', value: '', rows: 3 })}
              <button class="utrecht-button utrecht-button--primary-action" type="submit">Aanmelden</button>
            </form>`
          : nothing}
      </section>
    `,
  );
}

// --- the form ----------------------------------------------------------------------

interface FormState {
  missie: Missie | null;
  draft: Record<string, string>;
  partners: number;
  metingen: number;
  errors: FieldError[];
  general: string;
}

const FIELDS: Record<string, FieldSpec> = {
  titel: { id: 'titel', label: 'Titel', noun: 'de titel', required: true },
  opgave: { id: 'opgave', label: 'De opgave', noun: 'de opgave', required: true },
  'doel.waarde': { id: 'doelWaarde', label: 'Streefwaarde', noun: 'de streefwaarde', kind: 'number', example: '100' },
  'doel.eenheid': { id: 'doelEenheid', label: 'Eenheid', noun: 'de eenheid' },
  'doel.datum': { id: 'doelDatum', label: 'Te bereiken uiterlijk', noun: 'de datum van het doel', kind: 'date', required: true, example: '31-12-2030' },
  status: { id: 'status-concept', label: 'Status', noun: 'de status', kind: 'choice' },
  eigenaren: { id: 'eigenaren', label: 'Eigenaren', noun: 'de eigenaren' },
};

function lookup(name: string): FieldSpec | undefined {
  const row = /^(partners|metingen)\[(\d+)\](?:\.(\w+))?$/.exec(name);
  if (row) {
    const [, list, i, part] = row;
    const key = list === 'partners' ? `partner-${part ?? 'naam'}-${i}` : `meting-${part ?? 'datum'}-${i}`;
    const labels: Record<string, string> = { naam: 'Naam', rol: 'Rol', datum: 'Datum', waarde: 'Waarde' };
    const kind = part === 'rol' ? 'choice' : part === 'datum' ? 'date' : part === 'waarde' ? 'number' : 'text';
    return { id: key, label: `${labels[part ?? 'naam']} (${list === 'partners' ? 'partner' : 'meting'} ${Number(i) + 1})`, noun: `de ${(labels[part ?? 'naam'] ?? '').toLowerCase()}`, kind };
  }
  return FIELDS[name] ?? FIELDS[name.replace(/\[\d+\]$/, '')];
}

function initialDraft(m: Missie | null): Record<string, string> {
  const own = session().gebruiker?.rollen?.[0]?.organisatie ?? '';
  if (!m) return { status: 'concept', eigenaren: own };
  const d: Record<string, string> = {
    titel: m.titel, opgave: m.opgave, status: m.status,
    doelWaarde: m.doel.waarde !== null ? String(m.doel.waarde).replace('.', ',') : '',
    doelEenheid: m.doel.eenheid ?? '', doelDatum: m.doel.datum ?? '',
    eigenaren: m.eigenaren.map((o) => o.code).join(', '),
  };
  m.partners.forEach((p, i) => { d[`partner-naam-${i}`] = p.naam; d[`partner-rol-${i}`] = p.rol; });
  m.metingen.forEach((g, i) => { d[`meting-datum-${i}`] = g.datum; d[`meting-waarde-${i}`] = String(g.waarde).replace('.', ','); });
  return d;
}

const number = (text: string): number | string | null => {
  const t = text.trim().replace(/\./g, '').replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
};

function body(state: FormState): unknown {
  const d = state.draft;
  const partners = [];
  for (let i = 0; i < state.partners; i++) {
    const naam = (d[`partner-naam-${i}`] ?? '').trim();
    const rol = d[`partner-rol-${i}`] ?? '';
    if (naam || rol) partners.push({ naam, rol });
  }
  const metingen = [];
  for (let i = 0; i < state.metingen; i++) {
    const datum = (d[`meting-datum-${i}`] ?? '').trim();
    const waarde = d[`meting-waarde-${i}`] ?? '';
    if (datum || waarde.trim()) metingen.push({ datum, waarde: number(waarde) });
  }
  return {
    titel: d.titel ?? '', opgave: d.opgave ?? '', status: d.status ?? 'concept',
    doel: { waarde: number(d.doelWaarde ?? ''), eenheid: (d.doelEenheid ?? '').trim() || null, datum: (d.doelDatum ?? '').trim() || null },
    eigenaren: (d.eigenaren ?? '').split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean),
    partners, metingen,
  };
}

function drawForm(state: FormState): void {
  const d = state.draft;
  const err = (id: string) => errorFor(state.errors, id);
  const title = state.missie ? `${state.missie.titel} bewerken` : 'Nieuwe missie';
  const keep = (e: Event) => { state.draft = formDraft((e.target as HTMLElement).closest('form')!); };
  const addPartner = (e: Event) => { keep(e); state.partners++; drawForm(state); document.getElementById(`partner-naam-${state.partners - 1}`)?.focus(); };
  const addMeting = (e: Event) => { keep(e); state.metingen++; drawForm(state); document.getElementById(`meting-datum-${state.metingen - 1}`)?.focus(); };
  const partnerRow = (i: number) => html`<fieldset class="utrecht-form-fieldset koers-row">
    <legend class="utrecht-form-fieldset__legend">Partner ${i + 1}</legend>
    ${textField({ id: `partner-naam-${i}`, label: 'Naam', value: d[`partner-naam-${i}`] ?? '', error: err(`partner-naam-${i}`) })}
    <div class="utrecht-form-field koers-field ${err(`partner-rol-${i}`) ? 'utrecht-form-field--invalid' : ''}">
      <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="partner-rol-${i}">Rol in de samenwerking</label></div>
      ${err(`partner-rol-${i}`) ? html`<div class="utrecht-form-field-error-message" id="partner-rol-${i}-fout">${err(`partner-rol-${i}`)}</div>` : nothing}
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id="partner-rol-${i}" name="partner-rol-${i}" aria-describedby=${err(`partner-rol-${i}`) ? `partner-rol-${i}-fout` : nothing}>
          <option value="" ?selected=${!d[`partner-rol-${i}`]}>Kies een rol</option>
          ${ROLES.map((r) => html`<option value=${r.value} ?selected=${d[`partner-rol-${i}`] === r.value}>${r.label}</option>`)}
        </select>
      </div>
    </div>
  </fieldset>`;
  const metingRow = (i: number) => html`<fieldset class="utrecht-form-fieldset koers-row">
    <legend class="utrecht-form-fieldset__legend">Meting ${i + 1}</legend>
    ${textField({ id: `meting-datum-${i}`, label: 'Datum', value: d[`meting-datum-${i}`] ?? '', type: 'date', error: err(`meting-datum-${i}`) })}
    ${textField({ id: `meting-waarde-${i}`, label: 'Waarde', value: d[`meting-waarde-${i}`] ?? '', inputmode: 'decimal', error: err(`meting-waarde-${i}`) })}
  </fieldset>`;
  renderPage(
    title,
    html`
      <p class="utrecht-paragraph"><a class="utrecht-link" href=${state.missie ? `/missies/${state.missie.id}` : '/missies'}>Terug</a></p>
      <h1 class="utrecht-heading-1">${title}</h1>
      ${errorSummary('De missie is niet opgeslagen', state.errors, state.general)}
      <form class="koers-form" novalidate @submit=${(e: SubmitEvent) => submit(e, state)} @input=${keep} @change=${keep}>
        ${textField({ id: 'titel', label: 'Titel', value: d.titel ?? '', required: true, error: err('titel') })}
        ${textArea({ id: 'opgave', label: 'De opgave', value: d.opgave ?? '', rows: 5, required: true, error: err('opgave'), description: 'Wat moet er veranderen, voor wie, en waarom is dat nodig?' })}
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">Het doel</legend>
          ${textField({ id: 'doelWaarde', label: 'Streefwaarde', value: d.doelWaarde ?? '', inputmode: 'decimal', error: err('doelWaarde') })}
          ${textField({ id: 'doelEenheid', label: 'Eenheid', value: d.doelEenheid ?? '', error: err('doelEenheid'), description: 'Bijvoorbeeld: % van de wijken, of aantal huishoudens.' })}
          ${textField({ id: 'doelDatum', label: 'Te bereiken uiterlijk', value: d.doelDatum ?? '', type: 'date', required: true, error: err('doelDatum') })}
        </fieldset>
        <fieldset class="utrecht-form-fieldset" aria-describedby=${err('status-concept') ? 'status-fout' : nothing}>
          <legend class="utrecht-form-fieldset__legend">Status</legend>
          ${err('status-concept') ? html`<div class="utrecht-form-field-error-message" id="status-fout">${err('status-concept')}</div>` : nothing}
          <span class="utrecht-form-field--radio"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="status-concept" name="status" value="concept" ?checked=${d.status !== 'gepubliceerd'}>
            <label class="utrecht-form-label utrecht-form-label--radio" for="status-concept">Concept: alleen de eigenaren zien de missie</label></span>
          <span class="utrecht-form-field--radio"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="status-gepubliceerd" name="status" value="gepubliceerd" ?checked=${d.status === 'gepubliceerd'}>
            <label class="utrecht-form-label utrecht-form-label--radio" for="status-gepubliceerd">Gepubliceerd: iedereen ziet de missie</label></span>
        </fieldset>
        ${textField({ id: 'eigenaren', label: 'Eigenaren', value: d.eigenaren ?? '', error: err('eigenaren'), description: 'Codes van de organisaties die eigenaar zijn, gescheiden door komma’s, zoals GM0344, GM0363.' })}
        <h2 class="utrecht-heading-2">Partners</h2>
        <p class="utrecht-paragraph">Wie werkt mee: overheid, markt, kennisinstellingen, en inwoners of maatschappelijke organisaties.</p>
        ${Array.from({ length: state.partners }, (_, i) => partnerRow(i))}
        <p><button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${addPartner}>Nog een partner</button></p>
        <h2 class="utrecht-heading-2">Metingen</h2>
        <p class="utrecht-paragraph">De stand van de missie zelf, in de eenheid van het doel.</p>
        ${Array.from({ length: state.metingen }, (_, i) => metingRow(i))}
        <p><button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${addMeting}>Nog een meting</button></p>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">Opslaan</button>
      </form>
    `,
  );
}

async function submit(e: SubmitEvent, state: FormState): Promise<void> {
  e.preventDefault();
  state.draft = formDraft(e.target as HTMLFormElement);
  const m = state.missie;
  const r = m
    ? await apiRequest<Missie>('PUT', `/missies/${m.id}`, body(state), { 'If-Match': `"${m.versie}"` })
    : await apiRequest<Missie>('POST', '/missies', body(state));
  if (r.ok) return navigate(`/missies/${r.body.id}`);
  showProblem(state, r.problem);
}

function showProblem(state: FormState, problem: ProblemDetails): void {
  const { errors, general } = problemErrors(problem, lookup);
  state.errors = errors;
  state.general = problem.status === 412 ? 'Iemand anders heeft deze missie intussen gewijzigd. Uw invoer staat nog in het formulier; open de missie in een nieuw venster om te zien wat er veranderde.' : general;
  drawForm(state);
  focusErrorSummary();
}

export async function missionFormPage(params: Record<string, string>): Promise<void> {
  let missie: Missie | null = null;
  if (params.id) {
    const r = await apiGet<Missie>(`/missies/${encodeURIComponent(params.id)}`);
    if (!r.ok) return problemPage('Missie bewerken', r.problem);
    missie = r.body;
  } else if (!session().ingelogd) {
    return problemPage('Nieuwe missie', { title: 'Log in', status: 401, detail: 'Log in om een missie te maken.' });
  }
  drawForm({
    missie,
    draft: initialDraft(missie),
    partners: Math.max(1, missie?.partners.length ?? 0),
    metingen: Math.max(1, missie?.metingen.length ?? 0),
    errors: [],
    general: '',
  });
}
