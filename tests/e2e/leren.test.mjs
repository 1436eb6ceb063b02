// Learning in a real browser: a team in Utrecht records a public lesson on
// its team-only innovation (and a team-only one), and Amsterdam sees the
// public lesson with its reasons when it prepares the gate review of a
// similar innovation, and on the printed report; the team-only lesson never
// shows. An After Action Review that is overdue shows on the funnel board.
// The lessons page finds the lesson by a plain Dutch question. A critical
// friend from Amsterdam reads the one review shared and comments. A refused
// form keeps what was typed. Every page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, newPage, logIn } from '../lib/browser.mjs';

let koers;
let browser;
let page;
let utrecht;
let amsterdam;

async function innovation(session, fields) {
  const r = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session,
    json: { fase: 'ontwikkeling', status: 'actief', zichtbaarheid: 'openbaar', technieken: ['machine learning'], ...fields },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

before(async () => {
  koers = await startKoers({
    users: [
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
      { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
    ],
  });
  const su = await login(koers.url, 'lid@utrecht.test');
  const sa = await login(koers.url, 'lid@amsterdam.test');
  utrecht = await innovation(su, {
    titel: 'Voorspellen van wateroverlast in straten',
    organisatie: 'GM0344',
    samenvatting: 'Een model voorspelt bij hevige regen welke straten onder water lopen, uit neerslag en hoogtekaarten.',
    zichtbaarheid: 'team',
  });
  amsterdam = await innovation(sa, {
    titel: 'Waarschuwen voor wateroverlast bij regen',
    organisatie: 'GM0363',
    samenvatting: 'Bij zware regen voorspellen welke straten overlopen, met neerslagradar en hoogtekaarten.',
  });
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
});
after(async () => {
  assert.deepEqual(page?.errors ?? [], [], 'no errors in the browser console');
  await browser?.close();
  await koers?.stop();
});

async function recordLesson(tekst, zichtbaarheid) {
  const form = page.getByRole('form', { name: 'Les of notitie vastleggen' });
  await form.getByLabel('Wat is er geleerd').fill(tekst);
  await form.getByLabel('Onderwerp').selectOption({ label: 'Data en technologie' });
  await form.getByLabel('Soort les').selectOption('anders_doen');
  await form.getByLabel('Hoe geleerd').selectOption('tijdens_werk');
  await form.getByLabel('Wie mag de les lezen').selectOption(zichtbaarheid);
  await form.getByRole('button', { name: 'Les opslaan' }).click();
  await page.getByRole('list', { name: 'Lessen van deze innovatie' }).getByText(tekst).waitFor();
  assert.equal(await form.getByLabel('Wat is er geleerd').inputValue(), '', 'the form is empty for the next lesson');
}

test('Utrecht records lessons on its learning page; a refused form keeps what was typed', async () => {
  await logIn(page, 'lid@utrecht.test');
  await page.goto(`/innovaties/${utrecht}`);
  await page.getByRole('link', { name: /Leren: lessen, logboek en terugblikken/ }).click();
  await page.getByRole('heading', { level: 1, name: /Leren: Voorspellen van wateroverlast/ }).waitFor();
  await assertAccessible(page, 'de leerpagina zonder lessen');

  // A lesson without its subject is refused before sending; the text stays.
  const form = page.getByRole('form', { name: 'Les of notitie vastleggen' });
  const typed = 'Vraag de hoogtekaarten vroeg op bij het waterschap: de koppeling met neerslagdata kostte ons drie maanden.';
  await form.getByLabel('Wat is er geleerd').fill(typed);
  await form.getByRole('button', { name: 'Les opslaan' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'De les is niet opgeslagen' });
  await summary.waitFor();
  assert.match(await summary.textContent(), /Onderwerp: Kies het onderwerp/);
  assert.equal(await form.getByLabel('Wat is er geleerd').inputValue(), typed);
  await assertAccessible(page, 'het lesformulier met fouten');

  await recordLesson(typed, 'openbaar');
  await recordLesson('Intern: de leverancier hield de hoogtekaarten vast tot de factuur betaald was (kwartelkoning).', 'team');
  const lessons = page.getByRole('list', { name: 'Lessen van deze innovatie' });
  assert.equal(await lessons.getByRole('listitem').count(), 2);
  assert.match(await lessons.textContent(), /zichtbaar voor alleen het team|zichtbaar voor team/i);

  // A review held long ago with a cadence of two weeks: the next one is overdue.
  const review = page.getByRole('form', { name: 'Terugblik vastleggen' });
  await review.getByLabel('Datum').fill('2026-01-15');
  await review.getByLabel('Wat was de bedoeling').fill('Een eerste model voor drie wijken.');
  await review.getByLabel('Wat gebeurde er werkelijk').fill('Eén wijk, omdat de hoogtekaarten laat kwamen.');
  await review.getByLabel('Actie 1: wat').fill('Afspraak met het waterschap over levering');
  await review.getByLabel('Actie 1: eigenaar').fill('Anna');
  await review.getByLabel('Actie 1: deadline').fill('2026-02-01');
  await review.getByRole('button', { name: 'Terugblik opslaan' }).click();
  await page.getByRole('status').getByText('De terugblik is opgeslagen.').waitFor();
  const cadence = page.getByRole('form', { name: 'Ritme van de terugblikken' });
  await cadence.getByLabel('Elke zoveel weken een terugblik').fill('2');
  await cadence.getByRole('button', { name: 'Ritme opslaan' }).click();
  await page.getByRole('status').getByText('Het ritme is opgeslagen.').waitFor();
  assert.match(await page.locator('#volgende-terugblik').textContent(), /Terugblik te laat: verwacht op 29 januari 2026/);
  await assertAccessible(page, 'de leerpagina met lessen en een terugblik');
});

test('the funnel board shows the overdue review', async () => {
  await page.goto('/organisaties/GM0344/funnel');
  const card = page.locator('.koers-funnel__card', { hasText: 'Voorspellen van wateroverlast' });
  await card.waitFor();
  assert.match(await card.textContent(), /Terugblik te laat sinds 29 januari 2026/);
  await assertAccessible(page, 'het funnelbord met een late terugblik');
});

test('Utrecht invites a colleague of Amsterdam as a critical friend for one review', async () => {
  await page.goto(`/innovaties/${utrecht}/leren`);
  const form = page.getByRole('form', { name: 'Kritische vriend uitnodigen' });
  await form.getByLabel('Naam').fill('Fatima');
  await form.getByLabel('E-mailadres van het Koers-account').fill('lid@utrecht.test');
  await form.getByLabel('Wat u deelt').selectOption({ label: 'Alleen de terugblik van 15 januari 2026' });
  await form.getByLabel('Wat vraagt u').fill('Kijk je mee naar onze planning?');
  await form.getByRole('button', { name: 'Uitnodigen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'De uitnodiging is niet verstuurd' });
  await summary.waitFor();
  assert.match(await summary.textContent(), /eigen organisatie/);
  assert.equal(await form.getByLabel('Wat vraagt u').inputValue(), 'Kijk je mee naar onze planning?', 'what was typed stays');
  await form.getByLabel('E-mailadres van het Koers-account').fill('lid@amsterdam.test');
  await form.getByRole('button', { name: 'Uitnodigen' }).click();
  await page.getByRole('status').getByText(/Fatima is uitgenodigd/).waitFor();
  const list = page.getByRole('list', { name: 'Uitnodigingen' });
  assert.match(await list.textContent(), /alleen de terugblik van 15 januari 2026/);
  await assertAccessible(page, 'de leerpagina met een kritische vriend');
});

test('Amsterdam sees the public lesson, with reasons, when it prepares a gate review; never the team-only one', async () => {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await logIn(page, 'lid@amsterdam.test');
  await page.goto(`/innovaties/${amsterdam}/beoordelingen/nieuw`);
  const section = page.getByRole('region', { name: 'Lessen van anderen' });
  await section.waitFor();
  const text = await section.textContent();
  assert.match(text, /Vraag de hoogtekaarten vroeg op bij het waterschap/);
  assert.match(text, /Waarom deze les: .*(lijkt op deze innovatie|zelfde techniek)/);
  assert.match(text, /Gemeente Utrecht/);
  assert.doesNotMatch(text, /Voorspellen van wateroverlast in straten/, 'the team-only innovation keeps its title');
  assert.doesNotMatch(await page.content(), /kwartelkoning/);
  await assertAccessible(page, 'de beoordeling met lessen van anderen');

  await page.goto(`/innovaties/${amsterdam}/rapport`);
  const printed = page.getByRole('region', { name: 'Lessen van anderen' });
  await printed.waitFor();
  assert.match(await printed.textContent(), /Vraag de hoogtekaarten vroeg op/);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await printed.isVisible(), 'the lessons are on the printed report');
  await page.emulateMedia({ media: 'screen' });
});

test('the lessons page and the zoekhulp find the lesson by a plain Dutch question, with the 70/20/10 picture', async () => {
  await page.goto('/lessen');
  await page.getByLabel('Zoek in de lessen').fill('hoe regel je koppelingen met waterschappen');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL(/\/lessen\?q=/);
  const list = page.getByRole('list', { name: 'Lessen' });
  await list.waitFor();
  // The marked matches come with the answer to the question (the list may first show the page before it).
  await list.locator('mark').first().waitFor();
  assert.match(await list.textContent(), /Vraag de hoogtekaarten vroeg op/);
  assert.doesNotMatch(await page.content(), /kwartelkoning/);
  const how = page.getByRole('table', { name: /Hoe er geleerd is/ });
  assert.match(await how.textContent(), /Tijdens het werk\s*\d+\s*\d+%\s*70%/);
  await assertAccessible(page, 'de lessenpagina met een zoekvraag');

  // The zoekhulp shows lessons beside the innovations, with the same analysis.
  await page.goto(`/zoeken?q=${encodeURIComponent('koppeling met het waterschap')}`);
  const found = page.getByRole('region', { name: /Lessen over/ });
  await found.waitFor();
  assert.match(await found.textContent(), /Vraag de hoogtekaarten vroeg op/);
  assert.doesNotMatch(await page.content(), /kwartelkoning/);
  await assertAccessible(page, 'de zoekhulp met lessen');
});

test('the critical friend reads only the shared review and comments', async () => {
  await page.goto('/account');
  await page.getByRole('link', { name: 'Uitnodigingen als kritische vriend' }).click();
  await page.getByRole('link', { name: 'Voorspellen van wateroverlast in straten' }).click();
  await page.getByRole('heading', { level: 1, name: /Meekijken: Voorspellen van wateroverlast/ }).waitFor();
  assert.match(await page.getByRole('region', { name: 'Terugblikken' }).textContent(), /Eén wijk, omdat de hoogtekaarten laat kwamen/);
  assert.doesNotMatch(await page.content(), /kwartelkoning/, 'the team-only lesson was not shared');
  const form = page.getByRole('form', { name: 'Commentaar geven' });
  await form.getByRole('button', { name: 'Commentaar geven' }).click();
  await page.getByRole('alert').filter({ hasText: 'Het commentaar is niet opgeslagen' }).waitFor();
  await form.getByLabel('Uw commentaar').fill('Vraag het waterschap om een vaste contactpersoon.');
  await form.getByRole('button', { name: 'Commentaar geven' }).click();
  await page.getByRole('status').getByText(/Uw commentaar is opgeslagen/).waitFor();
  assert.match(await page.getByRole('list', { name: 'Uw commentaar tot nu toe' }).textContent(), /vaste contactpersoon/);
  await assertAccessible(page, 'de gedeelde terugblik met commentaar');
});
