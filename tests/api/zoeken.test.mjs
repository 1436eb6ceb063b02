// The zoekhulp through the API, on the imported register: Dutch analysis,
// facets, reasons, visibility, index updates, and repair after a crash.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, prepareDb, sql, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'lezer@amsterdam.test', org: 'GM0363', role: 'lezer' },
];
let db;
let koers;
const s = {};
const zoek = (q, who, extra = '') => call(koers.url, 'GET', `/api/v1/innovaties/_zoek?q=${encodeURIComponent(q)}${extra}`, { session: s[who] });
const titles = (r) => r.body._embedded.resultaten.map((x) => x.titel);

before(async () => {
  db = prepareDb(tempDir(), { register: true, users: USERS });
  koers = await startKoers({ db });
  s.lid = await login(koers.url, 'lid@utrecht.test');
  s.lezerB = await login(koers.url, 'lezer@amsterdam.test');
});
after(() => koers?.stop());

describe('Dutch analysis', () => {
  test('a plain problem statement finds the compound: overlast van honden ~ hondenoverlast', async () => {
    const r = await zoek('overlast van honden in het park');
    assert.equal(r.status, 200);
    const first = r.body._embedded.resultaten[0];
    assert.match(first.titel, /hondenoverlast/i);
    assert.ok(first.waarom.some((w) => /honden/.test(w)));
    assert.ok(first.fragment.some((f) => f.treffer && /honden/i.test(f.tekst)), 'the snippet marks the match');
  });

  test('compounds work in both directions', async () => {
    assert.match(titles(await zoek('monitor voor woningbouw'))[0], /Woningbouwmonitor/);
    const split = await zoek('hondenoverlast');
    assert.match(titles(split)[0], /hondenoverlast/i);
    const r = await zoek('woningbouwmonitor');
    assert.match(titles(r)[0], /Woningbouwmonitor/);
  });

  test('synonyms and abbreviations widen the search', async () => {
    const chatbot = await zoek('chatbot');
    assert.ok(titles(chatbot).some((t) => /virtuele (gemeente )?assistent/i.test(t)), titles(chatbot).join(' | '));
    const woz = await zoek('woz');
    assert.ok(woz.body.totaal > 5);
  });

  test('a typo is read as the word it probably is', async () => {
    const r = await zoek('virtuele asistent');
    assert.ok(r.body.correcties.some((c) => c.startsWith('asistent')), JSON.stringify(r.body.correcties));
    assert.ok(titles(r).slice(0, 5).some((t) => /assistent/i.test(t)));
  });

  test('imported records carry their register id; cases carry none', async () => {
    const r = await zoek('virtuele gemeente assistent Gem');
    const imported = r.body._embedded.resultaten.find((x) => x.bron);
    assert.equal(imported.bron.register, 'algoritmeregister');
    assert.match(imported.bron.id, /^\d+$/);
  });
});

describe('facets, filters and paging', () => {
  test('facet counts cover all matches and filters narrow them', async () => {
    const r = await zoek('parkeren');
    assert.ok(r.body.totaal > 5);
    const phases = r.body.facetten.fase;
    // A product whose records are in different phases counts in each.
    assert.ok(phases.reduce((n, f) => n + f.aantal, 0) >= r.body.totaal);
    const records = await zoek('parkeren', undefined, '&groeperen=geen');
    assert.equal(records.body.facetten.fase.reduce((n, f) => n + f.aantal, 0), records.body.totaal);
    assert.ok(r.body.facetten.organisatieSoort.some((f) => f.waarde === 'gemeente' && f.label === 'Gemeente'));
    const one = phases[0];
    const filtered = await zoek('parkeren', undefined, `&fase=${one.waarde}`);
    assert.equal(filtered.body.totaal, one.aantal);
    for (const x of filtered.body._embedded.resultaten) assert.equal(x.fase, one.waarde);
  });

  test('an empty question lists everything, newest first, with facets', async () => {
    const r = await call(koers.url, 'GET', '/api/v1/innovaties/_zoek?paginaGrootte=5&groeperen=geen');
    assert.equal(r.body.totaal, 1548);
    assert.equal(r.body._embedded.resultaten.length, 5);
    const grouped = await call(koers.url, 'GET', '/api/v1/innovaties/_zoek?paginaGrootte=5');
    assert.ok(grouped.body.totaal < 1300, `${grouped.body.totaal} entries: products count once`);
  });
});

