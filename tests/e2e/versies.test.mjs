// A person reads what changed in an innovation, and what the
// Algoritmeregister still needs, on the innovation's page in a real browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, logIn, newPage } from '../lib/browser.mjs';

let koers;
let browser;
let page;
let lid;
before(async () => {
  koers = await startKoers({ register: true, users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lieke Lid' }] });
  lid = await login(koers.url, 'lid@utrecht.test');
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  await browser?.close();
  await koers?.stop();
});

test('the version history shows the old and new values of a change', async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: { titel: 'Slimme strooiroutes', organisatie: 'GM0344', zichtbaarheid: 'openbaar' },
  });
  assert.equal(made.status, 201, made.text);
  const changed = await call(koers.url, 'PATCH', `/api/v1/innovaties/${made.body.id}`, {
    session: lid,
    json: { titel: 'Slimme strooiroutes in de winter', publicatie: { contact: 'winter@utrecht.test' } },
    headers: { 'If-Match': `"${made.body.versie}"` },
  });
  assert.equal(changed.status, 200, changed.text);

  await page.goto(`/innovaties/${made.body.id}`);
  await page.getByRole('heading', { level: 2, name: 'Versies' }).waitFor();
  const latest = page.getByText(/Versie 2: gewijzigd op .* door Lieke Lid/);
  await latest.click();
  const table = page.getByRole('table', { name: 'Wijzigingen in versie 2' });
  const title = table.getByRole('row', { name: /Titel/ });
  assert.match(await title.textContent(), /Slimme strooiroutes\s+Slimme strooiroutes in de winter/);
  assert.match(await table.getByRole('row', { name: /contact/ }).textContent(), /winter@utrecht\.test/);
  await assertAccessible(page, 'de versies van een innovatie');

  // Now an algorithm: the page says what the register still needs.
  await page.getByRole('heading', { level: 2, name: 'Algoritmeregister' }).waitFor();
  assert.ok(await page.getByText(/verplichte velden/).first().isVisible());
  const download = page.getByRole('link', { name: /Download de registratie/ });
  assert.equal(await download.getAttribute('href'), `/api/v1/innovaties/${made.body.id}/algoritmeregister`);
});

test('editing an innovation on the form keeps its publication fields', async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: { titel: 'Voorspelde bladval', organisatie: 'GM0344', zichtbaarheid: 'openbaar', publicatie: { leverancier: 'Intern ontwikkeld' } },
  });
  assert.equal(made.status, 201, made.text);
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${made.body.id}/bewerken`);
  await page.getByLabel('Titel').fill('Voorspelde bladval per straat');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Voorspelde bladval per straat' }).waitFor();
  const stored = await call(koers.url, 'GET', `/api/v1/innovaties/${made.body.id}`);
  assert.equal(stored.body.publicatie?.leverancier, 'Intern ontwikkeld');
});
