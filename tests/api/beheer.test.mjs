// What operators ask of a running process: liveness, readiness (store and
// search index answer) and Prometheus figures that only a scraper with the
// configured token gets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, koers, login, POSTGRES, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const TOKEN = 'meet-geheim-0123456789';
let plain;
let measured;

before(async () => {
  plain = await startKoers();
  measured = await startKoers({ env: { KOERS_METRICS_TOKEN: TOKEN } });
});
after(async () => {
  await plain.stop();
  await measured.stop();
});

test('live and ready answer without a session; only GET', async () => {
  const live = await call(plain.url, 'GET', '/health/live');
  assert.equal(live.status, 200);
  assert.equal(live.headers.get('cache-control'), 'no-store');
  const ready = await call(plain.url, 'GET', '/health/ready');
  assert.equal(ready.status, 200, ready.text);
  assert.equal(ready.body.status, 'gereed');
  assert.ok(ready.body.zoekindex.documenten > 0);
  assert.equal(ready.body.zoekindex.achterstand, 0);
  const post = await call(plain.url, 'POST', '/health/live');
  assert.equal(post.status, 405);
  assert.match(post.headers.get('content-type'), /problem\+json/);
});

test('/metrics does not exist without a token, nor for a wrong one', async () => {
  assert.equal((await call(plain.url, 'GET', '/metrics')).status, 404);
  assert.equal((await call(plain.url, 'GET', '/metrics', { token: TOKEN })).status, 404);
  assert.equal((await call(measured.url, 'GET', '/metrics')).status, 404);
  assert.equal((await call(measured.url, 'GET', '/metrics', { token: `${TOKEN}x` })).status, 404);
});

test('/metrics counts requests by route pattern and status, with durations and the outbox lag', async () => {
  await call(measured.url, 'GET', '/api/v1/innovaties/1');
  await call(measured.url, 'GET', '/api/v1/innovaties/999999');
  const r = await call(measured.url, 'GET', '/metrics', { token: TOKEN });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  assert.match(r.text, /^koers_http_requests_total\{route="\/api\/v1\/innovaties\/\{id\}",status="200"\} 1$/m);
  assert.match(r.text, /^koers_http_requests_total\{route="\/api\/v1\/innovaties\/\{id\}",status="404"\} 1$/m);
  assert.match(r.text, /^koers_http_request_duration_seconds_bucket\{route="\/api\/v1\/innovaties\/\{id\}",le="\+Inf"\} 2$/m);
  assert.match(r.text, /^koers_search_outbox_lag 0$/m);
  assert.match(r.text, /^koers_store_up 1$/m);
  assert.doesNotMatch(r.text, /999999/, 'ids do not become labels');
});

test('a backup made while the server runs, restored, gives identical answers', { skip: POSTGRES ? 'SQLite only' : false }, async () => {
  const dir = tempDir();
  const db = prepareDb(dir, { users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' }] });
  let server = await startKoers({ db });
  const lid = await login(server.url, 'lid@utrecht.test');
  const made = await call(server.url, 'POST', '/api/v1/innovaties', {
    session: lid,
    json: { titel: 'Kopieerbare grachtenmeter', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'team' },
  });
  assert.equal(made.status, 201, made.text);
  const paths = ['/api/v1/innovaties', `/api/v1/innovaties/${made.body.id}`, '/api/v1/innovaties/_zoek?q=grachtenmeter', '/api/v1/organisaties/GM0344'];
  const answers = async (url) => Promise.all(paths.map(async (p) => (await call(url, 'GET', p, { session: lid })).text));
  const backupFile = join(dir, 'kopie.db');
  const backup = koers(['backup', '--db', db, backupFile, '--log-level', 'warn']);
  assert.equal(backup.status, 0, backup.stderr);
  const before = await answers(server.url);
  // A change after the backup is not in it.
  await call(server.url, 'PATCH', `/api/v1/innovaties/${made.body.id}`, { session: lid, json: { titel: 'Na de kopie' } });
  await server.stop();

  const garbage = join(dir, 'rommel.db');
  writeFileSync(garbage, 'dit is geen database');
  const refused = koers(['restore', '--db', db, garbage, '--log-level', 'warn']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /geen bruikbare kopie/);

  const restored = koers(['restore', '--db', db, backupFile, '--log-level', 'warn']);
  assert.equal(restored.status, 0, restored.stderr);
  server = await startKoers({ db });
  const again = await login(server.url, 'lid@utrecht.test');
  lid.cookie = again.cookie;
  assert.deepEqual(await answers(server.url), before);
  await server.stop();

  const pg = koers(['backup', '--db', 'postgresql://koers@127.0.0.1:1/koers', backupFile]);
  assert.equal(pg.status, 2);
  assert.match(pg.stderr, /pg_dump/);
});
