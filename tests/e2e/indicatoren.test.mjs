// Value and outcome in a real browser: a member adds an indicator with the
// keyboard, imports measurements from a Dutch Excel CSV (byte order mark,
// semicolons, decimal commas) through the file input, first as a preview,
// and sees the chart, its table, the values per municipality and the map;
// a visitor sees small numbers suppressed; the organisation's dashboard
// shows the funnel and the portfolio, each with its table. Every page
// passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, newPage, logIn } from '../lib/browser.mjs';

const BOM = '\uFEFF';
// As Excel saves "CSV (puntkomma gescheiden)": BOM, ';', decimal comma,
// thousands dot in quotes, CRLF.
const GOOD_CSV = `${BOM}periode;gebied;waarde;aantal\r\n`
  + '2024-Q1;GM0344;"1.234,5";120\r\n'
  + '2024-Q1;GM0363;980,25;95\r\n'
  + '2024-Q2;GM0344;"1.410,75";131\r\n'
  + '2024-Q2;GM0363;1012;7\r\n';
const BAD_CSV = `${BOM}periode;gebied;waarde;aantal\r\n`
  + '2024-Q1;GM0344;"1.234,5";120\r\n'
  + '2024-Q5;GM0344;12;30\r\n';

let koers;
let browser;
let page;
let id;
before(async () => {
  koers = await startKoers({ users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' }] });
  const s = await login(koers.url, 'lid@utrecht.test');
  const r = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: s,
    json: {
      titel: 'Slimme route afvalinzameling', organisatie: 'GM0344', fase: 'implementatie', status: 'actief', zichtbaarheid: 'openbaar',
      innovatieType: 'radicaal_beter', orientatie: 'extern', waardecreatie: 'beperkt', waardepotentie: 'groot',
      team: [{ naam: 'Anna', rol: 'projectleider' }],
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

const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
// The text of the first row of `table` that contains every one of
// `texts`, cells separated by one space.
async function rowText(table, ...texts) {
  let rows = table.getByRole('row');
  for (const t of texts) rows = rows.filter({ hasText: t });
  return (await rows.first().innerText()).replace(/\s+/g, ' ').trim();
}

test('a member adds an indicator with the keyboard; the server’s problems are listed first', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}`);
  await page.getByRole('link', { name: /Indicatoren en waarde/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Indicatoren en waarde: Slimme route afvalinzameling' }).waitFor();
  await page.getByText('Deze innovatie heeft nog geen indicatoren.').waitFor();
  await assertAccessible(page, 'de indicatorenpagina zonder indicatoren');

  await page.getByRole('button', { name: 'Indicator toevoegen' }).focus();
  await page.keyboard.press('Enter');
  const naam = page.getByLabel('Naam', { exact: false }).first();
  await naam.waitFor();
  assert.ok(await naam.evaluate((el) => el === document.activeElement), 'the form opens with focus on its first field');

  // Saving without a name: the summary takes focus and links to the field.
  await page.getByRole('button', { name: 'Indicator opslaan' }).press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'De indicator is nog niet opgeslagen' });
  await summary.waitFor();
  assert.ok(await summary.evaluate((el) => el === document.activeElement));
  await summary.getByRole('link', { name: /^Naam:/ }).waitFor();
  await assertAccessible(page, 'het indicatorformulier met fouten');

  await naam.fill('Bespaarde uren');
  await page.getByLabel('Soort').selectOption('output');
  await page.getByLabel('Eenheid').fill('uren');
  await page.getByLabel('Wat is beter').selectOption('hoger');
  await page.getByLabel('Basiswaarde (nulmeting)').fill('1.000');
  await page.getByLabel('Datum van de basiswaarde').fill('2024-01-01');
  await page.getByLabel('Streefwaarde').fill('3.000');
  await page.getByLabel('Streefdatum').fill('2025-12-31');
  await page.getByLabel('Bron').fill('Urenregistratie van de inzamelaars');
  await page.getByLabel('Gebiedsniveau').selectOption('GM');
  assert.equal(await page.getByLabel('Jaar van de gebiedsindeling').inputValue(), '2024');
  await page.getByLabel(/op te tellen/).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Indicator opslaan' }).press('Enter');

  const notice = page.locator('#indicator-melding');
  await notice.getByText('Indicator “Bespaarde uren” is opgeslagen.').waitFor();
  assert.ok(await notice.evaluate((el) => el === document.activeElement), 'the confirmation takes focus');
  const section = page.getByRole('region', { name: /Bespaarde uren/ });
  assert.match(await section.textContent(), /1\.000 uren op 1 januari 2024/);
  assert.match(await section.textContent(), /3\.000 uren uiterlijk 31 december 2025/);
  await section.getByText('Nog geen metingen.').waitFor();
});

test('an Excel CSV is first previewed, refused with its errors per row, then imported', async () => {
  const section = page.getByRole('region', { name: /Bespaarde uren/ });
  const file = section.getByLabel(/Bestand met metingen/);

  await file.setInputFiles(csvFile('fout.csv', BAD_CSV));
  await section.getByRole('button', { name: 'Voorbeeld bekijken' }).press('Enter');
  const errors = section.getByRole('table', { name: /Fouten in het bestand/ });
  await errors.waitFor();
  assert.match(await rowText(errors, /periode/), /2024-Q5|jaar, kwartaal of maand/);
  assert.equal(await section.getByRole('button', { name: 'Importeren' }).count(), 0, 'nothing to import while there are errors');
  await assertAccessible(page, 'een voorbeeld met fouten');

  await file.setInputFiles(csvFile('metingen-utrecht.csv', GOOD_CSV));
  await section.getByRole('button', { name: 'Voorbeeld bekijken' }).press('Enter');
  const status = section.getByRole('status').filter({ hasText: 'Voorbeeld' });
  await status.waitFor();
  assert.match((await status.textContent()).replace(/\s+/g, ' '), /4 regels gelezen: 4 nieuw, 0 gewijzigd, 0 ongewijzigd/);
  const read = section.getByRole('table', { name: /regels zoals Koers ze leest/ });
  assert.match(await rowText(read, 'GM0344', '1.234,5'), /1e kwartaal 2024/);
  assert.match(await read.textContent(), /980,25/);

  await section.getByRole('button', { name: 'Importeren' }).press('Enter');
  const notice = page.locator('#indicator-melding');
  await notice.getByText(/4 metingen geïmporteerd/).waitFor();
  assert.match(await notice.textContent(), /4 nieuw, 0 gewijzigd, 0 ongewijzigd/);
});

test('the measurements show as a line chart with the same figures in tables, per area and on the map', async () => {
  const section = page.getByRole('region', { name: /Bespaarde uren/ });
  const chart = section.getByRole('img', { name: /Bespaarde uren per periode/ });
  await chart.locator('svg').waitFor();
  assert.ok(await chart.locator('svg path').count() > 0, 'the line is drawn');
  assert.match(await chart.getAttribute('aria-label'), /Basiswaarde 1\.000 uren/);

  const totals = section.getByRole('table', { name: /totaal van alle gebieden per periode/ });
  assert.match(await rowText(totals, /1e kwartaal 2024/), /2\.214,75 uren/);
  assert.match(await rowText(totals, /2e kwartaal 2024/), /2\.422,75 uren/);

  const areas = section.getByRole('table', { name: /per gebied en periode/ });
  const utrecht = await rowText(areas, /Utrecht/);
  assert.match(utrecht, /1\.234,5 uren/);
  assert.match(utrecht, /1\.410,75 uren/);
  assert.match(await rowText(areas, /Amsterdam/), /1\.012 uren/, 'the own organisation sees small numbers');
  assert.doesNotMatch(await areas.textContent(), /onderdrukt/);

  const map = section.getByRole('img', { name: /Bespaarde uren per gemeente, 2e kwartaal 2024/ });
  assert.equal(await map.locator('path').count(), 342, 'all municipalities drawn, without tiles');
  assert.equal(await map.locator('path[class^="koers-choropleth__k"]').count(), 2, 'two municipalities coloured');
  // The period on the map is chosen with the keyboard.
  await section.getByLabel('Periode op de kaart').focus();
  await section.getByLabel('Periode op de kaart').selectOption('2024-Q1');
  await section.getByRole('img', { name: /Bespaarde uren per gemeente, 1e kwartaal 2024/ }).waitFor();
  assert.ok(await section.getByLabel('Periode op de kaart').evaluate((el) => el === document.activeElement), 'focus stays on the choice');

  // Downloads: the CSV for Excel has a BOM, semicolons and decimal commas.
  const link = section.getByRole('link', { name: /^CSV voor Excel/ });
  const csv = await page.request.get(await link.getAttribute('href'));
  assert.equal(csv.status(), 200);
  const text = (await csv.body()).toString('utf8');
  assert.ok(text.startsWith(BOM), 'UTF-8 with BOM');
  assert.match(text, /;/);
  assert.match(text, /1\.?234,5/);
  for (const name of [/^CSV van/, /^Excel \(\.xlsx\)/, /^JSON/]) await section.getByRole('link', { name }).waitFor();

  await assertAccessible(page, 'de indicatorenpagina met grafiek, tabellen en kaart');
});

test('a visitor sees the public version, with small numbers suppressed and explained', async () => {
  const visitor = await newPage(browser, koers.url);
  await visitor.goto(`/innovaties/${id}/indicatoren`);
  const section = visitor.getByRole('region', { name: /Bespaarde uren/ });
  await section.getByText('U ziet de openbare versie van deze cijfers.').waitFor();
  const areas = section.getByRole('table', { name: /per gebied en periode/ });
  assert.match(await rowText(areas, /Amsterdam/), /onderdrukt/);
  assert.doesNotMatch(await areas.textContent(), /1\.012/, 'the value of 7 people is not shown');
  assert.equal(await section.getByRole('button', { name: 'Voorbeeld bekijken' }).count(), 0, 'no import for visitors');
  await assertAccessible(visitor, 'de openbare indicatorenpagina');
  assert.deepEqual(visitor.errors, []);
  await visitor.context().close();
});

test('the dashboard shows funnel, portfolio, costs and latest values, each chart with its table', async () => {
  await page.goto('/organisaties/GM0344');
  await page.getByRole('navigation', { name: 'Organisatie' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: /^Dashboard:/ }).waitFor();
  const api = await (await page.request.get('/api/v1/organisaties/GM0344/dashboard')).json();

  const funnel = page.getByRole('img', { name: /Innovatiefunnel/ });
  await funnel.locator('svg').waitFor();
  assert.ok(await funnel.locator('svg path').count() >= api.fasen.length, 'a shape per phase');
  const phases = page.getByRole('table', { name: 'Innovaties per fase' });
  for (const [n, f] of api.fasen.entries()) {
    const reached = api.fasen.slice(n).reduce((sum, x) => sum + x.aantal, 0);
    assert.equal(await rowText(phases, new RegExp(`^\\s*${f.label}`)), `${f.label} ${f.aantal} ${reached}`);
  }
  assert.ok(api.fasen.find((f) => f.fase === 'implementatie').aantal >= 1);

  const portfolio = page.getByRole('img', { name: /Portfolio naar type, gerichtheid en waarde/ });
  await portfolio.locator('svg').waitFor();
  assert.ok(await portfolio.locator('svg path').count() > 0, 'the innovations are drawn');
  const table = page.getByRole('table', { name: /Portfolio: type, gerichtheid en waarde/ });
  const row = await rowText(table, /Slimme route afvalinzameling/);
  assert.match(row, /Radicaal beter/);
  assert.match(row, /\(Ook\) extern gericht/);
  assert.match(row, /Beperkt.*Groot.*\+2 stappen/);

  await page.getByRole('table', { name: 'Kosten en baten' }).getByRole('row', { name: /Kosten uit eigen zak/ }).waitFor();
  const latest = page.getByRole('table', { name: 'Laatste meetwaarde van elke indicator' });
  const last = await rowText(latest, /Bespaarde uren/);
  assert.match(last, /2e kwartaal 2024/);
  assert.match(last, /2\.422,75 uren/);

  await assertAccessible(page, 'het dashboard');
  // The figure's caption leads keyboard users to the table.
  await page.getByRole('link', { name: 'Naar de tabel bij Innovatiefunnel' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#funnel-tabel$/);
});
