// Networks through the API: the inner circle (partners, some with edit
// rights the owner agreed), the outer circle (organisations that watch) and
// who takes an innovation over, on the innovation, on a cluster and per
// organisation; a partner edits but does not change the circle, and a
// network never shows what the viewer may not read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
  { email: 'lezer@amsterdam.test', org: 'GM0363', role: 'lezer' },
  { email: 'lid@groningen.test', org: 'GM0014', role: 'lid' },
  { email: 'lid@rotterdam.test', org: 'GM0599', role: 'lid' },
];
const SECRET = 'Kringgeheim7731';

let koers;
const s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });
const patch = (who, id, json) =>
  api(who, 'PATCH', `/innovaties/${id}`, { json, headers: { 'content-type': 'application/merge-patch+json' } });

async function create(who, fields) {
  const r = await api(who, 'POST', '/innovaties', { json: { fase: 'ontwikkeling', status: 'actief', ...fields } });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

const names = (parties) => parties.map((p) => p.organisatie);

let shared;  // Utrecht's, with Amsterdam (may edit) and Groningen (reads) as partners
let open;    // Utrecht's, public, watched by Rotterdam and used by Groningen
let hidden;  // Utrecht's, for its organisation only, with Groningen as partner and a marker

before(async () => {
  const db = prepareDb(tempDir(), { register: true, users: USERS });
  koers = await startKoers({ db });
  for (const [who, email] of [['utrecht', 'lid@utrecht.test'], ['amsterdam', 'lid@amsterdam.test'],
    ['lezerAmsterdam', 'lezer@amsterdam.test'], ['groningen', 'lid@groningen.test'], ['rotterdam', 'lid@rotterdam.test']])
    s[who] = await login(koers.url, email);
  shared = await create('utrecht', {
    titel: 'Samen ontwikkelde wijkscan', organisatie: 'GM0344', zichtbaarheid: 'organisatie',
    partners: ['GM0363', 'GM0014'], partnersMetBewerkrecht: ['GM0363'],
  });
  open = await create('utrecht', { titel: 'Open meldingenkaart', organisatie: 'GM0344', zichtbaarheid: 'openbaar' });
  hidden = await create('utrecht', {
    titel: `Verborgen samenwerking ${SECRET}`, organisatie: 'GM0344', zichtbaarheid: 'organisatie', partners: ['GM0014'],
  });
  for (const [who, org, status] of [['rotterdam', 'GM0599', 'buitenkring'], ['groningen', 'GM0014', 'in_gebruik']]) {
    const r = await api(who, 'POST', '/adopties', { json: { bron: open.id, organisatie: org, status, datum: '2026-09-01' } });
    assert.equal(r.status, 201, r.text);
  }
});
after(() => koers?.stop());

describe('the inner circle and its edit rights', () => {
  test('the edit rights are kept and returned, sorted, and must name partners', async () => {
    assert.deepEqual(shared.partners, ['GM0014', 'GM0363']);
    assert.deepEqual(shared.partnersMetBewerkrecht, ['GM0363']);
    const r = await api('utrecht', 'POST', '/innovaties', {
      json: { titel: 'Fout', organisatie: 'GM0344', fase: 'idee', status: 'actief', partners: ['GM0014'], partnersMetBewerkrecht: ['GM0363'] },
    });
    assert.equal(r.status, 400, r.text);
    assert.match(r.headers.get('content-type'), /problem\+json/);
    const problem = r.body.invalidParams.find((p) => p.name === 'partnersMetBewerkrecht');
    assert.ok(problem, r.text);
    assert.match(problem.reason, /partner/);
  });

  test('a lid of a partner with edit rights edits; a partner without them, or a reader, does not', async () => {
    const edited = await patch('amsterdam', shared.id, { samenvatting: 'Bijgewerkt door Amsterdam' });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.body.samenvatting, 'Bijgewerkt door Amsterdam');
    for (const who of ['groningen', 'lezerAmsterdam']) {
      const r = await patch(who, shared.id, { samenvatting: `Door ${who}` });
      assert.equal(r.status, 403, `${who}: ${r.text}`);
    }
    const stored = await api('utrecht', 'GET', `/innovaties/${shared.id}`);
    assert.equal(stored.body.samenvatting, 'Bijgewerkt door Amsterdam');
  });

  test('a partner with edit rights cannot change who is in the circle or who reads', async () => {
    for (const change of [
      { partnersMetBewerkrecht: ['GM0014', 'GM0363'] },
      { partners: ['GM0363'], partnersMetBewerkrecht: ['GM0363'] },
      { zichtbaarheid: 'openbaar' },
      { organisatie: 'GM0363', partners: ['GM0014'], partnersMetBewerkrecht: [] },
    ]) {
      const r = await patch('amsterdam', shared.id, change);
      assert.equal(r.status, 403, `${JSON.stringify(change)}: ${r.text}`);
      assert.match(r.body.detail, /eigenaar/);
    }
    const stored = await api('utrecht', 'GET', `/innovaties/${shared.id}`);
    assert.deepEqual([stored.body.partners, stored.body.partnersMetBewerkrecht, stored.body.zichtbaarheid],
      [['GM0014', 'GM0363'], ['GM0363'], 'organisatie']);
  });

  test('the owner withdraws an edit right and the partner then only reads; the version history shows it', async () => {
    const mine = await api('utrecht', 'POST', '/innovaties', {
      json: { titel: 'Tijdelijk samen', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'organisatie', partners: ['GM0363'], partnersMetBewerkrecht: ['GM0363'] },
    });
    assert.equal(mine.status, 201, mine.text);
    assert.equal((await patch('utrecht', mine.body.id, { partnersMetBewerkrecht: [] })).status, 200);
    assert.equal((await patch('amsterdam', mine.body.id, { titel: 'Toch gewijzigd' })).status, 403);
    assert.equal((await api('amsterdam', 'GET', `/innovaties/${mine.body.id}`)).status, 200, 'still reads as a partner');
    const versions = await api('utrecht', 'GET', `/innovaties/${mine.body.id}/versies`);
    assert.equal(versions.status, 200, versions.text);
    assert.match(versions.text, /partnersMetBewerkrecht/);
  });
});

