// Forms never lose input, in a real browser: in every form a user types
// values, the form is refused (by its own check before sending or by the
// API), and every typed value is still there; the error summary has focus,
// names the field by its visible label and says what to do. Also: a
// decision asks for confirmation before it is recorded, a decided review
// still shows its dark-side scores, and the steering page saves in place
// (no jump, the message beside the form). Every state passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, newPage, logIn } from '../lib/browser.mjs';

let koers;
let browser;
let page;
let id; // an innovation of Utrecht, public, so Amsterdam can adopt it
let lid;
before(async () => {
  koers = await startKoers({
    users: [
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
      { email: 'stuur@utrecht.test', org: 'GM0344', role: 'stuurgroep' },
      { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
    ],
  });
  lid = await login(koers.url, 'lid@utrecht.test');
  const r = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: {
      titel: 'Slim strooien', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'openbaar', innovatieNiveau: 'applicatie',
      samenvatting: 'Strooien waar het glad wordt, op tijd.',
    },
  });
  assert.equal(r.status, 201, r.text);
  id = r.body.id;
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  assert.deepEqual(page?.errors ?? [], [], 'no errors in the browser console');
  await browser?.close();
  await koers?.stop();
});

async function api(method, path, json, session = lid) {
  return call(koers.url, method, `/api/v1${path}`, { session, json });
}

// Every [locator, value] still holds its value: text as typed, selects
// their option, checkboxes checked.
async function assertKept(pairs) {
  for (const [locator, expected] of pairs) {
    if (typeof expected === 'boolean') assert.equal(await locator.isChecked(), expected, `${locator} is still ${expected ? '' : 'un'}checked`);
    else assert.equal(await locator.inputValue(), expected, `${locator} keeps what was typed`);
  }
}

// The error summary: shown, focused, and naming each label with its
// instruction; returns it.
async function assertSummary(title, items) {
  const summary = page.getByRole('alert').filter({ hasText: title });
  await summary.waitFor();
  assert.ok(await summary.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)), 'the error summary has focus');
  const text = (await summary.innerText()).replace(/\s+/g, ' ');
  const links = await summary.getByRole('link').allInnerTexts();
  for (const [label, instruction] of items) {
    assert.ok(links.some((l) => l.startsWith(`${label}: `) && l.includes(instruction)), `the summary names "${label}" with "${instruction}"; it says: ${text}`);
  }
  assert.doesNotMatch(text, /[a-z][A-Z]\w*:|\w+\[\d+\]|\bbudget: moet\b/, 'no API field names in the summary');
  return summary;
}

// The field is marked invalid and tells its own message.
async function assertFieldError(field, instruction) {
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const messages = await Promise.all(ids.split(/\s+/).filter(Boolean).map((d) => page.locator(`[id="${d}"]`).innerText()));
  assert.ok(messages.some((m) => m.includes(instruction)), `the field's description says "${instruction}": ${messages.join(' | ')}`);
}

