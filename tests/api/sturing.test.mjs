// Steering through the API: gate reviews and their decisions, unknowns and
// risks, business case, pitch, maturity, and the funnel figures on a fixture
// with known dates (the server runs on a fixed clock: --klok).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'stuur@utrecht.test', org: 'GM0344', role: 'stuurgroep', name: 'Stefan Stuur' },
  { email: 'stuur2@utrecht.test', org: 'GM0344', role: 'stuurgroep' },
  { email: 'lezer@utrecht.test', org: 'GM0344', role: 'lezer' },
  { email: 'stuur@amsterdam.test', org: 'GM0363', role: 'stuurgroep' },
  { email: 'lid@groningen.test', org: 'GM0014', role: 'lid' },
  { email: 'stuur@groningen.test', org: 'GM0014', role: 'stuurgroep' },
];
const PILLARS = {
  publiekeWaarde: { score: 4, onderbouwing: 'minder zwerfafval in drie wijken' },
  gebruikswaarde: { score: 3, onderbouwing: 'vegers gebruiken de planning dagelijks' },
  technischeAanpak: { score: 4, onderbouwing: 'model draait stabiel' },
  kosten: { score: 3, onderbouwing: 'binnen budget' },
};

let koers;
let s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });

async function newInnovation(zichtbaarheid = 'openbaar') {
  const r = await api('lid', 'POST', '/innovaties', {
    json: { titel: `Sturing ${Math.random().toString(36).slice(2, 7)}`, organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

async function draft(id, extra = {}) {
  const r = await api('lid', 'POST', `/innovaties/${id}/beoordelingen`, { json: { pijlers: PILLARS, ...extra } });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

before(async () => {
  koers = await startKoers({ users: USERS });
  s.lid = await login(koers.url, 'lid@utrecht.test');
  s.stuur = await login(koers.url, 'stuur@utrecht.test');
  s.lezer = await login(koers.url, 'lezer@utrecht.test');
  s.stuurB = await login(koers.url, 'stuur@amsterdam.test');
});
after(() => koers?.stop());

describe('gate reviews', () => {
  test('GO moves the innovation to the next phase, with the reason in its history', async () => {
    const id = await newInnovation();
    const d = await draft(id);
    assert.equal(d.status, 'concept');
    assert.equal(d.fase, 'idee');
    const r = await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, {
      json: { besluit: 'go', motivering: 'de pilot levert op', budget: 50000, doorlooptijdMaanden: 6, volgendeBeoordeling: '2027-03-01' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'vastgesteld');
    assert.deepEqual(r.body.besluitvormers, ['Stefan Stuur'], 'deciders by name, never by address');
    const inn = (await api('lid', 'GET', `/innovaties/${id}`)).body;
    assert.equal(inn.fase, 'ontwikkeling');
    assert.equal(inn.status, 'actief');
    assert.match(inn.faseHistorie.at(-1).reden, /^besluit GO: de pilot levert op/);
    assert.equal(inn.faseHistorie.at(-1).door, 'Stefan Stuur');
  });

  for (const [besluit, extra, fase, status] of [
    ['no_go', {}, 'idee', 'gestopt'],
    ['hold', {}, 'idee', 'gepauzeerd'],
    ['go_back', { terugNaar: 'blijven' }, 'idee', 'actief'],
  ]) {
    test(`${besluit} leaves the innovation in fase ${fase} with status ${status}`, async () => {
      const id = await newInnovation();
      const d = await draft(id);
      const r = await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, {
        json: { besluit, motivering: 'zo besloten', ...extra },
      });
      assert.equal(r.status, 200, r.text);
      const inn = (await api('lid', 'GET', `/innovaties/${id}`)).body;
      assert.equal(inn.fase, fase);
      assert.equal(inn.status, status);
    });
  }

  test('GO BACK to the previous phase', async () => {
    const id = await newInnovation();
    await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${(await draft(id)).id}/_vaststellen`, { json: { besluit: 'go', motivering: 'door' } });
    const d = await draft(id);
    assert.equal(d.fase, 'ontwikkeling');
    const r = await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, {
      json: { besluit: 'go_back', terugNaar: 'vorige', motivering: 'gebruikswaarde onvoldoende aangetoond' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal((await api('lid', 'GET', `/innovaties/${id}`)).body.fase, 'idee');
  });

  test('only the stuurgroep of the owning organisation decides', async () => {
    const id = await newInnovation('openbaar');
    const d = await draft(id);
    const body = { json: { besluit: 'go', motivering: 'x' } };
    assert.equal((await api('lid', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, body)).status, 403);
    assert.equal((await api('lezer', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, body)).status, 403);
    assert.equal((await api('stuurB', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, body)).status, 403);
    assert.equal((await call(koers.url, 'POST', `/api/v1/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, body)).status, 401);
    assert.equal((await api('lid', 'GET', `/innovaties/${id}`)).body.fase, 'idee', 'nothing changed');
    const hidden = await newInnovation('organisatie');
    const d2 = await draft(hidden);
    assert.equal((await api('stuurB', 'POST', `/innovaties/${hidden}/beoordelingen/${d2.id}/_vaststellen`, body)).status, 404);
  });

  test('a recorded review cannot be changed or deleted; a correction is a new review', async () => {
    const id = await newInnovation();
    const d = await draft(id);
    await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, { json: { besluit: 'hold', motivering: 'wachten' } });
    const patch = await api('stuur', 'PATCH', `/innovaties/${id}/beoordelingen/${d.id}`, { json: { motivering: 'toch anders' } });
    assert.equal(patch.status, 409);
    assert.equal((await api('stuur', 'DELETE', `/innovaties/${id}/beoordelingen/${d.id}`)).status, 409);
    const again = await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, { json: { besluit: 'go', motivering: 'x' } });
    assert.equal(again.status, 409);
    assert.equal((await api('lid', 'GET', `/innovaties/${id}/beoordelingen/${d.id}`)).body.motivering, 'wachten');
    const correction = await draft(id);
    const r = await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${correction.id}/_vaststellen`, { json: { besluit: 'go', motivering: 'correctie' } });
    assert.equal(r.status, 200);
    const list = await api('lid', 'GET', `/innovaties/${id}/beoordelingen`);
    assert.equal(list.body._embedded.beoordelingen.length, 2);
  });

  test('the team prepares drafts; drafts can change and go', async () => {
    const id = await newInnovation();
    const d = await draft(id, { schaduwkanten: { onrechtmatigHandelen: { score: 2, toelichting: 'DPIA gedaan' } } });
    const r = await api('lid', 'PATCH', `/innovaties/${id}/beoordelingen/${d.id}`, { json: { pijlers: { kosten: { score: 2, onderbouwing: 'duurder' } } } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.pijlers.kosten.score, 2);
    assert.equal(r.body.pijlers.publiekeWaarde.score, 4, 'other pillars stay');
    assert.equal(r.body.schaduwkanten.onrechtmatigHandelen.toelichting, 'DPIA gedaan');
    assert.equal((await api('lezer', 'POST', `/innovaties/${id}/beoordelingen`, { json: {} })).status, 403);
    assert.equal((await api('lid', 'DELETE', `/innovaties/${id}/beoordelingen/${d.id}`)).status, 204);
  });

  test('a prepared review waits in the stuurgroep\'s list and on its card until it is decided', async () => {
    const id = await newInnovation('organisatie');
    const waiting = async (who) => (await api(who, 'GET', '/organisaties/GM0344/sturing')).body.terBesluit.filter((k) => k.id === id);
    assert.deepEqual(await waiting('stuur'), [], 'nothing waits before a draft');
    const d = await draft(id, { besluit: 'go' });
    const [entry] = await waiting('stuur');
    assert.equal(entry.terBesluit.id, d.id);
    assert.equal(entry.terBesluit.fase, 'idee');
    assert.equal(entry.terBesluit.voorstel, 'go');
    assert.match(entry.terBesluit.opgesteldOp, /^\d{4}-\d{2}-\d{2}T/);
    assert.doesNotMatch(entry.terBesluit.opgesteldDoor ?? '', /@/, 'by name, not by address');
    assert.equal(entry.terBesluit._links.self.href, `/api/v1/innovaties/${id}/beoordelingen/${d.id}`);
    const card = (await api('stuur', 'GET', '/organisaties/GM0344/funnel')).body.kolommen.flatMap((k) => k.kaarten).find((k) => k.id === id);
    assert.equal(card.terBesluit.id, d.id);
    assert.deepEqual((await call(koers.url, 'GET', '/api/v1/organisaties/GM0344/sturing')).body.terBesluit.filter((k) => k.id === id), [],
      'outsiders do not see the draft of an organisation-only innovation');
    const r = await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${d.id}/_vaststellen`, {
      json: { besluit: 'go', motivering: 'goed voorbereid', besluitvormers: ['stuur@utrecht.test'] },
    });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(await waiting('stuur'), [], 'a decided review no longer waits');
  });

  test('a decision needs a decision, a motivation, four scores and real deciders', async () => {
    const id = await newInnovation();
    const d = (await api('lid', 'POST', `/innovaties/${id}/beoordelingen`, { json: { pijlers: { kosten: { score: 9 } } } }));
    assert.equal(d.status, 400);
    assert.equal(d.body.invalidParams[0].name, 'pijlers.kosten.score');
    const empty = (await api('lid', 'POST', `/innovaties/${id}/beoordelingen`, { json: {} })).body;
    const r = await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${empty.id}/_vaststellen`, {
      json: { besluitvormers: ['lid@utrecht.test', 'stuur2@utrecht.test'], besluit: 'go_back' },
    });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.invalidParams.map((p) => p.name).sort(), [
      'besluitvormers[0]', 'motivering', 'pijlers.gebruikswaarde.score', 'pijlers.kosten.score',
      'pijlers.publiekeWaarde.score', 'pijlers.technischeAanpak.score', 'terugNaar',
    ]);
    assert.equal((await api('lid', 'GET', `/innovaties/${id}/beoordelingen/${empty.id}`)).body.status, 'concept');
  });
});

describe('unknowns and risks, business case, pitch, maturity', () => {
  test('the register lists unknowns first, then by planned order', async () => {
    const id = await newInnovation();
    const add = (json) => api('lid', 'POST', `/innovaties/${id}/onzekerheden`, { json });
    assert.equal((await add({ soort: 'risico', titel: 'Leverancier haakt af', volgorde: 1, eigenaar: 'inkoop' })).status, 201);
    const u = await add({ soort: 'onbekende', titel: 'Kloppen de meldingen?', volgorde: 2 });
    assert.equal((await add({ soort: 'onbekende', titel: 'Mogen we de data koppelen?', volgorde: 1 })).status, 201);
    const list = await api('lezer', 'GET', `/innovaties/${id}/onzekerheden`);
    assert.deepEqual(list.body._embedded.onzekerheden.map((x) => x.titel), ['Mogen we de data koppelen?', 'Kloppen de meldingen?', 'Leverancier haakt af']);
    const done = await api('lid', 'PUT', `/innovaties/${id}/onzekerheden/${u.body.id}`, {
      json: { soort: 'onbekende', titel: 'Kloppen de meldingen?', status: 'opgelost', uitkomst: 'ja, 95% klopt', volgorde: 2 },
    });
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'opgelost');
    assert.equal((await add({ soort: 'gevaar', titel: '' })).status, 400);
    assert.equal((await api('lezer', 'POST', `/innovaties/${id}/onzekerheden`, { json: { soort: 'risico', titel: 'x' } })).status, 403);
  });

  test('the business case adds up and keeps versions apart', async () => {
    const id = await newInnovation();
    const body = {
      kosten: [{ fase: 'idee', extern: 1000, interneUren: 40 }, { fase: 'ontwikkeling', extern: 20000, interneUren: 400 }],
      baten: [{ omschrijving: 'Minder ritten', bedragPerJaar: 12000, aanname: '1% efficiëntie op 1,2 mln = 12.000' }],
      stoplijst: [{ wat: 'Handmatige routeplanning', vrijgekomen: '4 uur per week', besparingPerJaar: 8000 }],
      uurtarief: 50,
    };
    const r = await api('lid', 'PUT', `/innovaties/${id}/businesscase`, { json: body });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.totalen.kostenExtern, 21000);
    assert.equal(r.body.totalen.kostenIntern, 22000);
    assert.equal(r.body.totalen.terugverdientijdJaren, 43000 / 20000);
    assert.equal(r.body.stoplijst[0].wat, 'Handmatige routeplanning');
    const stale = await api('lid', 'PUT', `/innovaties/${id}/businesscase`, { json: body, headers: { 'if-match': '"7"' } });
    assert.equal(stale.status, 412);
    const bad = await api('lid', 'PUT', `/innovaties/${id}/businesscase`, { json: { kosten: [{ fase: 'later', extern: -1 }] } });
    assert.deepEqual(bad.body.invalidParams.map((p) => p.name), ['kosten[0].fase', 'kosten[0].extern']);
  });

  test('the pitch is versioned', async () => {
    const id = await newInnovation();
    await api('lid', 'POST', `/innovaties/${id}/pitch`, { json: { behoeften: 'schonere straten', aanpak: 'sprints' } });
    const v2 = await api('lid', 'POST', `/innovaties/${id}/pitch`, { json: { behoeften: 'schonere straten', aanpak: 'sprints met vegers', voordelen: 'minder klachten', alternatieven: 'meer vegers' } });
    assert.equal(v2.body.versie, 2);
    const p = await api('lezer', 'GET', `/innovaties/${id}/pitch`);
    assert.equal(p.body.huidig.aanpak, 'sprints met vegers');
    assert.deepEqual(p.body.versies.map((x) => x.versie), [2, 1]);
    assert.equal((await api('lid', 'POST', `/innovaties/${id}/pitch`, { json: {} })).status, 400);
  });

  test('maturity is kept with its history; the stuurgroep records it', async () => {
    const add = (who, json) => api(who, 'POST', '/organisaties/GM0344/volwassenheid', { json });
    assert.equal((await add('stuur', { stadia: ['experimenteren'], onderbouwing: 'eerste pilots', datum: '2025-01-15' })).status, 201);
    assert.equal((await add('stuur', { stadia: ['experimenteren', 'verbreden'], onderbouwing: 'pilots in drie domeinen', datum: '2026-02-01' })).status, 201);
    assert.equal((await add('lid', { stadia: ['verankeren'], onderbouwing: 'x', datum: '2026-03-01' })).status, 403);
    assert.equal((await add('stuur', { stadia: ['zweven'], onderbouwing: '', datum: '2026-13-01' })).status, 400);
    const list = await api('lezer', 'GET', '/organisaties/GM0344/volwassenheid');
    assert.deepEqual(list.body.huidig.stadia, ['experimenteren', 'verbreden']);
    assert.equal(list.body._embedded.volwassenheid.length, 2);
    assert.equal((await call(koers.url, 'GET', '/api/v1/organisaties/GM0344/volwassenheid')).status, 401);
    assert.equal((await api('stuurB', 'GET', '/organisaties/GM0344/volwassenheid')).status, 403);
  });
});

describe('funnel figures on known dates (fixed clock)', () => {
  const db = prepareDb(tempDir(), { users: USERS });
  let id;
  let server;
  const at = async (time, fn) => {
    server = await startKoers({ db, extraArgs: ['--klok', time] });
    try {
      const sessions = {
        lid: await login(server.url, 'lid@groningen.test'),
        stuur: await login(server.url, 'stuur@groningen.test'),
      };
      await fn((who, method, path, options = {}) => call(server.url, method, `/api/v1${path}`, { session: sessions[who], ...options }));
    } finally {
      await server.stop();
    }
  };
  const decide = async (g, besluit, extra = {}) => {
    const d = await g('lid', 'POST', `/innovaties/${id}/beoordelingen`, { json: { pijlers: PILLARS } });
    const r = await g('stuur', 'POST', `/innovaties/${id}/beoordelingen/${d.body.id}/_vaststellen`, { json: { besluit, motivering: 'volgens plan', ...extra } });
    assert.equal(r.status, 200, r.text);
  };

  test('time in phase, lead time, conversion, medians, overdue reviews and recent decisions', async () => {
    await at('2025-01-01T09:00:00Z', async (g) => {
      const r = await g('lid', 'POST', '/innovaties', {
        json: { titel: 'Voorspellen van wateroverlast', organisatie: 'GM0014', fase: 'idee', status: 'actief', zichtbaarheid: 'organisatie', innovatieNiveau: 'applicatie' },
      });
      id = r.body.id;
      const other = await g('lid', 'POST', '/innovaties', { json: { titel: 'Nog een idee', organisatie: 'GM0014', fase: 'idee', status: 'actief', zichtbaarheid: 'openbaar' } });
      assert.equal(other.status, 201);
    });
    await at('2025-03-01T09:00:00Z', (g) => decide(g, 'go'));
    await at('2025-06-01T09:00:00Z', async (g) => {
      const f = (await g('lid', 'GET', `/innovaties/${id}/sturing`)).body;
      assert.deepEqual(f.tijdPerFase.map((x) => [x.fase, x.dagen]), [['idee', 59], ['ontwikkeling', 92], ['implementatie', 0], ['opschaling', 0]]);
      assert.equal(f.doorlooptijd.implementatieBereikt, false);
      await decide(g, 'go', { volgendeBeoordeling: '2025-06-15' });
    });
    await at('2025-07-01T09:00:00Z', async (g) => {
      const f = (await g('lid', 'GET', `/innovaties/${id}/sturing`)).body;
      assert.deepEqual(f.tijdPerFase.map((x) => x.dagen), [59, 92, 30, 0]);
      assert.equal(f.doorlooptijd.implementatieBereikt, true);
      assert.equal(f.doorlooptijd.jaren, Math.round((151 / 365.25) * 100) / 100);
      assert.deepEqual(f.doorlooptijd.verwacht, { minJaren: 0.5, maxJaren: 1.5 });
      assert.equal(f.doorlooptijd.overschreden, false);
      assert.equal(f.achterstallig, true, 'the review planned for 15 June has not happened');

      const o = (await g('lid', 'GET', '/organisaties/GM0014/sturing')).body;
      assert.equal(o.totaal, 2);
      assert.deepEqual(o.conversieIdeeNaarImplementatie, { gestartInIdee: 2, implementatieBereikt: 1, percentage: 50 });
      assert.deepEqual(o.mediaanTijdPerFase.map((m) => [m.fase, m.mediaanDagen, m.n]), [
        ['idee', 59, 1], ['ontwikkeling', 92, 1], ['implementatie', null, 0], ['opschaling', null, 0],
      ]);
      assert.deepEqual(o.perFase, { idee: 1, implementatie: 1 });
      assert.deepEqual(o.achterstalligeBeoordelingen.map((k) => k.id), [id]);
      assert.deepEqual(o.besluitenLaatsteKwartaal.map((b) => b.vastgesteldOp), ['2025-06-01T09:00:00Z'], 'March is more than a quarter ago');

      const board = (await g('lid', 'GET', '/organisaties/GM0014/funnel')).body;
      const impl = board.kolommen.find((k) => k.fase === 'implementatie');
      assert.deepEqual(impl.kaarten.map((k) => [k.id, k.dagenInFase, k.achterstallig]), [[id, 30, true]]);
      const anon = (await call(server.url, 'GET', '/api/v1/organisaties/GM0014/funnel')).body;
      assert.equal(anon.kolommen.flatMap((k) => k.kaarten).length, 1, 'the organisation-only innovation stays hidden');
    });
  });
});
