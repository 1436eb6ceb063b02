// The version history of an innovation: every change with who, when and
// the old and new values, for whoever may read the innovation; names, never
// e-mail addresses; a removed innovation stays readable to who could read it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { call, login, startKoers } from '../lib/koers.mjs';

let koers;
let lid;
let beheer;
before(async () => {
  koers = await startKoers({
    users: [
      { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid', name: 'Lieke Lid' },
      { email: 'beheer@utrecht.test', org: 'GM0344', role: 'beheerder', name: 'Bram Beheer' },
    ],
  });
  lid = await login(koers.url, 'lid@utrecht.test');
  beheer = await login(koers.url, 'beheer@utrecht.test');
});
after(() => koers?.stop());

const api = (method, path, options) => call(koers.url, method, '/api/v1' + path, options);

async function create(json) {
  const r = await api('POST', '/innovaties', { session: lid, json: { organisatie: 'GM0344', ...json } });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

describe('the version history', () => {
  test('a change shows its old and new values, by name, to anyone who may read', async () => {
    const made = await create({
      titel: 'Eerste titel',
      zichtbaarheid: 'openbaar',
      team: [{ naam: 'Lieke', rol: 'projectleider', gebruiker: 'lid@utrecht.test' }],
    });
    const changed = await api('PATCH', `/innovaties/${made.id}`, {
      session: lid,
      json: { titel: 'Tweede titel', publicatie: { contact: 'info@utrecht.test' } },
      headers: { 'If-Match': `"${made.versie}"` },
    });
    assert.equal(changed.status, 200, changed.text);

    const anonymous = await api('GET', `/innovaties/${made.id}/versies`);
    assert.equal(anonymous.status, 200, anonymous.text);
    const [newest, first] = anonymous.body._embedded.versies;
    assert.equal(anonymous.body.totaal, 2);
    assert.equal(newest.versie, 2);
    assert.equal(newest.actie, 'gewijzigd');
    assert.deepEqual(newest.wijzigingen.titel, { oud: 'Eerste titel', nieuw: 'Tweede titel' });
    assert.equal(newest.wijzigingen.publicatie.nieuw.contact, 'info@utrecht.test');
    assert.equal(newest.door, 'Lieke Lid');
    assert.equal(first.versie, 1);
    assert.equal(first.actie, 'aangemaakt');
    assert.equal(first.wijzigingen.titel.nieuw, 'Eerste titel');
    assert.ok(!anonymous.text.includes('lid@utrecht.test'), 'no e-mail address to outsiders');

    const insider = await api('GET', `/innovaties/${made.id}/versies`, { session: lid });
    assert.equal(insider.body._embedded.versies[1].wijzigingen.team.nieuw[0].gebruiker, 'lid@utrecht.test');
  });

  test('a private innovation keeps its history to itself, and unknown looks the same', async () => {
    const secret = await create({ titel: 'Zqgeheimeversie', zichtbaarheid: 'team' });
    const anonymous = await api('GET', `/innovaties/${secret.id}/versies`);
    const unknown = await api('GET', '/innovaties/99999999/versies');
    assert.equal(anonymous.status, 404);
    assert.equal(unknown.status, 404);
    assert.equal(anonymous.body.detail, unknown.body.detail);
    assert.ok(!anonymous.text.includes('Zqgeheimeversie'));
    assert.equal((await api('GET', `/innovaties/${secret.id}/versies`, { session: lid })).status, 200);
  });

  test('a removed innovation stays readable to who could read it', async () => {
    const made = await create({ titel: 'Binnenkort weg', zichtbaarheid: 'organisatie' });
    const gone = await api('DELETE', `/innovaties/${made.id}`, { session: beheer, headers: { 'If-Match': `"${made.versie}"` } });
    assert.equal(gone.status, 204, gone.text);
    const history = await api('GET', `/innovaties/${made.id}/versies`, { session: lid });
    assert.equal(history.status, 200, history.text);
    assert.equal(history.body._embedded.versies[0].actie, 'verwijderd');
    assert.equal(history.body._embedded.versies[0].wijzigingen.titel.oud, 'Binnenkort weg');
    assert.equal((await api('GET', `/innovaties/${made.id}/versies`)).status, 404, 'not to outsiders');
  });

  test('bad paging gets a problem', async () => {
    const r = await api('GET', '/innovaties/1/versies?pagina=nul');
    assert.equal(r.status, 400);
    assert.match(r.headers.get('content-type'), /problem\+json/);
  });
});
