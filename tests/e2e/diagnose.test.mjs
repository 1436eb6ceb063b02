// Diagnosis and advice in a real browser: a team member scores the nine
// success factors by keyboard, sees chart and table, the team check and the
// advice with reasons, prints the advice report; a beheerder measures the
// innovation climate; the portfolio lessons page. Every page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, newPage, logIn } from '../lib/browser.mjs';

let koers;
let browser;
let page;
let id;
before(async () => {
  koers = await startKoers({
    users: [
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
      { email: 'beheer@utrecht.test', org: 'GM0344', role: 'beheerder' },
    ],
  });
  const s = await login(koers.url, 'lid@utrecht.test');
  const r = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: s,
    json: {
      titel: 'Voorspelmodel schuldhulp', organisatie: 'GM0344', fase: 'ontwikkeling', status: 'actief', zichtbaarheid: 'organisatie',
      analyseNiveau: 'voorspellend', team: [{ naam: 'Anna', rol: 'projectleider' }, { naam: 'Bas', rol: 'data_analist' }],
    },
  });
  id = r.body.id;
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  assert.deepEqual(page?.errors ?? [], [], 'no errors in the browser console');
  await browser?.close();
  await koers?.stop();
});

test('the team scores the success factors by keyboard and gets chart, table, team check and advice', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}`);
  await page.getByRole('link', { name: /Diagnose en advies/ }).click();
  await page.getByRole('heading', { level: 1, name: /Diagnose en advies/ }).waitFor();
  // Team check before any diagnosis.
  const team = page.getByRole('table', { name: 'Ontbrekende rollen' });
  assert.match(await team.textContent(), /Privacy officer/);
  assert.match(await team.textContent(), /Data scientist/);
  await assertAccessible(page, 'de diagnosepagina zonder diagnose');

  // Score all nine factors with the keyboard: focus the first radio of each
  // group and move with the arrow keys.
  const groups = page.locator('form fieldset[id^="factoren."]');
  assert.equal(await groups.count(), 9);
  for (let n = 0; n < 9; n++) {
    const first = groups.nth(n).getByRole('radio').first();
    await first.focus();
    await page.keyboard.press('Space');
    for (let k = 0; k < (n === 7 ? 1 : 3); k++) await page.keyboard.press('ArrowRight');  // eindgebruikers: 2, others: 4
  }
  await page.getByRole('button', { name: 'Diagnose opslaan' }).press('Enter');
  const notice = page.locator('#diagnose-melding');
  await notice.waitFor();
  assert.ok(await notice.evaluate((el) => el === document.activeElement));

  const chart = page.getByRole('img', { name: 'Succesfactoren' });
  assert.equal(await chart.locator('rect').count(), 9);
  const table = page.getByRole('table', { name: /Succesfactoren, gemeten op/ });
  assert.match(await table.getByRole('row', { name: /Eindgebruikers/ }).textContent(), /2/);
  const advice = page.getByRole('region', { name: 'Advies' }).getByRole('listitem');
  assert.ok(await advice.count() > 0);
  assert.match(await advice.first().textContent(), /Waarom:/);
  assert.match(await page.getByRole('region', { name: 'Advies' }).textContent(), /eindgebruikers betrokken bij het maken scoorde 2/i);
  await assertAccessible(page, 'de diagnosepagina met advies');
});

test('the advice report prints on A4', async () => {
  await page.getByRole('link', { name: /Adviesrapport voor de stuurgroep/ }).click();
  await page.getByRole('heading', { level: 1, name: /Adviesrapport/ }).waitFor();
  await assertAccessible(page, 'het adviesrapport');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  assert.equal(overflow, false, 'nothing is cut off at the side');
  await page.emulateMedia({ media: 'screen' });
});

test('a beheerder measures the innovation climate and gets advice for the organisation', async () => {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await logIn(page, 'beheer@utrecht.test');
  await page.goto('/organisaties/GM0344');
  await page.getByRole('navigation', { name: 'Organisatie' }).getByRole('link', { name: 'Innovatieklimaat' }).click();
  await page.getByRole('heading', { level: 1, name: /Innovatieklimaat/ }).waitFor();
  await assertAccessible(page, 'het innovatieklimaat zonder meting');
  await page.locator('fieldset[id="drempels.middelen"]').getByRole('radio', { name: '5' }).check();
  await page.locator('fieldset[id="kenmerken.voortouw_nemen"]').getByRole('radio', { name: '2' }).check();
  await page.getByRole('button', { name: 'Meting opslaan' }).click();
  await page.locator('#klimaat-melding').waitFor();
  assert.match(await page.getByRole('table', { name: /Drempels, gemeten op/ }).getByRole('row', { name: /middelen/i }).textContent(), /5/);
  assert.ok(await page.getByRole('region', { name: 'Advies voor de organisatie' }).getByRole('listitem').count() > 0);
  await assertAccessible(page, 'het innovatieklimaat met meting');
});

test('the portfolio lessons say when there is too little to say', async () => {
  await page.getByRole('navigation', { name: 'Organisatie' }).getByRole('link', { name: 'Lessen' }).click();
  const table = page.getByRole('table', { name: 'Succesfactoren en het halen van de implementatie' });
  await table.waitFor();
  assert.equal(await table.locator('tbody tr').count(), 9);
  assert.match(await table.textContent(), /Te weinig innovaties om iets te zeggen/);
  await assertAccessible(page, 'de lessen uit het portfolio');
});
