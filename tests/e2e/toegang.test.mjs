// A person logs in, edits an innovation of their organisation, manages an
// account as beheerder, creates an API token and logs out; every page passes
// axe and works by keyboard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, newPage } from '../lib/browser.mjs';

let koers;
let browser;
let page;
before(async () => {
  koers = await startKoers({
    users: [
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
      { email: 'beheer@utrecht.test', org: 'GM0344', role: 'beheerder' },
      { email: 'lezer@utrecht.test', org: 'GM0344', role: 'lezer' },
    ],
  });
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  await browser?.close();
  await koers?.stop();
});

async function logIn(email) {
  await page.goto('/inloggen');
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByLabel('Wachtwoord').press('Enter');
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

test('anonymous visitors read the public catalogue and cannot edit', async () => {
  await page.goto('/innovaties?fase=opschaling');
  await page.getByRole('link', { name: 'Woningbouwmonitor' }).click();
  await page.getByRole('heading', { level: 1, name: 'Woningbouwmonitor' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Bewerken' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Nieuwe innovatie' }).count(), 0);
  await page.locator('#accountmenu').getByRole('link', { name: 'Inloggen' }).waitFor();
});

test('anonymous visitors get a login prompt instead of a form, and read other organisations\' advice as read-only', async () => {
  await page.goto('/innovaties/nieuw');
  await page.getByRole('heading', { level: 1, name: 'Nieuwe innovatie' }).waitFor();
  assert.equal(await page.locator('main form').count(), 0, 'no form to fill in for nothing');
  assert.equal(await page.getByRole('textbox').filter({ hasNot: page.getByRole('searchbox') }).count(), 0);
  await assertAccessible(page, 'de inlogvraag bij registreren');
  const prompt = page.locator('main').getByRole('link', { name: 'Inloggen', exact: true });
  assert.match(await prompt.getAttribute('href'), /terug=%2Finnovaties%2Fnieuw/);

  await page.goto('/innovaties?fase=opschaling');
  await page.getByRole('link', { name: 'Woningbouwmonitor' }).click();
  const id = page.url().match(/innovaties\/(\d+)/)[1];
  await page.goto(`/innovaties/${id}/diagnose`);
  await page.getByRole('heading', { level: 1, name: /Diagnose en advies/ }).waitFor();
  assert.match(await page.getByRole('note').textContent(), /Alleen lezen/);
  assert.equal(await page.getByRole('button', { name: 'Diagnose opslaan' }).count(), 0);
  await assertAccessible(page, 'een diagnose van een andere organisatie');
  await page.goto(`/innovaties/${id}/beoordelingen/nieuw`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('main form').count(), 0, 'no review form for anonymous visitors');

  // After logging in from the prompt the visitor is back at the form.
  await page.goto('/innovaties/nieuw');
  await page.locator('main').getByRole('link', { name: 'Inloggen', exact: true }).click();
  await page.getByLabel('E-mailadres').fill('lid@utrecht.test');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByLabel('Wachtwoord').press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Nieuwe innovatie' }).waitFor();
  await page.getByLabel(/Titel/).first().waitFor();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
});

test('a wrong password is explained on the login page', async () => {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill('lid@utrecht.test');
  await page.getByLabel('Wachtwoord').fill('niet-het-goede');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /klopt niet/);
  await assertAccessible(page, 'de inlogpagina met een fout');
});

test('log in, edit an innovation of the own organisation, log out', async () => {
  await logIn('lid@utrecht.test');
  await assertAccessible(page, 'de startpagina na inloggen');
  await page.goto('/organisaties/GM0344');
  await page.getByRole('link', { name: 'Slim Vegen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Slim Vegen' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Verwijderen' }).count(), 0, 'a lid does not delete');
  await page.getByRole('link', { name: 'Bewerken' }).click();
  await page.getByLabel('Titel').fill('Slim Vegen Utrecht');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Slim Vegen Utrecht' }).waitFor();
  await assertAccessible(page, 'de detailpagina als lid');

  // Log out by keyboard.
  await page.getByRole('button', { name: 'Uitloggen' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Inloggen' }).waitFor();
  await page.goto(page.url());
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Bewerken' }).count(), 0, 'logged out for real');
  assert.deepEqual(page.errors, []);
});

test('a beheerder grants a role and reads the audit trail', async () => {
  await logIn('beheer@utrecht.test');
  await page.getByRole('link', { name: 'Beheer', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
  await assertAccessible(page, 'het gebruikersbeheer');
  await page.getByRole('link', { name: 'lezer@utrecht.test' }).click();
  await page.getByRole('heading', { level: 1, name: 'lezer@utrecht.test' }).waitFor();
  await page.getByLabel('Organisatie').selectOption('GM0344');
  await page.getByLabel('Rol', { exact: true }).selectOption('stuurgroep');
  await page.getByRole('button', { name: 'Rol toekennen' }).click();
  await page.getByRole('status').filter({ hasText: 'De rol is toegekend' }).waitFor();
  await page.getByRole('button', { name: /Rol stuurgroep in GM0344 intrekken/ }).waitFor();
  await assertAccessible(page, 'een gebruiker in beheer');

  await page.getByRole('link', { name: 'Wijzigingen van dit account in het auditspoor' }).click();
  await page.getByRole('heading', { level: 1, name: 'Auditspoor' }).waitFor();
  assert.match(await page.locator('table').textContent(), /beheer@utrecht\.test/);
  await assertAccessible(page, 'het auditspoor');
});

test('a personal API token is shown once and works', async () => {
  await page.goto('/account');
  await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
  await page.getByLabel('Naam van het token').fill('rapportage');
  await page.getByRole('button', { name: 'Token aanmaken' }).click();
  const token = (await page.locator('.koers-token').textContent()).trim();
  assert.match(token, /^koers_/);
  await assertAccessible(page, 'de accountpagina');
  const r = await fetch(`${koers.url}/api/v1/gebruikers`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200);
  await page.getByRole('button', { name: 'Token rapportage intrekken' }).click();
  await page.getByRole('status').filter({ hasText: 'ingetrokken' }).waitFor();
  const after = await fetch(`${koers.url}/api/v1/gebruikers`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(after.status, 401);
});
