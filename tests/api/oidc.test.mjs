// Login with OpenID Connect, end to end, against the test identity provider
// (tests/lib/oidc-provider.mjs) on 127.0.0.1: discovery, the code flow with
// PKCE, RS256 ID token checks, account creation without rights, and the
// mapping of group claims to roles.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, freePort, login, startKoers } from '../lib/koers.mjs';
import { startProvider } from '../lib/oidc-provider.mjs';

let idp;
let koers;

before(async () => {
  idp = await startProvider();
  const port = await freePort();
  idp.redirectUri = `http://127.0.0.1:${port}/auth/oidc/terugkeer`;
  koers = await startKoers({
    port,
    users: [{ email: 'beheer@utrecht.test', org: 'GM0344', role: 'beheerder' }],
    extraArgs: [
      '--oidc-issuer', idp.issuer,
      '--oidc-client-id', idp.clientId,
      '--oidc-redirect-uri', idp.redirectUri,
      '--oidc-role-claim', 'groups',
      '--oidc-role-map', 'koers-leden-utrecht=lid@GM0344;koers-stuurgroep-utrecht=stuurgroep@GM0344;koers-lezers-amsterdam=lezer@GM0363',
    ],
    env: { KOERS_OIDC_CLIENT_SECRET: idp.clientSecret },
  });
});
after(async () => {
  await koers?.stop();
  await idp?.stop();
});

// Walks the redirects like a browser, keeping cookies per host. Returns the
// final redirect target on Koers and Koers's cookies.
async function browserLogin() {
  const jar = {};
  const remember = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (/Max-Age=0/.test(c)) delete jar[name];
      else jar[name] = value;
    }
  };
  const cookieHeader = () => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');
  let res = await fetch(`${koers.url}/auth/oidc/inloggen?terug=/innovaties`, { redirect: 'manual' });
  assert.equal(res.status, 302);
  remember(res);
  const authorize = new URL(res.headers.get('location'));
  assert.equal(authorize.origin, idp.issuer);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  res = await fetch(authorize, { redirect: 'manual' });
  assert.equal(res.status, 302, await res.text());
  const back = res.headers.get('location');
  res = await fetch(back, { redirect: 'manual', headers: { cookie: cookieHeader() } });
  assert.equal(res.status, 302);
  remember(res);
  return { location: res.headers.get('location'), jar, cookie: cookieHeader() };
}

const session = async (cookie) => (await call(koers.url, 'GET', '/api/v1/sessie', { headers: { cookie } })).body;