test('gate review: a refused budget keeps the evidence, motivation and scores', async () => {
  await logIn(page, 'stuur@utrecht.test');
  await page.goto(`/innovaties/${id}/beoordelingen/nieuw`);
  await page.getByRole('heading', { level: 1, name: /Beoordeling voorbereiden/ }).waitFor();
  const kept = [];
  for (const [pillar, score, text] of [
    ['publieke waarde', '4', 'Minder ongelukken in de proefwijken'],
    ['gebruikswaarde', '3', 'Strooiers gebruiken de kaart elke ochtend'],
    ['technische aanpak', '4', 'Sensoren leveren betrouwbaar'],
    ['kosten', '2', 'Licenties zijn duur'],
  ]) {
    const s = page.getByLabel(`Score voor ${pillar} (1 zwak, 5 sterk)`);
    const t = page.getByLabel(`Onderbouwing bij ${pillar}`);
    await s.selectOption(score);
    await t.fill(text);
    kept.push([s, score], [t, text]);
  }
  const privacy = page.getByRole('group', { name: /Onrechtmatig handelen/ });
  await privacy.getByLabel('Omvang van het risico').selectOption('3');
  await privacy.getByLabel('Toelichting').fill('Kentekens worden niet bewaard');
  const besluit = page.getByLabel('Besluit', { exact: true });
  await besluit.selectOption('go');
  const motivering = page.getByLabel('Motivering');
  await motivering.fill('De proef is de moeite waard.');
  const budget = page.getByLabel('Budget voor de volgende fase (euro)');
  await budget.fill('twintigduizend');
  const months = page.getByLabel('Doorlooptijd voor de volgende fase (maanden)');
  await months.fill('6');
  const note = page.getByLabel('Besluitvormers');
  await note.fill('stuur@utrecht.test');
  kept.push([privacy.getByLabel('Omvang van het risico'), '3'], [privacy.getByLabel('Toelichting'), 'Kentekens worden niet bewaard'],
    [besluit, 'go'], [motivering, 'De proef is de moeite waard.'], [budget, 'twintigduizend'], [months, '6'], [note, 'stuur@utrecht.test']);

  // Refused before sending: the budget is no amount.
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await assertSummary('De beoordeling is niet opgeslagen', [['Budget voor de volgende fase (euro)', 'Vul het budget in als bedrag, bijvoorbeeld 20.000']]);
  await assertKept(kept);
  await assertFieldError(budget, 'Vul het budget in als bedrag');
  await assertAccessible(page, 'het beoordelingsformulier met een fout');
  assert.equal((await api('GET', `/innovaties/${id}/beoordelingen`)).body._embedded.beoordelingen.length, 0, 'nothing was saved');

  // Refused by the API: a decision-maker without an account.
  await budget.fill('20.000');
  await note.fill('niemand@elders.test');
  kept.splice(kept.findIndex(([l]) => l === budget), 1, [budget, '20.000']);
  kept.splice(kept.findIndex(([l]) => l === note), 1, [note, 'niemand@elders.test']);
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await page.getByRole('alert').filter({ hasText: 'Besluitvormers' }).waitFor();
  await assertSummary('De beoordeling is niet opgeslagen', [['Besluitvormers', 'besluitvormers']]);
  await assertKept(kept);
  await assertFieldError(note, 'besluitvormers');
});

test('gate review: saving the concept happens in place, with the message beside the buttons', async () => {
  const note = page.getByLabel('Besluitvormers');
  await note.fill('stuur@utrecht.test');
  const save = page.getByRole('button', { name: 'Concept opslaan' });
  await save.scrollIntoViewIfNeeded();
  const before = await viewportTop(save);
  await save.click();
  const status = page.getByRole('status').filter({ hasText: 'Het concept is opgeslagen' });
  await status.waitFor();
  await page.waitForURL(/\/beoordelingen\/\d+$/);
  // The error messages above the button are gone, nothing else moved.
  const afterSave = await viewportTop(save);
  assert.ok(Math.abs(afterSave - before) < 100, `the page does not jump: the button moved from ${before} to ${afterSave} px`);
  assert.ok(await status.isVisible() && await inViewport(status), 'the message is in view');

  // Saved again, without errors on screen: nothing moves at all.
  await page.getByLabel('Onderbouwing bij kosten').fill('Licenties zijn duur, maar te delen met Amersfoort');
  await save.scrollIntoViewIfNeeded();
  const again = await viewportTop(save);
  await save.click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Concept opslaan');
  await page.waitForTimeout(300);
  assert.equal(await viewportTop(save), again, 'the button stays where it was');
  assert.ok(await inViewport(status), 'the message is in view');
  assert.equal(await page.getByLabel('Onderbouwing bij kosten').inputValue(), 'Licenties zijn duur, maar te delen met Amersfoort');
  const reviews = (await api('GET', `/innovaties/${id}/beoordelingen`)).body._embedded.beoordelingen;
  assert.equal(reviews.length, 1);
  assert.equal(reviews[0].budget, 20000);
  assert.equal(reviews[0].status, 'concept');
  assert.equal(reviews[0].pijlers.kosten.onderbouwing, 'Licenties zijn duur, maar te delen met Amersfoort');
  await assertAccessible(page, 'de opgeslagen beoordeling');
});

