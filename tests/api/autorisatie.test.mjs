// The authorisation matrix: two municipalities (A = Utrecht GM0344, B =
// Amsterdam GM0363), a user for every role in each, a projectleider linked
// through an innovation's team, the landelijk beheerder and an anonymous
// visitor; every endpoint against innovations of A with each visibility.
// Every cell holds the expected status: removing any check on the server
// turns at least one cell red.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';

const A = 'GM0344';
const B = 'GM0363';
const USERS = {
  anoniem: null,
  lezerA: { org: A, role: 'lezer' },
  lidA: { org: A, role: 'lid' },
  stuurgroepA: { org: A, role: 'stuurgroep' },
  beheerderA: { org: A, role: 'beheerder' },
  projectleider: {},  // no role in any organisation: only on the team
  lezerB: { org: B, role: 'lezer' },
  lidB: { org: B, role: 'lid' },
  stuurgroepB: { org: B, role: 'stuurgroep' },
  beheerderB: { org: B, role: 'beheerder' },
  landelijk: { landelijk: true },
};
const NAMES = Object.keys(USERS);
const email = (name) => `${name.toLowerCase()}@koers.test`;

// Innovations of A. "partner" is organisation-visible with B as partner.
const FIXTURES = {
  openbaar: { zichtbaarheid: 'openbaar' },
  organisatie: { zichtbaarheid: 'organisatie' },
  partner: { zichtbaarheid: 'organisatie', partners: [B] },
  team: { zichtbaarheid: 'team' },
};

//                                anoniem lezerA lidA stuurA behA  projl lezerB lidB stuurB behB  landelijk
const MATRIX = {
  'GET openbaar':                [200,    200,   200, 200,   200,  200,  200,   200, 200,   200,  200],
  'GET organisatie':             [404,    200,   200, 200,   200,  200,  404,   404, 404,   404,  200],
  'GET partner':                 [404,    200,   200, 200,   200,  200,  200,   200, 200,   200,  200],
  'GET team':                    [404,    404,   404, 404,   404,  200,  404,   404, 404,   404,  200],
  'PATCH openbaar':              [401,    403,   200, 403,   200,  200,  403,   403, 403,   403,  200],
  'PATCH organisatie':           [404,    403,   200, 403,   200,  200,  404,   404, 404,   404,  200],
  'PATCH partner':               [404,    403,   200, 403,   200,  200,  403,   403, 403,   403,  200],
  'PATCH team':                  [404,    404,   404, 404,   404,  200,  404,   404, 404,   404,  200],
  'PUT openbaar':                [401,    403,   200, 403,   200,  200,  403,   403, 403,   403,  200],
  'PUT team':                    [404,    404,   404, 404,   404,  200,  404,   404, 404,   404,  200],
  'DELETE openbaar':             [401,    403,   403, 403,   204,  403,  403,   403, 403,   403,  204],
  'DELETE organisatie':          [404,    403,   403, 403,   204,  403,  404,   404, 404,   404,  204],
  'DELETE partner':              [404,    403,   403, 403,   204,  403,  403,   403, 403,   403,  204],
  'DELETE team':                 [404,    404,   404, 404,   404,  403,  404,   404, 404,   404,  204],
  'POST innovatie voor A':       [401,    403,   201, 403,   201,  403,  403,   403, 403,   403,  201],
  'POST innovatie voor B':       [401,    403,   403, 403,   403,  403,  403,   201, 403,   201,  201],
  'GET gebruikers':              [401,    403,   403, 403,   200,  403,  403,   403, 403,   200,  200],
  'POST gebruiker in A':         [401,    403,   403, 403,   201,  403,  403,   403, 403,   403,  201],
  'GET gebruiker lezerA':        [401,    200,   404, 404,   200,  404,  404,   404, 404,   404,  200],
  // An account is invisible (404) to who does not manage it; a beheerder of
  // A sees it but may not grant roles in B (403).
  'POST rol in A':               [401,    404,   404, 404,   201,  404,  404,   404, 404,   404,  201],
  'POST rol in B':               [401,    404,   404, 404,   403,  404,  404,   404, 404,   404,  201],
  'GET audit':                   [401,    403,   403, 403,   200,  403,  403,   403, 403,   200,  200],
  'GET tokens':                  [401,    200,   200, 200,   200,  200,  200,   200, 200,   200,  200],
};

