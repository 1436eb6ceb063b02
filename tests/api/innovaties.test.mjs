// Black-box tests of /api/v1/innovaties against the real binary and a
// temporary database with the demo data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';

// Reading is anonymous here; every change is made by a lid of Utrecht.
let koers;
let api;
let lid;
before(async () => {
  koers = await startKoers({ users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
                                     { email: 'beheer@utrecht.test', org: 'GM0344', role: 'beheerder' }] });
  lid = await login(koers.url, 'lid@utrecht.test');
  const beheer = await login(koers.url, 'beheer@utrecht.test');
  api = (method, path, options = {}) =>
    call(koers.url, method, '/api/v1' + path, { session: method === 'GET' ? undefined : method === 'DELETE' ? beheer : lid, ...options });
});
after(() => koers.stop());

const valid = () => ({
  titel: 'Voorspellen van zwerfafval',
  samenvatting: 'Een model voorspelt waar afval blijft liggen.',
  organisatie: 'GM0344',
  partners: ['GM0363'],
  domein: 'fysiek',
  tags: ['afval'],
  fase: 'ontwikkeling',
  status: 'actief',
  innovatieType: 'incrementeel',
  innovatieNiveau: 'applicatie',
  trl: 5,
  analyseNiveau: 'voorspellend',
  waardeSoorten: ['openbare_ruimte'],
  startDatum: '2025-03-01',
  kostenExtern: 12500.5,
  team: [{ naam: 'Projectleider wijkbeheer', rol: 'projectleider', archetypen: ['regisseur'] }],
  zichtbaarheid: 'openbaar',
});

function assertProblem(r, status) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
  assert.equal(r.body.status, status);
  assert.ok(r.body.title && r.body.detail, 'problem has title and detail');
  if (status === 400) assert.ok(r.body.invalidParams?.length > 0 && r.body.invalidParams.every((p) => p.name && p.reason), 'a 400 names what is wrong');
}


const names = (r) => r.body.invalidParams.map((p) => p.name);

describe('listing', () => {
  test('lists the 18 reference cases with paging links', async () => {
    const r = await api('GET', '/innovaties?paginaGrootte=5');
    assert.equal(r.status, 200);
    assert.equal(r.body.totaal, 18);
    assert.equal(r.body._embedded.innovaties.length, 5);
    assert.equal(r.body._links.next.href, '/api/v1/innovaties?paginaGrootte=5&pagina=2');
    assert.equal(r.body._links.prev, undefined);
    const last = await api('GET', '/innovaties?paginaGrootte=5&pagina=4');
    assert.equal(last.body._embedded.innovaties.length, 3);
    assert.equal(last.body._links.next, undefined);
    assert.ok(last.body._links.prev);
  });

  for (const [param, value, field] of [
    ['fase', 'opschaling', 'fase'],
    ['domein', 'sociaal', 'domein'],
    ['status', 'actief', 'status'],
    ['organisatie', 'GM0344', 'organisatie'],
    ['innovatieType', 'incrementeel', 'innovatieType'],
    ['innovatieNiveau', 'applicatie', 'innovatieNiveau'],
  ]) {
    test(`filter ${param}=${value} returns only matching innovations`, async () => {
      const all = await api('GET', '/innovaties?paginaGrootte=100');
      const expected = all.body._embedded.innovaties.filter((i) => i[field] === value).length;
      assert.ok(expected > 0 && expected < 18, `fixture has some ${value}`);
      const r = await api('GET', `/innovaties?${param}=${value}&paginaGrootte=100`);
      assert.equal(r.status, 200);
      assert.equal(r.body.totaal, expected);
      for (const i of r.body._embedded.innovaties) assert.equal(i[field], value);
    });
  }

  test('sorts by title, and in reverse', async () => {
    const up = (await api('GET', '/innovaties?paginaGrootte=100')).body._embedded.innovaties.map((i) => i.titel);
    const down = (await api('GET', '/innovaties?paginaGrootte=100&sorteer=-titel')).body._embedded.innovaties.map((i) => i.titel);
    assert.deepEqual(down, [...up].reverse());
  });

  test('bad parameters give 400 naming each one', async () => {
    const r = await api('GET', '/innovaties?fase=klaar&pagina=0&paginaGrootte=500&kleur=rood&sorteer=x');
    assertProblem(r, 400);
    assert.deepEqual(names(r).sort(), ['fase', 'kleur', 'pagina', 'paginaGrootte', 'sorteer'].sort());
  });
});

