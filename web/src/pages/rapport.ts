// The steering report of one innovation, made to print on A4: a summary of
// the latest decision first, then pitch, the pillars of the latest review,
// unknowns and risks, business case and the history of decisions.
import { html, nothing, type TemplateResult } from 'lit';
import { apiGet, type Innovatie } from '../lib/api';
import { formatDate, formatEuro, formatNumber } from '../lib/format';
import { label } from '../lib/vocab';
import { BENEFIT_HEADERS, DARK_SIDES, DECISIONS, PILLARS, UNCERTAINTY_STATUS, benefitRows, days, phaseLabel, type Beoordeling, type Businesscase, type Onzekerheid, type Pitch, type SturingInnovatie } from '../lib/steering';
import { renderPage } from '../components/page-shell/page-shell';
import { dataTable } from '../components/data-table/data-table';
import { lessonsOfOthersSection, loadLearningKnowledge, loadLessonsOfOthers, nextReviewText } from '../lib/learning';
import { problemPage } from './problem';

// What a reader of the printed report needs first, on page 1: the latest
// decision of the stuurgroep, and what is next.
function summary(last: Beoordeling | null, drafts: number, st: SturingInnovatie): TemplateResult {
  const next = st.volgendeBeoordeling
    ? `${formatDate(st.volgendeBeoordeling)}${st.achterstallig ? ' (achterstallig)' : ''}`
    : 'niet gepland';
  const rows: [string, string][] = last
    ? [
        ['Laatste besluit', `${DECISIONS[last.besluit ?? ''] ?? '–'} in de fase ${phaseLabel(last.fase).toLowerCase()}, vastgesteld op ${formatDate(last.vastgesteldOp)}`],
        ['Motivering', last.motivering ?? '–'],
        ['Budget en doorlooptijd', [last.budget != null ? formatEuro(last.budget) : '', last.doorlooptijdMaanden != null ? `${last.doorlooptijdMaanden} maanden` : ''].filter(Boolean).join(', ') || '–'],
      ]
    : [['Laatste besluit', 'De stuurgroep heeft nog geen besluit genomen.']];
  rows.push(['Volgende beoordeling', next]);
  if (drafts) rows.push(['Voorbereid', `${drafts} ${drafts === 1 ? 'beoordeling wacht' : 'beoordelingen wachten'} op een besluit`]);
  return html`<section class="koers-report__summary" aria-labelledby="samenvatting-kop">
    <h2 class="utrecht-heading-2" id="samenvatting-kop">Samenvatting van de besluitvorming</h2>
    <dl class="utrecht-data-list koers-data-list">
      ${rows.map(([k, v]) => html`<div class="utrecht-data-list__item koers-data-list__item"><dt class="utrecht-data-list__item-key">${k}</dt><dd class="utrecht-data-list__item-value">${v}</dd></div>`)}
    </dl>
  </section>`;
}

