// Learning through the API: lessons with their own visibility, lessons of
// other municipalities at the gate, After Action Reviews that fall due and
// show on the funnel board, and lessons found by a plain Dutch question.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startKoers } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
  { email: 'lezer@amsterdam.test', org: 'GM0363', role: 'lezer' },
  { email: 'collega@utrecht.test', org: 'GM0344', role: 'lezer' },
  { email: 'beheer@utrecht.test', org: 'GM0344', role: 'beheerder' },
];

let koers;
const s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });

async function innovation(who, org, fields) {
  const r = await api(who, 'POST', '/innovaties', {
    json: { organisatie: org, fase: 'ontwikkeling', status: 'actief', zichtbaarheid: 'openbaar', ...fields },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

async function lesson(who, id, fields) {
  const r = await api(who, 'POST', `/innovaties/${id}/lessen`, {
    json: { cluster: 'data_en_technologie', hoe: 'tijdens_werk', fase: 'ontwikkeling', soort: 'anders_doen', ...fields },
  });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

let utrecht, amsterdam, publicLesson, teamLesson;

before(async () => {
  koers = await startKoers({ users: USERS });
  s.utrecht = await login(koers.url, 'lid@utrecht.test');
  s.amsterdam = await login(koers.url, 'lid@amsterdam.test');
  s.lezer = await login(koers.url, 'lezer@amsterdam.test');
  s.collega = await login(koers.url, 'collega@utrecht.test');
  s.beheer = await login(koers.url, 'beheer@utrecht.test');
  // The project stays internal to the team; one of its lessons is published.
  utrecht = await innovation('utrecht', 'GM0344', {
    titel: 'Voorspellen van wateroverlast in straten',
    samenvatting: 'Een model voorspelt bij hevige regen welke straten onder water lopen, uit neerslag en hoogtekaarten.',
    technieken: ['machine learning'],
    zichtbaarheid: 'team',
  });
  publicLesson = await lesson('utrecht', utrecht, {
    tekst: 'Vraag de hoogtekaarten vroeg op bij het waterschap: de koppeling met neerslagdata kostte ons drie maanden.',
    zichtbaarheid: 'openbaar',
    tags: ['wateroverlast'],
  });
  teamLesson = await lesson('utrecht', utrecht, {
    tekst: 'Intern: de leverancier hield de hoogtekaarten vast tot de factuur betaald was (kwartelkoning).',
    zichtbaarheid: 'team',
  });
  amsterdam = await innovation('amsterdam', 'GM0363', {
    titel: 'Waarschuwen voor wateroverlast bij regen',
    samenvatting: 'Bij zware regen voorspellen welke straten overlopen, met neerslagradar en hoogtekaarten.',
    technieken: ['machine learning'],
  });
});
after(() => koers?.stop());

describe('lessons at the gate', () => {
  test('a public lesson of Utrecht comes back when Amsterdam prepares a review of a similar innovation', async () => {
    const r = await api('amsterdam', 'GET', `/innovaties/${amsterdam}/lessen-van-anderen`);
    assert.equal(r.status, 200, r.text);
    const found = r.body._embedded.lessen.find((l) => l.id === publicLesson.id);
    assert.ok(found, `the public lesson is among ${JSON.stringify(r.body._embedded.lessen.map((l) => l.tekst))}`);
    assert.ok(found.redenen.length > 0, 'each lesson says why it was chosen');
    assert.match(found.redenen.join(' '), /lijkt op deze innovatie|techniek|fase/);
    // The innovation is team-only: Amsterdam sees the municipality, not its title.
    assert.equal(found.innovatie.titel, null);
    assert.equal(found.innovatie.organisatie, 'GM0344');
    assert.equal(found._links.innovatie, undefined);
  });

  test('a team-only lesson never comes back for others, and is found by nobody outside the team', async () => {
    for (const who of ['amsterdam', 'lezer', undefined]) {
      const gate = await api(who, 'GET', `/innovaties/${amsterdam}/lessen-van-anderen?aantal=20`);
      assert.equal(gate.status, 200, gate.text);
      assert.ok(!gate.text.includes('kwartelkoning'), `gate for ${who ?? 'anonymous'}`);
      const search = await api(who, 'GET', '/lessen?q=kwartelkoning');
      assert.equal(search.status, 200, search.text);
      assert.equal(search.body.totaal, 0);
      assert.ok(!JSON.stringify(search.body._embedded).includes('kwartelkoning'));
      const direct = await api(who, 'GET', `/lessen/${teamLesson.id}`);
      assert.equal(direct.status, 404);
    }
    const own = await api('utrecht', 'GET', '/lessen?q=kwartelkoning');
    assert.equal(own.body.totaal, 1, 'the team finds its own lesson');
  });
});

describe('lessons across municipalities', () => {
  test('a question in plain Dutch finds lessons, with the same analysis as the zoekhulp', async () => {
    // Neither word stands in the lesson as asked ("koppeling", "waterschap"): only the analysis finds it.
    const r = await api(undefined, 'GET', `/lessen?q=${encodeURIComponent('hoe regel je koppelingen met waterschappen')}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body._embedded.lessen.some((l) => l.id === publicLesson.id), r.text);
    const hit = r.body._embedded.lessen.find((l) => l.id === publicLesson.id);
    assert.ok(hit.fragment.some((f) => f.treffer), 'the snippet marks the matches');
    assert.ok(r.body.facetten.cluster.some((f) => f.waarde === 'data_en_technologie' && f.label === 'Data en technologie'));
    assert.ok(r.body.hoeGeleerd.tijdensWerk >= 1);
  });

  test('filters and the export count only what the viewer may read', async () => {
    const r = await api('lezer', 'GET', '/lessen?organisatie=GM0344');
    assert.equal(r.status, 200);
    const ids = r.body._embedded.lessen.map((l) => l.id);
    assert.ok(ids.includes(publicLesson.id));
    assert.ok(!ids.includes(teamLesson.id));
    assert.ok(r.body._embedded.lessen.every((l) => l.innovatie.organisatie === 'GM0344'));
    assert.equal(r.body.facetten.organisatie.reduce((n, f) => n + f.aantal, 0), r.body.totaal, 'facets count what is listed');
    const csv = await api('lezer', 'GET', '/lessen/_export?formaat=csv-nl&organisatie=GM0344');
    assert.equal(csv.status, 200);
    assert.ok(csv.text.includes('waterschap'));
    assert.ok(!csv.text.includes('kwartelkoning'));
  });

  test('bad input gets a Dutch problem, and outsiders cannot write', async () => {
    const bad = await api('utrecht', 'POST', `/innovaties/${utrecht}/lessen`, { json: { tekst: '', cluster: 'onzin', hoe: 'x' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json');
    const fields = bad.body.invalidParams.map((p) => p.name);
    for (const f of ['tekst', 'cluster', 'hoe']) assert.ok(fields.includes(f), `${f} in ${fields}`);
    const note = await api('utrecht', 'POST', `/innovaties/${utrecht}/lessen`, { json: { vorm: 'logboek', tekst: 'snel genoteerd' } });
    assert.equal(note.status, 201, note.text);
    assert.equal(note.body.zichtbaarheid, 'team');
    const foreign = await api('amsterdam', 'PUT', `/lessen/${publicLesson.id}`, { json: { ...publicLesson, tekst: 'overschreven' } });
    assert.equal(foreign.status, 403);
    const unknown = await api('amsterdam', 'GET', '/lessen/999999');
    assert.equal(unknown.status, 404);
  });
});

describe('After Action Reviews', () => {
  test('an overdue review shows on the funnel board and in the advice', async () => {
    const id = await innovation('amsterdam', 'GM0363', { titel: 'Sensoren in de riolering' });
    const none = await api('amsterdam', 'GET', `/innovaties/${id}/terugblikken`);
    assert.equal(none.body.volgende.teLaat, false);
    const held = await api('amsterdam', 'POST', `/innovaties/${id}/terugblikken`, {
      json: { datum: '2026-01-15', gepland: 'Eerste sensoren plaatsen', gebeurd: 'Twee van de vijf geplaatst', verschil: 'Vergunning liep vertraging op', vervolg: 'Vergunning eerder aanvragen',
        acties: [{ omschrijving: 'Vergunning aanvragen', eigenaar: 'Anna', deadline: '2026-02-01', status: 'open' }] },
    });
    assert.equal(held.status, 201, held.text);
    const cadence = await api('amsterdam', 'PUT', `/innovaties/${id}/terugblikritme`, { json: { elkeWeken: 6 } });
    assert.equal(cadence.status, 200, cadence.text);
    assert.equal(cadence.body.volgende.datum, '2026-02-26');
    assert.equal(cadence.body.volgende.teLaat, true);
    const funnel = await api('amsterdam', 'GET', '/organisaties/GM0363/funnel');
    const card = funnel.body.kolommen.flatMap((k) => k.kaarten).find((k) => k.id === id);
    assert.equal(card.terugblik.teLaat, true);
    assert.equal(card.terugblik.laatste, '2026-01-15');
    const steering = await api('amsterdam', 'GET', '/organisaties/GM0363/sturing');
    assert.ok(steering.body.terugblikkenTeLaat.some((k) => k.id === id));
    const advice = await api('amsterdam', 'GET', `/innovaties/${id}/advies`);
    const rules = JSON.stringify(advice.body);
    assert.ok(rules.includes('"regel":"terugblik_te_laat"'), advice.text);
    assert.ok(rules.includes('after_action_review'));
    // Holding the review takes the card off the list.
    const today = new Date().toISOString().slice(0, 10);
    await api('amsterdam', 'POST', `/innovaties/${id}/terugblikken`, { json: { datum: today, gebeurd: 'Alle sensoren geplaatst' } });
    const later = await api('amsterdam', 'GET', '/organisaties/GM0363/funnel');
    assert.equal(later.body.kolommen.flatMap((k) => k.kaarten).find((k) => k.id === id).terugblik.teLaat, false);
  });

  test('a planned review whose date passed is overdue; a lesson can come from a review', async () => {
    const id = await innovation('amsterdam', 'GM0363', { titel: 'Slimme lantaarnpalen' });
    const planned = await api('amsterdam', 'POST', `/innovaties/${id}/terugblikken`, { json: { status: 'gepland', datum: '2026-03-01' } });
    assert.equal(planned.status, 201, planned.text);
    const list = await api('amsterdam', 'GET', `/innovaties/${id}/terugblikken`);
    assert.equal(list.body.volgende.teLaat, true);
    assert.equal(list.body.volgende.datum, '2026-03-01');
    const held = await api('amsterdam', 'POST', `/innovaties/${id}/terugblikken`, { json: { datum: '2026-03-02', gebeurd: 'Gehouden' } });
    const l = await lesson('amsterdam', id, { tekst: 'Plan de terugblik in de agenda van de opdrachtgever.', terugblikId: held.body.id, zichtbaarheid: 'openbaar' });
    const review = await api('lezer', 'GET', `/innovaties/${id}/terugblikken/${held.body.id}`);
    assert.equal(review.status, 200, review.text);
    assert.deepEqual(review.body.lessen.map((x) => x.id), [l.id]);
  });
});

describe('portfolio learning on lessons', () => {
  test('which clusters go with reaching implementation: counted from what the viewer may read, no claim below the minimum', async () => {
    const row = (body, cluster) => body.lesclusters.find((c) => c.cluster === cluster);
    const patterns = async (who) => {
      const r = await api(who, 'GET', '/portfolio/succesfactoren?organisatie=GM0344');
      assert.equal(r.status, 200, r.text);
      return r.body;
    };
    const before = await patterns('utrecht');
    // Five Utrecht innovations that reached implementation with a lesson
    // about cooperation, five still in development with another lesson.
    for (let n = 0; n < 5; n++) {
      const done = await innovation('utrecht', 'GM0344', { titel: `Gedeelde dienst ${n}`, fase: 'implementatie' });
      await lesson('utrecht', done, { tekst: `Samen met de buurgemeente beheren ${n}`, cluster: 'samenwerken', zichtbaarheid: 'openbaar' });
      const open = await innovation('utrecht', 'GM0344', { titel: `Proef ${n}` });
      await lesson('utrecht', open, { tekst: `Te laat begonnen met de data ${n}`, cluster: 'overig', zichtbaarheid: 'openbaar' });
    }
    const own = await patterns('utrecht');
    const was = row(before, 'samenwerken');
    const together = row(own, 'samenwerken');
    assert.equal(together.met.n - was.met.n, 5);
    assert.equal(together.met.implementatieBereikt - was.met.implementatieBereikt, 5);
    assert.equal(together.zonder.n - was.zonder.n, 5);
    assert.equal(together.zonder.implementatieBereikt - was.zonder.implementatieBereikt, 0);
    assert.equal(together.genoegGegevens, true);
    for (const c of own.lesclusters) {
      assert.equal(c.genoegGegevens, c.met.n >= own.minimumPerGroep && c.zonder.n >= own.minimumPerGroep, `no claim below the minimum (${c.cluster})`);
    }
    // Outsiders do not count the team-only innovation, not even through its public lesson.
    for (const who of ['amsterdam', undefined]) {
      const other = await patterns(who);
      assert.equal(row(other, 'data_en_technologie').met.n, row(own, 'data_en_technologie').met.n - 1, `for ${who ?? 'anonymous'}`);
      assert.equal(row(other, 'samenwerken').met.n, together.met.n, `for ${who ?? 'anonymous'}`);
    }
  });

  test('the knowledge lists the clusters of lessons', async () => {
    const k = await api(undefined, 'GET', '/kennis');
    assert.deepEqual(k.body.lesclusters.map((c) => c.id), [
      'proces_projectmanagement', 'ondersteuning_organisatie', 'doelformulering', 'data_en_technologie', 'externe_inhuur', 'samenwerken', 'overig',
    ]);
  });
});

describe('critical friends', () => {
  const inDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

  test('the team invites a colleague of another municipality, who reads only what was shared and comments', async () => {
    const bad = await api('utrecht', 'POST', `/innovaties/${utrecht}/uitnodigingen`, {
      json: { email: 'niemand@elders.test', naam: '', geldigTot: inDays(200) },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json');
    const fields = Object.fromEntries(bad.body.invalidParams.map((p) => [p.name, p.reason]));
    assert.match(fields.geldigTot, /hoogstens 92 dagen/);
    assert.ok('naam' in fields);
    assert.match(fields.email, /geen Koers-account/);
    const own = await api('utrecht', 'POST', `/innovaties/${utrecht}/uitnodigingen`, {
      json: { email: 'collega@utrecht.test', naam: 'Collega', geldigTot: inDays(10) },
    });
    assert.equal(own.status, 400, 'a friend comes from another organisation');
    assert.match(own.body.invalidParams[0].reason, /eigen organisatie/);
    const outsider = await api('amsterdam', 'POST', `/innovaties/${amsterdam}/uitnodigingen`, {
      json: { email: 'lid@utrecht.test', naam: 'x', geldigTot: inDays(10) },
    });
    assert.equal(outsider.status, 201, 'Amsterdam may invite for its own innovation');
    const foreign = await api('amsterdam', 'POST', `/innovaties/${utrecht}/uitnodigingen`, {
      json: { email: 'lezer@amsterdam.test', naam: 'x', geldigTot: inDays(10) },
    });
    assert.equal(foreign.status, 404, 'a team-only innovation of others does not exist for Amsterdam');

    const inv = await api('utrecht', 'POST', `/innovaties/${utrecht}/uitnodigingen`, {
      json: { email: 'LID@amsterdam.test', naam: 'Fatima uit Amsterdam', bericht: 'Kijk je mee naar onze aanpak?', geldigTot: inDays(30) },
    });
    assert.equal(inv.status, 201, inv.text);
    assert.equal(inv.body.open, true);
    assert.equal(inv.body.email, undefined, 'the team knows the friend by name');

    const mine = await api('amsterdam', 'GET', '/uitnodigingen');
    assert.equal(mine.status, 200, mine.text);
    const listed = mine.body._embedded.uitnodigingen.find((x) => x.id === inv.body.id);
    assert.equal(listed.innovatie.titel, 'Voorspellen van wateroverlast in straten');
    const shared = await api('amsterdam', 'GET', `/uitnodigingen/${inv.body.id}`);
    assert.equal(shared.status, 200, shared.text);
    assert.match(shared.body.innovatie.samenvatting, /hoogtekaarten/);
    assert.ok(shared.body.lessen.some((l) => l.id === teamLesson.id), 'the team shared the whole innovation');

    // Only through the invitation: the innovation itself stays closed.
    assert.equal((await api('amsterdam', 'GET', `/innovaties/${utrecht}`)).status, 404);
    assert.equal((await api('amsterdam', 'GET', '/lessen?q=kwartelkoning')).body.totaal, 0);
    for (const who of ['lezer', 'collega']) assert.equal((await api(who, 'GET', `/uitnodigingen/${inv.body.id}`)).status, 404, who);
    assert.equal((await api(undefined, 'GET', '/uitnodigingen')).status, 401);

    const said = await api('amsterdam', 'POST', `/uitnodigingen/${inv.body.id}/commentaar`, { json: { tekst: 'Vraag ook de rioolbeheerder.' } });
    assert.equal(said.status, 201, said.text);
    const empty = await api('amsterdam', 'POST', `/uitnodigingen/${inv.body.id}/commentaar`, { json: { tekst: '' } });
    assert.equal(empty.status, 400);
    const byOther = await api('lezer', 'POST', `/uitnodigingen/${inv.body.id}/commentaar`, { json: { tekst: 'ik ook' } });
    assert.equal(byOther.status, 404);

    const team = await api('utrecht', 'GET', `/innovaties/${utrecht}/uitnodigingen`);
    assert.equal(team.status, 200, team.text);
    const back = team.body._embedded.uitnodigingen.find((x) => x.id === inv.body.id);
    assert.deepEqual(back.commentaar.map((c) => c.tekst), ['Vraag ook de rioolbeheerder.']);
    assert.equal((await api('collega', 'GET', `/innovaties/${utrecht}/uitnodigingen`)).status, 404, 'outside the team the innovation does not exist');

    // Withdrawn: closed at once, what was said stays.
    assert.equal((await api('utrecht', 'DELETE', `/innovaties/${utrecht}/uitnodigingen/${inv.body.id}`)).status, 204);
    assert.equal((await api('amsterdam', 'GET', `/uitnodigingen/${inv.body.id}`)).status, 404);
    assert.equal((await api('amsterdam', 'POST', `/uitnodigingen/${inv.body.id}/commentaar`, { json: { tekst: 'nog iets' } })).status, 404);
    const after = await api('utrecht', 'GET', `/innovaties/${utrecht}/uitnodigingen`);
    const closed = after.body._embedded.uitnodigingen.find((x) => x.id === inv.body.id);
    assert.equal(closed.open, false);
    assert.equal(closed.commentaar.length, 1);

    // Every invitation and comment is in the audit trail, with the friend by name, never by address.
    for (const resource of ['uitnodiging', 'commentaar']) {
      const audit = await api('beheer', 'GET', `/audit?resource=${resource}`);
      assert.equal(audit.status, 200, audit.text);
      assert.ok(audit.body._embedded.audit.length > 0, resource);
      assert.ok(!audit.text.includes('lid@amsterdam.test'), `${resource}: the friend is named, not addressed`);
    }
  });

  test('a friend invited to one review sees that review and its lessons only', async () => {
    const held = await api('utrecht', 'POST', `/innovaties/${utrecht}/terugblikken`, { json: { datum: '2026-10-01', gebeurd: 'De eerste wijk draait' } });
    const other = await api('utrecht', 'POST', `/innovaties/${utrecht}/terugblikken`, { json: { datum: '2026-11-01', gebeurd: 'geheime tweede terugblik (grutto)' } });
    const fromReview = await lesson('utrecht', utrecht, { tekst: 'Begin klein, met één wijk.', terugblikId: held.body.id, zichtbaarheid: 'team' });
    const inv = await api('utrecht', 'POST', `/innovaties/${utrecht}/uitnodigingen`, {
      json: { email: 'lezer@amsterdam.test', naam: 'Lezer', geldigTot: inDays(0), terugblikId: held.body.id },
    });
    assert.equal(inv.status, 201, inv.text);
    const shared = await api('lezer', 'GET', `/uitnodigingen/${inv.body.id}`);
    assert.equal(shared.status, 200, shared.text);
    assert.deepEqual(shared.body.terugblikken.map((r) => r.id), [held.body.id]);
    assert.deepEqual(shared.body.lessen.map((l) => l.id), [fromReview.id]);
    assert.ok(!shared.text.includes('grutto'));
    assert.ok(other.status === 201);
    const wrong = await api('utrecht', 'POST', `/innovaties/${utrecht}/uitnodigingen`, {
      json: { email: 'lezer@amsterdam.test', naam: 'Lezer', geldigTot: inDays(1), terugblikId: 999999 },
    });
    assert.equal(wrong.status, 400);
  });
});
