// The public catalogue as open data: a DCAT-AP-NL catalogue in JSON-LD
// whose every download works for an anonymous visitor, in the format it
// declares, with public records only and the owner's TOOI identifier.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const SECRET = 'Opendatageheim4417';
let koers;
before(async () => {
  const db = prepareDb(tempDir(), { register: true, users: [{ email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' }] });
  koers = await startKoers({ db });
  const lid = await login(koers.url, 'lid@utrecht.test');
  const hidden = await call(koers.url, 'POST', '/api/v1/innovaties', {
    session: lid, json: { titel: `Intern ${SECRET}`, organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'organisatie' },
  });
  assert.equal(hidden.status, 201, hidden.text);
});
after(() => koers?.stop());

test('the catalogue is DCAT in JSON-LD and names the datasets with their licence and publisher', async () => {
  const r = await call(koers.url, 'GET', '/api/v1/catalogus');
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /^application\/ld\+json/);
  const c = r.body;
  assert.equal(c['@type'], 'dcat:Catalog');
  assert.equal(c['@context'].dcat, 'http://www.w3.org/ns/dcat#');
  const ids = c['dcat:dataset'].map((d) => d['@id'].split('#')[1]);
  assert.deepEqual(ids, ['innovaties', 'algoritmeregister', 'clusters', 'lessen', 'indicatoren']);
  for (const d of c['dcat:dataset']) {
    assert.equal(d['@type'], 'dcat:Dataset');
    assert.ok(d['dct:title']['@value'] && d['dct:description']['@value'], d['@id']);
    assert.ok(d['dct:license']['@id'].startsWith('http'), d['@id']);
    assert.ok(d['dcat:distribution'].length || d['dcat:accessService'], `${d['@id']} can be reached`);
  }
  assert.equal(c['dcat:service']['dcat:endpointDescription']['@id'], '/api/v1/openapi.json');
});

test('every download answers anonymously, in its declared format, without private records', async () => {
  const c = (await call(koers.url, 'GET', '/api/v1/catalogus')).body;
  const downloads = c['dcat:dataset'].flatMap((d) => d['dcat:distribution']);
  assert.ok(downloads.length >= 6);
  for (const d of downloads) {
    const url = d['dcat:downloadURL']['@id'];
    const res = await fetch(new URL(url, koers.url));
    const body = await res.text();
    assert.equal(res.status, 200, `${url}: ${body.slice(0, 200)}`);
    const media = d['dcat:mediaType']['@id'].split('/media-types/')[1];
    assert.ok(res.headers.get('content-type').startsWith(media), `${url} is ${res.headers.get('content-type')}, not ${media}`);
    if (media === 'application/json') JSON.parse(body);
    assert.ok(!body.includes(SECRET), `${url} leaks a private title`);
  }
});

test('the innovations download carries the owner\'s TOOI identifier', async () => {
  const rows = await (await fetch(`${koers.url}/api/v1/innovaties/_export?formaat=json`)).json();
  const utrecht = rows.find((r) => r.organisatie === 'GM0344');
  assert.ok(utrecht, 'Utrecht has public records');
  assert.ok(utrecht.organisatieTooi, JSON.stringify(utrecht));
  const org = await call(koers.url, 'GET', '/api/v1/organisaties/GM0344');
  assert.equal(utrecht.organisatieTooi, org.body.tooi);
});