export async function reportPage(params: Record<string, string>): Promise<void> {
  const id = params.id;
  const [i, st, p, o, b, r, lessons, k] = await Promise.all([
    apiGet<Innovatie>(`/innovaties/${id}`),
    apiGet<SturingInnovatie>(`/innovaties/${id}/sturing`),
    apiGet<{ huidig: Pitch | null }>(`/innovaties/${id}/pitch`),
    apiGet<{ _embedded: { onzekerheden: Onzekerheid[] } }>(`/innovaties/${id}/onzekerheden`),
    apiGet<Businesscase>(`/innovaties/${id}/businesscase`),
    apiGet<{ _embedded: { beoordelingen: Beoordeling[] } }>(`/innovaties/${id}/beoordelingen`),
    loadLessonsOfOthers(id),
    loadLearningKnowledge(),
  ]);
  if (!i.ok) return problemPage('Stuurrapport', i.problem);
  if (!st.ok || !p.ok || !o.ok || !b.ok || !r.ok) return problemPage('Stuurrapport', { status: 500, title: 'Fout', detail: 'Het rapport kon niet worden samengesteld.' });
  const inn = i.body;
  const decisions = r.body._embedded.beoordelingen.filter((x) => x.status === 'vastgesteld');
  const latest = [...r.body._embedded.beoordelingen].reverse().find((x) => Object.keys(x.pijlers).length) ?? null;
  const pitch = p.body.huidig;
  const bc = b.body;
  const darkScored = latest ? DARK_SIDES.filter(([k]) => latest.schaduwkanten[k]?.score != null) : [];
  renderPage(
    `Stuurrapport ${inn.titel}`,
    html`<article class="koers-report">
      <p class="utrecht-paragraph koers-no-print"><a class="utrecht-link" href="/innovaties/${inn.id}/sturing">Terug naar de sturing</a> · gebruik de printfunctie van de browser (A4).</p>
      <h1 class="utrecht-heading-1">Stuurrapport: ${inn.titel}</h1>
      <p class="utrecht-paragraph">${inn.organisatieNaam ?? inn.organisatie} · fase ${phaseLabel(inn.fase).toLowerCase()}, ${label('status', inn.status).toLowerCase()} · opgesteld op ${formatDate(new Date().toISOString())}</p>

      ${summary(decisions.at(-1) ?? null, r.body._embedded.beoordelingen.filter((x) => x.status === 'concept').length, st.body)}

      <h2 class="utrecht-heading-2">Pitch</h2>
      ${pitch
        ? dataTable('Pitch', ['Onderdeel', 'Inhoud'], (['behoeften', 'aanpak', 'voordelen', 'alternatieven'] as const).map((k) => [k[0].toUpperCase() + k.slice(1), pitch[k] ?? '–']), { hiddenCaption: true })
        : html`<p class="utrecht-paragraph">Geen pitch vastgelegd.</p>`}

      <h2 class="utrecht-heading-2">Pijlers${latest ? html` (beoordeling ${latest.id}, ${latest.status})` : nothing}</h2>
      ${latest
        ? dataTable('Scores op de vier pijlers', ['Pijler', 'Score', 'Onderbouwing'], PILLARS.map(([k, l]) => [l, latest.pijlers[k]?.score != null ? `${latest.pijlers[k].score} van 5` : '–', latest.pijlers[k]?.onderbouwing ?? '–']), { hiddenCaption: true, numeric: [1] })
        : html`<p class="utrecht-paragraph">Nog geen beoordeling.</p>`}
      ${darkScored.length
        ? dataTable('Schaduwkanten', ['Risico', 'Omvang', 'Toelichting'], darkScored.map(([k, l]) => [l, `${latest!.schaduwkanten[k].score} van 5`, latest!.schaduwkanten[k].toelichting ?? '–']), { numeric: [1] })
        : nothing}

      <h2 class="utrecht-heading-2">Tijd en doorlooptijd</h2>
      ${dataTable('Tijd per fase', ['Fase', 'Tijd'], st.body.tijdPerFase.map((t) => [phaseLabel(t.fase), days(t.dagen)]), { hiddenCaption: true, numeric: [1] })}
      <p class="utrecht-paragraph">Doorlooptijd ${formatNumber(Math.round(st.body.doorlooptijd.jaren * 10) / 10)} jaar${st.body.doorlooptijd.verwacht ? `, verwacht ${formatNumber(st.body.doorlooptijd.verwacht.minJaren)} tot ${formatNumber(st.body.doorlooptijd.verwacht.maxJaren)} jaar` : ''}${st.body.doorlooptijd.overschreden ? ' (langer dan verwacht)' : ''}.</p>

      <h2 class="utrecht-heading-2">Onbekenden en risico’s</h2>
      ${o.body._embedded.onzekerheden.length
        ? dataTable('Onbekenden en risico’s', ['Titel', 'Soort', 'Eigenaar', 'Status', 'Uitkomst'], o.body._embedded.onzekerheden.map((u) => [u.titel, u.soort === 'onbekende' ? 'Onbekende' : 'Risico', u.eigenaar ?? '–', UNCERTAINTY_STATUS[u.status], u.uitkomst ?? '–']), { hiddenCaption: true })
        : html`<p class="utrecht-paragraph">Niets geregistreerd.</p>`}

      <h2 class="utrecht-heading-2">Businesscase</h2>
      ${dataTable('Kosten per fase', ['Fase', 'Uit eigen zak', 'Interne uren'], bc.kosten.map((k) => [phaseLabel(k.fase), k.extern != null ? formatEuro(k.extern) : '–', k.interneUren != null ? formatNumber(k.interneUren) : '–']), { numeric: [1, 2] })}
      ${bc.baten.length ? dataTable('Baten: geschat en gerealiseerd', BENEFIT_HEADERS, benefitRows(bc), { numeric: [1, 2] }) : nothing}
      ${bc.stoplijst.length ? dataTable('Stoplijst', ['Wat stopt', 'Wat het vrijmaakt', 'Besparing per jaar'], bc.stoplijst.map((s) => [s.wat, s.vrijgekomen ?? '–', s.besparingPerJaar != null ? formatEuro(s.besparingPerJaar) : '–']), { numeric: [2] }) : nothing}
      <p class="utrecht-paragraph">Totale kosten ${formatEuro(bc.totalen.kostenExtern + bc.totalen.kostenIntern)} (waarvan ${formatEuro(bc.totalen.kostenIntern)} interne uren); geschatte baten en besparingen ${formatEuro(bc.totalen.batenPerJaar + bc.totalen.besparingPerJaar)} per jaar.${bc.totalen.gerealiseerdPerJaar != null ? ` Gerealiseerde baten tot nu toe: ${formatEuro(bc.totalen.gerealiseerdPerJaar)} per jaar.` : ''}</p>

      <h2 class="utrecht-heading-2">Besluiten</h2>
      ${decisions.length
        ? dataTable('Besluiten van de stuurgroep', ['Datum', 'Fase', 'Besluit', 'Motivering', 'Budget en doorlooptijd'], decisions.map((d) => [formatDate(d.vastgesteldOp), phaseLabel(d.fase), DECISIONS[d.besluit ?? ''] ?? '–', d.motivering ?? '–', [d.budget != null ? formatEuro(d.budget) : '', d.doorlooptijdMaanden != null ? `${d.doorlooptijdMaanden} maanden` : ''].filter(Boolean).join(', ') || '–']), { hiddenCaption: true })
        : html`<p class="utrecht-paragraph">Nog geen besluiten.</p>`}

      <h2 class="utrecht-heading-2">Terugblikken</h2>
      <p class="utrecht-paragraph">${nextReviewText(st.body.terugblik)}</p>
      ${lessonsOfOthersSection(lessons, k.lesclusters)}
    </article>`,
  );
}
