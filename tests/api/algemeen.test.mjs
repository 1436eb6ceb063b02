// Black-box tests of the API's general contract: headers, organisations,
// value lists, counts and the OpenAPI document.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import { call, startKoers } from '../lib/koers.mjs';

// Sends `text` as it is and resolves to everything the server answers
// before it closes the connection (or after a second of silence).
function raw(url, text) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    let answer = '';
    socket.setTimeout(1000, () => socket.end());
    socket.on('data', (d) => (answer += d));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(text);
  });
}

let koers;
let api;
before(async () => {
  koers = await startKoers();
  api = (method, path, options) => call(koers.url, method, '/api/v1' + path, options);
});
after(() => koers.stop());

describe('headers', () => {
  test('every API answer carries API-Version, no-store and the security headers', async () => {
    for (const [method, path] of [['GET', '/innovaties'], ['GET', '/innovaties/999999'], ['DELETE', '/innovaties'], ['GET', '/openapi.json']]) {
      const r = await api(method, path);
      assert.equal(r.headers.get('api-version'), '0.1.0', path);
      assert.equal(r.headers.get('cache-control'), 'no-store', path);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
      assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
      assert.doesNotMatch(r.headers.get('content-security-policy'), /unsafe-inline/);
      assert.match(r.headers.get('strict-transport-security'), /max-age=\d+/);
      assert.ok(r.headers.get('x-request-id'));
    }
  });

  test('pages of the web interface carry the security headers too', async () => {
    const r = await call(koers.url, 'GET', '/innovaties');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /text\/html/);
    assert.match(r.headers.get('content-security-policy'), /script-src 'self'/);
    assert.equal((await call(koers.url, 'GET', '/bestaat/niet/echt')).status, 404);
    assert.equal((await call(koers.url, 'POST', '/innovaties')).status, 405);
  });

  test('a request id that could forge log lines is replaced', async () => {
    const r = await api('GET', '/innovaties', { headers: { 'x-request-id': 'abc"def' } });
    assert.notEqual(r.headers.get('x-request-id'), 'abc"def');
    const ok = await api('GET', '/innovaties', { headers: { 'x-request-id': 'trace-123' } });
    assert.equal(ok.headers.get('x-request-id'), 'trace-123');
  });

  test('the OpenAPI document is open to other origins', async () => {
    const r = await api('GET', '/openapi.json');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(r.body.openapi, '3.0.3');
    assert.equal(r.body.info.version, '0.1.0');
  });
});

describe('the server', () => {
  test('stops cleanly on SIGTERM: exit code 0 and a log line', async () => {
    const own = await startKoers();
    const exited = new Promise((resolve) => own.child.once('exit', (code) => resolve(code)));
    own.child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(own.logs.some((l) => l.includes('"server_gestopt"')), own.logs.join('\n'));
    await own.stop();
  });

  test('logs one JSON line per request, with no way to forge lines', async () => {
    await call(koers.url, 'GET', '/api/v1/innovaties?x=%0A%7B%22bericht%22%3A%22nep%22%7D');
    await new Promise((r) => setTimeout(r, 50));
    const line = koers.logs.findLast((l) => l.includes('"verzoek"') && l.includes('/api/v1/innovaties'));
    const entry = JSON.parse(line);
    assert.equal(entry.methode, 'GET');
    assert.equal(entry.status, 400);
    assert.ok(!koers.logs.some((l) => l.startsWith('{"bericht":"nep"')));
  });
});

describe('raw HTTP', () => {
  const host = () => new URL(koers.url).host;
  test('an absolute-form request target is routed like its path', async () => {
    const answer = await raw(koers.url, `GET ${koers.url}/api/v1/innovaties?paginaGrootte=1 HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 200/);
    assert.match(answer, /content-type: application\/json/i);
    assert.match(answer, /"totaal":18/);
  });

  test('a Content-Length that is not a number gets 400 with a problem', async () => {
    const answer = await raw(koers.url, `POST /api/v1/innovaties HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`);
    assert.match(answer, /^HTTP\/1\.1 400/);
    assert.match(answer, /application\/problem\+json/);
  });

  test('a body in another charset than UTF-8 gets 415', async () => {
    const r = await api('POST', '/innovaties', { body: '{}', headers: { 'content-type': 'application/json; charset=utf-16' } });
    assert.equal(r.status, 415);
    assert.match(r.headers.get('content-type'), /problem\+json/);
    const ok = await api('POST', '/innovaties', { body: '{}', headers: { 'content-type': 'application/json; charset=UTF-8' } });
    assert.notEqual(ok.status, 415, 'UTF-8 is fine, in any case');
  });

  test('source maps are not served', async () => {
    const r = await call(koers.url, 'GET', '/app.js.map');
    assert.notEqual(r.status, 200);
  });
});

describe('organisaties', () => {
  test('all 342 gemeenten are there, with their GM codes', async () => {
    const r = await api('GET', '/organisaties?soort=gemeente&paginaGrootte=100');
    assert.equal(r.status, 200);
    assert.equal(r.body.totaal, 342);
    for (const o of r.body._embedded.organisaties) assert.match(o.code, /^GM\d{4}$/);
  });

  test('provincies, waterschappen, omgevingsdiensten and veiligheidsregio\'s are there', async () => {
    for (const [soort, n] of [['provincie', 12], ['waterschap', 21], ['omgevingsdienst', 28], ['veiligheidsregio', 25]]) {
      const r = await api('GET', `/organisaties?soort=${soort}`);
      assert.equal(r.body.totaal, n, soort);
    }
  });

  test('one organisation by code; an unknown code is 404', async () => {
    const r = await api('GET', '/organisaties/GM0344');
    assert.equal(r.body.naam, 'Gemeente Utrecht');
    assert.equal(r.body.soort, 'gemeente');
    const missing = await api('GET', '/organisaties/GM9999');
    assert.equal(missing.status, 404);
  });

  test('name search is case-insensitive; bad parameters are 400', async () => {
    const r = await api('GET', '/organisaties?naam=utrecht');
    assert.ok(r.body._embedded.organisaties.some((o) => o.code === 'GM0344'));
    const bad = await api('GET', '/organisaties?soort=club');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.invalidParams[0].name, 'soort');
  });
});

describe('waardelijsten and statistieken', () => {
  test('every value list has values and labels', async () => {
    const r = await api('GET', '/waardelijsten');
    assert.deepEqual(r.body.waardelijsten.fase.map((e) => e.waarde), ['idee', 'ontwikkeling', 'implementatie', 'opschaling']);
    for (const [name, list] of Object.entries(r.body.waardelijsten)) {
      assert.ok(list.length > 1, name);
      for (const e of list) assert.ok(e.waarde && e.label, name);
    }
  });

  test('counts add up to the total', async () => {
    const r = await api('GET', '/statistieken');
    assert.equal(r.body.totaal, 18);
    for (const key of ['perFase', 'perStatus', 'perDomein'])
      assert.equal(r.body[key].reduce((s, c) => s + c.aantal, 0), 18, key);
  });
});
