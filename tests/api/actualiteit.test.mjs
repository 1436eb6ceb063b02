// Keeping registrations current through the API: every registration shows
// when it was last confirmed and by when it should be checked again (a year
// on by default); an organisation's own people list its public registrations
// that are overdue, and whoever may edit one confirms it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'lezer@utrecht.test', org: 'GM0344', role: 'lezer' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
];

let koers;
const s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });
const patch = (who, id, json) =>
  api(who, 'PATCH', `/innovaties/${id}`, { json, headers: { 'content-type': 'application/merge-patch+json' } });
const today = () => new Date().toISOString().slice(0, 10);
const aYearOn = () => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};
const overdueIds = async (who, org = 'GM0344') => {
  const r = await api(who, 'GET', `/organisaties/${org}/te-bevestigen?paginaGrootte=100`);
  assert.equal(r.status, 200, r.text);
  return r.body._embedded.innovaties.map((i) => i.id);
};

async function create(fields) {
  const r = await api('lid', 'POST', '/innovaties', { json: { organisatie: 'GM0344', fase: 'idee', status: 'actief', ...fields } });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

before(async () => {
  const db = prepareDb(tempDir(), { register: true, users: USERS });
  koers = await startKoers({ db });
  s.lid = await login(koers.url, 'lid@utrecht.test');
  s.lezer = await login(koers.url, 'lezer@utrecht.test');
  s.ander = await login(koers.url, 'lid@amsterdam.test');
});
after(() => koers?.stop());

describe('review dates', () => {
  test('a new registration is confirmed today and due for review a year on', async () => {
    const made = await create({ titel: 'Nieuw en actueel', zichtbaarheid: 'openbaar' });
    assert.equal(made.laatstBevestigdOp, today());
    assert.equal(made.herzienOp, aYearOn());
  });

  test('imported register records carry review dates too', async () => {
    const r = await api(undefined, 'GET', '/innovaties?register=algoritmeregister&paginaGrootte=1');
    const one = await api(undefined, 'GET', `/innovaties/${r.body._embedded.innovaties[0].id}`);
    assert.match(one.body.laatstBevestigdOp, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(one.body.herzienOp, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('a chosen review date is kept; an edit that leaves it alone moves it a year on', async () => {
    const made = await create({ titel: 'Eigen controledatum', zichtbaarheid: 'openbaar' });
    const chosen = await patch('lid', made.id, { herzienOp: '2027-03-31' });
    assert.equal(chosen.status, 200, chosen.text);
    assert.equal(chosen.body.herzienOp, '2027-03-31');
    const edited = await patch('lid', made.id, { samenvatting: 'Bijgewerkt' });
    assert.equal(edited.body.herzienOp, aYearOn());
    const bad = await patch('lid', made.id, { herzienOp: '31-03-2027' });
    assert.equal(bad.status, 400, bad.text);
    assert.deepEqual(bad.body.invalidParams.map((p) => p.name), ['herzienOp']);
    assert.equal((await api('lid', 'PATCH', `/innovaties/${made.id}`, {
      json: { laatstBevestigdOp: '2020-01-01' }, headers: { 'content-type': 'application/merge-patch+json' },
    })).body.laatstBevestigdOp, today(), 'laatstBevestigdOp is the register\'s to set');
  });
});

describe('overdue registrations and confirming them', () => {
  let late;
  let hidden;
  before(async () => {
    late = await create({ titel: 'Verlopen registratie', zichtbaarheid: 'openbaar' });
    assert.equal((await patch('lid', late.id, { herzienOp: '2026-01-15' })).status, 200);
    hidden = await create({ titel: 'Verlopen maar niet openbaar', zichtbaarheid: 'organisatie' });
    assert.equal((await patch('lid', hidden.id, { herzienOp: '2026-01-15' })).status, 200);
  });

  test('the organisation\'s people see its overdue public registrations, most overdue first', async () => {
    for (const who of ['lid', 'lezer']) {
      const ids = await overdueIds(who);
      assert.ok(ids.includes(late.id), who);
      assert.ok(!ids.includes(hidden.id), 'only public registrations are listed');
    }
    const r = await api('lid', 'GET', '/organisaties/GM0344/te-bevestigen?paginaGrootte=100');
    const dates = r.body._embedded.innovaties.map((i) => i.herzienOp);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(dates.every((d) => d < today()));
  });

  test('others are told the list is not theirs; an unknown organisation is not found', async () => {
    const other = await api('ander', 'GET', '/organisaties/GM0344/te-bevestigen');
    assert.equal(other.status, 403, other.text);
    assert.match(other.headers.get('content-type'), /problem\+json/);
    assert.equal((await api(undefined, 'GET', '/organisaties/GM0344/te-bevestigen')).status, 401);
    assert.equal((await api('lid', 'GET', '/organisaties/XX9999/te-bevestigen')).status, 404);
  });

  test('confirming sets today and a year on, takes it off the list and shows in the history', async () => {
    const refused = await api('lezer', 'POST', `/innovaties/${late.id}/_bevestigen`);
    assert.equal(refused.status, 403, refused.text);
    assert.equal((await api(undefined, 'POST', `/innovaties/${late.id}/_bevestigen`)).status, 401);
    assert.equal((await api('ander', 'POST', `/innovaties/${hidden.id}/_bevestigen`)).status, 404, 'unreadable looks unknown');
    const stale = await api('lid', 'POST', `/innovaties/${late.id}/_bevestigen`, { headers: { 'if-match': '"1"' } });
    assert.equal(stale.status, 412, stale.text);

    const done = await api('lid', 'POST', `/innovaties/${late.id}/_bevestigen`);
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.laatstBevestigdOp, today());
    assert.equal(done.body.herzienOp, aYearOn());
    assert.ok(!(await overdueIds('lid')).includes(late.id));
    const versions = await api(undefined, 'GET', `/innovaties/${late.id}/versies`);
    assert.match(versions.text, /herzienOp/);
    assert.match(versions.text, /2026-01-15/);
  });
});
