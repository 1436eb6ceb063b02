// Keeping registrations current in a real browser: the innovation shows
// when it was last confirmed; the organisation's list of overdue public
// registrations lets a member confirm one, which then leaves the list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, logIn, newPage } from '../lib/browser.mjs';

let koers;
let browser;
let page;
let lid;
before(async () => {
  koers = await startKoers({ users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lieke Lid' }] });
  lid = await login(koers.url, 'lid@utrecht.test');
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  await browser?.close();
  await koers?.stop();
});

test('a member confirms an overdue registration from the organisation\'s list', async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: { titel: 'Lang niet nagekeken scan', organisatie: 'GM0344', zichtbaarheid: 'openbaar', fase: 'idee', status: 'actief' },
  });
  assert.equal(made.status, 201, made.text);
  const id = made.body.id;
  const late = await call(koers.url, 'PATCH', `/api/v1/innovaties/${id}`, {
    session: lid, json: { herzienOp: '2025-06-30' }, headers: { 'content-type': 'application/merge-patch+json' },
  });
  assert.equal(late.status, 200, late.text);

  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}`);
  const current = page.getByRole('region', { name: 'Klopt deze registratie nog?' });
  assert.match(await current.textContent(), /Laatst bevestigd op[\s\S]*uiterlijk 30 juni 2025 moeten gebeuren/);

  await page.goto('/organisaties/GM0344/te-bevestigen');
  await page.getByRole('heading', { level: 1, name: 'Te bevestigen' }).waitFor();
  const row = page.getByRole('row', { name: /Lang niet nagekeken scan/ });
  await row.waitFor();
  await assertAccessible(page, 'de lijst van te bevestigen registraties');
  await row.getByRole('button', { name: /Klopt nog/ }).click();
  await page.getByRole('status').getByText('"Lang niet nagekeken scan" is bevestigd.').waitFor();
  assert.equal(await page.getByRole('row', { name: /Lang niet nagekeken scan/ }).count(), 0);

  const stored = (await call(koers.url, 'GET', `/api/v1/innovaties/${id}`)).body;
  assert.equal(stored.laatstBevestigdOp, new Date().toISOString().slice(0, 10));
  assert.ok(stored.herzienOp > stored.laatstBevestigdOp);

  await page.goto(`/innovaties/${id}`);
  await page.getByRole('button', { name: 'Klopt nog: bevestigen' }).click();
  await page.getByRole('status').getByText(/Bevestigd\. De volgende controle is uiterlijk/).waitFor();
  await assertAccessible(page, 'een innovatie na bevestigen');
});
