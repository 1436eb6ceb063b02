// Networks in a real browser: the owner gives a partner the right to edit
// in the innovation form; the innovation shows who develops it, who watches
// and who uses it; a partner with edit rights edits but cannot change the
// circle; each organisation has a network page. Every page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, logIn, newPage } from '../lib/browser.mjs';

let koers;
let browser;
let page;
const s = {};
before(async () => {
  koers = await startKoers({
    users: [
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lieke Lid' },
      { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid', name: 'Anton Lid' },
      { email: 'lid@rotterdam.test', org: 'GM0599', role: 'lid', name: 'Rosa Lid' },
    ],
  });
  for (const [who, email] of [['utrecht', 'lid@utrecht.test'], ['amsterdam', 'lid@amsterdam.test'], ['rotterdam', 'lid@rotterdam.test']])
    s[who] = await login(koers.url, email);
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  await browser?.close();
  await koers?.stop();
});

test('the owner lets a partner edit; the innovation and the network pages show both circles', async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: s.utrecht,
    json: { titel: 'Gedeelde parkeerscan', samenvatting: 'Een scan van de parkeerdruk per straat.', organisatie: 'GM0344', zichtbaarheid: 'openbaar', fase: 'ontwikkeling', status: 'actief', partners: ['GM0363'] },
  });
  assert.equal(made.status, 201, made.text);
  const id = made.body.id;
  const watched = await call(koers.url, 'POST', '/api/v1/adopties', {
    session: s.rotterdam,
    json: { bron: id, organisatie: 'GM0599', status: 'buitenkring', datum: '2026-10-01' },
  });
  assert.equal(watched.status, 201, watched.text);

  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}/bewerken`);
  const right = page.getByRole('checkbox', { name: /mag meebewerken/ });
  assert.equal(await right.isChecked(), false);
  await right.check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gedeelde parkeerscan', exact: true }).waitFor();
  assert.deepEqual((await call(koers.url, 'GET', `/api/v1/innovaties/${id}`)).body.partnersMetBewerkrecht, ['GM0363']);

  const network = page.getByRole('region', { name: 'Netwerk' });
  await network.waitFor();
  assert.match(await network.textContent(), /Amsterdam\s*\(partner, mag meebewerken\)/);
  assert.match(await network.textContent(), /Rotterdam\s*\(kijkt mee sinds/);
  await assertAccessible(page, 'een innovatie met haar netwerk');

  await network.getByRole('link', { name: 'Rotterdam' }).click();
  await page.getByRole('heading', { level: 1, name: 'Netwerk van Gemeente Rotterdam' }).waitFor();
  const from = page.getByRole('list', { name: 'Neemt over van of kijkt mee bij' });
  assert.match(await from.textContent(), /Utrecht[\s\S]*Gedeelde parkeerscan[\s\S]*kijkt mee/);
  await assertAccessible(page, 'de netwerkpagina van een organisatie');

  await page.goto('/organisaties/GM0344/netwerk');
  assert.match(await page.getByRole('list', { name: 'Ontwikkelt samen met' }).textContent(), /Amsterdam[\s\S]*Gedeelde parkeerscan/);
  assert.match(await page.getByRole('list', { name: 'Wordt overgenomen door' }).textContent(), /Rotterdam/);
  await page.setViewportSize({ width: 360, height: 800 });
  await assertAccessible(page, 'de netwerkpagina op een telefoon');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.context().clearCookies();
});

test('a partner with edit rights edits, but the circle is shown, not offered', async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: s.utrecht,
    json: { titel: 'Samen bijgehouden wijkkaart', organisatie: 'GM0344', zichtbaarheid: 'organisatie', fase: 'idee', status: 'actief', partners: ['GM0363'], partnersMetBewerkrecht: ['GM0363'] },
  });
  assert.equal(made.status, 201, made.text);
  await logIn(page, 'lid@amsterdam.test');
  await page.goto(`/innovaties/${made.body.id}`);
  await page.getByRole('link', { name: 'Bewerken' }).click();
  await page.getByLabel('Titel').waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /mag meebewerken/ }).count(), 0, 'no edit rights to hand out');
  assert.equal(await page.getByLabel('Zichtbaarheid').count(), 0, 'no visibility to change');
  await page.getByText('Wie partner is en wie mag meebewerken, bepaalt de eigenaar.').waitFor();
  await assertAccessible(page, 'het formulier voor een partner');
  await page.getByLabel('Samenvatting').fill('Amsterdam vulde de wijken in.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Samen bijgehouden wijkkaart', exact: true }).waitFor();
  const stored = (await call(koers.url, 'GET', `/api/v1/innovaties/${made.body.id}`, { session: s.utrecht })).body;
  assert.equal(stored.samenvatting, 'Amsterdam vulde de wijken in.');
  assert.deepEqual([stored.partners, stored.partnersMetBewerkrecht, stored.zichtbaarheid], [['GM0363'], ['GM0363'], 'organisatie']);
  await page.context().clearCookies();
});
