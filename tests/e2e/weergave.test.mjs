// How Koers looks on a phone (390 px), at 200% zoom and on paper. On a
// phone the header stays small behind a menu button, the search filters
// fold away, tables fit the screen without breaking words and chart labels
// do not overlap. The steering and advice reports print to A4 (Chromium's
// PDF, read back with pdftotext from poppler-utils) with every word whole,
// the decision summary on page 1 and what a closed disclosure hides printed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, login, startKoers } from '../lib/koers.mjs';
import { assertAccessible, launchBrowser, logIn, newPage } from '../lib/browser.mjs';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };

let koers;
let browser;
let page;
let id;
let clusterId;

// One innovation with everything a report shows: pitch, unknowns and risks,
// a business case, a decided review and a prepared one, and a diagnosis
// weak enough that the advice runs past the ten the report shows open.
async function steeredInnovation() {
  const lid = await login(koers.url, 'lid@utrecht.test');
  const stuur = await login(koers.url, 'stuur@utrecht.test');
  const api = async (session, method, path, json) => {
    const r = await call(koers.url, method, `/api/v1${path}`, { session, json });
    assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${r.text}`);
    return r.body;
  };
  const inn = await api(lid, 'POST', '/innovaties', {
    titel: 'Gladheidsbestrijding met wegdeksensoren', organisatie: 'GM0344', fase: 'idee', status: 'actief',
    zichtbaarheid: 'openbaar', innovatieNiveau: 'applicatie',
  });
  await api(lid, 'POST', `/innovaties/${inn.id}/pitch`, {
    behoeften: 'Strooiwagens rijden nu op vaste tijden, ook waar het wegdek droog blijft; fietsers vallen op onverwacht gladde bruggen.',
    aanpak: 'Een voorspelmodel op wegdeksensoren en weersverwachtingen, eerst als proefopstelling in twee wijken.',
    voordelen: 'Minder zout in het oppervlaktewater, minder valpartijen en een strooiroute die meebeweegt met het weer.',
    alternatieven: 'Meer strooiwagenchauffeurs inhuren of de vaste strooiroutes vaker laten rijden.',
  });
  for (const [soort, titel, eigenaar] of [
    ['onbekende', 'Zijn de wegdeksensoren betrouwbaar bij strenge vorst?', 'Beheer openbare ruimte'],
    ['risico', 'Leverancier van de sensoren stopt met de ondersteuning', 'Inkoopadviseur'],
    ['risico', 'Strooiwagenchauffeurs vertrouwen de voorspelling niet', 'Teamleider gladheidsbestrijding'],
  ]) await api(lid, 'POST', `/innovaties/${inn.id}/onzekerheden`, { soort, titel, eigenaar });
  await api(lid, 'PUT', `/innovaties/${inn.id}/businesscase`, {
    kosten: [{ fase: 'idee', extern: 2500, interneUren: 60 }, { fase: 'ontwikkeling', extern: 40000, interneUren: 600 }],
    baten: [{ omschrijving: 'Minder strooizout per winterseizoen', bedragPerJaar: 18000, aanname: 'Een kwart minder zout dan het gemiddelde van vijf winters' }],
    stoplijst: [{ wat: 'Vaste nachtelijke controleritten', vrijgekomen: 'Zes chauffeursdiensten per week', besparingPerJaar: 9000 }],
    uurtarief: 85,
  });
  const review = await api(lid, 'POST', `/innovaties/${inn.id}/beoordelingen`, {
    pijlers: {
      publiekeWaarde: { score: 4, onderbouwing: 'Minder valpartijen van fietsers op bruggen in de proefwijken' },
      gebruikswaarde: { score: 3, onderbouwing: 'Chauffeurs gebruiken de voorspelling, maar nog niet elke nacht' },
      technischeAanpak: { score: 4, onderbouwing: 'Sensorgegevens komen betrouwbaar binnen via het gemeentelijke netwerk' },
      kosten: { score: 3, onderbouwing: 'Binnen het projectbudget, onderhoudskosten nog onzeker' },
    },
    schaduwkanten: { verspillingPubliekGeld: { score: 2, toelichting: 'Sensoren worden na de proef hergebruikt' } },
  });
  await api(stuur, 'POST', `/innovaties/${inn.id}/beoordelingen/${review.id}/_vaststellen`, {
    besluit: 'go', motivering: 'Proefopstelling overtuigend; uitbreiden naar de binnenstadsbruggen.',
    budget: 40000, doorlooptijdMaanden: 9, volgendeBeoordeling: '2027-10-01',
  });
  await api(lid, 'POST', `/innovaties/${inn.id}/beoordelingen`, {
    pijlers: { publiekeWaarde: { score: 4, onderbouwing: 'Ook de binnenstadsbruggen blijven begaanbaar' } },
  });
  const ids = ['projectleider_en_team', 'ruimte_en_budget', 'vraag_uit_domein', 'kortcyclisch_werken', 'multidisciplinair_team',
    'samenwerking_markt', 'netwerk_en_keten', 'eindgebruikers_betrekken', 'lerende_aanpak'];
  await api(lid, 'POST', `/innovaties/${inn.id}/diagnoses`, {
    datum: '2026-09-01', factoren: Object.fromEntries(ids.map((f) => [f, { score: 1 }])),
  });
  return inn.id;
}

before(async () => {
  koers = await startKoers({
    register: true,
    users: [
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lieke Lid' },
      { email: 'stuur@utrecht.test', org: 'GM0344', role: 'stuurgroep', name: 'Stefan Stuur' },
    ],
  });
  id = await steeredInnovation();
  const clusters = await call(koers.url, 'GET', '/api/v1/clusters');
  clusterId = Object.values(clusters.body._embedded)[0][0].id;
  browser = await launchBrowser();
  page = await newPage(browser, koers.url);
  await page.setViewportSize(WIDE);
  await logIn(page, 'lid@utrecht.test');  // a member's menu is the longest
});
after(async () => {
  assert.deepEqual(page?.errors ?? [], [], 'no errors in the browser console');
  await browser?.close();
  await koers?.stop();
});

// Words of the visible text of `selector` that are broken over two lines
// although they would fit on one: each word is measured on its own, and a
// whole word has one line box. Only a word longer than its line (a long
// compound in a large heading on a phone) may break rather than stick out.
function brokenWords(selector) {
  return page.evaluate((sel) => {
    const lineWidth = (el) => {
      while (getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
      const style = getComputedStyle(el);
      return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    };
    const broken = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.checkVisibility() || node.parentElement.closest('.koers-visually-hidden')) continue;
        for (const m of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.top)));
          const width = rects.reduce((sum, r) => sum + r.width, 0);
          if (lines.size > 1 && width <= lineWidth(node.parentElement)) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

const PAGES = () => [
  ['de startpagina', '/'],
  ['de lijst van innovaties', '/innovaties'],
  ['de zoekresultaten', '/zoeken?q=parkeren'],
  ['een innovatie', `/innovaties/${id}`],
  ['het dashboard', '/organisaties/GM0344/dashboard'],
];

describe('on a phone (390 px)', () => {
  before(() => page.setViewportSize(PHONE));

  test('the header is at most 200 px tall on every page; the menu button shows and hides the navigation', async () => {
    for (const [what, path] of PAGES()) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      const header = await page.locator('header').boundingBox();
      assert.ok(header.height <= 200, `the header on ${what} is ${header.height} px tall`);
      const menu = page.getByRole('button', { name: 'Menu' });
      assert.equal(await menu.getAttribute('aria-expanded'), 'false', `the menu is closed on ${what}`);
      assert.match(await menu.getAttribute('aria-controls'), /\bhoofdmenu\b/);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      assert.equal(await nav.isVisible(), false, `the navigation is folded away on ${what}`);
      await assertAccessible(page, `${what} op een telefoon, menu dicht`);

      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await nav.getByRole('link', { name: 'Organisaties' }).waitFor();
      await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
      await assertAccessible(page, `${what} op een telefoon, menu open`);
    }
    // The menu is open on the last page: a link in it works, and the next
    // page starts with the menu closed.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisaties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false);
  });

  test('the menu works by keyboard; Escape closes it and returns focus to the button', async () => {
    await page.goto('/innovaties');
    await page.locator('main h1').waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.focus();
    await page.keyboard.press('Enter');
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Start', 'Tab goes from the button into the menu');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('koers-menu-button')), true, 'focus is back on the menu button');
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');  // the second link: Innovaties
    await page.getByRole('heading', { level: 1, name: 'Innovaties' }).waitFor();
  });

  test('the search filters fold away behind a button', async () => {
    await page.goto('/zoeken?q=parkeren');
    await page.getByRole('list', { name: 'Zoekresultaten' }).waitFor();
    const filters = page.getByRole('button', { name: /^Filters/ });
    const phase = page.getByRole('region', { name: 'Fase' });
    assert.equal(await filters.getAttribute('aria-expanded'), 'false');
    assert.equal(await phase.isVisible(), false, 'the facets are folded away');
    await filters.click();
    assert.equal(await filters.getAttribute('aria-expanded'), 'true');
    await assertAccessible(page, 'de zoekresultaten op een telefoon, filters open');
    await phase.getByRole('link').first().click();
    await page.waitForURL(/fase=/);
    await page.getByRole('button', { name: 'Filters (1 gekozen)' }).waitFor();
    assert.equal(await phase.isVisible(), false, 'a new search starts folded');
  });

  test('tables fit the screen, stacked when they must, and no word is broken', async () => {
    for (const [what, path] of [
      ...PAGES(),
      ['het overzicht van organisaties', '/organisaties'],
      ['een adoptiecluster', `/clusters/${clusterId}`],
      ['het stuurrapport', `/innovaties/${id}/rapport`],
      ['de sturing', `/innovaties/${id}/sturing`],
      ['het adviesrapport', `/innovaties/${id}/adviesrapport`],
    ]) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      const wide = await page.evaluate(() => [...document.querySelectorAll('main .utrecht-table-container')]
        .filter((c) => c.scrollWidth > c.clientWidth + 1)
        .map((c) => c.querySelector('caption')?.textContent.trim()));
      assert.deepEqual(wide, [], `no table scrolls sideways on ${what}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= PHONE.width, `${what} does not scroll sideways`);
      assert.deepEqual(await brokenWords('main table, main button, main h1, main h2'), [], `no word broken over two lines on ${what}`);
    }
    await page.goto('/organisaties');
    const stacked = page.locator('.koers-table--stacked').first();
    await stacked.waitFor();
    const [label, header] = await stacked.evaluate((box) => {
      const cell = box.querySelector('tbody td');
      return [cell.dataset.label, box.querySelectorAll('thead th')[cell.cellIndex].textContent.trim()];
    });
    assert.equal(label, header, 'a stacked cell names its column');
    await assertAccessible(page, 'een gestapelde tabel');
  });

  test('chart labels do not overlap', async () => {
    for (const path of [`/innovaties/${id}/diagnose`, '/organisaties/GM0344/dashboard']) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('koers-chart')].every((c) => c.querySelector('svg text')));
      const overlaps = await page.evaluate(() => {
        const out = [];
        for (const svg of document.querySelectorAll('main svg')) {
          const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => [t.textContent, t.getBoundingClientRect()]);
          for (let i = 0; i < texts.length; i++) {
            for (let j = i + 1; j < texts.length; j++) {
              const [a, b] = [texts[i][1], texts[j][1]];
              if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) out.push(`${texts[i][0]} / ${texts[j][0]}`);
            }
          }
        }
        return out;
      });
      assert.deepEqual(overlaps, [], `chart labels overlap on ${path}`);
    }
  });
});