describe('results grouped by product', () => {
  test('the records of one product are one entry with its count and its other records', async () => {
    const grouped = await zoek('chatbot', undefined, '&paginaGrootte=10');
    const records = await zoek('chatbot', undefined, '&paginaGrootte=10&groeperen=geen');
    const assistant = (r) => r.body._embedded.resultaten.filter((x) => /virtuele (gemeente )?assistent gem/i.test(x.titel));
    assert.ok(assistant(records).length >= 5, 'ungrouped, copies fill the top 10');
    assert.equal(assistant(grouped).length, 1, titles(grouped).join(' | '));
    const entry = assistant(grouped)[0];
    assert.ok(entry.product.treffers >= 5);
    assert.equal(entry.product.anderen.length, Math.min(20, entry.product.aantalInnovaties - 1));
    assert.ok(!entry.product.anderen.some((m) => m.id === entry.id), 'the entry itself is not among the others');
    assert.ok(entry.product.anderen.every((m) => m.organisatieNaam && !/^GM\d/.test(m.organisatieNaam)), 'names, not codes');
    assert.match(entry.product._links.cluster.href, /^\/api\/v1\/clusters\/c\d+$/);
    const ids = grouped.body._embedded.resultaten.map((x) => x.product?.id).filter(Boolean);
    assert.equal(new Set(ids).size, ids.length, 'no product twice on a page');
    assert.ok(grouped.body.totaal < records.body.totaal);
  });

  test('paging through groups shows every product once', async () => {
    const seen = new Set();
    for (let pagina = 1; pagina <= 3; pagina++) {
      const r = await zoek('anonimiseren', undefined, `&paginaGrootte=10&pagina=${pagina}`);
      for (const x of r.body._embedded.resultaten) {
        const key = x.product?.id ?? `i${x.id}`;
        assert.ok(!seen.has(key), `${key} on two pages`);
        seen.add(key);
      }
    }
  });

  test('similar innovations are other products, not copies of this one', async () => {
    const entry = (await zoek('virtuele gemeente assistent Gem')).body._embedded.resultaten[0];
    assert.ok(entry.product);
    const sim = await call(koers.url, 'GET', `/api/v1/innovaties/${entry.id}/vergelijkbaar?aantal=10`);
    const own = new Set(entry.product.anderen.map((m) => m.id));
    assert.ok(sim.body._embedded.innovaties.length > 0);
    assert.ok(!sim.body._embedded.innovaties.some((x) => own.has(x.id)), 'no member of its own cluster');
  });

  test('groeperen takes product or geen', async () => {
    const r = await zoek('chatbot', undefined, '&groeperen=ja');
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.invalidParams.map((p) => p.name), ['groeperen']);
  });

  test('bad parameters are 400 with every problem named', async () => {
    const r = await call(koers.url, 'GET', `/api/v1/innovaties/_zoek?q=x&pagina=0&fase=klaar&kleur=rood`);
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.invalidParams.map((p) => p.name).sort(), ['fase', 'kleur', 'pagina']);
    const long = await zoek('x'.repeat(600));
    assert.equal(long.status, 400);
  });
});