describe('the network of an innovation and of a cluster', () => {
  test('the inner circle shows the owner and the partners with their edit rights', async () => {
    const r = await api('amsterdam', 'GET', `/innovaties/${shared.id}/netwerk`);
    assert.equal(r.status, 200, r.text);
    const byOrg = Object.fromEntries(r.body.binnenkring.map((p) => [p.organisatie, p.banden[0]]));
    assert.equal(byOrg.GM0344.relatie, 'eigenaar');
    assert.deepEqual([byOrg.GM0363.relatie, byOrg.GM0363.bewerkrecht], ['partner', true]);
    assert.deepEqual([byOrg.GM0014.relatie, byOrg.GM0014.bewerkrecht], ['partner', false]);
    assert.ok(r.body.binnenkring.every((p) => p.organisatieNaam && p.organisatieNaam !== p.organisatie), 'names, not codes');
  });

  test('the outer circle holds who watches; who uses it is listed apart, for everyone', async () => {
    const r = await api(undefined, 'GET', `/innovaties/${open.id}/netwerk`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(names(r.body.binnenkring), ['GM0344']);
    assert.deepEqual(names(r.body.buitenkring), ['GM0599']);
    assert.equal(r.body.buitenkring[0].banden[0].sinds, '2026-09-01');
    assert.deepEqual(names(r.body.overnemers), ['GM0014']);
    assert.equal(r.body.overnemers[0].banden[0].relatie, 'in_gebruik');
  });

  test('a network one may not read is not found, as an unknown one', async () => {
    for (const path of [`/innovaties/${hidden.id}/netwerk`, '/innovaties/99999999/netwerk', '/clusters/c99999999/netwerk']) {
      const r = await api('rotterdam', 'GET', path);
      assert.equal(r.status, 404, `${path}: ${r.text}`);
      assert.match(r.headers.get('content-type'), /problem\+json/);
    }
  });

  test('a cluster shows every organisation that develops the product', async () => {
    const list = await api(undefined, 'GET', '/clusters?zoek=virtuele%20gemeente%20assistent&paginaGrootte=5');
    const gem = list.body._embedded.clusters.find((c) => /Gem$/.test(c.naam));
    assert.ok(gem, list.text);
    const r = await api(undefined, 'GET', `/clusters/${gem.id}/netwerk`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.binnenkring.length, gem.aantalOrganisaties);
    assert.ok(names(r.body.binnenkring).includes('GM0344'));
  });
});

describe('the network of an organisation', () => {
  test('with whom it develops, from whom it adopts and who adopts from it', async () => {
    const utrecht = await api('utrecht', 'GET', '/organisaties/GM0344/netwerk');
    assert.equal(utrecht.status, 200, utrecht.text);
    // Ties to this test's innovations (the register has its own partnerships too).
    const mine = [shared.id, open.id, hidden.id];
    const tiesTo = (parties, org) =>
      (parties.find((p) => p.organisatie === org)?.banden ?? []).map((b) => b.innovatie).filter((id) => mine.includes(id)).sort((a, b) => a - b);
    assert.deepEqual(tiesTo(utrecht.body.ontwikkeltSamenMet, 'GM0363'), [shared.id]);
    assert.deepEqual(tiesTo(utrecht.body.ontwikkeltSamenMet, 'GM0014'), [shared.id, hidden.id]);
    const by = Object.fromEntries(utrecht.body.wordtOvergenomenDoor.map((p) => [p.organisatie, p.banden.map((b) => [b.innovatie, b.relatie])]));
    assert.deepEqual([by.GM0014, by.GM0599], [[[open.id, 'in_gebruik']], [[open.id, 'buitenkring']]]);

    const amsterdam = await api('amsterdam', 'GET', '/organisaties/GM0363/netwerk');
    const withUtrecht = amsterdam.body.ontwikkeltSamenMet.find((p) => p.organisatie === 'GM0344');
    assert.deepEqual(withUtrecht.banden.filter((b) => mine.includes(b.innovatie)).map((b) => [b.titel, b.relatie]),
      [['Samen ontwikkelde wijkscan', 'eigenaar']]);

    const rotterdam = await api('rotterdam', 'GET', '/organisaties/GM0599/netwerk');
    assert.deepEqual(rotterdam.body.neemtOverVan.map((p) => [p.organisatie, p.banden[0].titel, p.banden[0].relatie]),
      [['GM0344', 'Open meldingenkaart', 'buitenkring']]);
  });

  test('an outsider sees only the ties of what it may read', async () => {
    for (const who of [undefined, 'rotterdam']) {
      const r = await api(who, 'GET', '/organisaties/GM0344/netwerk');
      assert.equal(r.status, 200, r.text);
      assert.ok(!r.text.includes(SECRET), 'no private title');
      assert.ok(!r.text.includes('wijkscan'), 'no title of an innovation for the organisation only');
      const ties = r.body.ontwikkeltSamenMet.flatMap((p) => p.banden.map((b) => b.innovatie));
      assert.ok(ties.length > 0, 'the public partnerships of the register are shown');
      assert.ok(!ties.includes(shared.id) && !ties.includes(hidden.id), 'its private partnerships are not');
      const groningen = await api(who, 'GET', '/organisaties/GM0014/netwerk');
      assert.ok(!groningen.text.includes(SECRET));
      const withUtrecht = groningen.body.ontwikkeltSamenMet.find((p) => p.organisatie === 'GM0344');
      assert.ok(!withUtrecht?.banden.some((b) => b.innovatie === hidden.id || b.innovatie === shared.id));
    }
    const partner = await api('groningen', 'GET', '/organisaties/GM0014/netwerk');
    const ties = partner.body.ontwikkeltSamenMet.find((p) => p.organisatie === 'GM0344').banden.map((b) => b.innovatie);
    assert.ok(ties.includes(shared.id) && ties.includes(hidden.id), 'a partner sees both innovations it develops');
  });

  test('an unknown organisation is a clear 404', async () => {
    const r = await api(undefined, 'GET', '/organisaties/XX9999/netwerk');
    assert.equal(r.status, 404, r.text);
    assert.match(r.headers.get('content-type'), /problem\+json/);
    assert.match(r.body.detail, /organisatie/i);
  });
});
