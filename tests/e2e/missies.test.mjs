// Missions in a real browser: a member makes a concept mission through the
// form (a refused form keeps what was typed), publishes it, adds an own
// innovation and sees the portfolio and the map; a visitor finds it. Every
// page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, logIn, newPage } from '../lib/browser.mjs';

let koers;
let browser;
let page;
const s = {};
before(async () => {
  koers = await startKoers({ users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lieke Lid' }] });
  s.utrecht = await login(koers.url, 'lid@utrecht.test');
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  await browser?.close();
  await koers?.stop();
});

test('a member makes, publishes and fills a mission; a visitor finds it', async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: s.utrecht,
    json: { titel: 'Hittekaart per wijk', samenvatting: 'Waar het in de zomer het heetst is.', organisatie: 'GM0344', zichtbaarheid: 'openbaar', fase: 'implementatie', status: 'actief' },
  });
  assert.equal(made.status, 201, made.text);

  await logIn(page, 'lid@utrecht.test');
  await page.goto('/missies');
  await page.getByRole('heading', { level: 1, name: 'Missies' }).waitFor();
  await assertAccessible(page, 'de lijst van missies');
  await page.getByRole('link', { name: 'Nieuwe missie' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nieuwe missie' }).waitFor();
  await assertAccessible(page, 'het formulier van een missie');

  // Without a title the form is refused, and what was typed stays.
  await page.getByLabel('De opgave').fill('Minder hittestress in elke wijk, samen met bewoners.');
  await page.getByLabel('Streefwaarde').fill('100');
  await page.getByLabel('Eenheid').fill('% van de wijken');
  await page.getByLabel('Te bereiken uiterlijk').fill('2030-12-31');
  await page.getByLabel('Naam').first().fill('Hogeschool Utrecht');
  await page.getByLabel('Rol in de samenwerking').first().selectOption('kennisinstellingen');
  await page.getByRole('button', { name: 'Nog een partner' }).click();
  await page.locator('#partner-naam-1').fill('Bewonersplatform Zuid');
  await page.locator('#partner-rol-1').selectOption('samenleving');
  await page.locator('#meting-datum-0').fill('2026-06-30');
  await page.locator('#meting-waarde-0').fill('40');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.locator('#foutoverzicht').waitFor();
  assert.match(await page.locator('#foutoverzicht').textContent(), /titel/i);
  assert.equal(await page.getByLabel('De opgave').inputValue(), 'Minder hittestress in elke wijk, samen met bewoners.');
  assert.equal(await page.locator('#partner-naam-1').inputValue(), 'Bewonersplatform Zuid');
  assert.equal(await page.locator('#meting-waarde-0').inputValue(), '40');
  await assertAccessible(page, 'een geweigerd formulier van een missie');

  await page.getByLabel('Titel').fill('Elke wijk koel in 2030');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Elke wijk koel in 2030' }).waitFor();
  assert.match(await page.locator('main').textContent(), /Concept/);
  assert.match(await page.locator('main').textContent(), /40 % van de wijken op .* \(40% van het doel\)/);
  const partners = await page.getByRole('region', { name: 'Partners' }).textContent();
  assert.match(partners, /Kennisinstellingen\s*Hogeschool Utrecht/);
  assert.match(partners, /Markt \(bedrijven\)\s*Nog geen/);
  await assertAccessible(page, 'een missie');
  const id = new URL(page.url()).pathname.split('/').pop();

  // Published, it is seen by everyone.
  await page.getByRole('link', { name: 'Bewerken' }).click();
  await page.getByLabel(/Gepubliceerd/).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Elke wijk koel in 2030' }).waitFor();
  assert.match(await page.locator('main').textContent(), /Gepubliceerd/);

  // An own innovation counts at once.
  await page.getByLabel('Nummer van de innovatie').fill(String(made.body.id));
  await page.getByLabel('Hoe draagt ze bij?').fill('Laat zien waar het heet is.');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByText('De innovatie is aangemeld.').waitFor();
  const portfolio = page.getByRole('region', { name: 'Portfolio' });
  assert.match(await portfolio.textContent(), /1 innovatie draagt bij/);
  assert.match(await portfolio.getByRole('row', { name: /Implementatie/ }).textContent(), /1/);
  assert.match(await page.locator('#missie-gemeenten').textContent(), /Utrecht/);
  await page.getByRole('img', { name: /Gemeenten die bijdragen/ }).waitFor();
  assert.match(await page.getByRole('region', { name: 'Bijdragen' }).textContent(), /Hittekaart per wijk[\s\S]*Ingestemd/);
  await assertAccessible(page, 'een missie met haar portfolio en kaart');

  // A visitor finds it by searching.
  const visitor = await newPage(browser, koers.url);
  await visitor.goto('/missies');
  await visitor.getByLabel('Zoek in missies').fill('hittestress');
  await visitor.getByRole('button', { name: 'Zoeken' }).click();
  await visitor.getByRole('link', { name: 'Elke wijk koel in 2030' }).click();
  await visitor.getByRole('heading', { level: 1, name: 'Elke wijk koel in 2030' }).waitFor();
  assert.equal(await visitor.getByRole('link', { name: 'Bewerken' }).count(), 0);
  assert.equal(await visitor.getByRole('button', { name: 'Aanmelden' }).count(), 0);
  await assertAccessible(visitor, 'een missie voor een bezoeker');
  assert.ok(id);
});
