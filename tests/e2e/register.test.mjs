// A person uses the register in a real browser: finds an innovation with the
// filters, opens it, edits it (first with a mistake, then correctly), all by
// keyboard where a person would, and every page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, newPage, logIn } from '../lib/browser.mjs';

let koers;
let browser;
let page;
before(async () => {
  koers = await startKoers({
    register: true,
    users: [
      { email: 'lid@eindhoven.test', org: 'GM0772', role: 'lid' },
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
    ],
  });
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  await browser?.close();
  await koers?.stop();
});

test('the start page counts innovations per phase and domain', async () => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Koers' }).waitFor();
  const phases = page.getByRole('table', { name: 'Innovaties per fase' });
  await phases.waitFor();
  const implementatie = phases.getByRole('row', { name: /Implementatie/ });
  const count = Number((await implementatie.getByRole('cell').textContent()).replace(/\./g, ''));
  assert.ok(count > 1000, `most imported records are in implementatie (${count})`);
  await assertAccessible(page, 'de startpagina');
});

test('the skip link takes keyboard users to the content', async () => {
  await page.goto('/innovaties');
  await page.getByRole('heading', { level: 1, name: 'Innovaties' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
  assert.ok(await skip.evaluate((el) => el === document.activeElement));
  assert.ok(await skip.isVisible(), 'the focused skip link is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud');
});

test('find an innovation with the filters, open it and edit it', async () => {
  await logIn(page, 'lid@eindhoven.test');
  await page.goto('/innovaties');
  await page.getByRole('heading', { level: 1, name: 'Innovaties' }).waitFor();
  await assertAccessible(page, 'de lijst met innovaties');

  // Filter by keyboard: choose values, then press Enter on the button.
  await page.getByLabel('Fase').selectOption('opschaling');
  await page.getByLabel('Domein').selectOption('fysiek');
  await page.getByRole('button', { name: 'Filter toepassen' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/fase=opschaling/);
  await page.getByRole('status').filter({ hasText: 'met deze filters' }).waitFor();
  const results = page.getByRole('list', { name: 'Gevonden innovaties' }).getByRole('listitem');
  const titles = await results.getByRole('heading').allTextContents();
  assert.ok(titles.includes('Woningbouwmonitor'), `filtered list holds the Woningbouwmonitor: ${titles}`);
  assert.ok(titles.length < 10, 'the filter narrows the list');
  await assertAccessible(page, 'de gefilterde lijst');

  await page.getByRole('link', { name: 'Woningbouwmonitor' }).click();
  await page.getByRole('heading', { level: 1, name: 'Woningbouwmonitor' }).waitFor();
  assert.match(await page.title(), /^Woningbouwmonitor/);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page');
  await page.getByText('Gemeente Eindhoven').first().waitFor();
  await assertAccessible(page, 'de detailpagina');

  await page.getByRole('link', { name: 'Bewerken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Woningbouwmonitor bewerken' }).waitFor();
  await assertAccessible(page, 'het bewerkformulier');

  // A mistake: the title is emptied. The form refuses and says what to do.
  await page.getByLabel('Titel').fill('');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Titel: Vul de titel in/);
  assert.ok(await summary.evaluate((el) => el === document.activeElement), 'focus moves to the error summary');
  const title = page.getByLabel('Titel');
  assert.equal(await title.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#titel-fout').textContent(), /Vul de titel in/);
  await assertAccessible(page, 'het formulier met fouten');

  // The link in the summary leads to the field.
  await summary.getByRole('link', { name: /Titel/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'titel');

  // Corrected, with a phase change and its reason.
  await page.keyboard.type('Woningbouwmonitor Eindhoven');
  await page.getByLabel('Status').selectOption('gepauzeerd');
  await page.getByLabel('Reden van de wijziging').fill('wacht op nieuwe data');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Woningbouwmonitor Eindhoven' }).waitFor();
  assert.match(await page.locator('.koers-timeline').textContent(), /wacht op nieuwe data/);
  await assertAccessible(page, 'de detailpagina na bewerken');
  assert.deepEqual(page.errors, []);
});

test('a new innovation can be registered and unknown pages say so', async () => {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await logIn(page, 'lid@utrecht.test');
  await page.goto('/innovaties/nieuw');
  await page.getByRole('heading', { level: 1, name: 'Nieuwe innovatie' }).waitFor();
  await assertAccessible(page, 'het formulier voor een nieuwe innovatie');
  await page.getByLabel('Titel').fill('Slimme afvalbakken');
  await page.getByLabel('Organisatie (verplicht)').selectOption('GM0344');
  await page.getByRole('button', { name: 'Teamlid toevoegen' }).click();
  await page.getByLabel('Naam of functie').fill('Projectleider afval');
  await page.getByLabel('Rol').selectOption('projectleider');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Slimme afvalbakken' }).waitFor();
  await page.getByRole('cell', { name: 'Projectleider afval' }).waitFor();

  await page.goto('/innovaties/999999');
  await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
  await assertAccessible(page, 'de pagina niet gevonden');
});

test('the organisations pages', async () => {
  await page.goto('/organisaties?soort=gemeente');
  await page.getByRole('status').filter({ hasText: '342 organisaties' }).waitFor();
  await assertAccessible(page, 'de organisaties');
  await page.getByLabel('Naam bevat').fill('utrecht');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL(/naam=utrecht/);
  await page.getByRole('link', { name: 'Gemeente Utrecht', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Gemeente Utrecht' }).waitFor();
  await assertAccessible(page, 'een organisatie');
});
