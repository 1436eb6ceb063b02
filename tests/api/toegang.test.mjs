// Logging in and out, session cookies, CSRF, API tokens, rate limits,
// disabled accounts and the audit trail, through the public API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, PASSWORD, sql, startKoers } from '../lib/koers.mjs';

let koers;
let api;
before(async () => {
  koers = await startKoers({
    users: [
      { email: 'ann@utrecht.test', org: 'GM0344', role: 'lid' },
      { email: 'bob@utrecht.test', org: 'GM0344', role: 'beheerder' },
      { email: 'rate@utrecht.test', org: 'GM0344', role: 'lezer' },
      { email: 'uit@utrecht.test', org: 'GM0344', role: 'lid' },
      { email: 'owner@utrecht.test', org: 'GM0344', role: 'lid' },
    ],
  });
  api = (method, path, options) => call(koers.url, method, '/api/v1' + path, options);
});
after(() => koers?.stop());

const innovation = { titel: 'Proef', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'organisatie' };

describe('passwords', () => {
  test('are stored as argon2id strings with m >= 19 MiB and t >= 2', () => {
    const rows = sql(koers.db, 'SELECT wachtwoord_hash FROM gebruiker').trim().split('\n');
    assert.ok(rows.length >= 4);
    for (const hash of rows) {
      const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/.exec(hash);
      assert.ok(m, hash);
      assert.ok(Number(m[1]) >= 19456 && Number(m[2]) >= 2, hash);
    }
  });

  test('short and common passwords are refused when creating users', async () => {
    const bob = await login(koers.url, 'bob@utrecht.test');
    for (const wachtwoord of ['kort', 'wachtwoord123', 'Welkom01', 'nieuw@utrecht.test']) {
      const r = await api('POST', '/gebruikers', { session: bob, json: { email: 'nieuw@utrecht.test', wachtwoord, organisatie: 'GM0344', rol: 'lezer' } });
      assert.equal(r.status, 400, wachtwoord);
      assert.equal(r.body.invalidParams[0].name, 'wachtwoord');
    }
  });
});

describe('sessions', () => {
  test('login sets a __Host- cookie: Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    const r = await api('POST', '/sessie', { json: { email: 'ann@utrecht.test', wachtwoord: PASSWORD } });
    assert.equal(r.status, 201);
    const cookie = r.headers.get('set-cookie');
    assert.match(cookie, /^__Host-koers-sessie=[A-Za-z0-9_-]{43};/);
    for (const attr of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']) assert.ok(cookie.includes(attr), attr);
    assert.doesNotMatch(cookie, /Domain=/i);
    assert.equal(r.body.gebruiker.email, 'ann@utrecht.test');
    assert.ok(r.body.csrfToken.length >= 32);
  });

  test('a wrong password or unknown address gives the same 401', async () => {
    const wrong = await api('POST', '/sessie', { json: { email: 'ann@utrecht.test', wachtwoord: 'niet-goed-1234' } });
    const unknown = await api('POST', '/sessie', { json: { email: 'niemand@utrecht.test', wachtwoord: 'niet-goed-1234' } });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.detail, unknown.body.detail);
    assert.equal(wrong.headers.get('set-cookie'), null);
  });

  test('every login gives a new session id; logout removes it', async () => {
    const a = await login(koers.url, 'ann@utrecht.test');
    const b = await login(koers.url, 'ann@utrecht.test');
    assert.notEqual(a.cookie, b.cookie);
    assert.equal((await api('GET', '/sessie', { session: a })).body.ingelogd, true);
    const out = await api('DELETE', '/sessie', { session: a });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie'), /Max-Age=0/);
    const after = await api('GET', '/sessie', { session: a });
    assert.equal(after.body.ingelogd, false);
    assert.equal((await api('GET', '/sessie', { session: b })).body.ingelogd, true, 'other sessions live on');
  });

  test('state changes with a session need the CSRF token and this site as origin', async () => {
    const ann = await login(koers.url, 'ann@utrecht.test');
    const none = await api('POST', '/innovaties', { session: ann, json: innovation, headers: { 'x-csrf-token': '' } });
    assert.equal(none.status, 403);
    const wrong = await api('POST', '/innovaties', { session: ann, json: innovation, headers: { 'x-csrf-token': 'x'.repeat(43) } });
    assert.equal(wrong.status, 403);
    const foreign = await api('POST', '/innovaties', { session: ann, json: innovation, headers: { origin: 'https://kwaadwillend.example' } });
    assert.equal(foreign.status, 403);
    const ok = await api('POST', '/innovaties', { session: ann, json: innovation, headers: { origin: koers.url } });
    assert.equal(ok.status, 201, ok.text);
  });

  test('no state change by GET: writes answer only to their own methods', async () => {
    const ann = await login(koers.url, 'ann@utrecht.test');
    const r = await call(koers.url, 'GET', '/api/v1/sessie?_method=DELETE', { session: ann });
    assert.equal(r.status, 400);
    assert.equal((await api('GET', '/sessie', { session: ann })).body.ingelogd, true);
  });

  test('a disabled account loses all its sessions at once', async () => {
    const uit = await login(koers.url, 'uit@utrecht.test');
    const bob = await login(koers.url, 'bob@utrecht.test');
    const r = await api('PATCH', `/gebruikers/${uit.user.id}`, { session: bob, json: { actief: false } });
    assert.equal(r.status, 200, r.text);
    assert.equal((await api('GET', '/sessie', { session: uit })).body.ingelogd, false);
    const again = await api('POST', '/sessie', { json: { email: 'uit@utrecht.test', wachtwoord: PASSWORD } });
    assert.equal(again.status, 401);
  });
});

