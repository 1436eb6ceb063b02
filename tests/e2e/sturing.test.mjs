// Steering in the browser: a team member writes the pitch and registers a
// risk, prepares a gate review by keyboard, the stuurgroep records GO; the
// funnel board, the overview and the printable report pass axe, and the
// report prints to A4 without content cut off.
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
      { email: 'stuur@utrecht.test', org: 'GM0344', role: 'stuurgroep' },
    ],
  });
  const lid = await login(koers.url, 'lid@utrecht.test');
  const r = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: { titel: 'Slim strooien', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'organisatie', innovatieNiveau: 'applicatie' },
  });
  id = r.body.id;
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  await browser?.close();
  await koers?.stop();
});

test('the team writes a pitch, registers a risk and prepares a review by keyboard', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}/sturing`);
  await page.getByRole('heading', { level: 1, name: 'Sturing: Slim strooien' }).waitFor();
  await assertAccessible(page, 'de sturingspagina');

  await page.getByText('Pitch schrijven').click();
  await page.getByLabel('Behoeften', { exact: true }).fill('Gladheid eerder en gerichter bestrijden');
  await page.getByLabel('Aanpak', { exact: true }).fill('Voorspelmodel op wegdeksensoren, proef in twee wijken');
  await page.getByRole('button', { name: 'Pitch opslaan' }).click();
  await page.getByRole('status').filter({ hasText: 'nieuwe versie' }).waitFor();

  await page.getByText('Onbekende of risico toevoegen').click();
  await page.getByLabel('Titel (verplicht)').fill('Zijn de sensordata betrouwbaar genoeg?');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await page.getByRole('cell', { name: 'Zijn de sensordata betrouwbaar genoeg?' }).waitFor();

  await page.getByRole('link', { name: 'Beoordeling voorbereiden' }).click();
  await page.getByRole('heading', { level: 1, name: /Beoordeling voorbereiden/ }).waitFor();
  assert.match(await page.locator('main').textContent(), /Gladheid eerder en gerichter bestrijden/, 'the pitch is on the review page');
  await assertAccessible(page, 'het beoordelingsformulier');
  // Fill in by keyboard: focus a field, type, tab on.
  await page.getByLabel('Score voor publieke waarde (1 zwak, 5 sterk)').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Minder schade en ongelukken in de proefwijken');
  for (const [pillar, score] of [['gebruikswaarde', '3'], ['technische aanpak', '4'], ['kosten', '3']]) {
    await page.getByLabel(`Score voor ${pillar} (1 zwak, 5 sterk)`).selectOption(score);
  }
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: /^Beoordeling \d+ van Slim strooien/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Besluit vaststellen' }).count(), 0, 'only the stuurgroep decides');
  assert.equal(await page.getByLabel('Score voor publieke waarde (1 zwak, 5 sterk)').inputValue(), '4');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
});

test('the stuurgroep finds the prepared review waiting for its decision', async () => {
  await logIn(page, 'stuur@utrecht.test');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ter besluit' }).click();
  await page.getByRole('heading', { level: 1, name: /^Ter besluit/ }).waitFor();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn organisatie' }).click();
  await page.getByRole('heading', { level: 1, name: /^Dashboard/ }).waitFor();
  const waiting = page.getByRole('region', { name: /Ter besluit/ });
  await waiting.getByRole('link', { name: 'Slim strooien', exact: true }).waitFor();
  assert.match(await waiting.getByRole('heading').textContent(), /\(1\)/);
  await page.getByRole('navigation', { name: 'Organisatie' }).getByRole('link', { name: 'Ter besluit' }).click();
  await page.getByRole('heading', { level: 1, name: /^Ter besluit/ }).waitFor();
  const row = page.getByRole('row', { name: /Slim strooien/ });
  assert.match(await row.textContent(), /Idee/, 'the phase under review');
  assert.match(await row.textContent(), /\d{1,2} \w+ \d{4}/, 'the date it was prepared');
  await assertAccessible(page, 'de lijst ter besluit');
  await page.goto('/organisaties/GM0344/funnel');
  const cardLink = page.getByRole('link', { name: /Ter besluit: beoordeling voorbereid/ });
  await cardLink.waitFor();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Slim strooien', exact: true }) });
  assert.doesNotMatch(await card.textContent(), /Geen beoordeling gepland/, 'a card with a draft does not say nothing is planned');
  await page.goto('/organisaties/GM0344/ter-besluit');
  await page.getByRole('link', { name: 'Openen (Slim strooien)' }).click();
  await page.getByRole('heading', { level: 1, name: /^Beoordeling \d+ van Slim strooien/ }).waitFor();
});

test('the stuurgroep records GO; the innovation moves on', async () => {
  await page.goto(`/innovaties/${id}/sturing`);
  await page.getByRole('link', { name: /^Beoordeling \d+$/ }).click();
  await page.getByLabel('Besluit', { exact: true }).selectOption('go');
  await page.getByLabel('Motivering').fill('Proef is de moeite waard; begin met twee wijken.');
  await page.getByLabel('Datum van de volgende beoordeling').fill('2027-04-01');
  await page.getByRole('button', { name: 'Besluit vaststellen' }).click();
  await page.getByRole('button', { name: 'Ja, besluit GO vaststellen' }).click();
  await page.getByText(/Besluit GO, vastgesteld op/).waitFor();
  await assertAccessible(page, 'een vastgestelde beoordeling');
  const inn = await (await fetch(`${koers.url}/api/v1/innovaties/${id}`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).json();
  assert.equal(inn.fase, 'ontwikkeling');
});

test('the funnel board and the overview pass axe and work by keyboard', async () => {
  await page.goto('/organisaties/GM0344/funnel');
  await page.getByRole('heading', { level: 1, name: /Funnelbord/ }).waitFor();
  const column = page.getByRole('region', { name: /Ontwikkeling/ });
  await column.getByRole('link', { name: 'Slim strooien' }).waitFor();
  await assertAccessible(page, 'het funnelbord');
  await column.getByRole('link', { name: 'Slim strooien' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Sturing: Slim strooien' }).waitFor();

  await page.goto('/organisaties/GM0344/sturing');
  await page.getByRole('heading', { level: 1, name: /Sturingsoverzicht/ }).waitFor();
  await page.getByRole('cell', { name: 'GO' }).first().waitFor();
  await page.getByText('Er wachten geen beoordelingen op een besluit.').waitFor();
  await assertAccessible(page, 'het sturingsoverzicht');
});

test('the steering report prints to A4 without cut-off content', async () => {
  await page.goto(`/innovaties/${id}/rapport`);
  await page.getByRole('heading', { level: 1, name: 'Stuurrapport: Slim strooien' }).waitFor();
  await assertAccessible(page, 'het stuurrapport');
  await page.emulateMedia({ media: 'print' });
  const overflow = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > limit + 1).map((el) => el.tagName);
  });
  assert.deepEqual(overflow, [], 'nothing sticks out past the page width');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.ok(pdf.length > 10000);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  await page.emulateMedia({ media: 'screen' });
});
