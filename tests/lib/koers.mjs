// Starts the real `koers` binary on a temporary SQLite database for black-box
// tests, on 127.0.0.1 and a free port. Nothing is mocked.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = resolve(here, '../..');
export const KOERS = process.env.KOERS_BIN ?? join(ROOT, 'build/src/koers');
export const REGISTER_FILE = join(ROOT, 'data/algoritmeregister/algoritmes.json');

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'koers-test-'));
}

// Runs a koers subcommand to completion; returns { status, stdout, stderr }.
export function koers(args, options = {}) {
  const r = spawnSync(KOERS, args, { encoding: 'utf8', ...options });
  if (r.error) throw r.error;
  return r;
}

export const PASSWORD = 'Koers-proef-2026!';

// Adds a local account with `koers user add`. A user is
// { email, org?, role?, landelijk?, password?, name? }.
export function addUser(db, user) {
  const args = ['user', 'add', user.email, '--db', db, '--log-level', 'warn', '--password-stdin'];
  if (user.org) args.push('--org', user.org, '--role', user.role);
  if (user.landelijk) args.push('--landelijk-beheerder');
  if (user.name) args.push('--name', user.name);
  const r = koers(args, { input: `${user.password ?? PASSWORD}\n` });
  if (r.status !== 0) throw new Error(`koers user add ${user.email} failed: ${r.stderr}`);
  return r;
}

// With KOERS_TEST_POSTGRES (scripts/with-postgres.sh), every test database
// is a fresh PostgreSQL database on that server instead of a SQLite file.
export const POSTGRES = process.env.KOERS_TEST_POSTGRES ?? '';
let databases = 0;

// A new, empty database: a file path in `dir`, or a PostgreSQL URL.
export function newDatabase(dir) {
  if (!POSTGRES) return join(dir, 'koers.db');
  const name = `koers_${process.pid}_${++databases}_${Date.now() % 100000}`;
  const psql = process.env.KOERS_PSQL ?? 'psql';
  const r = spawnSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', `${POSTGRES}/postgres`, '-c', `CREATE DATABASE ${name}`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${r.stderr}`);
  return `${POSTGRES}/${name}`;
}

// Runs SQL on a test database directly (sqlite3 or psql, both print rows
// as fields separated by |); returns what it printed.
export function sql(db, statement) {
  const r = db.startsWith('postgresql://')
    ? spawnSync(process.env.KOERS_PSQL ?? 'psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', db, '-c', statement], {
        encoding: 'utf8',
      })
    : spawnSync('sqlite3', [db, statement], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`SQL failed: ${r.stderr}`);
  return r.stdout;
}

// Prepares a database: demo data, the imported register if asked, users.
export function prepareDb(dir, { register = false, users = [] } = {}) {
  const db = newDatabase(dir);
  const demo = koers(['demo', '--db', db, '--log-level', 'warn']);
  if (demo.status !== 0) throw new Error(`koers demo failed: ${demo.stderr}`);
  if (register) {
    const imp = koers(['import', 'algoritmeregister', REGISTER_FILE, '--db', db, '--log-level', 'warn']);
    if (imp.status !== 0) throw new Error(`koers import failed: ${imp.stderr}`);
  }
  for (const user of users) addUser(db, user);
  return db;
}

// A free TCP port on 127.0.0.1 (for when an address must be known up front).
export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

// On PostgreSQL each server keeps its search index in a directory of its
// own; a restart on the same database takes up the same one.
const replicas = new Set();
function replicaDir(db) {
  const dir = join(tmpdir(), `koers-zoek-${db.slice(db.lastIndexOf('/') + 1)}`);
  replicas.add(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of replicas) rmSync(dir, { recursive: true, force: true });
});

// Starts `koers serve`; resolves to { url, db, dir, logs, stop() }.
export async function startKoers({ register = false, users = [], db, port = 0, extraArgs = [], env = {} } = {}) {
  const dir = tempDir();
  const dbPath = db ?? prepareDb(dir, { register, users });
  const child = spawn(
    KOERS,
    [
      'serve',
      '--db',
      dbPath,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--web',
      join(ROOT, 'web/dist'),
      ...(POSTGRES && !extraArgs.includes('--zoekindex') ? ['--zoekindex', replicaDir(dbPath)] : []),
      ...extraArgs,
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const logs = [];
  const boundPort = await new Promise((resolvePort, reject) => {
    let buffer = '';
    // A start indexes what is not indexed yet (the whole register after an
    // import); under the sanitizers that takes several times longer.
    const timer = setTimeout(() => reject(new Error(`koers serve did not start: ${logs.join('\n')}`)), 60000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        logs.push(line);
        try {
          const entry = JSON.parse(line);
          if (entry.bericht === 'server_gestart') {
            clearTimeout(timer);
            resolvePort(entry.poort);
          }
        } catch {
          // Not a log line: a sanitizer's report or a crash, shown as it is.
          process.stderr.write(`koers serve: ${line}\n`);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`koers serve exited with ${code}: ${logs.join('\n')}`)));
  });
  // A server that dies during the tests (a crash, not a test's own kill)
  // says so, with its last words.
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping && code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') process.stderr.write(`koers serve exited unexpectedly (${signal ?? code}); last lines:\n${logs.slice(-20).join('\n')}\n`);
  });
  return {
    url: `http://127.0.0.1:${boundPort}`,
    db: dbPath,
    dir,
    logs,
    child,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Logs in through the API; returns a session { cookie, csrf, user } for call().
export async function login(base, email, password = PASSWORD) {
  const r = await call(base, 'POST', '/api/v1/sessie', { json: { email, wachtwoord: password } });
  if (r.status !== 201) throw new Error(`login ${email}: ${r.status} ${r.text}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: r.body.csrfToken, user: r.body.gebruiker };
}

// fetch with JSON conveniences; returns { status, headers, body, text }.
// `session` (from login) sends the session cookie and the CSRF token;
// `token` sends Authorization: Bearer.
export async function call(base, method, path, { json, body, headers = {}, session, token } = {}) {
  const init = { method, headers: { ...headers } };
  if (session) {
    init.headers.cookie = session.cookie;
    if (method !== 'GET' && method !== 'HEAD') init.headers['x-csrf-token'] ??= session.csrf;
  }
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['content-type'] ??= 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}