// Innovations of A each user sees in the listing and the counts: public
// ones (18 reference cases + openbaar fixtures) plus what the rules allow.
//                                anoniem lezerA lidA stuurA behA  projl lezerB lidB stuurB behB  landelijk
const VISIBLE_FIXTURES =         [1,      3,     3,   3,     3,    4,    2,     2,   2,     2,    4];

let koers;
const sessions = {};
const ids = {};
let landelijk;
let target;  // an account in A whose roles are changed in the matrix

const api = (who, method, path, options = {}) =>
  call(koers.url, method, '/api/v1' + path, { session: sessions[who], ...options });

async function createFixture(kind) {
  const r = await api('landelijk', 'POST', '/innovaties', {
    json: {
      titel: `Proef ${kind} ${Math.random().toString(36).slice(2, 8)}`,
      organisatie: A,
      fase: 'idee',
      status: 'actief',
      ...FIXTURES[kind],
      team: [{ naam: 'Projectleider', rol: 'projectleider', gebruiker: email('projectleider') }],
    },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

before(async () => {
  const users = [];
  for (const [name, u] of Object.entries(USERS)) if (u) users.push({ email: email(name), org: u.org, role: u.role, landelijk: u.landelijk });
  users.push({ email: 'doel@koers.test', org: A, role: 'lezer' });
  koers = await startKoers({ users });
  for (const name of NAMES) if (USERS[name]) sessions[name] = await login(koers.url, email(name));
  landelijk = sessions.landelijk;
  for (const kind of Object.keys(FIXTURES)) ids[kind] = await createFixture(kind);
  const list = await api('landelijk', 'GET', '/gebruikers?zoek=doel%40koers.test');
  target = list.body._embedded.gebruikers[0].id;
});
after(() => koers?.stop());

const CELLS = {
  'GET openbaar': (who) => api(who, 'GET', `/innovaties/${ids.openbaar}`),
  'GET organisatie': (who) => api(who, 'GET', `/innovaties/${ids.organisatie}`),
  'GET partner': (who) => api(who, 'GET', `/innovaties/${ids.partner}`),
  'GET team': (who) => api(who, 'GET', `/innovaties/${ids.team}`),
  'PATCH openbaar': (who) => api(who, 'PATCH', `/innovaties/${ids.openbaar}`, { json: { tags: [who] } }),
  'PATCH organisatie': (who) => api(who, 'PATCH', `/innovaties/${ids.organisatie}`, { json: { tags: [who] } }),
  'PATCH partner': (who) => api(who, 'PATCH', `/innovaties/${ids.partner}`, { json: { tags: [who] } }),
  'PATCH team': (who) => api(who, 'PATCH', `/innovaties/${ids.team}`, { json: { tags: [who] } }),
  'PUT openbaar': async (who) => {
    const current = (await api('landelijk', 'GET', `/innovaties/${ids.openbaar}`)).body;
    return api(who, 'PUT', `/innovaties/${ids.openbaar}`, { json: { ...current, samenvatting: who } });
  },
  'PUT team': async (who) => {
    const current = (await api('landelijk', 'GET', `/innovaties/${ids.team}`)).body;
    return api(who, 'PUT', `/innovaties/${ids.team}`, { json: { ...current, samenvatting: who } });
  },
  'DELETE openbaar': async (who) => api(who, 'DELETE', `/innovaties/${await createFixture('openbaar')}`),
  'DELETE organisatie': async (who) => api(who, 'DELETE', `/innovaties/${await createFixture('organisatie')}`),
  'DELETE partner': async (who) => api(who, 'DELETE', `/innovaties/${await createFixture('partner')}`),
  'DELETE team': async (who) => api(who, 'DELETE', `/innovaties/${await createFixture('team')}`),
  'POST innovatie voor A': (who) =>
    api(who, 'POST', '/innovaties', { json: { titel: `Nieuw van ${who}`, organisatie: A, fase: 'idee', status: 'actief', zichtbaarheid: 'team' } }),
  'POST innovatie voor B': (who) =>
    api(who, 'POST', '/innovaties', { json: { titel: `Nieuw van ${who}`, organisatie: B, fase: 'idee', status: 'actief', zichtbaarheid: 'team' } }),
  'GET gebruikers': (who) => api(who, 'GET', '/gebruikers'),
  'POST gebruiker in A': (who) =>
    api(who, 'POST', '/gebruikers', { json: { email: `nieuw-${who}@koers.test`, organisatie: A, rol: 'lezer' } }),
  'GET gebruiker lezerA': async (who) => {
    const id = sessions.lezerA.user.id;
    return api(who, 'GET', `/gebruikers/${id}`);
  },
  'POST rol in A': (who) => api(who, 'POST', `/gebruikers/${target}/rollen`, { json: { organisatie: A, rol: 'stuurgroep' } }),
  'POST rol in B': (who) => api(who, 'POST', `/gebruikers/${target}/rollen`, { json: { organisatie: B, rol: 'lezer' } }),
  'GET audit': (who) => api(who, 'GET', '/audit'),
  'GET tokens': (who) => api(who, 'GET', '/tokens'),
};

describe('authorisation matrix', () => {
  for (const [cell, expected] of Object.entries(MATRIX)) {
    test(cell, async () => {
      const got = [];
      for (const who of NAMES) got.push((await CELLS[cell](who)).status);
      const wrong = NAMES.filter((who, i) => got[i] !== expected[i]);
      assert.deepEqual(
        Object.fromEntries(NAMES.map((n, i) => [n, got[i]])),
        Object.fromEntries(NAMES.map((n, i) => [n, expected[i]])),
        `${cell}: unexpected status for ${wrong.join(', ')}`,
      );
    });
  }
});

describe('nothing leaks through lists, counts and errors', () => {
  test('each user lists and counts exactly the innovations of A they may read', async () => {
    for (const [i, who] of NAMES.entries()) {
      // Matrix cells above may have added innovations; count only the fixtures.
      const list = await api(who, 'GET', `/innovaties?organisatie=${A}&paginaGrootte=100&sorteer=id`);
      assert.equal(list.status, 200);
      const fixtureIds = Object.values(ids);
      const seen = list.body._embedded.innovaties.filter((x) => fixtureIds.includes(x.id));
      assert.equal(seen.length, VISIBLE_FIXTURES[i], `${who} lists ${seen.map((x) => x.zichtbaarheid)}`);
      for (const x of list.body._embedded.innovaties) {
        const one = await api(who, 'GET', `/innovaties/${x.id}`);
        assert.equal(one.status, 200, `${who} lists ${x.id} but cannot open it`);
      }
    }
  });

  test('anonymous counts and listings hold only public innovations', async () => {
    const stats = await api('anoniem', 'GET', '/statistieken');
    const all = await api('anoniem', 'GET', '/innovaties?paginaGrootte=100');
    assert.equal(stats.body.totaal, all.body.totaal);
    for (const x of all.body._embedded.innovaties) assert.equal(x.zichtbaarheid, 'openbaar');
    const national = await api('landelijk', 'GET', '/statistieken');
    assert.ok(national.body.totaal > stats.body.totaal, 'the landelijk beheerder counts the private ones too');
    const filtered = await api('anoniem', 'GET', '/innovaties?zichtbaarheid=team');
    assert.equal(filtered.body.totaal, 0);
  });

  test('unknown and forbidden look the same to outsiders', async () => {
    const forbidden = await api('lezerB', 'GET', `/innovaties/${ids.organisatie}`);
    const unknown = await api('lezerB', 'GET', '/innovaties/99999999');
    assert.equal(forbidden.status, 404);
    assert.equal(forbidden.body.detail, unknown.body.detail);
    assert.equal(forbidden.body.title, unknown.body.title);
  });

  test('anonymous readers do not see which accounts are on a team', async () => {
    const anon = await api('anoniem', 'GET', `/innovaties/${ids.openbaar}`);
    assert.equal(anon.body.team[0].gebruiker, null);
    const member = await api('lidA', 'GET', `/innovaties/${ids.openbaar}`);
    assert.equal(member.body.team[0].gebruiker, email('projectleider'));
  });
});