describe('API tokens', () => {
  test('are shown once, work as Bearer, and stop working when revoked', async () => {
    const ann = await login(koers.url, 'ann@utrecht.test');
    const created = await api('POST', '/tokens', { session: ann, json: { naam: 'nachtelijk script' } });
    assert.equal(created.status, 201, created.text);
    const token = created.body.token;
    assert.match(token, /^koers_[A-Za-z0-9_-]{43}$/);
    const listed = await api('GET', '/tokens', { session: ann });
    assert.equal(listed.body._embedded.tokens[0].token, undefined, 'the list never shows the token');
    const location = created.headers.get('location');
    const one = await api('GET', location.replace('/api/v1', ''), { session: ann });
    assert.equal(one.status, 200, 'the Location of a new token can be read');
    assert.equal(one.body.naam, 'nachtelijk script');
    assert.equal(one.body.token, undefined, 'nor does reading it again');
    const bob = await login(koers.url, 'bob@utrecht.test');
    assert.equal((await api('GET', location.replace('/api/v1', ''), { session: bob })).status, 404, "someone else's token is not found");


    const stored = sql(koers.db, 'SELECT token_hash FROM api_token');
    assert.ok(!stored.includes(token.slice(6)), 'only a hash is stored');

    const write = await api('POST', '/innovaties', { token, json: innovation });
    assert.equal(write.status, 201, 'a token needs no CSRF token');
    const revoke = await api('DELETE', `/tokens/${created.body.id}`, { session: ann });
    assert.equal(revoke.status, 204);
    const after = await api('GET', '/innovaties', { token });
    assert.equal(after.status, 401);
    assert.equal(after.headers.get('www-authenticate'), 'Bearer');
  });

  test('a malformed Authorization header is 401', async () => {
    const r = await api('GET', '/innovaties', { headers: { authorization: 'Basic YTpi' } });
    assert.equal(r.status, 401);
  });
});

describe('rate limits', () => {
  test('login is limited per account with 429 and Retry-After; a person never meets it', async () => {
    for (let i = 0; i < 9; i++) {
      const r = await api('POST', '/sessie', { json: { email: 'rate@utrecht.test', wachtwoord: 'fout-fout-fout' } });
      assert.equal(r.status, 401);
    }
    const ok = await api('POST', '/sessie', { json: { email: 'rate@utrecht.test', wachtwoord: PASSWORD } });
    assert.equal(ok.status, 201, 'ten attempts are fine; success resets the count');
    for (let i = 0; i < 10; i++) await api('POST', '/sessie', { json: { email: 'rate@utrecht.test', wachtwoord: 'fout-fout-fout' } });
    const limited = await api('POST', '/sessie', { json: { email: 'rate@utrecht.test', wachtwoord: PASSWORD } });
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('content-type'), /problem\+json/);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    const other = await api('POST', '/sessie', { json: { email: 'ann@utrecht.test', wachtwoord: PASSWORD } });
    assert.equal(other.status, 201, 'other accounts are not affected');
  });
});

