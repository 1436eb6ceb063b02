// Exports stream: rows are sent as they are read, every readable innovation
// once, and the work stops when the client goes away or the server stops.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';

import { call, startKoers } from '../lib/koers.mjs';

let koers;
before(async () => {
  koers = await startKoers({ register: true, extraArgs: ['--drain-seconds', '2'] });
});
after(async () => {
  await koers?.stop();
});

// Resolves once a log line with `event` appears after the first `from`
// lines (or rejects after `ms`).
function logLine(server, event, ms = 5000, from = 0) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const line = server.logs.slice(from).find((l) => l.includes(`"bericht":"${event}"`));
      if (line) return resolve(JSON.parse(line));
      if (Date.now() - started > ms) return reject(new Error(`no ${event} in the log`));
      setTimeout(poll, 25);
    };
    poll();
  });
}

// Opens the export and stops reading after the first piece of the body.
function firstPiece(server, path) {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, (res) => {
      res.once('data', (chunk) => resolve({ res, req, chunk }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the export of innovations', () => {
  test('is chunked and holds every readable innovation exactly once', async () => {
    const list = await call(koers.url, 'GET', '/api/v1/innovaties?paginaGrootte=1');
    const total = list.body.totaal;
    assert.ok(total > 1000, `enough rows to span pages (${total})`);
    const res = await fetch(`${koers.url}/api/v1/innovaties/_export?formaat=csv&sorteer=-titel`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('transfer-encoding'), 'chunked');
    assert.match(res.headers.get('content-disposition'), /attachment; filename="innovaties\.csv"/);
    const lines = (await res.text()).trimEnd().split('\n');
    assert.equal(lines.length, total + 1, 'a header and one line per innovation');
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
    assert.equal(new Set(ids).size, total, 'no innovation twice across pages');

    const json = await (await fetch(`${koers.url}/api/v1/innovaties/_export?formaat=json&sorteer=id`)).json();
    assert.equal(json.length, total);
    assert.deepEqual(json.map((r) => r.id), [...json.map((r) => r.id)].sort((a, b) => a - b), 'in the order asked');

    const xlsx = await fetch(`${koers.url}/api/v1/innovaties/_export?formaat=xlsx`);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a zip file');
  });

  test('stops its work when the client goes away', async () => {
    const full = (await (await fetch(`${koers.url}/api/v1/innovaties/_export?formaat=csv`)).text()).length;
    // The whole export (a few hundred kB) can fit in the sockets' buffers
    // before the client leaves; then there is nothing left to stop. A few
    // tries give the server the chance to be caught mid-way.
    let ended;
    for (let attempt = 0; attempt < 5 && !ended; attempt++) {
      const from = koers.logs.length;
      const { req, chunk } = await firstPiece(koers, '/api/v1/innovaties/_export?formaat=csv');
      assert.ok(chunk.length > 0);
      req.destroy();
      ended = await logLine(koers, 'antwoord_afgebroken', 2000, from).catch(() => undefined);
    }
    assert.ok(ended, 'the server logged that it stopped an answer');
    assert.match(ended.pad, /_export/);
    assert.ok(ended.verstuurd < full, `sent ${ended.verstuurd} of ${full} bytes`);
    assert.equal((await call(koers.url, 'GET', '/api/v1/innovaties')).status, 200, 'and the server goes on');
  });

  test('does not keep the server from stopping', async () => {
    const own = await startKoers({ register: true, extraArgs: ['--drain-seconds', '2'] });
    const { res } = await firstPiece(own, '/api/v1/innovaties/_export?formaat=csv-nl');
    res.pause();  // a client that stops reading
    const started = Date.now();
    const exited = new Promise((resolve) => own.child.once('exit', (code) => resolve(code)));
    own.child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(Date.now() - started < 5000, `stopped after ${Date.now() - started} ms`);
    res.destroy();
    await own.stop();
  });
});
