// The zoekhulp in a real browser on the imported register: a plain question
// in the header's search box, facets, the similar innovations and the
// cluster of a record, the cluster page with its map and table, and an
// adoption recorded by keyboard. Every page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, newPage } from '../lib/browser.mjs';

let koers;
let browser;
let page;
before(async () => {
  koers = await startKoers({ register: true, users: [{ email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' }] });
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  assert.deepEqual(page?.errors ?? [], [], 'no errors in the browser console');
  await browser?.close();
  await koers?.stop();
});

test('a plain question typed in the header search box finds the matching register record', async () => {
  await page.goto('/innovaties');
  await page.getByRole('heading', { level: 1, name: 'Innovaties' }).waitFor();
  await page.getByRole('searchbox', { name: 'Zoek een oplossing' }).fill('overlast van honden in het park');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Zoeken in alle innovaties' }).waitFor();
  const results = page.getByRole('list', { name: 'Zoekresultaten' });
  const first = results.getByRole('listitem').first();
  assert.match(await first.getByRole('heading').textContent(), /hondenoverlast/i);
  assert.ok(await first.locator('mark').count() > 0, 'matched words are marked');
  assert.match(await first.textContent(), /Waarom:/);
  await assertAccessible(page, 'de zoekresultaten');
});

test('one product registered by many organisations is one result that unfolds into its registrations', async () => {
  await page.goto('/zoeken?q=chatbot');
  const results = page.getByRole('list', { name: 'Zoekresultaten' });
  await results.waitFor();
  const titles = await results.locator(':scope > li h2').allTextContents();
  const assistant = titles.filter((t) => /Virtuele (gemeente )?assistent Gem/.test(t));
  assert.equal(assistant.length, 1, `the virtual assistant once in the top 10: ${titles.join(' | ')}`);
  const entry = results.locator(':scope > li').filter({ hasText: 'Virtuele' }).first();
  assert.match((await entry.textContent()).replace(/\s+/g, ' '), /ook in gebruik bij \d+ andere organisaties/);
  const fold = entry.locator('details');
  assert.equal(await fold.getAttribute('open'), null, 'folded at first');
  await fold.locator('summary').focus();
  await page.keyboard.press('Enter');
  const others = fold.getByRole('listitem');
  assert.ok(await others.count() >= 5, 'the other registrations are listed');
  await assertAccessible(page, 'een gegroepeerd zoekresultaat');
  await others.first().getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /Virtuele/ }).waitFor();
});

test('an empty result helps: one word at a time, browsing by domain, recording the need', async () => {
  await page.goto('/zoeken?q=' + encodeURIComponent('qwertyuiop zxcvbnm poiuytr'));
  const help = page.getByRole('region', { name: /Niets gevonden/ });
  await help.waitFor();
  assert.ok(await help.getByRole('link', { name: 'zxcvbnm' }).count() === 1, 'each word on its own');
  assert.ok(await help.getByRole('link', { name: 'Sociaal domein' }).count() + await help.getByRole('link', { name: /domein/i }).count() > 0, 'browse by domain');
  const record = help.getByRole('link', { name: 'Behoefte vastleggen als idee' });
  assert.match(await record.getAttribute('href'), /^\/innovaties\/nieuw\?opgave=qwertyuiop/);
  await assertAccessible(page, 'een zoekopdracht zonder resultaat');
});

test('a facet narrows the results and shows its count', async () => {
  await page.goto('/zoeken?q=parkeren');
  const status = page.getByRole('status').filter({ hasText: 'gevonden' });
  const total = Number((await status.textContent()).match(/[\d.]+/)[0].replace(/\./g, ''));
  const facet = page.getByRole('region', { name: 'Fase' }).getByRole('link').first();
  const expected = Number((await facet.locator('xpath=..').textContent()).match(/\(([\d.]+)\)/)[1].replace(/\./g, ''));
  await facet.click();
  await page.waitForURL(/fase=/);
  await page.getByRole('status').filter({ hasText: `${expected} ` }).waitFor();
  assert.ok(expected < total);
});

test('a record shows similar innovations and the cluster of organisations that use the same solution', async () => {
  await page.goto('/zoeken?q=virtuele%20gemeente%20assistent%20Gem');
  await page.getByRole('list', { name: 'Zoekresultaten' }).getByRole('link', { name: 'Virtuele gemeente assistent Gem' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Virtuele gemeente assistent Gem' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Vergelijkbare innovaties' }).waitFor();
  const clusterLink = page.getByRole('link', { name: /bekijk wie .* gebruikt/ });
  await clusterLink.waitFor();
  await assertAccessible(page, 'een registratie met vergelijkbare innovaties');
  await clusterLink.click();
  await page.getByRole('heading', { level: 2, name: 'Wie gebruikt dit' }).waitFor();
});

test('the cluster page answers who, since when, in which phase and whom to call, on a map and in a table', async () => {
  const map = page.getByRole('img', { name: /Gemeenten die .* gebruiken/ });
  await map.waitFor();
  const marked = await map.locator('path.koers-map__marked').count();
  assert.ok(marked >= 10, `${marked} municipalities marked`);
  assert.equal(await map.locator('path').count(), 342, 'all municipalities drawn, without tiles');
  const table = page.locator('#wie-gebruikt');
  const rows = await table.locator('tbody tr').count();
  assert.ok(rows >= marked, 'the table holds at least what the map shows');
  const utrecht = table.getByRole('row', { name: /Utrecht/ });
  assert.match(await utrecht.textContent(), /\d{4}/, 'since when');
  assert.match(await utrecht.textContent(), /Implementatie|Ontwikkeling|Idee|Opschaling/, 'which phase');
  // How it spread: a step per organisation, the early adopters named, the same figures in a table.
  const spread = page.getByRole('region', { name: 'Hoe de oplossing zich verspreidde' });
  assert.match(await spread.textContent(), /Vroege gebruikers: .*Gemeente/);
  await spread.getByRole('img', { name: /Organisaties die de oplossing gebruiken, door de tijd/ }).waitFor();
  assert.ok(await spread.locator('#verspreiding-tabel tbody tr').count() >= 10);
  await assertAccessible(page, 'een adoptiecluster met kaart');
  // The text alternative points to the table; keyboard users can get there.
  await page.getByRole('link', { name: 'Naar de tabel', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#wie-gebruikt$/);
});

test('the cluster list is reachable from the menu, filterable and accessible', async () => {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wie gebruikt wat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Adoptieclusters' }).waitFor();
  await assertAccessible(page, 'de lijst met adoptieclusters');
  await page.getByLabel('Woord in de naam of in een titel').fill('anonimiseren');
  await page.keyboard.press('Enter');
  await page.waitForURL(/zoek=anonimiseren/);
  const names = await page.getByRole('table').locator('tbody tr td:first-child').allTextContents();
  assert.ok(names.some((n) => /anonimiser/i.test(n)), names.join(' | '));
  // A product is named after itself; its members' titles still find it.
  assert.ok(names.includes('Datamask') && names.includes('Octobox Anonimiseren'), names.join(' | '));
  assert.equal(new Set(names).size, names.length, 'each cluster its own name');
});

test('a member records interest and adoption by keyboard and gets a linked innovation', async () => {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill('lid@amsterdam.test');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();

  await page.goto('/zoeken?q=woningbouwmonitor');
  await page.getByRole('list', { name: 'Zoekresultaten' }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: 'Kenmerken' }).waitFor();
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  const summary = page.getByText('Belangstelling of adoptie van uw organisatie vastleggen');
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Stand van zaken').selectOption('in_uitvoering');
  await page.getByLabel('Sinds').fill('2026-11-01');
  await page.getByLabel('Notitie').fill('Wij nemen dit over voor onze wijken.');
  await page.getByLabel(/Maak voor onze organisatie een eigen innovatie/).check();
  await page.getByRole('button', { name: 'Vastleggen' }).press('Enter');
  const notice = page.locator('#hergebruik-melding');
  await notice.waitFor();
  assert.match(await notice.textContent(), /eigen innovatie/);
  assert.ok(await notice.evaluate((el) => el === document.activeElement), 'the confirmation takes focus');
  const row = page.getByRole('table', { name: 'Organisaties die dit overnemen of volgen' }).getByRole('row', { name: /Amsterdam/ });
  assert.match(await row.textContent(), /Adoptie loopt/);
  await assertAccessible(page, 'een registratie met adoptie');

  await row.getByRole('link', { name: 'eigen innovatie' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Overgenomen van' }).waitFor();
  assert.match(await page.locator('.koers-lead-meta').textContent(), /Amsterdam/);
});