describe('OpenID Connect login', () => {
  test('a first login creates an account without rights', async () => {
    idp.user = { sub: 'nieuw-1', email: 'nieuw@utrecht.test', name: 'Nina Nieuw', groups: [] };
    const r = await browserLogin();
    assert.equal(r.location, '/innovaties');
    assert.ok(r.jar['__Host-koers-sessie'], 'logged in');
    const s = await session(r.cookie);
    assert.equal(s.ingelogd, true);
    assert.equal(s.gebruiker.email, 'nieuw@utrecht.test');
    assert.equal(s.gebruiker.oidcGekoppeld, true);
    assert.deepEqual(s.gebruiker.rollen, []);
    const write = await call(koers.url, 'POST', '/api/v1/innovaties', {
      headers: { cookie: r.cookie, 'x-csrf-token': s.csrfToken },
      json: { titel: 'x', organisatie: 'GM0344', fase: 'idee', status: 'actief' },
    });
    assert.equal(write.status, 403, 'no rights until a beheerder grants them');
    assert.deepEqual(idp.requests.filter((x) => x.startsWith('GET /.well')), ['GET /.well-known/openid-configuration']);
  });

  test('group claims map to exactly the configured roles', async () => {
    idp.user = { sub: 'mila-1', email: 'mila@utrecht.test', name: 'Mila', groups: ['koers-leden-utrecht', 'koers-lezers-amsterdam', 'iets-anders'] };
    const r = await browserLogin();
    const s = await session(r.cookie);
    assert.deepEqual(
      s.gebruiker.rollen.map((g) => `${g.rol}@${g.organisatie}`).sort(),
      ['lezer@GM0363', 'lid@GM0344'],
    );
    const write = await call(koers.url, 'POST', '/api/v1/innovaties', {
      headers: { cookie: r.cookie, 'x-csrf-token': s.csrfToken },
      json: { titel: 'Via OIDC', organisatie: 'GM0344', fase: 'idee', status: 'actief' },
    });
    assert.equal(write.status, 201, write.text);
    const again = await browserLogin();
    const s2 = await session(again.cookie);
    assert.equal(s2.gebruiker.id, s.gebruiker.id, 'the same identity gets the same account');
    assert.notEqual(again.cookie, r.cookie, 'and a fresh session');
  });

  test('a beheerder can grant rights to a new OIDC account', async () => {
    idp.user = { sub: 'wacht-1', email: 'wacht@utrecht.test', name: 'Wim Wacht', groups: [] };
    const r = await browserLogin();
    const wim = (await session(r.cookie)).gebruiker;
    const beheer = await login(koers.url, 'beheer@utrecht.test');
    const partial = await call(koers.url, 'GET', '/api/v1/gebruikers?zoek=wacht', { session: beheer });
    assert.ok(!partial.body._embedded.gebruikers.some((u) => u.id === wim.id), 'accounts without roles are not listed');
    assert.equal((await call(koers.url, 'GET', `/api/v1/gebruikers/${wim.id}`, { session: beheer })).status, 404);
    const found = await call(koers.url, 'GET', '/api/v1/gebruikers?zoek=WACHT@utrecht.test', { session: beheer });
    assert.ok(found.body._embedded.gebruikers.some((u) => u.id === wim.id), 'found by its exact address');
    const guess = await call(koers.url, 'POST', `/api/v1/gebruikers/${wim.id}/rollen`, { session: beheer, json: { organisatie: 'GM0344', rol: 'lezer' } });
    assert.equal(guess.status, 404, 'a role for an account without roles needs its address');
    const grant = await call(koers.url, 'POST', `/api/v1/gebruikers/${wim.id}/rollen`, {
      session: beheer,
      json: { organisatie: 'GM0344', rol: 'lezer', email: 'wacht@utrecht.test' },
    });
    assert.equal(grant.status, 201, grant.text);
    assert.deepEqual((await session(r.cookie)).gebruiker.rollen.map((g) => g.rol), ['lezer']);
  });

  for (const [what, tamper] of [
    ['a token signed with another key', { otherKey: true }],
    ['a token for another client', { claims: { aud: 'een-ander' } }],
    ['a token from another issuer', { claims: { iss: 'https://nep.example' } }],
    ['an expired token', { claims: { exp: Math.floor(Date.now() / 1000) - 3600 } }],
    ['a token with another nonce', { claims: { nonce: 'verkeerd' } }],
  ]) {
    test(`refuses ${what}`, async () => {
      idp.user = { sub: 'x-1', email: 'x@utrecht.test', name: 'X', groups: ['koers-leden-utrecht'] };
      idp.tamper = tamper;
      try {
        const r = await browserLogin();
        assert.equal(r.location, '/inloggen?fout=token');
        assert.equal(r.jar['__Host-koers-sessie'], undefined);
      } finally {
        idp.tamper = {};
      }
    });
  }

  test('a callback with a state this browser did not start is refused', async () => {
    idp.user = { sub: 'y-1', email: 'y@utrecht.test', name: 'Y', groups: [] };
    const start = await fetch(`${koers.url}/auth/oidc/inloggen`, { redirect: 'manual' });
    const authorize = await fetch(start.headers.get('location'), { redirect: 'manual' });
    const back = authorize.headers.get('location');
    const res = await fetch(back, { redirect: 'manual' });  // no state cookie: another browser
    assert.equal(res.headers.get('location'), '/inloggen?fout=ongeldig');
    assert.equal(res.headers.get('set-cookie')?.includes('koers-sessie='), false);
  });
});
