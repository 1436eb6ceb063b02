// The API keeps its own contract: every GET route of the OpenAPI document is
// called with real ids, as an outsider and as the national administrator,
// plus the error answers every route can give (malformed and unknown ids,
// a revoked token, bad bodies, too large bodies, a missing CSRF token). Each
// answer's status must be declared for its operation and its body must
// validate against the declared schema, with `required` and formats
// enforced (ajv).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT, call, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const doc = JSON.parse(readFileSync(`${ROOT}/src/api/openapi.json`, 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

// OpenAPI 3.0 schemas as JSON Schema: `nullable` becomes a type union and
// references point into the registered document.
function toJsonSchema(s) {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$ref') out.$ref = `doc${v}`;
    else if (k === 'nullable') continue;
    else out[k] = toJsonSchema(v);
  }
  if (s.nullable) {
    if (out.type) out.type = [out.type, 'null'];
    if (out.enum) out.enum = [...out.enum, null];
    if (!out.type && !out.enum) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}
ajv.addSchema({ components: toJsonSchema(doc.components) }, 'doc');

const resolve = (x) => (x?.$ref ? x.$ref.replace('#/', '').split('/').reduce((o, k) => o[k], doc) : x);
const validators = new Map();
const failures = [];
// For making the document exact: CONTRACT_REPORT=file writes every schema error.
const report = [];
process.on('exit', () => process.env.CONTRACT_REPORT && writeFileSync(process.env.CONTRACT_REPORT, JSON.stringify(report)));
let checked = 0;

// Checks one answer of `method path` (a template of the document).
function check(method, template, r, label) {
  checked++;
  const op = doc.paths[template]?.[method];
  assert.ok(op, `${method} ${template} is in the document`);
  const declared = resolve(op.responses[String(r.status)]);
  if (!declared) {
    failures.push(`${label}: status ${r.status} is not declared for ${method.toUpperCase()} ${template}`);
    return;
  }
  if (!declared.content || r.status === 204) return;
  const type = (r.headers.get('content-type') ?? '').split(';')[0];
  const media = declared.content[type];
  if (!media) {
    failures.push(`${label}: content type ${type} is not declared for ${r.status}`);
    return;
  }
  if (!type.includes('json')) return;
  const key = `${method} ${template} ${r.status} ${type}`;
  if (!validators.has(key)) validators.set(key, ajv.compile(toJsonSchema(media.schema)));
  const validate = validators.get(key);
  if (!validate(r.body)) {
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
    failures.push(`${label}: ${r.status} does not match its schema: ${errors.join('; ')}`);
    for (const e of validate.errors) report.push({ schemaPath: e.schemaPath, keyword: e.keyword, params: e.params });
  }
}

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lid Utrecht' },
  { email: 'beheer@koers.test', landelijk: true, name: 'Beheerder' },
];
let koers;
const s = {};
const ids = {};

async function made(who, path, json, expect = 201) {
  const r = await call(koers.url, 'POST', `/api/v1${path}`, { session: s[who], json });
  assert.equal(r.status, expect, `POST ${path}: ${r.text}`);
  return r;
}

