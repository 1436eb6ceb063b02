// Several server processes on one PostgreSQL database behind nginx as a
// round-robin load balancer, as a regional or national installation runs:
// a user's tasks spread over both processes, a write through one is found
// by search through the other, and after kill -9 of one process nothing is
// lost and the other keeps serving. Runs with KOERS_TEST_POSTGRES
// (scripts/with-postgres.sh; scripts/test.sh does this); skipped without.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { call, freePort, login, POSTGRES, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lotte Lid' },
  { email: 'stuur@utrecht.test', org: 'GM0344', role: 'stuurgroep', name: 'Stefan Stuur' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
];
const PILLARS = {
  publiekeWaarde: { score: 4, onderbouwing: 'minder klachten' },
  gebruikswaarde: { score: 3, onderbouwing: 'dagelijks gebruikt' },
  technischeAanpak: { score: 4, onderbouwing: 'draait stabiel' },
  kosten: { score: 3, onderbouwing: 'binnen budget' },
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls `fn` until it returns true or `ms` have passed; the time it took.
async function within(ms, fn) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await fn()) return Date.now() - start;
    await sleep(50);
  }
  return Infinity;
}

async function startNginx(dir, ports) {
  const port = await freePort();
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream koers {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 25m;
    location / {
      proxy_pass http://koers;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
    }
  }
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  const up = await within(10000, async () => {
    try {
      return (await fetch(`${url}/health/live`)).status === 200;
    } catch {
      return false;
    }
  });
  if (up === Infinity) throw new Error(`nginx did not start: ${stderr}`);
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('two processes on one PostgreSQL database behind nginx', { skip: POSTGRES ? false : 'needs KOERS_TEST_POSTGRES' }, () => {
  let a;
  let b;
  let lb;
  const dir = tempDir();
  const s = {};
  const via = (base, who, method, path, options = {}) => call(base, method, `/api/v1${path}`, { session: s[who], ...options });

  before(async () => {
    const db = prepareDb(dir, { register: true, users: USERS });
    // Each process its own search index replica (startKoers gives one per
    // database; the second gets its own through --zoekindex).
    a = await startKoers({ db });
    b = await startKoers({ db, extraArgs: ['--zoekindex', join(dir, 'zoek-b')] });
    lb = await startNginx(join(dir, 'nginx'), [new URL(a.url).port, new URL(b.url).port]);
  });
  after(async () => {
    await lb?.stop();
    await a?.stop();
    await b?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('both processes are ready, each with the whole register in its own index', async () => {
    for (const p of [a, b]) {
      const ready = await call(p.url, 'GET', '/health/ready');
      assert.equal(ready.status, 200, ready.text);
      assert.equal(ready.body.status, 'gereed');
      assert.ok(ready.body.zoekindex.documenten > 1000, `${ready.body.zoekindex.documenten} documents`);
    }
  });

  test("a user's tasks through the balancer: log in, create, review, search, import", async () => {
    // A session made by one process is valid in the other (sessions live in the database).
    s.lid = await login(lb.url, 'lid@utrecht.test');
    s.stuur = await login(lb.url, 'stuur@utrecht.test');
    for (const p of [a, b]) assert.equal((await via(p.url, 'lid', 'GET', '/sessie')).status, 200);

    const made = await via(lb.url, 'lid', 'POST', '/innovaties', {
      json: { titel: 'Kademuurmonitor zeldzaamwoordje', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'openbaar' },
    });
    assert.equal(made.status, 201, made.text);
    const id = made.body.id;

    const draft = await via(lb.url, 'lid', 'POST', `/innovaties/${id}/beoordelingen`, { json: { pijlers: PILLARS } });
    assert.equal(draft.status, 201, draft.text);
    for (const p of [a, b]) {
      const list = await via(p.url, 'stuur', 'GET', `/innovaties/${id}/beoordelingen`);
      assert.equal(list.status, 200);
      assert.equal(list.body._embedded.beoordelingen.length, 1, 'each process reads the review');
    }

    const indicator = await via(lb.url, 'lid', 'POST', `/innovaties/${id}/indicatoren`, {
      json: { naam: 'Meldingen', soort: 'output', eenheid: 'aantal', richting: 'hoger' },
    });
    assert.equal(indicator.status, 201, indicator.text);
    const imported = await via(lb.url, 'lid', 'POST', `/indicatoren/${indicator.body.id}/metingen/_import`, {
      body: 'Periode;Waarde\r\n2025-Q1;12\r\n2025-Q2;15\r\n',
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(imported.status, 200, imported.text);
    for (const p of [a, b]) {
      const m = await via(p.url, 'lid', 'GET', `/indicatoren/${indicator.body.id}/metingen`);
      assert.equal(m.body.metingen.length, 2);
    }

    // Found by search through both processes, the other within a second.
    for (const p of [a, b]) {
      const took = await within(5000, async () => {
        const r = await call(p.url, 'GET', `/api/v1/innovaties/_zoek?q=zeldzaamwoordje`);
        return r.status === 200 && r.body.totaal === 1;
      });
      assert.ok(took <= 1000, `found through ${p.url} after ${took} ms`);
    }
  });

  test('a change through one process shows in the cached reads of the other at once', async () => {
    const made = await via(a.url, 'lid', 'POST', '/innovaties', {
      json: { titel: 'Bruggenteller', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'openbaar' },
    });
    const id = made.body.id;
    assert.equal((await call(b.url, 'GET', `/api/v1/innovaties/${id}`)).body.titel, 'Bruggenteller');
    const patched = await via(a.url, 'lid', 'PATCH', `/innovaties/${id}`, { json: { titel: 'Bruggenteller twee' } });
    assert.equal(patched.status, 200, patched.text);
    assert.equal((await call(b.url, 'GET', `/api/v1/innovaties/${id}`)).body.titel, 'Bruggenteller twee');
  });

  test('after kill -9 of one process nothing is lost and the other keeps serving', async () => {
    const titles = [];
    for (let i = 0; i < 6; i++) {
      const r = await via(lb.url, 'lid', 'POST', '/innovaties', {
        json: { titel: `Vooraf ${i} kraanvogel`, organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'openbaar' },
      });
      assert.equal(r.status, 201, r.text);
      titles.push(r.body.id);
    }
    a.child.kill('SIGKILL');
    await new Promise((r) => (a.child.exitCode !== null || a.child.signalCode ? r() : a.child.once('exit', r)));
    for (let i = 0; i < 10; i++) {
      const r = await call(lb.url, 'GET', '/api/v1/innovaties');
      assert.equal(r.status, 200, `request ${i} after the kill: ${r.status}`);
    }
    const later = await via(lb.url, 'lid', 'POST', '/innovaties', {
      json: { titel: 'Achteraf kraanvogel', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'openbaar' },
    });
    assert.equal(later.status, 201, later.text);
    for (const id of [...titles, later.body.id]) assert.equal((await call(lb.url, 'GET', `/api/v1/innovaties/${id}`)).status, 200);
    const found = await within(5000, async () => {
      const r = await call(b.url, 'GET', '/api/v1/innovaties/_zoek?q=kraanvogel');
      return r.body?.totaal === 7;
    });
    assert.ok(found < Infinity, 'every write is found by the surviving process');
    assert.equal((await call(b.url, 'GET', '/health/ready')).status, 200);
  });
});