// Where an element is on the screen: it stays there when a form saves in place.
const viewportTop = (locator) => locator.evaluate((el) => Math.round(el.getBoundingClientRect().top));

async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

test('gate review: "Besluit vaststellen" asks for confirmation; the decided review keeps its dark-side scores', async () => {
  await page.getByRole('button', { name: 'Besluit vaststellen' }).click();
  const confirm = page.getByRole('group', { name: 'Besluit GO vaststellen?' });
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /niet ongedaan/);
  assert.ok(await page.getByRole('heading', { name: 'Besluit GO vaststellen?' }).evaluate((el) => el === document.activeElement), 'focus moves to the question');
  await assertAccessible(page, 'de bevestigingsvraag');
  let review = (await api('GET', `/innovaties/${id}/beoordelingen`)).body._embedded.beoordelingen[0];
  assert.equal(review.status, 'concept', 'nothing is decided before the confirmation');

  // Back to the form: still all there.
  await confirm.getByRole('button', { name: 'Nee, terug naar het formulier' }).click();
  assert.equal(await confirm.count(), 0);
  assert.equal(await page.getByLabel('Motivering').inputValue(), 'De proef is de moeite waard.');
  assert.ok(await page.getByRole('button', { name: 'Besluit vaststellen' }).evaluate((el) => el === document.activeElement));

  await page.getByRole('button', { name: 'Besluit vaststellen' }).click();
  await page.getByRole('button', { name: 'Ja, besluit GO vaststellen' }).click();
  await page.getByText(/Besluit GO, vastgesteld op/).waitFor();
  review = (await api('GET', `/innovaties/${id}/beoordelingen`)).body._embedded.beoordelingen[0];
  assert.equal(review.status, 'vastgesteld');
  const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  assert.match(main, /Schaduwkanten/);
  assert.match(main, /Onrechtmatig handelen, zoals een inbreuk op privacy Risico 3 van 5\. Kentekens worden niet bewaard/);
  await assertAccessible(page, 'een vastgestelde beoordeling met schaduwkanten');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
});