before(async () => {
  const db = prepareDb(tempDir(), { register: true, users: USERS });
  koers = await startKoers({ db });
  s.lid = await login(koers.url, 'lid@utrecht.test');
  s.beheer = await login(koers.url, 'beheer@koers.test');
  const created = [];
  const inn = await made('lid', '/innovaties', {
    titel: 'Contractmonitor', doel: 'Een monitor om het contract te toetsen.', organisatie: 'GM0344',
    fase: 'ontwikkeling', status: 'actief', zichtbaarheid: 'openbaar',
  });
  created.push(['post', '/innovaties', inn]);
  ids.id = inn.body.id;
  const i = `/innovaties/${ids.id}`;
  const review = await made('lid', `${i}/beoordelingen`, {});
  created.push(['post', '/innovaties/{id}/beoordelingen', review]);
  ids.beoordelingId = review.body.id;
  const unknown = await made('lid', `${i}/onzekerheden`, { titel: 'Is de data op tijd?', soort: 'onbekende' });
  created.push(['post', '/innovaties/{id}/onzekerheden', unknown]);
  const indicator = await made('lid', `${i}/indicatoren`, { naam: 'Meldingen', soort: 'output', eenheid: 'aantal', richting: 'hoger', gebiedsniveau: 'GM', gebiedJaar: 2024 });
  created.push(['post', '/innovaties/{id}/indicatoren', indicator]);
  ids.indicatorId = indicator.body.id;
  const imp = await call(koers.url, 'POST', `/api/v1/indicatoren/${ids.indicatorId}/metingen/_import`, {
    session: s.lid, body: 'periode;gebied;waarde;aantal\n2024;GM0344;12;40\n', headers: { 'content-type': 'text/csv' },
  });
  created.push(['post', '/indicatoren/{indicatorId}/metingen/_import', imp]);
  const les = await made('lid', `${i}/lessen`, { tekst: 'Vraag de data vroeg op.', cluster: 'data_en_technologie', hoe: 'tijdens_werk', fase: 'ontwikkeling', soort: 'anders_doen', zichtbaarheid: 'openbaar' });
  created.push(['post', '/innovaties/{id}/lessen', les]);
  ids.lesId = les.body.id;
  const terugblik = await made('lid', `${i}/terugblikken`, { datum: '2026-11-01', gebeurd: 'De eerste versie draait.' });
  created.push(['post', '/innovaties/{id}/terugblikken', terugblik]);
  ids.terugblikId = terugblik.body.id;
  const today = new Date().toISOString().slice(0, 10);
  const invitation = await made('lid', `${i}/uitnodigingen`, { email: 'beheer@koers.test', naam: 'Kritische vriend', geldigTot: today });
  created.push(['post', '/innovaties/{id}/uitnodigingen', invitation]);
  ids.uitnodigingId = invitation.body.id;
  const comment = await made('beheer', `/uitnodigingen/${ids.uitnodigingId}/commentaar`, { tekst: 'Goed begin.' });
  created.push(['post', '/uitnodigingen/{uitnodigingId}/commentaar', comment]);
  const reuse = await made('lid', `${i}/hergebruik`, { soort: 'broncode', titel: 'Code', url: 'https://example.org/code' });
  created.push(['post', '/innovaties/{id}/hergebruik', reuse]);
  const adoption = await made('beheer', '/adopties', { bron: ids.id, organisatie: 'GM0014', status: 'buitenkring' });
  created.push(['post', '/adopties', adoption]);
  ids.adoptieId = adoption.body.id;
  const missie = await made('lid', '/missies', { titel: 'Contractmissie', opgave: 'Een gedeeld doel.', doel: { waarde: 10, eenheid: 'wijken', datum: '2030-01-01' }, status: 'gepubliceerd', partners: [{ naam: 'Hogeschool', rol: 'kennisinstellingen' }] });
  created.push(['post', '/missies', missie]);
  ids.missieId = missie.body.id;
  const bijdrage = await made('lid', `/missies/${ids.missieId}/bijdragen`, { innovatieId: ids.id });
  created.push(['post', '/missies/{missieId}/bijdragen', bijdrage]);
  ids.innovatieId = ids.id;
  const token = await made('beheer', '/tokens', { naam: 'contract' });
  created.push(['post', '/tokens', token]);
  ids.tokenSecret = token.body.token;
  ids.tokenId = token.body.id;
  const me = await call(koers.url, 'GET', '/api/v1/sessie', { session: s.lid });
  ids.gebruikerId = me.body.gebruiker?.id ?? me.body.id;
  const rol = await made('beheer', `/gebruikers/${ids.gebruikerId}/rollen`, { organisatie: 'GM0014', rol: 'lezer' });
  created.push(['post', '/gebruikers/{id}/rollen', rol]);
  ids.rolId = rol.body.id;
  const clusters = await call(koers.url, 'GET', '/api/v1/clusters?paginaGrootte=1');
  ids.clusterId = clusters.body._embedded.clusters[0].id;
  ids.code = 'GM0344';
  for (const [method, template, r] of created) check(method, template, r, `${method.toUpperCase()} ${template}`);
});
after(() => koers?.stop());

