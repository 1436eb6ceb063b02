// Adoption clusters, the municipality map, adoption records and reuse assets
// through the API, on the imported register: the known clusters come out
// whole, adopting starts a linked innovation, and nothing private leaks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
  { email: 'lezer@amsterdam.test', org: 'GM0363', role: 'lezer' },
  { email: 'lid@groningen.test', org: 'GM0014', role: 'lid' },
  { email: 'beheer@koers.test', landelijk: true },
];
const GEM =
  'Zo goed mogelijk de inwoner begrijpen en hem aan het juiste antwoord helpen. Dat kan soms een inhoudelijk of ' +
  'procedureel antwoord zijn, soms een doorverwijzing of een overdracht naar een (livechat-)medewerker. De virtuele ' +
  'assistent wordt alleen ingezet om meer hulp te kunnen bieden door landelijk vastgestelde antwoorden te geven op ' +
  'burger- en ondernemersvragen of doorverwijzing naar een medewerker.';

let koers;
const s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });

async function create(who, fields) {
  const r = await api(who, 'POST', '/innovaties', { json: { fase: 'implementatie', status: 'actief', ...fields } });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

async function gemCluster(who) {
  const r = await api(who, 'GET', '/clusters?zoek=virtuele%20gemeente%20assistent&paginaGrootte=5');
  assert.equal(r.status, 200, r.text);
  return r.body._embedded.clusters.find((c) => /Gem$/.test(c.naam));
}

before(async () => {
  const db = prepareDb(tempDir(), { register: true, users: USERS });
  koers = await startKoers({ db });
  s.lidA = await login(koers.url, 'lid@utrecht.test');
  s.lidB = await login(koers.url, 'lid@amsterdam.test');
  s.lezerB = await login(koers.url, 'lezer@amsterdam.test');
  s.lidC = await login(koers.url, 'lid@groningen.test');
  s.landelijk = await login(koers.url, 'beheer@koers.test');
});
after(() => koers?.stop());

describe('adoption clusters', () => {
  test('the virtual municipal assistant Gem is one cluster of about ten municipalities, Utrecht included', async () => {
    const c = await gemCluster();
    assert.ok(c, 'a Gem cluster exists');
    assert.ok(c.aantalOrganisaties >= 10, `${c.aantalOrganisaties} organisations`);
    assert.ok(c.organisaties.includes('GM0344'), 'Utrecht registered it under a different title and text');
    const others = await api(undefined, 'GET', '/clusters?zoek=gem&paginaGrootte=50');
    assert.equal(others.body._embedded.clusters.filter((x) => /assistent Gem$/.test(x.naam)).length, 1, 'not split in two');
  });

  test('other products that many municipalities registered form clusters too, largest first', async () => {
    const r = await api(undefined, 'GET', '/clusters?paginaGrootte=100');
    const names = r.body._embedded.clusters.map((c) => c.naam.toLowerCase());
    for (const product of [/zivver|beveiligd mailen/, /anonimiser/, /readspeaker|voorlees/]) {
      assert.ok(names.some((n) => product.test(n)), `${product} in ${names.slice(0, 20).join(' | ')}`);
    }
    const sizes = r.body._embedded.clusters.map((c) => c.aantalInnovaties);
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a));
    for (const c of r.body._embedded.clusters) assert.ok(c.aantalOrganisaties >= 2);
  });

  test('a cluster page says who uses it, since when, in which phase and whom to call', async () => {
    const c = await gemCluster();
    const r = await api(undefined, 'GET', `/clusters/${c.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.leden.length, c.aantalInnovaties);
    for (const m of r.body.leden) {
      assert.match(m.sinds, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(m.innovatie.fase && m.innovatie.status && m.innovatie.organisatieNaam);
      assert.equal(m.innovatie.bron.register, 'algoritmeregister');
    }
    assert.ok(r.body.gemeenten.includes('GM0344'));
    assert.ok(r.body.gemeenten.every((g) => /^GM\d{4}$/.test(g)));
    const byInnovation = await api(undefined, 'GET', `/clusters?innovatie=${r.body.leden[0].innovatie.id}`);
    assert.deepEqual(byInnovation.body._embedded.clusters.map((x) => x.id), [c.id]);
  });

  test('an unknown cluster is a 404 problem', async () => {
    const r = await api(undefined, 'GET', '/clusters/c999999');
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type'), /problem\+json/);
  });

  test('private members count only for those who may see them', async () => {
    const before = await gemCluster();
    await create('lidA', { titel: 'Virtuele gemeente assistent Gem', doel: GEM, organisatie: 'GM0344', zichtbaarheid: 'team' });
    const outsider = await gemCluster();
    assert.equal(outsider.aantalInnovaties, before.aantalInnovaties, 'anonymous sees no change');
    const insider = await gemCluster('lidA');
    assert.equal(insider.aantalInnovaties, before.aantalInnovaties + 1);
    const lezer = await gemCluster('lezerB');
    assert.equal(lezer.aantalInnovaties, before.aantalInnovaties, 'a reader of another municipality sees no change');
  });

  test('a cluster of private innovations does not exist for outsiders', async () => {
    const text = 'Een eigen rekenmodel voor de planning van strooiroutes bij gladheid op basis van wegdeksensoren en weerbericht.';
    const a = await create('lidA', { titel: 'Strooiplanner', doel: text, organisatie: 'GM0344', zichtbaarheid: 'organisatie' });
    await create('lidB', { titel: 'Strooiplanner', doel: text, organisatie: 'GM0363', zichtbaarheid: 'organisatie' });
    const mine = await api('lidA', 'GET', `/clusters?innovatie=${a.id}`);
    assert.equal(mine.body.totaal, 0, 'Utrecht sees only its own: one organisation is no cluster');
    const anon = await api(undefined, 'GET', '/clusters?zoek=strooiplanner');
    assert.equal(anon.body.totaal, 0);
    const all = await api('landelijk', 'GET', '/clusters?zoek=strooiplanner');
    assert.equal(all.body.totaal, 1, 'the national administrator, who sees both, sees the cluster');
    const id = all.body._embedded.clusters[0].id;
    assert.equal((await api('lidA', 'GET', `/clusters/${id}`)).status, 404);
    assert.equal((await api(undefined, 'GET', `/clusters/${id}`)).status, 404);
  });
});

describe('municipality map', () => {
  test('all 342 municipalities as SVG paths, cacheable', async () => {
    const r = await api(undefined, 'GET', '/kaart/gemeenten');
    assert.equal(r.status, 200);
    assert.match(r.body.viewBox, /^0 0 1000 \d+$/);
    assert.equal(r.body.gemeenten.length, 342);
    const utrecht = r.body.gemeenten.find((g) => g.code === 'GM0344');
    assert.equal(utrecht.naam, 'Utrecht');
    assert.match(utrecht.pad, /^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+Z/);
    assert.match(r.headers.get('cache-control'), /max-age/);
  });
});

describe('adoption', () => {
  let source;
  before(async () => {
    source = await create('lidA', {
      titel: 'Afvalroutes op maat',
      samenvatting: 'Een model plant de routes van de vuilniswagens op de vulgraad van containers.',
      doel: 'Minder kilometers en minder overvolle containers.',
      organisatie: 'GM0344',
      zichtbaarheid: 'openbaar',
      waardecreatie: 'gemiddeld',
      waardeSoorten: ['werkorganisatie'],
      team: [
        { naam: 'Anna de Vries', rol: 'projectleider', archetypen: ['regisseur'] },
        { naam: 'Bram Jansen', rol: 'data_scientist' },
      ],
    });
    const asset = await api('lidA', 'POST', `/innovaties/${source.id}/hergebruik`, {
      json: { soort: 'broncode', titel: 'Routeplanner', url: 'https://code.example.nl/afvalroutes', licentie: 'EUPL-1.2' },
    });
    assert.equal(asset.status, 201, asset.text);
  });

  test('only members of the adopting organisation record its adoption', async () => {
    const body = { bron: source.id, organisatie: 'GM0363', status: 'buitenkring', datum: '2026-10-01' };
    assert.equal((await api(undefined, 'POST', '/adopties', { json: body })).status, 401);
    assert.equal((await api('lezerB', 'POST', '/adopties', { json: body })).status, 403);
    assert.equal((await api('lidC', 'POST', '/adopties', { json: body })).status, 403);
    const own = await api('lidA', 'POST', '/adopties', { json: { ...body, organisatie: 'GM0344' } });
    assert.equal(own.status, 400);
    assert.ok(own.body.invalidParams.some((p) => p.name === 'organisatie'));
  });

  test('bad input names every problem, in Dutch', async () => {
    const r = await api('lidB', 'POST', '/adopties', { json: { bron: source.id, organisatie: 'GM0363', status: 'misschien', datum: '1 oktober', extra: 1 } });
    assert.equal(r.status, 400);
    const names = r.body.invalidParams.map((p) => p.name).sort();
    assert.deepEqual(names, ['datum', 'extra', 'status']);
    const missing = await api('lidB', 'POST', '/adopties', { json: { organisatie: 'GM0363', status: 'buitenkring' } });
    assert.equal(missing.status, 400);
    assert.ok(missing.body.invalidParams.some((p) => p.name === 'bron'));
    const hidden = await api('lidB', 'POST', '/adopties', { json: { bron: 99999999, organisatie: 'GM0363', status: 'buitenkring' } });
    assert.equal(hidden.status, 404);
  });

  test('interest, then adoption that starts a linked innovation from the source', async () => {
    const first = await api('lidB', 'POST', '/adopties', {
      json: { bron: source.id, organisatie: 'GM0363', status: 'buitenkring', datum: '2026-10-01', notitie: 'volgen de pilot' },
    });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.headers.get('location'), `/api/v1/adopties/${first.body.id}`);
    assert.equal(first.body.innovatie, null);
    assert.equal(first.body.bron.waardecreatie, 'gemiddeld', 'the adopter sees the value of the source');

    const again = await api('lidB', 'POST', '/adopties', { json: { bron: source.id, organisatie: 'GM0363', status: 'buitenkring' } });
    assert.equal(again.status, 409);

    const stale = await api('lidB', 'PUT', `/adopties/${first.body.id}`, {
      json: { status: 'in_uitvoering', datum: '2026-11-01' },
      headers: { 'if-match': '"99"' },
    });
    assert.equal(stale.status, 412);

    const adopt = await api('lidB', 'PUT', `/adopties/${first.body.id}`, {
      json: { status: 'in_uitvoering', datum: '2026-11-01', notitie: 'aanbesteding gestart', maakInnovatie: true },
      headers: { 'if-match': `"${first.body.versie}"` },
    });
    assert.equal(adopt.status, 200, adopt.text);
    assert.deepEqual(adopt.body.historie.map((h) => h.status), ['buitenkring', 'in_uitvoering']);
    assert.ok(adopt.body.innovatie?.id > 0);

    const copy = await api('lidB', 'GET', `/innovaties/${adopt.body.innovatie.id}`);
    assert.equal(copy.status, 200);
    assert.equal(copy.body.organisatie, 'GM0363');
    assert.equal(copy.body.titel, source.titel);
    assert.equal(copy.body.samenvatting, source.samenvatting);
    assert.equal(copy.body.fase, 'idee');
    assert.equal(copy.body.zichtbaarheid, 'organisatie');
    assert.deepEqual(copy.body.team.map((m) => m.rol), ['projectleider', 'data_scientist']);
    assert.ok(copy.body.team.every((m) => !/Anna|Bram/.test(m.naam)), 'roles are copied, people are not');
    const assets = await api('lidB', 'GET', `/innovaties/${copy.body.id}/hergebruik`);
    assert.deepEqual(assets.body._embedded.hergebruik.map((a) => [a.titel, a.licentie]), [['Routeplanner', 'EUPL-1.2']]);
    const found = await api('lidB', 'GET', `/adopties?innovatie=${copy.body.id}`);
    assert.equal(found.body._embedded.adopties[0].bron.id, source.id, 'the copy knows where it came from');

    const twice = await api('lidB', 'PUT', `/adopties/${first.body.id}`, { json: { status: 'in_gebruik', maakInnovatie: true } });
    assert.equal(twice.status, 400);
  });

  test('outsiders see the adoption but not its notes or who wrote them, nor the private copy', async () => {
    const r = await api(undefined, 'GET', `/adopties?bron=${source.id}`);
    assert.equal(r.status, 200);
    const a = r.body._embedded.adopties[0];
    assert.equal(a.organisatie, 'GM0363');
    assert.equal(a.notitie, null);
    assert.ok(a.historie.every((h) => h.notitie === null && h.door === null));
    assert.equal(a.innovatie, null, 'the copy is visible to its organisation only');
    const insider = await api('lidA', 'GET', `/adopties/${a.id}`);
    assert.equal(insider.body.notitie, 'aanbesteding gestart');
    assert.equal(insider.headers.get('etag'), `"${insider.body.versie}"`);
  });

  test('adoptions of a private innovation do not exist for outsiders', async () => {
    const secret = await create('lidA', { titel: 'Geheim project', organisatie: 'GM0344', zichtbaarheid: 'organisatie' });
    const r = await api('lidB', 'POST', '/adopties', { json: { bron: secret.id, organisatie: 'GM0363', status: 'buitenkring' } });
    assert.equal(r.status, 404);
  });

  test('a copy of an innovation its adopters may not read waits for the owner’s consent', async () => {
    // Amsterdam's lid is on the team of Utrecht's team-only innovation, so reads it; other Amsterdam readers do not.
    const secret = await create('lidA', {
      titel: 'Vertrouwelijke wachtrijvoorspeller',
      samenvatting: 'Onze vertrouwelijke aanpak met de DPIA in het dossier.',
      organisatie: 'GM0344',
      zichtbaarheid: 'team',
      team: [
        { naam: 'Anna', rol: 'projectleider', archetypen: [], gebruiker: 'lid@utrecht.test' },
        { naam: 'Bas', rol: 'data_scientist', archetypen: [], gebruiker: 'lid@amsterdam.test' },
      ],
    });
    const asked = await api('lidB', 'POST', '/adopties', { json: { bron: secret.id, organisatie: 'GM0363', status: 'in_uitvoering', maakInnovatie: true } });
    assert.equal(asked.status, 201, asked.text);
    assert.equal(asked.body.kopie, 'gevraagd');
    assert.equal(asked.body.innovatie, null, 'no copy without consent');
    const mine = await api('lezerB', 'GET', '/innovaties?organisatie=GM0363&paginaGrootte=100');
    assert.ok(!mine.text.includes('wachtrijvoorspeller'), 'nothing reached the adopting organisation');

    const notOwner = await api('lidB', 'POST', `/adopties/${asked.body.id}/_kopie`, { json: { toestaan: true } });
    assert.equal(notOwner.status, 403, 'a team member without edit rights does not consent for the owner');
    const bad = await api('lidA', 'POST', `/adopties/${asked.body.id}/_kopie`, { json: { toestaan: 'ja' } });
    assert.equal(bad.status, 400);
    const yes = await api('lidA', 'POST', `/adopties/${asked.body.id}/_kopie`, { json: { toestaan: true } });
    assert.equal(yes.status, 200, yes.text);
    assert.equal(yes.body.kopie, 'gemaakt');
    const copy = await api('lezerB', 'GET', `/innovaties/${yes.body.innovatie?.id ?? 0}`);
    assert.equal(copy.status, 200, 'with consent the adopting organisation reads its copy');
    assert.equal(copy.body.zichtbaarheid, 'organisatie');
    const again = await api('lidA', 'POST', `/adopties/${asked.body.id}/_kopie`, { json: { toestaan: true } });
    assert.equal(again.status, 409, 'decided once');
  });

  test('a refused copy is never made', async () => {
    const secret = await create('lidA', {
      titel: 'Nog een besloten proef',
      organisatie: 'GM0344',
      zichtbaarheid: 'team',
      team: [{ naam: 'Bas', rol: 'data_scientist', archetypen: [], gebruiker: 'lid@amsterdam.test' }],
    });
    const asked = await api('lidB', 'POST', '/adopties', { json: { bron: secret.id, organisatie: 'GM0363', status: 'buitenkring', maakInnovatie: true } });
    assert.equal(asked.body.kopie, 'gevraagd');
    const no = await api('lidA', 'POST', `/adopties/${asked.body.id}/_kopie`, { json: { toestaan: false } });
    assert.equal(no.status, 200, no.text);
    assert.equal(no.body.kopie, 'geweigerd');
    assert.equal(no.body.innovatie, null);
    const mine = await api('lezerB', 'GET', '/innovaties?organisatie=GM0363&paginaGrootte=100');
    assert.ok(!mine.text.includes('besloten proef'));
  });

  test('the adopting organisation may withdraw its record', async () => {
    const other = await create('lidA', { titel: 'Tijdelijke bron', organisatie: 'GM0344', zichtbaarheid: 'openbaar' });
    const a = await api('lidC', 'POST', '/adopties', { json: { bron: other.id, organisatie: 'GM0014', status: 'buitenkring' } });
    assert.equal(a.status, 201, a.text);
    assert.equal((await api('lidB', 'DELETE', `/adopties/${a.body.id}`)).status, 403);
    assert.equal((await api('lidC', 'DELETE', `/adopties/${a.body.id}`)).status, 204);
    assert.equal((await api('lidC', 'GET', `/adopties/${a.body.id}`)).status, 404);
  });
});

describe('reuse assets', () => {
  let id;
  before(async () => {
    id = (await create('lidA', { titel: 'Hergebruikbaar dashboard', organisatie: 'GM0344', zichtbaarheid: 'openbaar' })).id;
  });

  test('the team adds, changes and removes assets; others may only read', async () => {
    const json = { soort: 'dpia', titel: 'DPIA dashboard', url: 'https://docs.example.nl/dpia.pdf', licentie: 'CC-BY-4.0' };
    assert.equal((await api(undefined, 'POST', `/innovaties/${id}/hergebruik`, { json })).status, 401);
    assert.equal((await api('lidB', 'POST', `/innovaties/${id}/hergebruik`, { json })).status, 403);
    const made = await api('lidA', 'POST', `/innovaties/${id}/hergebruik`, { json });
    assert.equal(made.status, 201, made.text);
    const changed = await api('lidA', 'PUT', `/innovaties/${id}/hergebruik/${made.body.id}`, { json: { ...json, licentie: 'CC0-1.0' } });
    assert.equal(changed.body.licentie, 'CC0-1.0');
    const read = await api(undefined, 'GET', `/innovaties/${id}/hergebruik`);
    assert.equal(read.body._embedded.hergebruik.length, 1);
    assert.equal((await api('lidA', 'DELETE', `/innovaties/${id}/hergebruik/${made.body.id}`)).status, 204);
    assert.equal((await api('lidA', 'DELETE', `/innovaties/${id}/hergebruik/${made.body.id}`)).status, 404);
  });

  test('only web addresses are accepted as links', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.nl/x', 'https://exa mple.nl', 'data:text/html,hoi']) {
      const r = await api('lidA', 'POST', `/innovaties/${id}/hergebruik`, { json: { soort: 'broncode', titel: 'x', url } });
      assert.equal(r.status, 400, url);
      assert.ok(r.body.invalidParams.some((p) => p.name === 'url'));
    }
    const r = await api('lidA', 'POST', `/innovaties/${id}/hergebruik`, { json: { soort: 'iets', titel: '' } });
    assert.deepEqual(r.body.invalidParams.map((p) => p.name).sort(), ['soort', 'titel']);
  });
});
