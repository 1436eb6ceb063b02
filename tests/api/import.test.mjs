// `koers import algoritmeregister` on the real register file and on damaged
// copies of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, koers, prepareDb, REGISTER_FILE, startKoers, tempDir } from '../lib/koers.mjs';

const real = JSON.parse(readFileSync(REGISTER_FILE, 'utf8'));
const importFile = (file, db) => koers(['import', 'algoritmeregister', file, '--db', db, '--log-level', 'warn']);

let dir;
before(() => {
  dir = tempDir();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the real register', () => {
  test('imports all 1,530 records; a second import changes nothing', async () => {
    const db = prepareDb(tempDir());
    const first = importFile(REGISTER_FILE, db);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /1530 records gelezen, 1530 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 0 overgeslagen/);
    const second = importFile(REGISTER_FILE, db);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /1530 records gelezen, 0 toegevoegd, 0 gewijzigd, 1530 ongewijzigd, 0 overgeslagen/);

    const server = await startKoers({ db });
    try {
      const list = await call(server.url, 'GET', '/api/v1/innovaties?paginaGrootte=1');
      assert.equal(list.body.totaal, 1548);
      const imported = await call(server.url, 'GET', '/api/v1/innovaties?register=algoritmeregister&paginaGrootte=100');
      assert.equal(imported.body.totaal, 1530);
      const one = await call(server.url, 'GET', `/api/v1/innovaties/${imported.body._embedded.innovaties[0].id}`);
      assert.equal(one.body.zichtbaarheid, 'openbaar');
      assert.equal(one.body.bron.register, 'algoritmeregister');
      assert.match(one.body.bron.url, /^https:\/\/algoritmes\.overheid\.nl\//);
      const record = real.algoritmes.find((r) => r.id === one.body.bron.id);
      assert.equal(one.body.titel, record.title.trim());
      assert.equal(one.body.bron.registratieDatum, record.geregistreerd);

      // Status mapping and organisation matching, on known records.
      const byStatus = { in_gebruik: ['implementatie', 'actief'], ontwikkeling: ['ontwikkeling', 'actief'], buiten_gebruik: ['implementatie', 'gestopt'] };
      const gemeenten = real.algoritmes.filter((r) => r.organisatie === 'Gemeente Delft');
      const delft = await call(server.url, 'GET', '/api/v1/innovaties?organisatie=GM0503&paginaGrootte=100');
      assert.equal(delft.body.totaal, gemeenten.length);
      for (const [status, [fase, st]] of Object.entries(byStatus)) {
        const rec = real.algoritmes.find((r) => r.status === status);
        const all = await call(server.url, 'GET', `/api/v1/innovaties?register=algoritmeregister&fase=${fase}&status=${st}&paginaGrootte=100`);
        assert.equal(all.body.totaal, real.algoritmes.filter((r) => r.status === status).length, status);
        assert.ok(rec);
      }
      const overig = await call(server.url, 'GET', '/api/v1/organisaties?naam=Belastingdienst');
      assert.equal(overig.body._embedded.organisaties[0].soort, 'overig');
    } finally {
      await server.stop();
    }
  });

  test('a changed record is updated in place, and only that one', () => {
    const db = prepareDb(tempDir());
    assert.equal(importFile(REGISTER_FILE, db).status, 0);
    const copy = structuredClone(real);
    copy.algoritmes[10].title = 'Nieuwe titel van dit algoritme';
    copy.algoritmes[11].status = 'buiten_gebruik';
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify(copy));
    const r = importFile(file, db);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 toegevoegd, 2 gewijzigd, 1528 ongewijzigd/);
  });
});

describe('damaged files', () => {
  test('bad records are reported with their reason and skipped; the rest imports', () => {
    const db = prepareDb(tempDir());
    const copy = structuredClone(real);
    copy.algoritmes[0].title = 42;                   // wrong type
    delete copy.algoritmes[1].title;                 // missing title
    copy.algoritmes[2].doel = 'x'.repeat(20000);     // over-long
    copy.algoritmes[3].status = 'misschien';         // unknown status
    copy.algoritmes[4] = 'geen object';              // not an object
    copy.algoritmes[5].id = copy.algoritmes[6].id;   // duplicate id (the later one is skipped)
    copy.algoritmes[7].organisatie = '';             // empty organisation
    let text = JSON.stringify(copy);
    // Invalid UTF-8 inside one record's title.
    const marker = JSON.stringify(copy.algoritmes[8].title);
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(Buffer.from(marker, 'utf8')) + 1;
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe]), bytes.subarray(at)]);
    const file = join(dir, 'damaged.json');
    writeFileSync(file, broken);
    const r = importFile(file, db);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1530 records gelezen, 1522 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 8 overgeslagen/);
    for (const reason of [
      "record 1 \\(id .*\\): veld 'title' is geen tekst",
      "record 2 \\(id .*\\): veld 'title' ontbreekt",
      "record 3 \\(id .*\\): veld 'doel' is te lang",
      "record 4 \\(id .*\\): onbekende status 'misschien'",
      'record 5: het record is geen object',
      'het id komt eerder in het bestand voor',
      "record 8 \\(id .*\\): veld 'organisatie' is leeg",
      "record 9 \\(id .*\\): veld 'title' bevat ongeldige UTF-8",
    ])
      assert.match(r.stdout, new RegExp(reason));
  });

  test('a file that is not JSON imports nothing and says so', () => {
    const db = prepareDb(tempDir());
    const file = join(dir, 'truncated.json');
    writeFileSync(file, readFileSync(REGISTER_FILE, 'utf8').slice(0, 100000));
    const r = importFile(file, db);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /geen geldige JSON; er is niets geïmporteerd/);
    const again = importFile(REGISTER_FILE, db);
    assert.match(again.stdout, /1530 toegevoegd/, 'nothing was half-written by the failed run');
  });

  test('a missing file and a file without a list are clear errors', () => {
    const db = prepareDb(tempDir());
    const missing = importFile(join(dir, 'bestaat-niet.json'), db);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /bestaat niet/);
    const file = join(dir, 'object.json');
    writeFileSync(file, '{"iets": []}');
    const r = importFile(file, db);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /geen lijst 'algoritmes'/);
  });
});
