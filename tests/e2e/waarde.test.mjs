// Realised value in a real browser: a member fills in the business case,
// estimated and realised benefit side by side, and sees both on the steering
// page, in the printable report and in the value summary on the
// innovation's page, next to the value levels and the outcome indicators'
// latest value against baseline and target. Every page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, newPage, logIn } from '../lib/browser.mjs';

let koers;
let browser;
let page;
let id;
let session;
const api = (method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session, ...options });

async function indicator(fields, csv) {
  const r = await api('POST', `/innovaties/${id}/indicatoren`, {
    json: { eenheid: 'aantal', richting: 'hoger', ...fields },
  });
  assert.equal(r.status, 201, r.text);
  if (csv) {
    const m = await api('POST', `/indicatoren/${r.body.id}/metingen/_import`, { body: csv, headers: { 'content-type': 'text/csv' } });
    assert.equal(m.status, 200, m.text);
  }
  return r.body;
}

before(async () => {
  koers = await startKoers({ users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' }] });
  session = await login(koers.url, 'lid@utrecht.test');
  const r = await api('POST', '/innovaties', {
    json: {
      titel: 'Sensoren in de groenbakken', organisatie: 'GM0344', fase: 'implementatie', status: 'actief', zichtbaarheid: 'openbaar',
      waardeSoorten: ['inwoners', 'openbare_ruimte'], waardecreatie: 'beperkt', waardepotentie: 'groot',
    },
  });
  assert.equal(r.status, 201, r.text);
  id = r.body.id;
  // Two outcome indicators (one series; values per municipality that add
  // up) and an output indicator the summary leaves out.
  await indicator(
    { naam: 'Tevredenheid inwoners', soort: 'outcome', eenheid: '%', basisWaarde: 60, basisDatum: '2024-01-01', doelWaarde: 80, doelDatum: '2025-12-31' },
    'periode;waarde\r\n2024-Q1;64\r\n2024-Q3;71,5\r\n2024-Q2;68\r\n',
  );
  await indicator(
    { naam: 'Vermeden ritten', soort: 'outcome', eenheid: 'ritten', gebiedsniveau: 'GM', gebiedJaar: 2024, optelbaar: true, basisWaarde: 0, basisDatum: '2024-01-01', doelWaarde: 500, doelDatum: '2025-12-31' },
    'periode;gebied;waarde;aantal\r\n2024;GM0344;120;40\r\n2024;GM0363;80;30\r\n',
  );
  await indicator({ naam: 'Geplaatste sensoren', soort: 'output' }, 'periode;waarde\r\n2024;250\r\n');
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  assert.deepEqual(page?.errors ?? [], [], 'no errors in the browser console');
  await browser?.close();
  await koers?.stop();
});

const squash = (s) => s.replace(/\s+/g, ' ').trim();
// The value of the term `term` in the definition list of `section`.
async function definition(section, term) {
  const item = section.locator('.koers-data-list__item').filter({ has: page.locator('dt', { hasText: term }) });
  return squash(await item.locator('dd').innerText());
}
async function rowText(table, text) {
  return squash(await table.getByRole('row').filter({ hasText: text }).first().innerText());
}
const valueSection = () => page.getByRole('region', { name: 'Waarde' });

test('before the business case, the value summary shows the levels and the outcome indicators', async () => {
  await page.goto(`/innovaties/${id}`);
  await page.getByRole('heading', { level: 1, name: 'Sensoren in de groenbakken' }).waitFor();
  const section = valueSection();
  await section.waitFor();
  assert.equal(await definition(section, 'Waardecreatie nu'), 'Beperkt');
  assert.equal(await definition(section, 'Potentie na opschaling'), 'Groot');
  assert.equal(await definition(section, 'Soort waarde'), 'Direct voor inwoners, Openbare ruimte');
  assert.equal(await section.getByText('Gerealiseerde baten per jaar').count(), 0, 'no business case, no benefit rows');

  const outcomes = section.getByRole('table', { name: /Outcome-indicatoren/ });
  assert.equal(await rowText(outcomes, 'Tevredenheid inwoners'), 'Tevredenheid inwoners 71,5% (3e kwartaal 2024) 60% 80%', 'the latest period, not the last row');
  assert.equal(await rowText(outcomes, 'Vermeden ritten'), 'Vermeden ritten 200 ritten (2024) 0 ritten 500 ritten', 'the total of the areas');
  assert.doesNotMatch(await outcomes.textContent(), /Geplaatste sensoren/, 'output indicators are not outcomes');
  assert.equal(await section.getByRole('link', { name: 'Alle indicatoren en metingen' }).getAttribute('href'), `/innovaties/${id}/indicatoren`);
  await assertAccessible(page, 'de innovatiepagina met waardesamenvatting');
});

test('a member fills in estimated and realised benefit; the steering page shows both', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}/sturing`);
  await page.getByRole('heading', { level: 1, name: 'Sturing: Sensoren in de groenbakken' }).waitFor();
  await page.getByText('Businesscase bewerken').click();
  await page.getByLabel('Uit eigen zak (euro)').first().fill('10.000');
  await page.getByLabel('Interne uren').first().fill('40');
  await page.getByLabel('Omschrijving van de baat').fill('Minder ritten van de inzamelwagens');
  await page.getByLabel('Geschatte baat per jaar (euro)').fill('12.000');
  const realised = page.getByLabel('Gerealiseerde baat per jaar (euro)');
  assert.match(await realised.getAttribute('aria-describedby') ?? '', /\S/, 'the field explains itself');
  await assertAccessible(page, 'het formulier van de businesscase');

  // A realised amount that is no number: the summary names the field and links to it.
  await realised.fill('veel');
  await page.getByRole('button', { name: 'Businesscase opslaan' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'De businesscase is niet opgeslagen' });
  await summary.waitFor();
  const link = summary.getByRole('link', { name: /^Gerealiseerde baat per jaar \(euro\):/ });
  assert.equal(await link.getAttribute('href'), '#baatGerealiseerd');

  // The form stays open with what was typed; the field says what is wrong.
  assert.equal(await page.getByLabel('Omschrijving van de baat').inputValue(), 'Minder ritten van de inzamelwagens');
  assert.equal(await page.getByLabel('Uit eigen zak (euro)').first().inputValue(), '10.000');
  assert.equal(await realised.getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'de businesscase met een fout');
  await link.click();
  assert.ok(await realised.evaluate((el) => el === document.activeElement), 'the link leads to the field');
  await realised.fill('4.500');
  await page.getByRole('button', { name: 'Businesscase opslaan' }).click();
  await page.getByRole('status').filter({ hasText: 'De businesscase is opgeslagen.' }).waitFor();

  const bc = (await api('GET', `/innovaties/${id}/businesscase`)).body;
  assert.equal(bc.baten[0].gerealiseerdPerJaar, 4500);
  assert.equal(bc.totalen.gerealiseerdPerJaar, 4500);

  const table = page.getByRole('table', { name: 'Baten: geschat en gerealiseerd' });
  const headers = squash(await table.locator('thead').innerText());
  assert.equal(headers, 'Baat Geschat per jaar Gerealiseerd per jaar Aanname');
  assert.match(await rowText(table, 'Minder ritten'), /^Minder ritten van de inzamelwagens € 12\.000 € 4\.500 –$/);
  const section = page.getByRole('region', { name: 'Businesscase' });
  assert.match(squash(await section.textContent()), /Gerealiseerde baten tot nu toe: € 4\.500 per jaar\./);
  // The form keeps what was saved.
  await page.getByText('Businesscase bewerken').click();
  assert.equal(await page.getByLabel('Gerealiseerde baat per jaar (euro)').inputValue(), '4500');
  await assertAccessible(page, 'de sturingspagina met gerealiseerde baten');
});

test('the printable report shows estimated and realised benefit', async () => {
  await page.goto(`/innovaties/${id}/rapport`);
  await page.getByRole('heading', { level: 1, name: /^Stuurrapport:/ }).waitFor();
  const table = page.getByRole('table', { name: 'Baten: geschat en gerealiseerd' });
  assert.match(await rowText(table, 'Minder ritten'), /€ 12\.000 € 4\.500/);
  assert.match(squash(await page.locator('main').textContent()), /Gerealiseerde baten tot nu toe: € 4\.500 per jaar\./);
  await assertAccessible(page, 'het stuurrapport');
});

test('the value summary on the innovation’s page shows the realised benefit and the costs', async () => {
  const { totalen: t } = (await api('GET', `/innovaties/${id}/businesscase`)).body;
  const euro = (n) => squash(new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n));
  for (const [who, p] of [['member', page], ['visitor', null]]) {
    const tab = p ?? await newPage(browser, koers.url);
    await tab.goto(`/innovaties/${id}`);
    const section = tab.getByRole('region', { name: 'Waarde' });
    await section.getByText('Gerealiseerde baten per jaar').waitFor();
    const dd = async (term) => squash(await section.locator('.koers-data-list__item').filter({ has: tab.locator('dt', { hasText: term }) }).locator('dd').innerText());
    assert.equal(await dd('Gerealiseerde baten per jaar'), '€ 4.500', who);
    assert.equal(await dd('Geschatte baten per jaar'), '€ 12.000', who);
    assert.equal(await dd('Totale kosten'), `${euro(t.kostenExtern + t.kostenIntern)} (€ 10.000 uit eigen zak en 40 interne uren tegen ${euro(t.uurtarief)} per uur)`, who);
    await assertAccessible(tab, `de waardesamenvatting (${who})`);
    if (!p) {
      assert.deepEqual(tab.errors, []);
      await tab.context().close();
    }
  }
});

test('the catalogue passes axe', async () => {
  await page.goto('/innovaties');
  await page.getByRole('link', { name: 'Sensoren in de groenbakken' }).waitFor();
  await assertAccessible(page, 'de lijst met innovaties');
});