// {id} names the user under /gebruikers and the token under /tokens.
const fill = (template, values = ids) =>
  template.replace(/\{(\w+)\}/g, (_, name) => {
    if (name === 'id' && template.startsWith('/gebruikers/')) name = 'gebruikerId';
    if (name === 'id' && template.startsWith('/tokens/')) name = 'tokenId';
    return encodeURIComponent(values[name]);
  });
const gets = Object.entries(doc.paths).filter(([, ops]) => ops.get).map(([template]) => template);

test('every GET route answers as its document says, for an outsider and for the national administrator', async () => {
  for (const template of gets) {
    for (const who of [undefined, 'beheer']) {
      const r = await call(koers.url, 'GET', `/api/v1${fill(template)}`, { session: s[who] });
      check('get', template, r, `GET ${fill(template)} as ${who ?? 'anonymous'}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('malformed and unknown ids, unknown parameters and a revoked token answer as declared', async () => {
  const revoked = ids.tokenSecret;
  const gone = await call(koers.url, 'DELETE', `/api/v1/tokens/${ids.tokenId}`, { session: s.beheer });
  check('delete', '/tokens/{id}', gone, 'DELETE /tokens/{id}');
  for (const template of gets) {
    const withId = /\{(id|\w+Id)\}/.test(template);
    if (withId) {
      const malformed = fill(template, Object.fromEntries(Object.keys(ids).map((k) => [k, k === 'code' || k === 'clusterId' ? ids[k] : 'x1'])));
      check('get', template, await call(koers.url, 'GET', `/api/v1${malformed}`), `GET ${malformed}`);
      const unknown = fill(template, Object.fromEntries(Object.keys(ids).map((k) => [k, k === 'code' ? 'GM9999' : k === 'clusterId' ? 'c99999999' : 99999999])));
      check('get', template, await call(koers.url, 'GET', `/api/v1${unknown}`), `GET ${unknown}`);
    }
    check('get', template, await call(koers.url, 'GET', `/api/v1${fill(template)}?onbekend=1`), `GET ${template}?onbekend=1`);
    check('get', template, await call(koers.url, 'GET', `/api/v1${fill(template)}`, { token: revoked }), `GET ${template} with a revoked token`);
  }
  assert.deepEqual(failures, []);
});

test('every write answers bad bodies, large bodies and a missing CSRF token as declared', async () => {
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const method of METHODS.filter((m) => m !== 'get' && ops[m])) {
      const path = `/api/v1${fill(template)}`;
      const label = `${method.toUpperCase()} ${template}`;
      const noCsrf = await call(koers.url, method.toUpperCase(), path, { session: { cookie: s.beheer.cookie }, json: {} });
      check(method, template, noCsrf, `${label} without CSRF token`);
      if (!ops[method].requestBody) continue;
      const types = Object.keys(ops[method].requestBody.content);
      if (!types.some((t) => t.includes('json'))) continue;
      const broken = await call(koers.url, method.toUpperCase(), path, { session: s.beheer, body: '{"titel": ', headers: { 'content-type': 'application/json' } });
      check(method, template, broken, `${label} with broken JSON`);
      assert.ok(broken.status !== 400 || broken.body.invalidParams?.length, `${label}: a 400 names what is wrong`);
      const wrong = await call(koers.url, method.toUpperCase(), path, { session: s.beheer, json: { onbekendVeld: true } });
      check(method, template, wrong, `${label} with an unknown field`);
      const large = await call(koers.url, method.toUpperCase(), path, {
        session: s.beheer, body: `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`, headers: { 'content-type': 'application/json' },
      });
      check(method, template, large, `${label} with a 3 MB body`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(checked > 300, `${checked} answers checked`);
});
