// Adoption clusters follow changes without comparing everything again: a
// new pair forms a cluster, an edited text leaves it, a deletion dissolves
// it. The similar pairs are kept in the store, so a restart starts from them,
// and the result equals a comparison of everything from scratch.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, prepareDb, sql, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
  { email: 'beheer@koers.test', landelijk: true },
];
const TEXT =
  'Een rekenmodel dat de route van de veegwagen per wijk plant op basis van bladval, meldingen van inwoners en ' +
  'het weerbericht van de komende drie dagen.';

let db;
let koers;
const s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });

async function start() {
  koers = await startKoers({ db });
  for (const [who, email] of [['utrecht', 'lid@utrecht.test'], ['amsterdam', 'lid@amsterdam.test'], ['landelijk', 'beheer@koers.test']])
    s[who] = await login(koers.url, email);
}

// Every cluster the national administrator sees, as "id: size organisations".
async function snapshot() {
  const out = [];
  for (let pagina = 1; ; pagina++) {
    const r = await api('landelijk', 'GET', `/clusters?paginaGrootte=100&pagina=${pagina}`);
    assert.equal(r.status, 200, r.text);
    for (const c of r.body._embedded.clusters) out.push(`${c.id}: ${c.aantalInnovaties} ${c.organisaties.join(',')}`);
    if (pagina * 100 >= r.body.totaal) return out.sort();
  }
}

const clusterOf = async (id) => (await api('landelijk', 'GET', `/clusters?innovatie=${id}`)).body._embedded.clusters[0];

async function create(who, organisatie, titel, doel) {
  const r = await api(who, 'POST', '/innovaties', { json: { titel, doel, organisatie, fase: 'implementatie', status: 'actief', zichtbaarheid: 'openbaar' } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

before(async () => {
  db = prepareDb(tempDir(), { register: true, users: USERS });
  await start();
});
after(() => koers?.stop());

let final;
test('clusters follow new, edited and deleted innovations', async () => {
  const first = await snapshot();
  assert.ok(first.length > 20, `${first.length} clusters in the register`);

  const a = await create('utrecht', 'GM0344', 'Veegroutes', TEXT);
  assert.equal(await clusterOf(a.id), undefined, 'one innovation is no cluster');
  const b = await create('amsterdam', 'GM0363', 'Slimme veegroutes', TEXT);
  const formed = await clusterOf(a.id);
  assert.ok(formed, 'the second registration of the same text forms a cluster');
  assert.deepEqual(formed.organisaties.sort(), ['GM0344', 'GM0363']);

  // An edited text leaves its cluster.
  const c = await create('utrecht', 'GM0344', 'Veegroutes centrum', TEXT);
  const withThree = await clusterOf(c.id);
  assert.equal(withThree.aantalInnovaties, 3);
  const current = await api('utrecht', 'GET', `/innovaties/${c.id}`);
  const edited = await api('utrecht', 'PATCH', `/innovaties/${c.id}`, {
    json: { doel: 'Een overzicht van de zitbanken in de binnenstad met hun staat van onderhoud.' },
    headers: { 'If-Match': current.headers.get('etag') },
  });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(await clusterOf(c.id), undefined, 'the edited innovation left the cluster');
  assert.equal((await clusterOf(a.id)).aantalInnovaties, 2);

  // A deletion dissolves a cluster of two.
  const gone = await api('landelijk', 'DELETE', `/innovaties/${b.id}`);
  assert.equal(gone.status, 204, gone.text);
  assert.equal(await clusterOf(a.id), undefined, 'without its partner it is no cluster');

  final = await snapshot();
  assert.equal(final.length, first.length);
});

test('a product name is a strong key: the same product joins, different products never merge', async () => {
  const plan =
    'Planning van het vegen van fietspaden op basis van sensoren in de bermen, het verkeer van de afgelopen week en ' +
    'de verwachte neerslag, zodat de ploegen eerst gaan waar het nodig is.';
  const d = await create('utrecht', 'GM0344', 'Swepio veegplanning', plan);
  const e = await create('amsterdam', 'GM0363', 'Kleanrix veegplanning', plan);
  assert.equal(await clusterOf(d.id), undefined, 'the same text under two different product names is no cluster');
  const f = await create('amsterdam', 'GM0363', 'Swepio', 'Wij gebruiken dit pakket om de veegroutes in de stad te bepalen.');
  const swepio = await clusterOf(f.id);
  assert.ok(swepio, 'the same product with another description joins');
  assert.deepEqual((await api('landelijk', 'GET', `/clusters/${swepio.id}`)).body.leden.map((m) => m.innovatie.id).sort(), [d.id, f.id].sort());
  assert.equal(await clusterOf(e.id), undefined);
  final = await snapshot();
});

test('cluster names are unique', async () => {
  const names = [];
  for (let pagina = 1; ; pagina++) {
    const r = await api('landelijk', 'GET', `/clusters?paginaGrootte=100&pagina=${pagina}`);
    names.push(...r.body._embedded.clusters.map((c) => c.naam));
    if (pagina * 100 >= r.body.totaal) break;
  }
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  assert.deepEqual(twice, [], 'every cluster has its own name');
});

test('a restart starts from the stored pairs and shows the same clusters', async () => {
  await koers.stop();
  await start();
  assert.deepEqual(await snapshot(), final);
  assert.ok(!koers.logs.some((l) => l.includes('clusters_vergeleken')), 'nothing compared again');
});

test('the pairs kept up to date equal a comparison of everything from scratch', async () => {
  await koers.stop();
  sql(db, "DELETE FROM cluster_paar; DELETE FROM wachtrij_stand WHERE consument = 'clusters';");
  await start();
  assert.deepEqual(await snapshot(), final);
  assert.ok(koers.logs.some((l) => l.includes('clusters_vergeleken')), 'everything compared once');
});
