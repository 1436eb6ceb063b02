// Missions through the API: a shared goal with quadruple-helix partners and
// a target, owned by organisations; innovations of others contribute only
// with their owner's consent; a concept is read by its owners only, and
// nothing of an innovation the viewer may not read shows in a mission.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'lezer@utrecht.test', org: 'GM0344', role: 'lezer' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
  { email: 'lid@groningen.test', org: 'GM0014', role: 'lid' },
];
const SECRET = 'Missiegeheim4417';

let koers;
const s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });

async function innovation(who, fields) {
  const r = await api(who, 'POST', '/innovaties', { json: { fase: 'ontwikkeling', status: 'actief', ...fields } });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

const MISSION = {
  titel: 'Elke wijk klimaatbestendig',
  opgave: 'Hittestress en wateroverlast in alle wijken terugdringen, samen met bewoners en bedrijven.',
  doel: { waarde: 100, eenheid: '% van de wijken', datum: '2030-12-31' },
  partners: [
    { naam: 'Provincie Utrecht', rol: 'overheid' },
    { naam: 'Waterbedrijf Midden', rol: 'markt' },
    { naam: 'Hogeschool Utrecht', rol: 'kennisinstellingen' },
    { naam: 'Bewonersplatform Zuid', rol: 'samenleving' },
  ],
  metingen: [{ datum: '2026-06-30', waarde: 40 }, { datum: '2025-12-31', waarde: 25 }],
};

let own;       // Utrecht's public innovation
let other;     // Amsterdam's public innovation
let internal;  // Amsterdam's organisation-only innovation, with a marker
let mission;   // Utrecht's, published
let concept;   // Utrecht's concept, with a marker

before(async () => {
  const db = prepareDb(tempDir(), { register: true, users: USERS });
  koers = await startKoers({ db });
  for (const [who, email] of [['utrecht', 'lid@utrecht.test'], ['lezerUtrecht', 'lezer@utrecht.test'],
    ['amsterdam', 'lid@amsterdam.test'], ['groningen', 'lid@groningen.test']])
    s[who] = await login(koers.url, email);
  own = await innovation('utrecht', { titel: 'Hittekaart voor wijken', organisatie: 'GM0344', zichtbaarheid: 'openbaar', fase: 'implementatie' });
  other = await innovation('amsterdam', { titel: 'Regenwatersensoren', organisatie: 'GM0363', zichtbaarheid: 'openbaar' });
  internal = await innovation('amsterdam', { titel: `Interne waterproef ${SECRET}`, organisatie: 'GM0363', zichtbaarheid: 'organisatie' });
  let r = await api('utrecht', 'POST', '/missies', { json: { ...MISSION, status: 'gepubliceerd' } });
  assert.equal(r.status, 201, r.text);
  mission = r.body;
  r = await api('utrecht', 'POST', '/missies', { json: { ...MISSION, titel: `Conceptmissie ${SECRET}`, status: 'concept' } });
  assert.equal(r.status, 201, r.text);
  concept = r.body;
});
after(() => koers?.stop());

describe('a mission and who reads it', () => {
  test('it is kept with its target, owners, partners by role and progress', async () => {
    const r = await api(null, 'GET', `/missies/${mission.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('etag'), `"${mission.versie}"`);
    assert.deepEqual(r.body.eigenaren, [{ code: 'GM0344', naam: r.body.eigenaren[0].naam }]);
    assert.deepEqual(r.body.partners.map((p) => p.rol), ['overheid', 'markt', 'kennisinstellingen', 'samenleving']);
    assert.deepEqual(r.body.metingen.map((m) => m.datum), ['2025-12-31', '2026-06-30']);
    assert.deepEqual(r.body.voortgang, { waarde: 40, datum: '2026-06-30', percentage: 40 });
    assert.equal(r.body.wijzigbaar, false);
    assert.equal(r.body.kanBijdragen, false);
  });

  test('a concept is read by its owners only; others get the same 404 as for nothing', async () => {
    assert.equal((await api('lezerUtrecht', 'GET', `/missies/${concept.id}`)).status, 200);
    for (const who of [null, 'amsterdam']) {
      const hidden = await api(who, 'GET', `/missies/${concept.id}`);
      const none = await api(who, 'GET', '/missies/999999');
      assert.equal(hidden.status, 404);
      assert.equal(hidden.body.detail, none.body.detail);
      const list = await api(who, 'GET', '/missies');
      assert.ok(!list.text.includes(SECRET), 'the concept stays out of the list');
      assert.ok(list.body._embedded.missies.some((m) => m.id === mission.id));
    }
    const mine = await api('utrecht', 'GET', '/missies?status=concept');
    assert.deepEqual(mine.body._embedded.missies.map((m) => m.id), [concept.id]);
  });

  test('missions are searched in title, statement and partners', async () => {
    for (const q of ['klimaatbestendig', 'hittestress', 'hogeschool']) {
      const r = await api(null, 'GET', `/missies?q=${q}`);
      assert.deepEqual(r.body._embedded.missies.map((m) => m.id), [mission.id], q);
    }
    assert.equal((await api(null, 'GET', '/missies?q=onbestaandwoord')).body.totaal, 0);
    assert.equal((await api(null, 'GET', '/missies?onbekend=1')).status, 400);
  });

  test('bad input gets every problem named in Dutch, and nothing is stored', async () => {
    const r = await api('utrecht', 'POST', '/missies', {
      json: { titel: '', opgave: 'x', doel: { waarde: 5, datum: 'morgen' }, partners: [{ naam: 'X', rol: 'buren' }], eigenaren: ['XX999'] },
    });
    assert.equal(r.status, 400);
    assert.match(r.headers.get('content-type'), /problem\+json/);
    const fields = r.body.invalidParams.map((p) => p.name).sort();
    for (const f of ['titel', 'doel.datum', 'doel.eenheid', 'partners[0].rol', 'eigenaren[0]']) assert.ok(fields.includes(f), f);
    assert.equal((await api('utrecht', 'GET', '/missies')).body.totaal, 2);
  });

  test('only members of an owner change or delete it, against the version they read', async () => {
    const body = { ...MISSION, status: 'gepubliceerd', titel: 'Elke wijk klimaatbestendig in 2030' };
    assert.equal((await api(null, 'PUT', `/missies/${mission.id}`, { json: body })).status, 401);
    assert.equal((await api('amsterdam', 'PUT', `/missies/${mission.id}`, { json: body })).status, 403);
    assert.equal((await api('lezerUtrecht', 'PUT', `/missies/${mission.id}`, { json: body })).status, 403);
    const stale = await api('utrecht', 'PUT', `/missies/${mission.id}`, { json: body, headers: { 'if-match': '"99"' } });
    assert.equal(stale.status, 412);
    const r = await api('utrecht', 'PUT', `/missies/${mission.id}`, { json: body, headers: { 'if-match': `"${mission.versie}"` } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.titel, body.titel);
    assert.equal(r.body.versie, mission.versie + 1);
    mission = r.body;
  });
});

describe('contributions with their owner consent', () => {
  test('an own innovation counts at once, in the portfolio by phase and on the map', async () => {
    const r = await api('utrecht', 'POST', `/missies/${mission.id}/bijdragen`, { json: { innovatieId: own.id, toelichting: 'Laat zien waar het heet is.' } });
    assert.equal(r.status, 201, r.text);
    const b = r.body.bijdragen.find((x) => x.innovatie.id === own.id);
    assert.equal(b.status, 'ingestemd');
    assert.equal(r.body.portfolio.aantal, 1);
    assert.equal(r.body.portfolio.perFase.find((f) => f.fase === 'implementatie').aantal, 1);
    assert.deepEqual(r.body.portfolio.gemeenten.map((g) => g.code), ['GM0344']);
    const again = await api('utrecht', 'POST', `/missies/${mission.id}/bijdragen`, { json: { innovatieId: own.id } });
    assert.equal(again.status, 409);
  });

  test("another organisation's innovation waits for its owner, who agrees", async () => {
    let r = await api('utrecht', 'POST', `/missies/${mission.id}/bijdragen`, { json: { innovatieId: other.id } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.bijdragen.find((x) => x.innovatie.id === other.id).status, 'gevraagd');
    assert.equal(r.body.portfolio.aantal, 1, 'not counted before consent');
    const outsider = await api(null, 'GET', `/missies/${mission.id}`);
    assert.ok(!outsider.body.bijdragen.some((x) => x.innovatie.id === other.id), 'a pending request is not public');
    assert.equal((await api('utrecht', 'PUT', `/missies/${mission.id}/bijdragen/${other.id}`, { json: { status: 'ingestemd' } })).status, 403);
    assert.equal((await api('amsterdam', 'PUT', `/missies/${mission.id}/bijdragen/${other.id}`, { json: { status: 'ja' } })).status, 400);
    r = await api('amsterdam', 'GET', `/missies/${mission.id}`);
    assert.equal(r.body.bijdragen.find((x) => x.innovatie.id === other.id).beslisbaar, true);
    r = await api('amsterdam', 'PUT', `/missies/${mission.id}/bijdragen/${other.id}`, { json: { status: 'ingestemd' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.portfolio.aantal, 2);
    assert.deepEqual(r.body.portfolio.gemeenten.map((g) => g.code).sort(), ['GM0344', 'GM0363']);
  });

  test('an innovation the viewer may not read adds nothing, and cannot be proposed by outsiders', async () => {
    const refused = await api('utrecht', 'POST', `/missies/${mission.id}/bijdragen`, { json: { innovatieId: internal.id } });
    assert.equal(refused.status, 400);
    assert.ok(!refused.text.includes(SECRET));
    const seenBefore = (await api(null, 'GET', `/missies/${mission.id}`)).body;
    const r = await api('amsterdam', 'POST', `/missies/${mission.id}/bijdragen`, { json: { innovatieId: internal.id } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.portfolio.aantal, 3);
    for (const who of [null, 'utrecht', 'groningen']) {
      const seen = await api(who, 'GET', `/missies/${mission.id}`);
      assert.ok(!seen.text.includes(SECRET), `${who} sees nothing of the internal innovation`);
      assert.equal(seen.body.portfolio.aantal, 2);
      assert.equal(seen.body.versie, seenBefore.versie, 'a private contribution moves neither the version');
      assert.equal(seen.body.gewijzigdOp, seenBefore.gewijzigdOp, 'nor the time of the last change');
      const list = await api(who, 'GET', '/missies');
      assert.ok(!list.text.includes("Interne waterproef"), `${who} sees nothing of it in the list`);
    }
  });

  test('a contribution is withdrawn by the owner of the innovation; the mission is deleted by its owner', async () => {
    assert.equal((await api('groningen', 'DELETE', `/missies/${mission.id}/bijdragen/${other.id}`)).status, 403);
    assert.equal((await api('amsterdam', 'DELETE', `/missies/${mission.id}/bijdragen/${other.id}`)).status, 204);
    assert.equal((await api(null, 'GET', `/missies/${mission.id}`)).body.portfolio.aantal, 1);
    assert.equal((await api('amsterdam', 'DELETE', `/missies/${concept.id}`)).status, 404);
    assert.equal((await api('utrecht', 'DELETE', `/missies/${concept.id}`)).status, 204);
    assert.equal((await api('utrecht', 'GET', `/missies/${concept.id}`)).status, 404);
  });
});