describe('reading one', () => {
  test('gives every field, an ETag and the phase history', async () => {
    const list = await api('GET', '/innovaties?paginaGrootte=1');
    const id = list.body._embedded.innovaties[0].id;
    const r = await api('GET', `/innovaties/${id}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('etag'), `"${r.body.versie}"`);
    for (const field of ['titel', 'organisatie', 'organisatieNaam', 'partners', 'team', 'faseHistorie', 'waardecreatie', 'bron', 'zichtbaarheid'])
      assert.ok(field in r.body, field);
    assert.ok(r.body.faseHistorie.length >= 1);
  });

  test('unknown and trailing-slash addresses are 404 problems; a malformed id is a 400 naming it', async () => {
    assertProblem(await api('GET', '/innovaties/999999'), 404);
    for (const bad of ['abc', '-1', '0', '1.5', '99999999999999999999']) {
      const r = await api('GET', `/innovaties/${bad}`);
      assertProblem(r, 400);
      assert.deepEqual(r.body.invalidParams.map((p) => p.name), ['id'], bad);
    }
    const nested = await api('GET', '/innovaties/1/beoordelingen/x');
    assertProblem(nested, 400);
    assert.deepEqual(nested.body.invalidParams.map((p) => p.name), ['beoordelingId']);
    assertProblem(await api('GET', '/innovaties/'), 404);

    assertProblem(await api('GET', '/innovaties/1/'), 404);
    assertProblem(await api('GET', '/bestaat-niet'), 404);
  });

  test('a wrong method is 405 with Allow', async () => {
    const r = await api('DELETE', '/innovaties');
    assertProblem(r, 405);
    assert.equal(r.headers.get('allow'), 'GET, POST');
    const p = await api('POST', '/organisaties/GM0344', { json: {} });
    assertProblem(p, 405);
    assert.equal(p.headers.get('allow'), 'GET');
  });
});

describe('creating', () => {
  test('a valid innovation is stored and can be read back', async () => {
    const r = await api('POST', '/innovaties', { json: valid() });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.headers.get('location'), `/api/v1/innovaties/${r.body.id}`);
    const back = await api('GET', `/innovaties/${r.body.id}`);
    assert.equal(back.body.titel, 'Voorspellen van zwerfafval');
    assert.deepEqual(back.body.partners, ['GM0363']);
    assert.equal(back.body.organisatieNaam, 'Gemeente Utrecht');
    assert.equal(back.body.kostenExtern, 12500.5);
    assert.deepEqual(back.body.team, valid().team.map((m) => ({ ...m, gebruiker: null })));
    assert.equal(back.body.versie, 1);
    assert.equal(back.body.faseHistorie[0].fase, 'ontwikkeling');
  });

  test('an invalid body gives 400 naming every bad field, and stores nothing', async () => {
    const before = (await api('GET', '/innovaties')).body.totaal;
    const r = await api('POST', '/innovaties', {
      json: {
        ...valid(),
        titel: '',
        fase: 'klaar',
        trl: 12,
        organisatie: 'GM9999',
        startDatum: '2025-02-30',
        kostenExtern: 'veel',
        waardeSoorten: ['geluk'],
        team: [{ naam: 'X', rol: 'tovenaar' }],
        zichtbaarheid: 'geheim',
        kleur: 'rood',
      },
    });
    assertProblem(r, 400);
    assert.deepEqual(
      names(r).sort(),
      ['fase', 'kleur', 'kostenExtern', 'organisatie', 'startDatum', 'team[0].rol', 'titel', 'trl', 'waardeSoorten[0]', 'zichtbaarheid'].sort(),
    );
    for (const p of r.body.invalidParams) assert.ok(p.reason.length > 3, 'each problem says why');
    assert.equal((await api('GET', '/innovaties')).body.totaal, before);
  });

  test('missing required fields are named', async () => {
    const r = await api('POST', '/innovaties', { json: {} });
    assertProblem(r, 400);
    assert.deepEqual(names(r).sort(), ['organisatie', 'titel']);
  });

  test('empty codes and null lists are refused, not read as absent', async () => {
    const r = await api('POST', '/innovaties', { json: { ...valid(), domein: '', startDatum: '', tags: null, team: null } });
    assertProblem(r, 400);
    assert.deepEqual(names(r).sort(), ['domein', 'startDatum', 'tags', 'team']);
  });

  test('bodies that are not JSON objects are refused with a problem, never a 5xx', async () => {
    const cases = [
      [{ body: 'geen json', headers: { 'content-type': 'application/json' } }, 400],
      [{ body: '[1,2,3]', headers: { 'content-type': 'application/json' } }, 400],
      [{ body: 'null', headers: { 'content-type': 'application/json' } }, 400],
      [{ body: '"tekst"', headers: { 'content-type': 'application/json' } }, 400],
      [{ body: '{"titel": "a"', headers: { 'content-type': 'application/json' } }, 400],
      [{ body: '[' .repeat(100000) + ']'.repeat(100000), headers: { 'content-type': 'application/json' } }, 400],
      [{ body: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: { 'content-type': 'application/json' } }, 400],
      [{ body: JSON.stringify(valid()), headers: { 'content-type': 'text/plain' } }, 415],
      [{ body: JSON.stringify(valid()) }, 415],
    ];
    for (const [options, status] of cases) assertProblem(await api('POST', '/innovaties', options), status);
  });

  test('a body over the limit is 413', async () => {
    const r = await api('POST', '/innovaties', { json: { ...valid(), samenvatting: 'x'.repeat(2 * 1024 * 1024) } });
    assertProblem(r, 413);
    assert.equal(r.headers.get('api-version'), '0.1.0');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
  });

  test('random junk never causes a 5xx', async () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = [null, true, 0, -1, 1e308, 'x', '', [], {}, [1], { a: 1 }, 'GM0344', 'idee', '\u0000', 'é'.repeat(300)];
    const fields = Object.keys(valid()).concat(['bron', 'referentie', 'opgeschaaldNaar', 'faseReden', 'id', 'versie']);
    for (let n = 0; n < 150; n++) {
      const body = valid();
      for (let k = 0; k < 3; k++) body[fields[Math.floor(rnd() * fields.length)]] = values[Math.floor(rnd() * values.length)];
      const r = await api('POST', '/innovaties', { json: body });
      assert.ok(r.status === 201 || r.status === 400, `status ${r.status} for ${JSON.stringify(body).slice(0, 200)}`);
    }
  });
});

describe('changing', () => {
  test('PUT replaces, bumps the version and records a phase change with its reason', async () => {
    const created = (await api('POST', '/innovaties', { json: valid() })).body;
    const r = await api('PUT', `/innovaties/${created.id}`, {
      json: { ...valid(), titel: 'Nieuwe titel', fase: 'implementatie', faseReden: 'pilot geslaagd' },
      headers: { 'if-match': `"${created.versie}"` },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.titel, 'Nieuwe titel');
    assert.equal(r.body.versie, 2);
    const last = r.body.faseHistorie.at(-1);
    assert.equal(last.fase, 'implementatie');
    assert.equal(last.reden, 'pilot geslaagd');
  });

  test('a PUT without a required field is refused and never widens the visibility', async () => {
    const created = (await api('POST', '/innovaties', { json: { ...valid(), zichtbaarheid: 'team' } })).body;
    const { zichtbaarheid, fase, ...rest } = valid();
    const r = await api('PUT', `/innovaties/${created.id}`, { json: rest });
    assertProblem(r, 400);
    assert.deepEqual(names(r).sort(), ['fase', 'zichtbaarheid']);
    const stored = await api('GET', `/innovaties/${created.id}`, { session: lid });
    assert.equal(stored.body.zichtbaarheid, 'team');
    assert.equal(stored.body.versie, created.versie, 'nothing changed');
  });

  test('a new innovation without a visibility is visible to its team only', async () => {
    const { zichtbaarheid, fase, status, ...rest } = valid();
    const r = await api('POST', '/innovaties', { json: rest });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.zichtbaarheid, 'team');
    assert.equal(r.body.fase, 'idee');
  });

  test('a stale If-Match is 412 and changes nothing', async () => {
    const created = (await api('POST', '/innovaties', { json: valid() })).body;
    await api('PATCH', `/innovaties/${created.id}`, { json: { titel: 'Eerste wijziging' } });
    const r = await api('PUT', `/innovaties/${created.id}`, { json: { ...valid(), titel: 'Te laat' }, headers: { 'if-match': '"1"' } });
    assertProblem(r, 412);
    assert.equal((await api('GET', `/innovaties/${created.id}`)).body.titel, 'Eerste wijziging');
    assertProblem(await api('PUT', `/innovaties/${created.id}`, { json: valid(), headers: { 'if-match': 'zeven' } }), 400);
  });

  test('PATCH merges only the fields sent', async () => {
    const created = (await api('POST', '/innovaties', { json: valid() })).body;
    const r = await api('PATCH', `/innovaties/${created.id}`, {
      body: JSON.stringify({ status: 'gepauzeerd', tags: null }),
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'gepauzeerd');
    assert.deepEqual(r.body.tags, []);
    assert.equal(r.body.titel, valid().titel);
    assert.equal(r.body.faseHistorie.at(-1).status, 'gepauzeerd');
  });

  test('an invalid change gives 400 and keeps the stored version', async () => {
    const created = (await api('POST', '/innovaties', { json: valid() })).body;
    const r = await api('PATCH', `/innovaties/${created.id}`, { json: { titel: '', trl: 0 } });
    assertProblem(r, 400);
    assert.deepEqual(names(r).sort(), ['titel', 'trl']);
    assert.equal((await api('GET', `/innovaties/${created.id}`)).body.versie, 1);
  });

  test('DELETE removes; a second DELETE and a GET are 404', async () => {
    const created = (await api('POST', '/innovaties', { json: valid() })).body;
    const r = await api('DELETE', `/innovaties/${created.id}`);
    assert.equal(r.status, 204);
    assertProblem(await api('GET', `/innovaties/${created.id}`), 404);
    assertProblem(await api('DELETE', `/innovaties/${created.id}`), 404);
    assertProblem(await api('PUT', `/innovaties/${created.id}`, { json: valid() }), 404);
  });
});