describe('no lock-out by strangers', () => {
  test('guessing exhausts only the strangers’ allowance: the owner’s browser still logs in', async () => {
    const first = await api('POST', '/sessie', { json: { email: 'owner@utrecht.test', wachtwoord: PASSWORD } });
    assert.equal(first.status, 201);
    const device = first.headers.getSetCookie().find((c) => c.startsWith('__Host-koers-apparaat='));
    assert.ok(device, 'a device cookie after a login');
    assert.match(device, /HttpOnly/);
    assert.match(device, /SameSite=Strict/);
    const deviceCookie = device.split(';')[0];
    for (let i = 0; i < 12; i++) await api('POST', '/sessie', { json: { email: 'owner@utrecht.test', wachtwoord: 'geraden-1234' } });
    const stranger = await api('POST', '/sessie', { json: { email: 'owner@utrecht.test', wachtwoord: PASSWORD } });
    assert.equal(stranger.status, 429, 'a browser without the cookie is refused for a while');
    const owner = await api('POST', '/sessie', { json: { email: 'owner@utrecht.test', wachtwoord: PASSWORD }, headers: { cookie: deviceCookie } });
    assert.equal(owner.status, 201, 'the owner is not locked out');
    const forged = await api('POST', '/sessie', {
      json: { email: 'owner@utrecht.test', wachtwoord: PASSWORD },
      headers: { cookie: `__Host-koers-apparaat=${deviceCookie.split('=')[1].split('.')[0]}.${'0'.repeat(64)}` },
    });
    assert.equal(forged.status, 429, 'a forged device cookie counts as a stranger');
    const elsewhere = await api('POST', '/sessie', { json: { email: 'ann@utrecht.test', wachtwoord: PASSWORD }, headers: { cookie: deviceCookie } });
    assert.equal(elsewhere.status, 201, 'the cookie of one account means nothing for another');
  });
});

describe('audit trail', () => {
  test('records who changed what, with old and new values, and refusals', async () => {
    const ann = await login(koers.url, 'ann@utrecht.test');
    const bob = await login(koers.url, 'bob@utrecht.test');
    const created = await api('POST', '/innovaties', { session: ann, json: { ...innovation, titel: 'Voor het spoor' } });
    await api('PATCH', `/innovaties/${created.body.id}`, { session: ann, json: { titel: 'Nieuwe titel' } });
    await api('DELETE', `/innovaties/${created.body.id}`, { session: ann });  // a lid may not delete
    const trail = await api('GET', `/audit?resource=innovatie&resourceId=${created.body.id}`, { session: bob });
    assert.equal(trail.status, 200, trail.text);
    const [refused, changed, made] = trail.body._embedded.audit;
    assert.equal(made.actie, 'aangemaakt');
    assert.equal(made.gebruiker, 'ann@utrecht.test');
    assert.equal(made.organisatie, 'GM0344');
    assert.equal(changed.actie, 'gewijzigd');
    assert.deepEqual(changed.wijzigingen.titel, { oud: 'Voor het spoor', nieuw: 'Nieuwe titel' });
    assert.deepEqual(Object.keys(changed.wijzigingen), ['titel']);
    assert.equal(refused.actie, 'verwijderen');
    assert.equal(refused.resultaat, 'geweigerd');
    assert.ok(changed.verzoekId);
  });

  test('shows the values of an entry only to who may read the innovation', async () => {
    const ann = await login(koers.url, 'ann@utrecht.test');
    const bob = await login(koers.url, 'bob@utrecht.test');
    const hidden = await api('POST', '/innovaties', {
      session: ann,
      json: { ...innovation, titel: 'Vertrouwelijk spoorzoekertje', zichtbaarheid: 'team', team: [{ naam: 'Ann', rol: 'projectleider', archetypen: [], gebruiker: 'ann@utrecht.test' }] },
    });
    assert.equal(hidden.status, 201, hidden.text);
    assert.equal((await api('GET', `/innovaties/${hidden.body.id}`, { session: bob })).status, 404, 'the beheerder is not on the team');
    const trail = await api('GET', `/audit?resource=innovatie&resourceId=${hidden.body.id}`, { session: bob });
    assert.equal(trail.status, 200);
    assert.equal(trail.body.totaal, 1, 'the beheerder sees that something happened');
    const [made] = trail.body._embedded.audit;
    assert.equal(made.afgeschermd, true);
    assert.deepEqual(made.wijzigingen, {});
    assert.ok(!trail.text.includes('spoorzoekertje'), 'but not what');
    const everything = await api('GET', '/audit?paginaGrootte=100', { session: bob });
    assert.ok(!everything.text.includes('spoorzoekertje'));
  });

  test('holds no secrets', () => {
    const all = sql(koers.db, 'SELECT wijzigingen FROM audit');
    assert.ok(!all.includes('argon2'));
    assert.ok(!all.includes(PASSWORD));
    assert.ok(!all.includes('koers_'));
  });
});