test('on a wide screen the navigation and the filters show without their buttons', async () => {
  await page.setViewportSize(WIDE);
  await page.goto('/zoeken?q=parkeren');
  await page.getByRole('list', { name: 'Zoekresultaten' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), false);
  assert.ok(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisaties' }).isVisible());
  assert.equal(await page.getByRole('button', { name: /^Filters/ }).isVisible(), false);
  assert.ok(await page.getByRole('region', { name: 'Fase' }).isVisible());
});

test('at 200% zoom the first search result is on the first screen', async () => {
  // A 1280 by 800 window at 200%: 640 by 400 CSS pixels.
  const context = await browser.newContext({ baseURL: koers.url, locale: 'nl-NL', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const zoomed = await context.newPage();
  await zoomed.goto('/zoeken?q=parkeren');
  const first = zoomed.getByRole('list', { name: 'Zoekresultaten' }).getByRole('heading').first();
  await first.waitFor();
  const box = await first.boundingBox();
  assert.ok(box.y + box.height <= 400, `the first result's title ends at ${box.y + box.height} px, below the first screen of 400 px`);
  assert.ok((await zoomed.locator('header').boundingBox()).height <= 200);
  await context.close();
});

describe('printed on A4', () => {
  before(() => page.setViewportSize(WIDE));

  // Prints the page on screen to a PDF and gives its text, all pages and
  // page 1 apart, as pdftotext reads it.
  async function print(name) {
    const file = join(koers.dir, `${name}.pdf`);
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const text = (...args) => execFileSync('pdftotext', ['-layout', ...args, file, '-'], { encoding: 'utf8' });
    return { all: text(), first: text('-f', '1', '-l', '1') };
  }

  // The words of the page's headings and table cells, as the page has them
  // for print (without the forms print leaves out), which the PDF must hold
  // whole.
  async function domWords() {
    await page.emulateMedia({ media: 'print' });
    const text = await page.evaluate(() => [...document.querySelectorAll('main :is(h1, h2, h3, th, td, dt, dd)')].map((el) => {
      let t = el.innerText;
      for (const s of el.querySelectorAll('select')) for (const o of s.options) if (!o.selected) t = t.replace(o.text, ' ');
      return t;
    }));
    await page.emulateMedia({ media: null });
    return [...new Set(text.join(' ').match(/[\p{L}\p{N}]+/gu))];
  }

  function assertWhole(pdf, words, what) {
    const printed = new Set(pdf.match(/[\p{L}\p{N}]+/gu));
    const missing = words.filter((w) => !printed.has(w));
    // A word split over two lines shows as a line ending in its start and
    // the next line starting with the rest.
    const lines = pdf.split('\n').map((l) => l.trim()).filter(Boolean);
    const splits = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const end = lines[i].match(/(\p{L}+)$/u)?.[1];
      const start = lines[i + 1].match(/^(\p{L}+)/u)?.[1];
      if (end && start && words.includes(end + start) && !printed.has(end + start)) splits.push(`${end}|${start}`);
    }
    assert.deepEqual(splits, [], `words split over two lines in ${what}`);
    assert.deepEqual(missing, [], `words of ${what} not whole in the PDF`);
  }

  test('the steering report: the summary of the decision on page 1, words whole, no navigation', async () => {
    await page.goto(`/innovaties/${id}/rapport`);
    await page.getByRole('heading', { level: 1, name: /^Stuurrapport/ }).waitFor();
    const words = await domWords();
    const pdf = await print('stuurrapport');
    assertWhole(pdf.all, words, 'het stuurrapport');
    const first = pdf.first.replace(/\s+/g, ' ');
    assert.match(first, /Samenvatting van de besluitvorming/);
    assert.match(first, /Laatste besluit GO/);
    assert.match(first, /Proefopstelling overtuigend/, 'the motivation of the decision is on page 1');
    assert.match(first, /Volgende beoordeling 1 oktober 2027/);
    assert.doesNotMatch(pdf.all, /Wie gebruikt wat|Uitloggen|Zoek een oplossing|Terug naar de sturing/, 'no header, navigation or screen-only links');
  });

  test('a table that fits on a page is not split over two, wherever it falls', async () => {
    await page.goto(`/innovaties/${id}/rapport`);
    await page.getByRole('heading', { level: 1, name: /^Stuurrapport/ }).waitFor();
    // Room above the pitch table moves it down the page in steps smaller
    // than the table, so one of them puts it across a page break.
    for (const room of [0, 150, 300, 450, 600, 750]) {
      await page.evaluate((px) => {
        const spacer = document.getElementById('ruimte') ?? document.querySelector('main h1').insertAdjacentElement('afterend', document.createElement('div'));
        spacer.id = 'ruimte';
        spacer.style.height = `${px}px`;
      }, room);
      const pages = (await print('stuurrapport-ruimte')).all.split('\f');
      const pageOf = (t) => pages.findIndex((p) => p.replace(/\s+/g, ' ').includes(t));
      assert.ok(pageOf('Strooiwagens rijden nu') >= 0);
      assert.equal(pageOf('Strooiwagens rijden nu'), pageOf('Meer strooiwagenchauffeurs'), `the pitch table on one page with ${room} px above it`);
      // Its column headers come along: they are on the page of its rows.
      assert.match(pages[pageOf('Strooiwagens rijden nu')], /Onderdeel\s+Inhoud/);
    }
  });

  test('the advice report prints the advice a disclosure folds away on screen', async () => {
    await page.goto(`/innovaties/${id}/adviesrapport`);
    await page.getByRole('heading', { level: 1, name: /^Adviesrapport/ }).waitFor();
    const folded = page.locator('main details:not([open])');
    assert.ok(await folded.count() > 0, 'part of the advice is folded away on screen');
    const hidden = await folded.first().locator('h3').allTextContents();
    assert.ok(hidden.length > 0);
    const words = await domWords();
    const pdf = await print('adviesrapport');
    assertWhole(pdf.all, words, 'het adviesrapport');
    const all = pdf.all.replace(/\s+/g, ' ');
    for (const title of hidden) assert.ok(all.includes(title.replace(/\s+/g, ' ').trim()), `folded advice “${title}” is printed`);
    const firstAdvice = (await page.locator('main .koers-advice > li h3').first().textContent()).trim();
    assert.ok(pdf.first.replace(/\s+/g, ' ').includes(firstAdvice), 'the first advice is on page 1');
    assert.equal(await folded.count() > 0, true, 'on screen the disclosure is folded again after printing');
  });

  test('the steering page prints its content without forms or buttons, words whole', async () => {
    await page.goto(`/innovaties/${id}/sturing`);
    await page.getByRole('heading', { level: 1, name: /^Sturing/ }).waitFor();
    const words = await domWords();
    const pdf = await print('sturing');
    assertWhole(pdf.all, words, 'de sturingspagina');
    assert.doesNotMatch(pdf.all, /Pitch schrijven|Nieuwe versie van de pitch|Businesscase bewerken|Beoordeling voorbereiden/, 'no forms or buttons');
    assert.match(pdf.all, /Poortbeoordelingen/);
  });
});
