// What operators ask of a running process: liveness, readiness (store and
// search index answer) and Prometheus figures that only a scraper with the
// configured token gets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, startKoers } from '../lib/koers.mjs';

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
