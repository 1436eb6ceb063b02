// The README's first command, as a newcomer runs it: scripts/start.sh in a
// clean clone, with a fresh database, on a free port. It must install,
// build, load the demo and the register, make the first administrator and
// serve Koers. Slow (a whole build): the test command runs it last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, freePort, tempDir } from '../lib/koers.mjs';

test('scripts/start.sh from a clean clone serves Koers with the register imported', { timeout: 45 * 60 * 1000 }, async () => {
  const dir = join(tempDir(), 'koers');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, dir]);
  const port = await freePort();
  const env = { ...process.env, KOERS_PORT: String(port) };
  delete env.KOERS_DB;
  const child = spawn('scripts/start.sh', [], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const base = `http://127.0.0.1:${port}`;
    let page;
    for (;;) {
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('waiting'), 2000))]);
      if (code !== 'waiting') assert.fail(`scripts/start.sh stopped with ${code} before serving:\n${output.slice(-4000)}`);
      try {
        page = await fetch(`${base}/`);
        if (page.status === 200) break;
      } catch {
        // not listening yet
      }
    }
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(await page.text(), /<html lang="nl"/);
    const list = await (await fetch(`${base}/api/v1/innovaties?paginaGrootte=1`)).json();
    assert.ok(list.totaal >= 1548, `the demo and the register are loaded (${list.totaal})`);
    assert.match(output, /Inloggen als landelijk beheerder: beheer@koers\.local met wachtwoord \S{12,}/);
    assert.match(output, /Algoritmeregister: 1530 records gelezen/);
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  }
});
