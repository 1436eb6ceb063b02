// A team member fills in what the Algoritmeregister needs, in a real
// browser: mistakes are named at their fields, nothing typed is lost, a
// change by someone else in between is caught, and the saved details make
// the registration complete.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, logIn, newPage } from '../lib/browser.mjs';

let koers;
let browser;
let page;
let lid;
before(async () => {
  koers = await startKoers({
    users: [
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lieke Lid' },
      { email: 'lezer@utrecht.test', org: 'GM0344', role: 'lezer', name: 'Lars Lezer' },
    ],
  });
  lid = await login(koers.url, 'lid@utrecht.test');
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  await browser?.close();
  await koers?.stop();
});

const TEXTS = {
  'Doel en impact': 'Het model wijst straten aan waar zwerfafval blijft liggen, zodat de veegploeg daar eerst komt.',
  Afwegingen: 'Een vaste route veegt ook waar het schoon is; het model spaart ritten en maakt geen keuzes over personen.',
  'Menselijke tussenkomst': 'De ploegleider bekijkt de voorgestelde volgorde elke ochtend en past haar aan.',
  Risicobeheer: 'De voorspelling wordt maandelijks vergeleken met meldingen van inwoners.',
  Impacttoetsen: 'Geen DPIA nodig: er worden geen persoonsgegevens verwerkt.',
  Gegevens: 'Meldingen openbare ruimte en de route-registratie van de veegwagens.',
  'Technische werking': 'Een regressiemodel schat per straat de hoeveelheid afval uit het weer, de dag en eerdere meldingen.',
  Leverancier: 'Intern ontwikkeld',
};

test('a team member fills in the publication details; mistakes are named and nothing typed is lost', async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: { titel: 'Zwerfafval voorspellen', samenvatting: 'Een model voorspelt waar zwerfafval blijft liggen.', organisatie: 'GM0344', zichtbaarheid: 'openbaar', domein: 'fysiek', startDatum: '2025-03-01' },
  });
  assert.equal(made.status, 201, made.text);
  const id = made.body.id;
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${id}`);
  await page.getByRole('link', { name: 'Publicatiegegevens invullen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Publicatie van Zwerfafval voorspellen' }).waitFor();

  for (const [label, text] of Object.entries(TEXTS)) await page.getByLabel(label, { exact: true }).fill(text);
  await page.getByLabel('Categorie').selectOption({ label: 'Overige algoritmes (Categorie C)' });
  // Two mistakes: a link without https:// (caught in the browser) …
  await page.getByLabel('Link naar de publiekspagina').fill('www.utrecht.nl/zwerfafval');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const summary = page.getByRole('alert');
  await summary.getByText(/Link naar de publiekspagina/).waitFor();
  assert.equal(await page.getByLabel('Afwegingen', { exact: true }).inputValue(), TEXTS.Afwegingen);
  await assertAccessible(page, 'het publicatieformulier met een fout');

  // … and a contact that is no address (caught by the server).
  await page.getByLabel('Link naar de publiekspagina').fill('https://www.utrecht.nl/zwerfafval');
  await page.getByLabel('Contact').fill('bel de gemeente');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await summary.getByText(/Contact/).waitFor();
  assert.match(await page.locator('#contact-fout').textContent(), /e-mailadres|webadres/);
  for (const [label, text] of Object.entries(TEXTS)) assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), text, label);
  assert.equal(await page.getByLabel('Link naar de publiekspagina').inputValue(), 'https://www.utrecht.nl/zwerfafval');

  await page.getByLabel('Contact').fill('zwerfafval@utrecht.test');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zwerfafval voorspellen', exact: true }).waitFor();

  const stored = (await call(koers.url, 'GET', `/api/v1/innovaties/${id}`)).body.publicatie;
  assert.equal(stored.contact, 'zwerfafval@utrecht.test');
  assert.equal(stored.categorie, 'overig');
  assert.equal(stored.technischeWerking, TEXTS['Technische werking']);
  assert.equal(stored.publiekspagina, 'https://www.utrecht.nl/zwerfafval');
  const check = (await call(koers.url, 'GET', `/api/v1/innovaties/${id}/algoritmeregister/controle`)).body;
  assert.equal(check.compleet, true, JSON.stringify(check.bevindingen));
  await page.getByText(check.samenvatting).waitFor();
  // The innovation's page shows the details in the form's sections.
  await page.getByRole('heading', { level: 3, name: 'Gegevens en werking' }).waitFor();
  const details = page.getByRole('definition').filter({ hasText: TEXTS['Technische werking'] });
  assert.ok(await details.isVisible());
  assert.equal(await page.getByRole('link', { name: 'https://www.utrecht.nl/zwerfafval' }).getAttribute('href'), 'https://www.utrecht.nl/zwerfafval');
  await assertAccessible(page, 'een innovatie met publicatiegegevens');
});

test("a change by someone else in between is caught, and what was typed stays", async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: { titel: 'Parkeerdruk voorspellen', organisatie: 'GM0344', zichtbaarheid: 'organisatie' },
  });
  assert.equal(made.status, 201, made.text);
  await page.goto(`/innovaties/${made.body.id}/publicatie`);
  await page.getByLabel('Leverancier').fill('Parkeerbedrijf BV');
  const other = await call(koers.url, 'PATCH', `/api/v1/innovaties/${made.body.id}`, {
    session: lid,
    json: { samenvatting: 'Intussen door een collega aangevuld.' },
    headers: { 'If-Match': `"${made.body.versie}"` },
  });
  assert.equal(other.status, 200, other.text);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('alert').getByText(/Iemand anders heeft deze innovatie intussen gewijzigd/).waitFor();
  assert.equal(await page.getByLabel('Leverancier').inputValue(), 'Parkeerbedrijf BV');
  const stored = (await call(koers.url, 'GET', `/api/v1/innovaties/${made.body.id}`, { session: lid })).body;
  assert.equal(stored.publicatie?.leverancier ?? null, null, 'nothing was overwritten');
  assert.equal(stored.samenvatting, 'Intussen door een collega aangevuld.');
});

test('a reader sees no form and no link to it', async () => {
  const made = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: { titel: 'Bomen die omvallen', organisatie: 'GM0344', zichtbaarheid: 'organisatie' },
  });
  assert.equal(made.status, 201, made.text);
  const reader = await newPage(browser, koers.url);
  await logIn(reader, 'lezer@utrecht.test');
  await reader.goto(`/innovaties/${made.body.id}`);
  await reader.getByRole('heading', { level: 2, name: 'Versies' }).waitFor();
  assert.equal(await reader.getByRole('heading', { level: 2, name: 'Algoritmeregister' }).count(), 0, 'no algorithm yet, and not the reader’s to make one');
  assert.equal(await reader.getByRole('link', { name: 'Publicatiegegevens invullen' }).count(), 0);
  await reader.goto(`/innovaties/${made.body.id}/publicatie`);
  await reader.getByText(/Alleen medewerkers van/).waitFor();
  assert.equal(await reader.locator('form.koers-form').count(), 0);
});
