// Diagnosis and advice through the API: the knowledge base, diagnoses on
// the success factors, the team check, ranked advice with its reasons,
// climate measurements of an organisation, portfolio learning, and a
// knowledge base with a mistake that stops the server from starting.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, call, koers as run, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'stuur@utrecht.test', org: 'GM0344', role: 'stuurgroep' },
  { email: 'lezer@utrecht.test', org: 'GM0344', role: 'lezer' },
  { email: 'beheer@utrecht.test', org: 'GM0344', role: 'beheerder' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
];

let koers;
const s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });

async function innovation(fields = {}) {
  const r = await api('lid', 'POST', '/innovaties', {
    json: { titel: `Diagnose ${Math.random().toString(36).slice(2, 7)}`, organisatie: 'GM0344', fase: 'ontwikkeling', status: 'actief', zichtbaarheid: 'openbaar', ...fields },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

before(async () => {
  koers = await startKoers({ users: USERS });
  for (const [k, email] of Object.entries({ lid: 'lid@utrecht.test', stuur: 'stuur@utrecht.test', lezer: 'lezer@utrecht.test', beheer: 'beheer@utrecht.test', lidB: 'lid@amsterdam.test' })) {
    s[k] = await login(koers.url, email);
  }
});
after(() => koers?.stop());

describe('knowledge base', () => {
  test('nine factors, twelve traits, four hurdles, nine themes and at least sixty options, public', async () => {
    const r = await api(undefined, 'GET', '/kennis');
    assert.equal(r.status, 200);
    assert.equal(r.body.succesfactoren.length, 9);
    assert.equal(r.body.kenmerken.length, 12);
    assert.equal(r.body.drempels.length, 4);
    assert.equal(r.body.themas.length, 9);
    assert.ok(r.body.opties.length >= 60);
    for (const o of r.body.opties) assert.ok(o.titel && o.tekst && o.themaNaam && o.fasen.length, o.id);
  });

  test('a mistake in a knowledge file stops the server with the file and line', () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const file = join(data, 'kennis/opties.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => /^\s+thema: /.test(l));
    lines[at] = lines[at].replace(/thema: \S+/, 'thema: bestaat_niet');
    writeFileSync(file, lines.join('\n'));
    const db = prepareDb(dir);
    const r = run(['serve', '--db', db, '--zoekindex', join(dir, 'zoek'), '--port', '0', '--data', data, '--log-level', 'warn'], { timeout: 20000 });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /kennisbank/);
    assert.match(r.stderr, /onbekend thema 'bestaat_niet'/);
  });
});

describe('diagnoses', () => {
  test('the team records a diagnosis; history newest first; readers read it', async () => {
    const id = await innovation();
    const first = await api('lid', 'POST', `/innovaties/${id}/diagnoses`, { json: { datum: '2026-01-10', factoren: { kortcyclisch_werken: { score: 2, notitie: 'nog geen prototype' } } } });
    assert.equal(first.status, 201, first.text);
    const second = await api('stuur', 'POST', `/innovaties/${id}/diagnoses`, { json: { datum: '2026-06-10', factoren: { kortcyclisch_werken: { score: 4 } } } });
    assert.equal(second.status, 201, second.text);
    const list = await api(undefined, 'GET', `/innovaties/${id}/diagnoses`);
    assert.deepEqual(list.body._embedded.diagnoses.map((d) => d.factoren.kortcyclisch_werken.score), [4, 2]);
  });

  test('outsiders may not record one; bad scores are named', async () => {
    const id = await innovation();
    const json = { factoren: { kortcyclisch_werken: { score: 3 } } };
    assert.equal((await api(undefined, 'POST', `/innovaties/${id}/diagnoses`, { json })).status, 401);
    assert.equal((await api('lezer', 'POST', `/innovaties/${id}/diagnoses`, { json })).status, 403);
    assert.equal((await api('lidB', 'POST', `/innovaties/${id}/diagnoses`, { json })).status, 403);
    const bad = await api('lid', 'POST', `/innovaties/${id}/diagnoses`, {
      json: { datum: 'gisteren', factoren: { geluk: { score: 3 }, kortcyclisch_werken: { score: 7 }, vraag_uit_domein: { notitie: 'x' } } },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.invalidParams.map((p) => p.name).sort(),
      ['datum', 'factoren.geluk', 'factoren.kortcyclisch_werken.score', 'factoren.vraag_uit_domein.score']);
    const empty = await api('lid', 'POST', `/innovaties/${id}/diagnoses`, { json: {} });
    assert.equal(empty.status, 400);
  });

  test('a private innovation has no diagnoses for outsiders', async () => {
    const id = await innovation({ zichtbaarheid: 'organisatie' });
    assert.equal((await api('lidB', 'GET', `/innovaties/${id}/diagnoses`)).status, 404);
    assert.equal((await api('lidB', 'GET', `/innovaties/${id}/advies`)).status, 404);
  });
});

describe('team check and advice', () => {
  test('a predictive model without privacy officer or data scientist', async () => {
    const id = await innovation({
      analyseNiveau: 'voorspellend',
      team: [{ naam: 'Anna', rol: 'projectleider', archetypen: ['experimenteerder'] }, { naam: 'Bas', rol: 'data_analist' }],
    });
    const r = await api(undefined, 'GET', `/innovaties/${id}/teamcheck`);
    assert.equal(r.status, 200);
    const missing = r.body.ontbrekendeRollen.flatMap((g) => g.rollen);
    for (const rol of ['privacy_officer', 'data_scientist', 'projectleider_backup', 'domeinexpert', 'opdrachtgever']) assert.ok(missing.includes(rol), rol);
    assert.ok(r.body.ontbrekendeRollen.every((g) => g.reden.length > 20));
    assert.deepEqual(r.body.ontbrekendeArchetypegroepen.map((g) => g.id).sort(), ['organiseren', 'realiseren']);
  });

  test('a low user value in the last review and an uninvolved shop floor lead the advice, with both reasons', async () => {
    const id = await innovation();
    const pillars = {
      publiekeWaarde: { score: 4, onderbouwing: 'helpt' }, gebruikswaarde: { score: 2, onderbouwing: 'weinig gebruikt' },
      technischeAanpak: { score: 4, onderbouwing: 'stabiel' }, kosten: { score: 3, onderbouwing: 'binnen budget' },
    };
    const draft = await api('lid', 'POST', `/innovaties/${id}/beoordelingen`, { json: { pijlers: pillars } });
    assert.equal(draft.status, 201, draft.text);
    const decided = await api('stuur', 'POST', `/innovaties/${id}/beoordelingen/${draft.body.id}/_vaststellen`, {
      json: { besluit: 'go_back', terugNaar: 'blijven', motivering: 'eerst de gebruikers erbij', volgendeBeoordeling: '2099-01-01' },
    });
    assert.equal(decided.status, 200, decided.text);
    await api('lid', 'POST', `/innovaties/${id}/diagnoses`, { json: { factoren: { eindgebruikers_betrekken: { score: 2 } } } });
    const r = await api(undefined, 'GET', `/innovaties/${id}/advies`);
    assert.equal(r.status, 200);
    const top = r.body.advies[0];
    assert.equal(top.regel, 'gebruikswaarde_laag');
    assert.equal(top.reden, 'Gebruikswaarde scoorde 2 in de laatste review en de werkvloer is nauwelijks betrokken bij het maken');
    assert.ok(top.optie.titel && top.optie.tekst);
    const again = await api(undefined, 'GET', `/innovaties/${id}/advies`);
    assert.deepEqual(again.body, r.body, 'the same input gives the same advice');
    const gewichten = r.body.advies.map((a) => a.gewicht);
    assert.deepEqual(gewichten, [...gewichten].sort((a, b) => b - a));
    assert.equal(new Set(r.body.advies.map((a) => a.optie.id)).size, r.body.advies.length, 'each option once');
  });
});

describe('innovation climate', () => {
  test('the beheerder records a measurement; members read it and get advice; others may not', async () => {
    const json = { datum: '2026-09-01', kenmerken: { voortouw_nemen: { score: 2 } }, drempels: { middelen: { score: 5, notitie: 'geen budget' } } };
    assert.equal((await api(undefined, 'POST', '/organisaties/GM0344/klimaat', { json })).status, 401);
    assert.equal((await api('lezer', 'POST', '/organisaties/GM0344/klimaat', { json })).status, 403);
    assert.equal((await api('lidB', 'POST', '/organisaties/GM0344/klimaat', { json })).status, 403);
    const r = await api('beheer', 'POST', '/organisaties/GM0344/klimaat', { json });
    assert.equal(r.status, 201, r.text);
    const list = await api('lezer', 'GET', '/organisaties/GM0344/klimaat');
    assert.equal(list.body._embedded.metingen[0].drempels.middelen.score, 5);
    assert.equal((await api('lidB', 'GET', '/organisaties/GM0344/klimaat')).status, 403);
    assert.equal((await api(undefined, 'GET', '/organisaties/GM0344/klimaat')).status, 401);
    const advice = await api('lezer', 'GET', '/organisaties/GM0344/advies');
    assert.ok(advice.body.advies.length > 0);
    assert.ok(advice.body.advies.some((a) => /middelen scoorde 5/.test(a.reden)), advice.body.advies.map((a) => a.reden).join(' | '));
    const bad = await api('beheer', 'POST', '/organisaties/GM0344/klimaat', { json: { kenmerken: { onbekend: { score: 1 } }, drempels: { middelen: { score: 0 } } } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.invalidParams.map((p) => p.name).sort(), ['drempels.middelen.score', 'kenmerken.onbekend']);
  });
});

describe('portfolio learning', () => {
  test('no claim below the minimum; the numbers once both groups are large enough', async () => {
    const factor = 'netwerk_en_keten';
    const lessons = async () => (await api('lid', 'GET', '/portfolio/succesfactoren?organisatie=GM0344')).body;
    for (let i = 0; i < 5; i++) {
      const id = await innovation({ fase: 'implementatie' });
      await api('lid', 'POST', `/innovaties/${id}/diagnoses`, { json: { factoren: { [factor]: { score: 5 } } } });
    }
    for (let i = 0; i < 4; i++) {
      const id = await innovation({ fase: 'idee' });
      await api('lid', 'POST', `/innovaties/${id}/diagnoses`, { json: { factoren: { [factor]: { score: 1 } } } });
    }
    let row = (await lessons()).factoren.find((f) => f.factor === factor);
    assert.equal(row.hoog.n, 5);
    assert.equal(row.hoog.implementatieBereikt, 5);
    assert.equal(row.laag.n, 4);
    assert.equal(row.genoegGegevens, false);
    const id = await innovation({ fase: 'idee' });
    await api('lid', 'POST', `/innovaties/${id}/diagnoses`, { json: { factoren: { [factor]: { score: 2 } } } });
    row = (await lessons()).factoren.find((f) => f.factor === factor);
    assert.equal(row.genoegGegevens, true);
    assert.equal(row.laag.aandeel, 0);
    assert.equal(row.hoog.aandeel, 1);
  });
});
