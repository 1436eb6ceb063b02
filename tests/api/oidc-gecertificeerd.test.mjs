// Login through the organisation against a certified OpenID provider (npm
// oidc-provider), not a hand-written one: claims only at UserInfo (the
// default of certified providers), claims in the ID token, the role map, a
// wrong client secret, a tampered state and issuer, and key rotation.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, freePort, login, startKoers } from '../lib/koers.mjs';
import { startCertifiedProvider } from '../lib/certified-idp.mjs';

const ROLE_MAP = 'koers-leden-utrecht=lid@GM0344;koers-lezers-amsterdam=lezer@GM0363';
const running = [];
after(async () => {
  for (const x of running.reverse()) await x.stop();
});

// A provider and a Koers that trusts it; `secret` may be made wrong.
async function setUp({ secret, ...idpOptions } = {}) {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/auth/oidc/terugkeer`;
  const idp = await startCertifiedProvider({ redirectUri, ...idpOptions });
  running.push(idp);
  const koers = await startKoers({
    port,
    users: [{ email: 'beheer@utrecht.test', org: 'GM0344', role: 'beheerder' }],
    extraArgs: [
      '--oidc-issuer', idp.issuer,
      '--oidc-client-id', idp.clientId,
      '--oidc-redirect-uri', redirectUri,
      '--oidc-scopes', 'openid email profile groups',
      '--oidc-role-claim', 'groups',
      '--oidc-role-map', ROLE_MAP,
    ],
    env: { KOERS_OIDC_CLIENT_SECRET: secret ?? idp.clientSecret },
  });
  running.push(koers);
  return { idp, koers };
}

// Walks the redirects as a browser does, with a cookie jar per origin;
// `tamper` may change Koers's callback address. Returns where Koers sends
// the browser at the end, and Koers's cookies.
async function walk(koers, { tamper } = {}) {
  const jars = new Map();
  const jar = (origin) => jars.get(origin) ?? jars.set(origin, new Map()).get(origin);
  const send = async (url) => {
    const u = new URL(url);
    const cookies = [...jar(u.origin)].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(u, { redirect: 'manual', headers: cookies ? { cookie: cookies } : {} });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar(u.origin).delete(pair.slice(0, eq));
      else jar(u.origin).set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  };
  let res = await send(`${koers.url}/auth/oidc/inloggen?terug=/innovaties`);
  for (let hops = 0; hops < 20; hops++) {
    assert.ok([302, 303].includes(res.status), `a redirect, got ${res.status}: ${await res.text()}`);
    const next = new URL(res.headers.get('location'), res.url);
    if (next.origin === koers.url && next.pathname === '/auth/oidc/terugkeer') {
      res = await send(tamper ? tamper(next) : next.toString());
      const koersJar = jar(koers.url);
      return {
        location: res.headers.get('location'),
        cookies: koersJar,
        cookie: [...koersJar].map(([k, v]) => `${k}=${v}`).join('; '),
      };
    }
    if (next.origin === koers.url) return { location: next.pathname + next.search, cookies: jar(koers.url), cookie: '' };
    res = await send(next.toString());
  }
  throw new Error('too many redirects');
}

const sessionOf = async (koers, cookie) => (await call(koers.url, 'GET', '/api/v1/sessie', { headers: { cookie } })).body;

describe('a certified provider that releases claims at UserInfo only', () => {
  let env;
  test('the account gets its e-mail, name and mapped roles from UserInfo', async () => {
    env = await setUp();
    env.idp.user = { sub: 'ui-1', email: 'mila@utrecht.test', name: 'Mila Meijer', groups: ['koers-leden-utrecht', 'koers-lezers-amsterdam', 'iets-anders'] };
    const r = await walk(env.koers);
    assert.equal(r.location, '/innovaties');
    const s = await sessionOf(env.koers, r.cookie);
    assert.equal(s.ingelogd, true);
    assert.equal(s.gebruiker.email, 'mila@utrecht.test');
    assert.equal(s.gebruiker.naam, 'Mila Meijer');
    assert.deepEqual(s.gebruiker.rollen.map((g) => `${g.rol}@${g.organisatie}`).sort(), ['lezer@GM0363', 'lid@GM0344']);
    assert.ok(env.idp.requests.some((x) => x.startsWith('GET /me')), 'Koers asked UserInfo');
    assert.ok(!r.cookies.has('koers-oidc'), 'the state cookie is gone after the login');
  });

  test('a tampered state is told apart from an expired login', async () => {
    const r = await walk(env.koers, { tamper: (u) => (u.searchParams.set('state', 'nagemaakt'), u.toString()) });
    assert.equal(r.location, '/inloggen?fout=ongeldig');
  });

  test('an answer that names another issuer (RFC 9207) is refused', async () => {
    const r = await walk(env.koers, { tamper: (u) => (u.searchParams.set('iss', 'https://nep.example'), u.toString()) });
    assert.equal(r.location, '/inloggen?fout=ongeldig');
  });

  test('after the provider rolls its keys, login goes on', async () => {
    env.idp.rotateKeys({ dropOld: true });
    env.idp.user = { sub: 'ui-2', email: 'rik@utrecht.test', name: 'Rik', groups: [] };
    const r = await walk(env.koers);
    assert.equal(r.location, '/innovaties');
    assert.equal((await sessionOf(env.koers, r.cookie)).gebruiker.email, 'rik@utrecht.test');
  });

  test('a new account without mapped groups has no rights until a beheerder grants them', async () => {
    env.idp.user = { sub: 'ui-3', email: 'nina@utrecht.test', name: 'Nina', groups: [] };
    const r = await walk(env.koers);
    const s = await sessionOf(env.koers, r.cookie);
    assert.deepEqual(s.gebruiker.rollen, []);
    const write = await call(env.koers.url, 'POST', '/api/v1/innovaties', {
      headers: { cookie: r.cookie, 'x-csrf-token': s.csrfToken },
      json: { titel: 'x', organisatie: 'GM0344' },
    });
    assert.equal(write.status, 403);
    const beheer = await login(env.koers.url, 'beheer@utrecht.test');
    const grant = await call(env.koers.url, 'POST', `/api/v1/gebruikers/${s.gebruiker.id}/rollen`, {
      session: beheer,
      json: { organisatie: 'GM0344', rol: 'lid', email: 'nina@utrecht.test' },
    });
    assert.equal(grant.status, 201, grant.text);
  });
});

describe('a certified provider that puts the claims in the ID token', () => {
  test('without a UserInfo endpoint, the ID token’s claims are used', async () => {
    const env = await setUp({ claimsInIdToken: true, userinfo: false });
    env.idp.user = { sub: 'id-1', email: 'ida@utrecht.test', name: 'Ida', groups: ['koers-leden-utrecht'] };
    const r = await walk(env.koers);
    const s = await sessionOf(env.koers, r.cookie);
    assert.equal(s.gebruiker.email, 'ida@utrecht.test');
    assert.deepEqual(s.gebruiker.rollen.map((g) => `${g.rol}@${g.organisatie}`), ['lid@GM0344']);
    assert.ok(!env.idp.requests.some((x) => x.startsWith('GET /me')));
  });
});

describe('a wrong client secret', () => {
  test('says that Koers is not set up right, not that the provider is down', async () => {
    const env = await setUp({ secret: 'een-verkeerd-geheim-van-de-client' });
    const r = await walk(env.koers);
    assert.equal(r.location, '/inloggen?fout=client');
    assert.ok(env.koers.logs.some((l) => l.includes('invalid_client')));
    assert.ok(!env.koers.logs.some((l) => l.includes('een-verkeerd-geheim')), 'the secret is not in the log');
  });
});