test('business case: a refused amount keeps every line; saving again happens in place beside the form', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}/sturing`);
  await page.getByRole('heading', { level: 1, name: 'Sturing: Slim strooien' }).waitFor();
  await page.getByText('Businesscase bewerken').click();
  const extern = page.getByRole('group', { name: 'Kosten in de fase idee' }).getByLabel('Uit eigen zak (euro)');
  const hours = page.getByRole('group', { name: 'Kosten in de fase ontwikkeling' }).getByLabel('Interne uren');
  const rate = page.getByLabel('Uurtarief (euro)');
  const benefit = page.getByLabel('Omschrijving van de baat');
  const amount = page.getByLabel('Geschatte baat per jaar (euro)');
  const assumption = page.getByLabel('Aanname');
  const stops = page.getByLabel('Wat stopt er');
  const saving = page.getByLabel('Besparing per jaar (euro)');
  const kept = [[extern, '10.000'], [hours, '120'], [rate, '85'], [benefit, 'Minder strooizout'], [amount, 'veel'], [assumption, '10% minder zout'], [stops, 'Vaste strooiroutes'], [saving, '3.000']];
  for (const [field, value] of kept) await field.fill(value);

  await page.getByRole('button', { name: 'Businesscase opslaan' }).click();
  await assertSummary('De businesscase is niet opgeslagen', [['Geschatte baat per jaar (euro)', 'Vul de geschatte baat per jaar in als bedrag, bijvoorbeeld 12.000']]);
  await assertKept(kept);
  await assertFieldError(amount, 'Vul de geschatte baat per jaar in als bedrag');
  await assertAccessible(page, 'de businesscase met een fout');

  // Corrected: saved in place; the message is beside the form, nothing jumps.
  await amount.fill('12.000');
  const save = page.getByRole('button', { name: 'Businesscase opslaan' });
  await save.scrollIntoViewIfNeeded();
  const before = await viewportTop(save);
  await save.click();
  const status = page.locator('#bc-melding').getByText('De businesscase is opgeslagen.');
  await status.waitFor();
  assert.ok(Math.abs((await viewportTop(save)) - before) < 100, 'the page does not jump to the top');
  assert.ok(await inViewport(status), 'the message is in view, beside the form');
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus does not go to the page heading');
  const bc = (await api('GET', `/innovaties/${id}/businesscase`)).body;
  assert.equal(bc.baten[0].bedragPerJaar, 12000);
  assert.equal(bc.stoplijst[0].besparingPerJaar, 3000);

  // Once more without errors on screen: the button does not move at all.
  await saving.fill('3.500');
  const again = await viewportTop(save);
  const reloaded = page.waitForResponse((r) => r.url().endsWith('/businesscase') && r.request().method() === 'GET');
  await save.click();
  await reloaded;
  await page.waitForTimeout(300);
  assert.equal(await viewportTop(save), again, 'the button stays where it was');
  assert.ok(await inViewport(status));
  await assertAccessible(page, 'de sturingspagina na opslaan');
});

test('risk register: a refused order keeps the title and description', async () => {
  await page.getByText('Onbekende of risico toevoegen').click();
  const soort = page.getByLabel('Soort', { exact: true });
  const title = page.getByLabel('Titel (verplicht)');
  const description = page.getByLabel('Omschrijving', { exact: true });
  const owner = page.getByLabel('Eigenaar');
  const order = page.getByLabel('Volgorde van aanpak');
  const kept = [[soort, 'risico'], [title, 'Sensoren vallen uit bij vorst'], [description, 'Wat doen we als de data wegvalt?'], [owner, 'Team wegen'], [order, 'eerst']];
  await soort.selectOption('risico');
  for (const [field, value] of kept.slice(1)) await field.fill(value);
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await assertSummary('Dit is niet aan het register toegevoegd', [['Volgorde van aanpak', 'Vul de volgorde van aanpak in als heel getal']]);
  await assertKept(kept);
  await assertFieldError(order, 'heel getal');
  await order.fill('1');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await page.locator('#risico-melding').getByText('is toegevoegd aan het register').waitFor();
  await page.getByRole('cell', { name: 'Sensoren vallen uit bij vorst' }).waitFor();
  assert.equal(await title.inputValue(), '', 'the form is empty for the next one');
});

test('reuse document: a refused web address keeps the title, address and licence', async () => {
  await page.goto(`/innovaties/${id}`);
  await page.getByRole('heading', { level: 1, name: 'Slim strooien' }).waitFor();
  await page.getByText('Document toevoegen').click();
  const section = page.getByRole('region', { name: 'Documenten voor hergebruik' });
  const soort = section.getByLabel('Soort');
  const title = section.getByLabel('Titel (verplicht)');
  const url = section.getByLabel('Webadres');
  const licence = section.getByLabel('Licentie');
  const note = section.getByLabel('Toelichting');
  await soort.selectOption('broncode');
  const kept = [[soort, 'broncode'], [title, 'Broncode van het strooimodel'], [url, 'www.utrecht.nl/strooimodel'], [licence, 'EUPL-1.2'], [note, 'Python, met tests']];
  for (const [field, value] of kept.slice(1)) await field.fill(value);
  await section.getByRole('button', { name: 'Toevoegen' }).click();
  await assertSummary('Het document is niet toegevoegd', [['Webadres', 'Vul het webadres volledig in, beginnend met https://']]);
  await assertKept(kept);
  await assertFieldError(url, 'beginnend met https://');
  await assertAccessible(page, 'het documentformulier met een fout');
  assert.equal((await api('GET', `/innovaties/${id}/hergebruik`)).body._embedded.hergebruik.length, 0);

  await url.fill('https://www.utrecht.nl/strooimodel');
  await section.getByRole('button', { name: 'Toevoegen' }).click();
  const notice = page.locator('#hergebruik-melding');
  await notice.getByText('Het document is toegevoegd.').waitFor();
  assert.ok(await section.evaluate((s, n) => s.contains(n), await notice.elementHandle()), 'the message is beside the form');
  await section.getByRole('link', { name: 'Broncode van het strooimodel' }).waitFor();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
});

test('adoption: changing the status keeps and shows the earlier note; a refusal keeps the new values', async () => {
  const amsterdam = await login(koers.url, 'lid@amsterdam.test');
  const made = await api('POST', '/adopties', { bron: id, organisatie: 'GM0363', status: 'buitenkring', datum: '2026-01-15', notitie: 'Wij volgen dit voor de winter', maakInnovatie: false }, amsterdam);
  assert.equal(made.status, 201, made.text);
  await logIn(page, 'lid@amsterdam.test');
  await page.goto(`/innovaties/${id}`);
  await page.getByRole('heading', { level: 1, name: 'Slim strooien' }).waitFor();
  await page.getByText('De adoptie van uw organisatie bijwerken').click();
  const note = page.getByLabel('Notitie');
  assert.equal(await note.inputValue(), 'Wij volgen dit voor de winter', 'the earlier note is in the form');
  assert.match(await page.locator('#adoptie-eerder').innerText(), /Wij volgen dit voor de winter/);
  const status = page.getByLabel('Stand van zaken');
  const since = page.getByLabel('Sinds');
  assert.equal(await status.inputValue(), 'buitenkring');
  await status.selectOption('in_uitvoering');
  await since.fill('');
  const copy = page.getByLabel(/Maak voor onze organisatie een eigen innovatie/);
  await copy.check();
  await note.fill('Wij volgen dit voor de winter. Start in november.');
  const kept = [[status, 'in_uitvoering'], [since, ''], [copy, true], [note, 'Wij volgen dit voor de winter. Start in november.']];
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await assertSummary('De adoptie is niet opgeslagen', [['Sinds', 'Vul de datum sinds wanneer dit zo is in']]);
  await assertKept(kept);
  await assertFieldError(since, 'Vul de datum');
  await assertAccessible(page, 'het adoptieformulier met een fout');

  await since.fill('2026-11-01');
  await copy.uncheck();
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await page.locator('#hergebruik-melding').getByText('De adoptie is vastgelegd.').waitFor();
  const a = (await api('GET', `/adopties/${made.body.id}`, undefined, amsterdam)).body;
  assert.equal(a.status, 'in_uitvoering');
  assert.equal(a.notitie, 'Wij volgen dit voor de winter. Start in november.');

  // Only the status changes: the note stays.
  await page.getByText('De adoptie van uw organisatie bijwerken').click();
  await page.getByLabel('Stand van zaken').selectOption('in_gebruik');
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await page.locator('#hergebruik-melding').getByText('De adoptie is vastgelegd.').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'hergebruik-melding');
  const b = (await api('GET', `/adopties/${made.body.id}`, undefined, amsterdam)).body;
  assert.equal(b.status, 'in_gebruik');
  assert.equal(b.notitie, 'Wij volgen dit voor de winter. Start in november.', 'changing the status keeps the note');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
});

test('indicator: a refused base value keeps every field; the instruction names the field', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}/indicatoren`);
  await page.getByRole('heading', { level: 1, name: /Indicatoren en waarde/ }).waitFor();
  await page.getByRole('button', { name: 'Indicator toevoegen' }).click();
  const naam = page.getByLabel('Naam (verplicht)');
  const soort = page.getByLabel('Soort');
  const eenheid = page.getByLabel('Eenheid (verplicht)');
  const basis = page.getByLabel('Basiswaarde (nulmeting)');
  const basisDatum = page.getByLabel('Datum van de basiswaarde');
  const doel = page.getByLabel('Streefwaarde');
  const bron = page.getByLabel('Bron');
  const niveau = page.getByLabel('Gebiedsniveau');
  const optelbaar = page.getByLabel(/op te tellen/);
  await soort.selectOption('output');
  await niveau.selectOption('GM');
  await optelbaar.check();
  const kept = [[naam, 'Gestrooide kilometers'], [eenheid, 'km'], [basis, 'ongeveer 800'], [basisDatum, '2025-01-01'], [doel, '600'], [bron, 'Ritregistratie']];
  for (const [field, value] of kept) await field.fill(value);
  kept.push([soort, 'output'], [niveau, 'GM'], [optelbaar, true]);
  await page.getByRole('button', { name: 'Indicator opslaan' }).click();
  await assertSummary('De indicator is nog niet opgeslagen', [['Basiswaarde (nulmeting)', 'Vul de basiswaarde in als getal, bijvoorbeeld 12,5']]);
  await assertKept(kept);
  await assertFieldError(basis, 'Vul de basiswaarde in als getal');
  await assertAccessible(page, 'het indicatorformulier met een fout');

  await basis.fill('800');
  await page.getByRole('button', { name: 'Indicator opslaan' }).click();
  await assertSummary('De indicator is nog niet opgeslagen', [['Streefdatum', 'Vul de streefdatum in: bij een streefwaarde hoort een datum']]);
  await assertKept(kept.filter(([l]) => l !== basis));
  await page.getByLabel('Streefdatum').fill('2027-12-31');
  await page.getByRole('button', { name: 'Indicator opslaan' }).click();
  await page.locator('#indicator-melding').getByText('Indicator “Gestrooide kilometers” is opgeslagen.').waitFor();
});