describe('visibility and freshness', () => {
  test('a private innovation never shows to outsiders: not in results, facets or counts', async () => {
    const created = await call(koers.url, 'POST', '/api/v1/innovaties', {
      session: s.lid,
      json: { titel: 'Zwaailichtvoorspeller voor geheime proef', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'organisatie', technieken: ['zwaailichtanalyse'] },
    });
    assert.equal(created.status, 201);
    const id = created.body.id;
    const own = await zoek('zwaailichtvoorspeller', 'lid');
    assert.deepEqual(own.body._embedded.resultaten.map((x) => x.id), [id], 'visible at once to its organisation');
    for (const who of [undefined, 'lezerB']) {
      const other = await zoek('zwaailichtvoorspeller', who);
      assert.equal(other.body.totaal, 0);
      assert.deepEqual(other.body._embedded.resultaten, []);
      const facets = (await zoek('', who)).body.facetten.techniek.map((f) => f.waarde);
      assert.ok(!facets.includes('zwaailichtanalyse'), 'not even as a facet value');
      const byFacet = await zoek('', who, '&techniek=zwaailichtanalyse');
      assert.equal(byFacet.body.totaal, 0);
    }
    const similar = await call(koers.url, 'GET', `/api/v1/innovaties/${id}/vergelijkbaar`);
    assert.equal(similar.status, 404);

    await call(koers.url, 'PATCH', `/api/v1/innovaties/${id}`, { session: s.lid, json: { zichtbaarheid: 'openbaar' } });
    assert.equal((await zoek('zwaailichtvoorspeller')).body.totaal, 1, 'a visibility change shows at once');
    await call(koers.url, 'PATCH', `/api/v1/innovaties/${id}`, { session: s.lid, json: { titel: 'Sirenevoorspeller', technieken: [] } });
    assert.equal((await zoek('zwaailichtvoorspeller')).body.totaal, 0, 'an edit shows at once');
    assert.deepEqual(titles(await zoek('sirenevoorspeller')), ['Sirenevoorspeller']);
  });

  test('nothing hidden moves what an outsider sees: scores, totals, facets, corrections', async () => {
    const question = 'parkeren vergunning scanauto';
    const view = async (who) => {
      const r = await zoek(question, who, '&paginaGrootte=50');
      return { totaal: r.body.totaal, hits: r.body._embedded.resultaten.map((x) => [x.id, x.score]), facetten: r.body.facetten };
    };
    const before = { anon: await view(undefined), lezerB: await view('lezerB') };
    const typo = await zoek('vleermuisradr');
    // Hidden innovations full of the question's words and of a word nobody public uses.
    for (const zichtbaarheid of ['organisatie', 'team'])
      for (let i = 0; i < 3; i++) {
        const r = await call(koers.url, 'POST', '/api/v1/innovaties', {
          session: s.lid,
          json: {
            titel: `Parkeren scanauto vergunning vleermuisradar ${zichtbaarheid} ${i}`,
            samenvatting: 'parkeren parkeren vergunning scanauto vleermuisradar '.repeat(5),
            organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid,
          },
        });
        assert.equal(r.status, 201, r.text);
      }
    assert.deepEqual(await view(undefined), before.anon, 'an anonymous visitor sees exactly the same answer');
    assert.deepEqual(await view('lezerB'), before.lezerB, 'a reader of another municipality too');
    const again = await zoek('vleermuisradr');
    assert.deepEqual(again.body.correcties, typo.body.correcties, 'no correction drawn from hidden text');
    assert.ok(!JSON.stringify(again.body).includes('vleermuisradar'));
    const own = await zoek('vleermuisradar', 'lid');
    assert.equal(own.body.totaal, 6, 'the owner finds them');
  });

  test('similar innovations: other solutions for the same need', async () => {
    const r = await zoek('virtuele gemeente assistent Gem', undefined, '&paginaGrootte=1');
    const id = r.body._embedded.resultaten[0].id;
    const sim = await call(koers.url, 'GET', `/api/v1/innovaties/${id}/vergelijkbaar?aantal=5`);
    assert.equal(sim.status, 200);
    assert.equal(sim.body._embedded.innovaties.length, 5);
    assert.ok(sim.body._embedded.innovaties.every((x) => x.id !== id));
    assert.ok(sim.body._embedded.innovaties.some((x) => /assist|chat/i.test(x.titel)), sim.body._embedded.innovaties.map((x) => x.titel).join(' | '));
  });

  // Changes in the feed that the search index has not taken in yet.
  const PENDING_FOR_SEARCH =
    "SELECT count(*) FROM wijziging WHERE volgnummer > (SELECT max(volgnummer) FROM wachtrij_stand WHERE consument LIKE 'zoek%')";
  test('a change the index missed (a crash after the commit) is repaired at start', async () => {
    await koers.stop();
    // Straight into the database, as if the server died before updating the index.
    sql(db, `INSERT INTO innovatie (organisatie_id, titel, fase, status, zichtbaarheid, versie, aangemaakt_op, gewijzigd_op)
      VALUES ((SELECT id FROM organisatie WHERE code = 'GM0344'), 'Knotwilgenteller na stroomstoring', 'idee', 'actief', 'openbaar', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    const missed = () => sql(db, PENDING_FOR_SEARCH).toString().trim();
    assert.equal(missed(), '1');
    koers = await startKoers({ db });
    const r = await zoek('knotwilgenteller');
    assert.equal(r.body.totaal, 1);
    assert.equal(missed(), '0');
    s.lid = await login(koers.url, 'lid@utrecht.test');
    const id = r.body._embedded.resultaten[0].id;
    // A delete shows at once too.
    const beheer = await call(koers.url, 'DELETE', `/api/v1/innovaties/${id}`, { session: s.lid });
    assert.equal(beheer.status, 403, 'a lid may not delete; the index keeps it');
    assert.equal((await zoek('knotwilgenteller')).body.totaal, 1);
  });
});
