// Publication to the Algoritmeregister: every algorithm a viewer may read
// exports as a registration that validates against the pinned schema of
// publication standard 1.0.0 (docs/standards/), the completeness check says
// what is missing, and the publication fields follow the innovation's rules
// for reading, writing and bad input.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { ROOT, addUser, call, koers as run, login, startKoers } from '../lib/koers.mjs';

const schema = JSON.parse(readFileSync(join(ROOT, 'docs/standards/algoritmeregister-schema-1.0.json'), 'utf8'));
// The schema carries the standard's own keywords (name, category, display):
// not strict, so ajv reads past them; formats (uri) are checked.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const errorsOf = (record) => (validate(record) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`));

let koers;
let lid;
before(async () => {
  koers = await startKoers({ register: true, users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' }] });
  lid = await login(koers.url, 'lid@utrecht.test');
});
after(() => koers?.stop());

const api = (method, path, options) => call(koers.url, method, '/api/v1' + path, options);

const fullPublication = () => ({
  categorie: 'impactvol',
  themas: ['Afval'],
  contact: 'algoritmes@utrecht.test',
  publiekspagina: 'https://www.utrecht.nl/afval/voorspelling',
  doelEnImpact: 'Het model wijst plekken aan waar zwerfafval waarschijnlijk is, zodat de wijkploeg daar eerder langsgaat.',
  afwegingen: 'Vaste rondes kosten meer; het model gebruikt geen persoonsgegevens.',
  menselijkeTussenkomst: 'De wijkcoördinator kiest elke ochtend welke plekken de ploeg bezoekt.',
  risicobeheer: 'Elke maand vergelijken we de voorspelling met de meldingen, per wijk.',
  impacttoetsen: 'Geen DPIA nodig: er worden geen persoonsgegevens verwerkt.',
  gegevens: 'Meldingen openbare ruimte, weer, evenementenkalender.',
  technischeWerking: 'Een gradient-boosting-model voorspelt per vak van 100 m het aantal meldingen.',
  leverancier: 'Intern ontwikkeld',
  wettelijkeGrondslagLink: 'https://wetten.overheid.nl/BWBR0005416',
});

async function newInnovation(extra = {}) {
  const r = await api('POST', '/innovaties', {
    session: lid,
    json: { titel: 'Voorspellen van zwerfafval', organisatie: 'GM0344', zichtbaarheid: 'openbaar', ...extra },
  });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

describe('the export to the Algoritmeregister', () => {
  test('every public imported algorithm validates against the pinned schema', async () => {
    const imported = await api('GET', '/innovaties?register=algoritmeregister&paginaGrootte=1');
    const total = imported.body.totaal;
    assert.ok(total > 1000, `the register is imported (${total})`);
    const res = await fetch(`${koers.url}/api/v1/innovaties/_algoritmeregister?register=algoritmeregister`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    const records = await res.json();
    assert.equal(records.length, total, 'one record per imported algorithm');
    const invalid = records.map((r) => [r.source_id, errorsOf(r)]).filter(([, e]) => e.length > 0);
    assert.deepEqual(invalid.slice(0, 5), [], `${invalid.length} of ${records.length} records are invalid`);
    assert.equal(new Set(records.map((r) => r.source_id)).size, total, 'no record twice');

    // The single export gives the same record as the bulk one.
    const one = records[Math.floor(records.length / 2)];
    const single = await api('GET', `/innovaties/${one.source_id}/algoritmeregister`);
    assert.equal(single.status, 200);
    assert.deepEqual(single.body, one);
  });

  test('what the register says of the legal basis and impact assessments lands in the record', async () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'data/algoritmeregister/algoritmes.json'), 'utf8')).algoritmes;
    const source = file.find((r) => r.juridische_basis && r.impactassessment === 'Ja');
    let match;
    for (let page = 1; !match; page++) {
      const found = await api('GET', `/innovaties?register=algoritmeregister&paginaGrootte=100&sorteer=id&pagina=${page}`);
      const items = found.body._embedded.innovaties;
      if (items.length === 0) break;
      match = items.find((i) => i.bron?.id === source.id);
    }
    assert.ok(match, 'the record was imported');
    const record = (await api('GET', `/innovaties/${match.id}/algoritmeregister`)).body;
    assert.equal(record.legal_basis, source.juridische_basis.trim().slice(0, 2499));
    assert.match(record.impact_assessments, /Uitgevoerd/);
    const title = [...match.titel];
    if (title.length <= 99) assert.equal(record.name, match.titel);
    else assert.equal(record.name, `${title.slice(0, 98).join('').trim()}…`);
    assert.deepEqual(errorsOf(record), []);
  });

  test('a filled-in publication is complete, valid and survives a new import', async () => {
    const created = await newInnovation({
      samenvatting: 'Een model voorspelt waar zwerfafval blijft liggen.',
      domein: 'fysiek',
      startDatum: '2025-03-01',
      fase: 'implementatie',
    });
    let check = await api('GET', `/innovaties/${created.id}/algoritmeregister/controle`);
    assert.equal(check.status, 200);
    assert.equal(check.body.isAlgoritme, false);
    assert.equal(check.body.compleet, false);
    const missing = check.body.bevindingen.filter((b) => b.soort === 'ontbreekt').map((b) => b.veld);
    assert.ok(missing.includes('contact') && missing.includes('human_intervention'), missing.join());
    assert.ok(check.body.bevindingen.every((b) => b.melding.length > 10), 'each finding is worded');

    const patched = await api('PATCH', `/innovaties/${created.id}`, {
      session: lid,
      json: { publicatie: fullPublication() },
      headers: { 'If-Match': `"${created.versie}"` },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.publicatie.contact, 'algoritmes@utrecht.test');
    check = await api('GET', `/innovaties/${created.id}/algoritmeregister/controle`);
    assert.equal(check.body.isAlgoritme, true);
    assert.equal(check.body.compleet, true, JSON.stringify(check.body.bevindingen));
    assert.match(check.body.samenvatting, /Alle verplichte velden/);

    const record = (await api('GET', `/innovaties/${created.id}/algoritmeregister`)).body;
    assert.deepEqual(errorsOf(record), []);
    assert.equal(record.status, 'In gebruik');
    assert.equal(record.start_date, '2025-03');
    assert.equal(record.publication_category, 'Impactvolle algoritmes (Categorie B)');
    assert.equal(record.human_intervention, fullPublication().menselijkeTussenkomst);
    assert.equal(record.source_id, String(created.id));

    // A PATCH of one publication field keeps the others.
    const again = await api('PATCH', `/innovaties/${created.id}`, {
      session: lid,
      json: { publicatie: { leverancier: 'Gemeente Utrecht, team Data' } },
      headers: { 'If-Match': `"${patched.body.versie}"` },
    });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.publicatie.leverancier, 'Gemeente Utrecht, team Data');
    assert.equal(again.body.publicatie.contact, 'algoritmes@utrecht.test');
  });

  test('long texts are shortened and odd links encoded, so the record stays valid', async () => {
    const long = 'Een lange omschrijving met een één en een ü. '.repeat(40);
    const created = await newInnovation({ samenvatting: long, titel: 'Een heel lange naam '.repeat(8).trim() });
    const patched = await api('PATCH', `/innovaties/${created.id}`, {
      session: lid,
      json: { publicatie: { publiekspagina: 'https://www.utrecht.nl/zoek?wijk=Oost|Noord#één' } },
      headers: { 'If-Match': `"${created.versie}"` },
    });
    assert.equal(patched.status, 200, patched.text);
    const record = (await api('GET', `/innovaties/${created.id}/algoritmeregister`)).body;
    assert.deepEqual(errorsOf(record), []);
    assert.ok([...record.description_short].length <= 399 && record.description_short.endsWith('…'));
    assert.ok([...record.name].length <= 99);
    assert.equal(record.link, 'https://www.utrecht.nl/zoek?wijk=Oost%7CNoord#%C3%A9%C3%A9n');
    const check = (await api('GET', `/innovaties/${created.id}/algoritmeregister/controle`)).body;
    assert.ok(check.bevindingen.some((b) => b.soort === 'ingekort' && b.veld === 'description_short'));
  });

  test('bad publication fields get a Dutch problem naming each field, and nothing is stored', async () => {
    const created = await newInnovation();
    const r = await api('PATCH', `/innovaties/${created.id}`, {
      session: lid,
      json: {
        publicatie: {
          categorie: 'zwaar',
          contact: 'bel ons maar',
          broncode: 'github.com/utrecht/afval',
          einddatum: '2026-13',
          leverancier: 'x'.repeat(200),
          onbekend: 1,
        },
      },
      headers: { 'If-Match': `"${created.versie}"` },
    });
    assert.equal(r.status, 400, r.text);
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
    const named = r.body.invalidParams.map((p) => p.name).sort();
    assert.deepEqual(named, [
      'publicatie.broncode',
      'publicatie.categorie',
      'publicatie.contact',
      'publicatie.einddatum',
      'publicatie.leverancier',
      'publicatie.onbekend',
    ]);
    const stored = await api('GET', `/innovaties/${created.id}`);
    assert.equal(stored.body.publicatie, null);
    assert.equal(stored.body.versie, created.versie);
    const notObject = await api('PATCH', `/innovaties/${created.id}`, {
      session: lid,
      json: { publicatie: 'ja' },
      headers: { 'If-Match': `"${created.versie}"` },
    });
    assert.equal(notObject.status, 400);
  });

  test('a private algorithm is not exported to who may not read it', async () => {
    const marker = 'Geheimzinnigwoord' + Date.now();
    const created = await newInnovation({ titel: marker, zichtbaarheid: 'team', publicatie: { contact: 'x@utrecht.test' } });
    for (const path of [`/innovaties/${created.id}/algoritmeregister`, `/innovaties/${created.id}/algoritmeregister/controle`]) {
      const anonymous = await api('GET', path);
      assert.equal(anonymous.status, 404, path);
      assert.ok(!anonymous.text.includes(marker));
      assert.equal((await api('GET', path, { session: lid })).status, 200, path);
    }
    const all = await (await fetch(`${koers.url}/api/v1/innovaties/_algoritmeregister`)).text();
    assert.ok(!all.includes(marker), 'not in the bulk export');
    const mine = await api('GET', '/innovaties/_algoritmeregister?organisatie=GM0344', { session: lid });
    assert.ok(mine.body.some((r) => r.name === marker), 'its team sees it');
  });

  test('the 2023 publication details fill the matching records, and a later edit survives a new import', async () => {
    const scraped = new Set(JSON.parse(readFileSync(join(ROOT, 'data/algoritmeregister/algoritmes.json'), 'utf8')).algoritmes.map((r) => String(r.id)));
    const details = JSON.parse(readFileSync(join(ROOT, 'data/algoritmeregister/publicaties-2023.json'), 'utf8'));
    const matching = details.filter((d) => scraped.has(String(d.lars)));
    assert.equal(matching.length, 118, 'the sample matches the scrape by its lars id');
    const source = matching.find((d) => d.human_intervention && d.methods_and_models && d.methods_and_models.length < 4999 && d.provider);
    let match;
    for (let page = 1; !match; page++) {
      const items = (await api('GET', `/innovaties?register=algoritmeregister&paginaGrootte=100&sorteer=id&pagina=${page}`)).body._embedded.innovaties;
      if (items.length === 0) break;
      match = items.find((i) => i.bron?.id === String(source.lars));
    }
    assert.ok(match, 'the record was imported');
    const before = (await api('GET', `/innovaties/${match.id}`)).body;
    assert.ok(before.publicatie.menselijkeTussenkomst.startsWith(source.human_intervention.trim().slice(0, 200)));
    assert.equal(before.publicatie.technischeWerking, source.methods_and_models.trim());
    assert.equal(before.publicatie.leverancier, source.provider.trim());
    const record = (await api('GET', `/innovaties/${match.id}/algoritmeregister`)).body;
    assert.equal(record.supplier, source.provider.trim());
    assert.deepEqual(errorsOf(record), []);

    const owner = `beheer-2023-${before.organisatie.toLowerCase()}@register.test`;
    addUser(koers.db, { email: owner, org: before.organisatie, role: 'beheerder' });
    const session = await login(koers.url, owner);
    const patched = await api('PATCH', `/innovaties/${match.id}`, {
      session,
      json: { publicatie: { leverancier: 'Een andere leverancier' } },
      headers: { 'If-Match': `"${before.versie}"` },
    });
    assert.equal(patched.status, 200, patched.text);
    const imp = run(['import', 'algoritmeregister', join(ROOT, 'data/algoritmeregister/algoritmes.json'), '--db', koers.db, '--log-level', 'warn']);
    assert.equal(imp.status, 0, imp.stderr);
    assert.match(imp.stdout, /Publicatiegegevens van 2023 .* gevonden voor 118 records/);
    const after = (await api('GET', `/innovaties/${match.id}`)).body;
    assert.equal(after.publicatie.leverancier, 'Een andere leverancier', 'what a user wrote stays');
    assert.equal(after.publicatie.technischeWerking, before.publicatie.technischeWerking);
  });

  test('a new import keeps what Koers added to an imported algorithm', async () => {
    const listed = await api('GET', '/innovaties?register=algoritmeregister&paginaGrootte=1&sorteer=id');
    const first = (await api('GET', `/innovaties/${listed.body._embedded.innovaties[0].id}`)).body;
    const owner = `beheer-${first.organisatie.toLowerCase()}@register.test`;
    addUser(koers.db, { email: owner, org: first.organisatie, role: 'beheerder' });
    const session = await login(koers.url, owner);
    const patched = await api('PATCH', `/innovaties/${first.id}`, {
      session,
      json: { publicatie: { contact: 'https://www.example.nl/contact', wettelijkeGrondslag: 'Eigen tekst' } },
      headers: { 'If-Match': `"${first.versie}"` },
    });
    assert.equal(patched.status, 200, patched.text);
    const imp = run(['import', 'algoritmeregister', join(ROOT, 'data/algoritmeregister/algoritmes.json'), '--db', koers.db, '--log-level', 'warn']);
    assert.equal(imp.status, 0, imp.stderr);
    const after = (await api('GET', `/innovaties/${first.id}`)).body;
    assert.equal(after.publicatie.contact, 'https://www.example.nl/contact', "Koers's own field is kept");
    assert.equal(after.publicatie.wettelijkeGrondslag, first.publicatie.wettelijkeGrondslag, "the register's field is the register's again");
  });
});