test('import: a file that is refused stays chosen; without a file the summary asks for one', async () => {
  const section = page.getByRole('region', { name: /Gestrooide kilometers/ });
  const file = section.getByLabel(/Bestand met metingen/);
  await section.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const summary = await assertSummary('Er is geen voorbeeld gemaakt', [['Bestand met metingen', 'Kies een bestand met metingen']]);
  assert.equal(await file.getAttribute('aria-invalid'), 'true');
  await assertFieldError(file, 'Kies een bestand met metingen');
  await assertAccessible(page, 'het importformulier zonder bestand');
  await summary.getByRole('link').click();
  assert.ok(await file.evaluate((el) => el === document.activeElement), 'the link leads to the file field');

  const bad = '\uFEFFperiode;gebied;waarde\r\n2025-Q5;GM0344;12\r\n';
  await file.setInputFiles({ name: 'kilometers.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
  await section.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await section.getByRole('table', { name: /Fouten in het bestand/ }).waitFor();
  assert.equal(await file.evaluate((el) => el.files[0]?.name), 'kilometers.csv', 'the chosen file is kept');
  assert.equal(await file.getAttribute('aria-invalid'), 'false');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
});

test('innovation: a refused amount keeps every field, the team included', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto('/innovaties/nieuw');
  await page.getByRole('heading', { level: 1, name: 'Nieuwe innovatie' }).waitFor();
  const titel = page.getByLabel('Titel (verplicht)');
  const samenvatting = page.getByLabel('Samenvatting');
  const organisatie = page.getByLabel('Organisatie (verplicht)');
  const domein = page.getByLabel('Domein');
  const tags = page.getByLabel('Trefwoorden');
  const kosten = page.getByLabel('Kosten uit eigen zak (euro)');
  const uren = page.getByLabel('Interne uren');
  const start = page.getByLabel('Startdatum');
  await organisatie.selectOption('GM0344');
  const domainValue = await domein.locator('option').nth(2).getAttribute('value');
  await domein.selectOption(domainValue);
  const kept = [[titel, 'Slimme lantaarnpalen'], [samenvatting, 'Licht dat meebeweegt met wie er loopt.'], [tags, 'verlichting, energie'], [kosten, 'duizend euro'], [uren, '80'], [start, '2026-02-01']];
  for (const [field, value] of kept) await field.fill(value);
  await page.getByRole('button', { name: 'Teamlid toevoegen' }).click();
  const member = page.getByLabel('Naam of functie');
  await member.fill('Projectleider openbare ruimte');
  const role = page.getByLabel('Rol (verplicht)');
  await role.selectOption('projectleider');
  kept.push([organisatie, 'GM0344'], [domein, domainValue], [member, 'Projectleider openbare ruimte'], [role, 'projectleider']);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assertSummary('De innovatie is nog niet opgeslagen', [['Kosten uit eigen zak (euro)', 'Vul de kosten uit eigen zak in als bedrag, bijvoorbeeld 20.000']]);
  await assertKept(kept);
  await assertFieldError(kosten, 'Vul de kosten uit eigen zak in als bedrag');
  await assertAccessible(page, 'het innovatieformulier met een fout');

  // Refused by the API: an e-mail address without an account; still all there.
  await kosten.fill('1.000');
  kept.splice(kept.findIndex(([l]) => l === kosten), 1, [kosten, '1.000']);
  const account = page.getByLabel('E-mailadres van het Koers-account');
  await account.fill('onbekend@utrecht.test');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('alert').filter({ hasText: 'Teamlid 1' }).waitFor();
  await assertSummary('De innovatie is nog niet opgeslagen', [['Teamlid 1, e-mailadres van het Koers-account', 'Vul het e-mailadres van teamlid 1 in als e-mailadres van een bestaand Koers-account']]);
  await assertKept(kept);
  await account.fill('');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Slimme lantaarnpalen' }).waitFor();
});

test('innovation: the own organisation is preselected, partners are picked and shown by name', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto('/innovaties/nieuw');
  await page.getByRole('heading', { level: 1, name: 'Nieuwe innovatie' }).waitFor();
  assert.equal(await page.getByLabel('Organisatie (verplicht)').inputValue(), 'GM0344', 'Utrecht, where the user works');
  await page.getByLabel('Titel (verplicht)').fill('Samen slim strooien');
  const box = page.getByLabel('Partner toevoegen');
  const options = await page.locator('#partner-opties option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(options.some((o) => /^Gemeente Amsterdam/.test(o)), 'organisations are offered by name as one types');
  // A name that is no organisation is refused and stays typed.
  await box.fill('Gemeente Nergenshuizen');
  await box.press('Enter');
  await page.locator('#partner-kiezen-fout').filter({ hasText: 'Kies een organisatie uit de lijst' }).waitFor();
  assert.equal(await box.inputValue(), 'Gemeente Nergenshuizen');
  await box.fill(options.find((o) => /^Gemeente Amsterdam/.test(o)));
  await page.getByRole('button', { name: 'Toevoegen als partner' }).click();
  const chosen = page.getByRole('list', { name: 'Gekozen partners' });
  await chosen.getByText('Gemeente Amsterdam').waitFor();
  assert.doesNotMatch(await chosen.textContent(), /GM0363/, 'by name, not by code');
  assert.equal(await page.getByLabel('Titel (verplicht)').inputValue(), 'Samen slim strooien', 'adding a partner keeps what was typed');
  await assertAccessible(page, 'het innovatieformulier met een partner');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Samen slim strooien' }).waitFor();
  const partners = page.locator('.koers-data-list__item').filter({ hasText: 'Partners' });
  assert.match(await partners.textContent(), /Gemeente Amsterdam/);
  assert.doesNotMatch(await partners.textContent(), /GM0363/);
});
