// Private stays private: a marker-word leak scan over every GET route.
//
// The rule under test (docs/access.md): every answer, derived outputs
// included (counts, facets, scores, spelling corrections, snippets, similar
// innovations, clusters, audit entries, copies, exports, people's names and
// e-mail addresses), is computed only from what the viewer may read, and
// unknown and forbidden look alike.
//
// How: made-up marker words (and a few unique numbers) are put into private
// objects of every kind, created through the API as real users would. Then
// every GET path of the server's own OpenAPI document is walked, with its
// path parameters filled from the fixture (a parameter this file does not
// know fails the test, so a new route cannot slip through), as every kind of
// viewer. Each answer (body and headers, xlsx unpacked) is scanned for the
// markers and addresses that viewer may not see, and for 5xx. The fixture is
// built in three phases; between phases the answers of everyone who may not
// see the new objects must stay byte for byte the same (volatile timestamps
// removed): no count, facet, score or suggestion may move. Routes naming an
// object the viewer may not read must answer exactly as for an unknown id,
// and no answer may link to such an object. Finally the landelijk beheerder
// (and the team member for team markers, the owner for the token) must find
// every marker in the same walk, which proves the scan can see; a few
// derived outputs (similar, cluster, search, correction) are checked to
// really react to private data for insiders.
//
//   phase 1  public baseline: a public innovation of A (indicator with a
//            suppressed small count, adopted by B with a note, B's copy with
//            a B-only marker); outsiders walk.
//   phase 2  A's organisation-only objects: an innovation with every kind of
//            child object, climate, maturity, an API token; outsiders must
//            see exactly what they saw in phase 1.
//   phase 3  a team-only innovation of A with every kind of child object;
//            A's roles off the team and all outsiders must see exactly what
//            they saw in phase 2.
//
// Leaks this test found, fixed since, kept as regression tests (describe
// 'regressions' at the end; the generic checks catch them too):
//   1. GET /clusters ordered clusters by their size counted over all members,
//      hidden ones included, while it showed the visible count: when a
//      private innovation joined the Gem cluster, Gem (12 visible) moved
//      ahead of Anonimiseringssoftware (12) for anonymous, B and C.
//   2. GET /indicatoren/{id}/metingen published totals over a suppressed
//      small cell whose complementary cells were 0: the total equalled the
//      small cell's value (987654.321, counted over 3 people) for outsiders.
//
// Run: KOERS_BIN=/path/to/koers node --test --test-concurrency=1 tests/api/lekken.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { call, login, startKoers } from '../lib/koers.mjs';

// ---------------------------------------------------------------------------
// Organisations, markers, users
// ---------------------------------------------------------------------------

const A = 'GM0344'; // Utrecht
const B = 'GM0363'; // Amsterdam
const C = 'GM0014'; // Groningen

// Who may read a marker, given an actor { key, orgs, landelijk }.
const AUDIENCE = {
  orgA: (a) => a.landelijk || a.orgs.includes(A),
  team: (a) => a.landelijk || a.key === 'teamA',
  pubteam: (a) => a.landelijk || a.key === 'lidA',
  vriend: (a) => a.landelijk || a.key === 'teamA' || a.key === 'lezerC',
  // Adoption notes and their author: the two organisations involved.
  adoptie: (a) => a.landelijk || a.orgs.includes(A) || a.orgs.includes(B),
  // A value with a count below the threshold: insiders of the owner only.
  klein: (a) => a.landelijk || a.orgs.includes(A),
  orgB: (a) => a.landelijk || a.orgs.includes(B),
  // A token's name: its owner and the landelijk beheerder (whose audit trail
  // shows it); the beheerder of the owner's organisation would be allowed
  // to see it in its audit trail too.
  token: (a) => a.landelijk || a.key === 'lidA' || a.key === 'beheerA',
  // The account name of the team member: itself, who manages its account.
  teamNaam: (a) => a.landelijk || a.key === 'teamA' || a.key === 'beheerA',
};

// One marker per object kind and visibility, so a failure names what leaked.
// Words are made up and occur in no Dutch text; numbers are unique values.
const MARKERS = {};
const PROVERS = {}; // who must find a marker in the final walk
function marker(key, word, audience, provers = ['landelijk']) {
  MARKERS[key] = { word, audience };
  PROVERS[key] = provers;
  return word;
}
const INNOVATION_FIELDS = [
  'titel', 'samenvatting', 'opgave', 'doel', 'tag', 'techniek', 'databron', 'teamlid',
  'concept', 'pijler', 'besluit', 'risico', 'baten', 'stoplijst', 'pitch', 'diagnose', 'indicator', 'hergebruik',
  'les', 'logboek', 'terugblik', 'actie', 'publicatie',
];
const M = {};
for (const field of INNOVATION_FIELDS) {
  M[`org.${field}`] = marker(`org.${field}`, `zqorg${field}`, 'orgA');
  M[`team.${field}`] = marker(`team.${field}`, `zqteam${field}`, 'team', ['landelijk', 'teamA']);
}
M['org.meting'] = marker('org.meting', '246813', 'orgA'); // measured value 246813.579
M['team.meting'] = marker('team.meting', '135792', 'team', ['landelijk', 'teamA']); // 135792.468
M['org.batenBedrag'] = marker('org.batenBedrag', '771177', 'orgA');
M['team.batenBedrag'] = marker('team.batenBedrag', '882288', 'team', ['landelijk', 'teamA']);
M['org.klimaat'] = marker('org.klimaat', 'zqorgklimaat', 'orgA');
M['org.volwassenheid'] = marker('org.volwassenheid', 'zqorgvolwassen', 'orgA');
// Phase 4: a team-only innovation shared with a critical friend (lezerC)
// through one of its reviews; the other review stays with the team.
M['vriend.titel'] = marker('vriend.titel', 'zqvriendtitel', 'vriend', ['landelijk', 'teamA', 'lezerC']);
M['vriend.terugblik'] = marker('vriend.terugblik', 'zqvriendterugblik', 'vriend', ['landelijk', 'teamA', 'lezerC']);
M['vriend.geheim'] = marker('vriend.geheim', 'zqvriendgeheim', 'team', ['landelijk', 'teamA']);
M['vriend.bericht'] = marker('vriend.bericht', 'zqvriendbericht', 'vriend', ['teamA', 'lezerC']);
M['vriend.commentaar'] = marker('vriend.commentaar', 'zqvriendcommentaar', 'vriend', ['teamA', 'lezerC']);
// A team-only lesson on the public innovation: its team (lidA) reads it.
M['org.missie'] = marker('org.missie', 'zqorgmissie', 'orgA'); // a concept mission of A
M['pub.les'] = marker('pub.les', 'zqpubteamles', 'pubteam', ['landelijk', 'lidA']);
M['org.token'] = marker('org.token', 'zqorgtoken', 'token', ['lidA', 'landelijk']);
M['org.stuurNaam'] = marker('org.stuurNaam', 'zqorgstuurnaam', 'orgA'); // decides on private innovations only
M['team.naam'] = marker('team.naam', 'zqteamnaam', 'teamNaam', ['landelijk', 'teamA']);
M['adoptie.notitie'] = marker('adoptie.notitie', 'zqadoptienotitie', 'adoptie');
M['adoptie.naam'] = marker('adoptie.naam', 'zqadoptienaam', 'adoptie'); // the note's author
M['kopie.b'] = marker('kopie.b', 'zqkopieb', 'orgB');
M['klein.waarde'] = marker('klein.waarde', '987654', 'klein'); // 987654.321 counted over 3 people

// The accounts. `org` and `role` as for `koers user add`.
const USERS = {
  lezerA: { email: 'ursula.lezer@utrecht.test', name: 'Ursula Lezer', org: A, role: 'lezer' },
  lidA: { email: 'ulrich.lid@utrecht.test', name: 'Ulrich Lid', org: A, role: 'lid' },
  stuurA: { email: 'umberto.stuur@utrecht.test', name: `Umberto ${M['org.stuurNaam']}`, org: A, role: 'stuurgroep' },
  beheerA: { email: 'uwe.beheer@utrecht.test', name: 'Uwe Beheer', org: A, role: 'beheerder' },
  // On the team of the team-only innovation; gets A's stuurgroep role too
  // (phase 1), because only a stuurgroep member who reads it can decide.
  teamA: { email: 'ute.team@utrecht.test', name: `Ute ${M['team.naam']}`, org: A, role: 'lid' },
  lezerB: { email: 'anouk.lezer@amsterdam.test', name: 'Anouk Lezer', org: B, role: 'lezer' },
  lidB: { email: 'arend.lid@amsterdam.test', name: `Arend ${M['adoptie.naam']}`, org: B, role: 'lid' },
  stuurB: { email: 'aziz.stuur@amsterdam.test', name: 'Aziz Stuur', org: B, role: 'stuurgroep' },
  beheerB: { email: 'astrid.beheer@amsterdam.test', name: 'Astrid Beheer', org: B, role: 'beheerder' },
  lezerC: { email: 'gerrit.lezer@groningen.test', name: 'Gerrit Lezer', org: C, role: 'lezer' },
  landelijk: { email: 'lotte.landelijk@koers.test', name: 'Lotte Landelijk', landelijk: true },
};

// The viewers, in walk order: the privileged first, so that an answer cached
// for a wider view would be served to a narrower one and show up.
const ACTORS = ['landelijk', 'teamA', 'beheerA', 'stuurA', 'lidA', 'lezerA', 'beheerB', 'stuurB', 'lidB', 'lezerB', 'lezerC', 'anoniem'];
const OUTSIDERS = ['beheerB', 'stuurB', 'lidB', 'lezerB', 'lezerC', 'anoniem']; // no role in A
const A_OFF_TEAM = ['beheerA', 'stuurA', 'lidA', 'lezerA'];
const actorInfo = (key) => ({
  key,
  landelijk: Boolean(USERS[key]?.landelijk),
  orgs: key === 'anoniem' ? [] : USERS[key].org ? [USERS[key].org] : [],
});

// Forbidden markers of an actor.
const forbiddenMarkers = (who) =>
  Object.entries(MARKERS).filter(([, m]) => !AUDIENCE[m.audience](actorInfo(who))).map(([k, m]) => ({ what: `marker ${k}`, needle: m.word }));

// An actor may see its own address and those of users sharing an
// organisation with it; the landelijk beheerder all; anonymous none.
const forbiddenAddresses = (who) => {
  const me = actorInfo(who);
  if (me.landelijk) return [];
  return Object.entries(USERS)
    .filter(([key, u]) => key !== who && !(u.org && me.orgs.includes(u.org)))
    .map(([key, u]) => ({ what: `address of ${key}`, needle: u.email }));
};

const GEM =
  'Zo goed mogelijk de inwoner begrijpen en hem aan het juiste antwoord helpen. Dat kan soms een inhoudelijk of ' +
  'procedureel antwoord zijn, soms een doorverwijzing of een overdracht naar een (livechat-)medewerker. De virtuele ' +
  'assistent wordt alleen ingezet om meer hulp te kunnen bieden door landelijk vastgestelde antwoorden te geven op ' +
  'burger- en ondernemersvragen of doorverwijzing naar een medewerker.';

// A marker with one letter changed, to provoke a spelling correction.
const misspell = (word) => {
  const i = Math.floor(word.length * 0.6);
  return word.slice(0, i) + (word[i] === 'e' ? 'a' : 'e') + word.slice(i + 1);
};
const WORD_MARKERS = Object.values(MARKERS).map((m) => m.word).filter((w) => /^[a-z]+$/.test(w));
// Ordinary words the private texts share with the public one: their search
// statistics must not move for who cannot read the private texts.
const COMMON_QUERIES = ['vulgraadsensoren', 'afvalcontainers binnenstad', 'vulgraadsensorn', 'virtuele assistent gem', 'leverancier risico dpia'];
// A private word glued to a public one: split only if the private word were
// in the compound-splitting lexicon, which would then find public results.
const COMPOUND_QUERIES = ['org.titel', 'org.tag', 'team.titel', 'team.techniek'].map((k) => `${M[k]}afvalcontainers`);

// Path parameters that no object has.
const UNKNOWN = { number: '99999999', cluster: 'c99999999', code: 'GM9999' };

// Keys removed before comparing snapshots: they change with time, not with data.
const VOLATILE = new Set(['op', 'aangemaaktOp', 'gewijzigdOp', 'laatstIngelogdOp', 'laatstGebruiktOp', 'ingetrokkenOp', 'verzoekId', 'csrfToken']);
const TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

let koers;
const sessions = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: sessions[who], ...options });

function expectStatus(r, status, what) {
  assert.equal(r.status, status, `${what}: ${r.status} ${r.text.slice(0, 400)}`);
  return r.body;
}

// The entries of a zip file (xlsx) as { name, text }, with node's zlib only.
function unzip(buf) {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new Error('not a zip file');
  const entries = [];
  let p = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('broken zip directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    entries.push({ name, text: (method === 0 ? raw : inflateRawSync(raw)).toString('utf8') });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

// One GET as `who`: { status, type, text, json, headers }. xlsx is unpacked.
async function get(who, path) {
  const headers = sessions[who] ? { cookie: sessions[who].cookie } : {};
  const res = await fetch(`${koers.url}/api/v1${path}`, { headers });
  const buf = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  let text;
  let json;
  if (/spreadsheetml|zip/.test(type)) {
    try {
      text = unzip(buf).map((e) => `--- ${e.name}\n${e.text}`).join('\n');
    } catch (e) {
      text = `(unreadable xlsx: ${e.message})`;
    }
  } else {
    text = buf.toString('utf8');
    if (/json/.test(type)) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
  }
  const headerText = [...res.headers].filter(([k]) => k !== 'date').map(([k, v]) => `${k}: ${v}`).join('\n');
  return { status: res.status, type, text, json, headers: headerText };
}

async function pool(items, width, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  }));
}

function mapJson(value, fn) {
  if (Array.isArray(value)) return value.map((v) => mapJson(v, fn));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = fn(k, v);
      if (kept !== undefined) out[k] = mapJson(kept, fn);
    }
    return out;
  }
  return value;
}

// What is scanned: the body without what merely echoes the request (the
// `_links` and the problem's `instance` repeat the query string; a compound
// query word that contains a marker comes back in `correcties`), and the
// headers.
function scannable(route, answer) {
  let body = answer.text;
  if (answer.json !== undefined) {
    body = JSON.stringify(mapJson({ root: answer.json }, (k, v) => (k === '_links' || k === 'instance' ? undefined : v)).root);
  }
  let text = `${body}\n${answer.headers}`.toLowerCase();
  for (const [, value] of new URLSearchParams(route.query)) {
    for (const word of value.toLowerCase().split(/\s+/)) if (COMPOUND_QUERIES.includes(word)) text = text.replaceAll(word, '(echo)');
  }
  return text;
}

// Innovation ids an answer points at: links and innovatieId fields.
function pointsAt(answer) {
  const out = new Set();
  if (answer.json === undefined) return out;
  mapJson({ root: answer.json }, (k, v) => {
    if (k === 'href' && typeof v === 'string') for (const m of v.matchAll(/\/innovaties\/(\d+)(?=[/?#]|$)/g)) out.add(m[1]);
    if (k === 'innovatieId' && v !== null) out.add(String(v));
    return v;
  });
  return out;
}

// What is compared between phases: status, the body without volatile
// fields, and the headers that describe the body (version, file name).
function comparable(answer) {
  let body = answer.text;
  if (answer.json !== undefined) body = JSON.stringify(mapJson({ root: answer.json }, (k, v) => (VOLATILE.has(k) ? undefined : v)).root);
  const headers = answer.headers.split('\n').filter((h) => /^(etag|content-disposition|content-type|location):/.test(h)).join(' ');
  return `${answer.status} ${headers} ${body.replace(TIMESTAMP, '(tijd)')}`;
}

function around(text, needle, width = 90) {
  const i = text.indexOf(needle);
  return text.slice(Math.max(0, i - width), i + needle.length + width).replace(/\s+/g, ' ');
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 60);
  return `before: …${a.slice(from, i + 100)}…\n      after:  …${b.slice(from, i + 100)}…`;
}

// ---------------------------------------------------------------------------
// The routes: every GET of the OpenAPI document, parameters from the fixture
// ---------------------------------------------------------------------------

// Ids known so far; each { value, label, canSee(actorKey) | null, unknown }.
// canSee null: not an object with a reader rule (organisations, clusters).
const ids = {
  innovatie: [], beoordeling: [], onzekerheid: [], hergebruik: [], indicator: [], adoptie: [],
  gebruiker: [], rol: [], token: [], cluster: [], code: [], les: [], terugblik: [], uitnodiging: [], missie: [],
};
const open = () => true;
const byAudience = (audience) => (who) => AUDIENCE[audience](actorInfo(who));
function addId(kind, value, label, canSee = open) {
  ids[kind].push({ value: String(value), label, canSee });
}
const unknownId = (kind) => ({
  value: kind === 'cluster' ? UNKNOWN.cluster : kind === 'code' ? UNKNOWN.code : UNKNOWN.number,
  label: 'unknown',
  canSee: () => false,
  unknown: true,
});

// Which ids fill a path parameter. Returns undefined for a parameter this
// test does not know: the route table test fails then.
function idsFor(template, name) {
  const resource = template.split('/')[1];
  const kind = {
    code: 'code',
    beoordelingId: 'beoordeling',
    onzekerheidId: 'onzekerheid',
    hergebruikId: 'hergebruik',
    indicatorId: 'indicator',
    lesId: 'les',
    terugblikId: 'terugblik',
    uitnodigingId: 'uitnodiging',
    missieId: 'missie',
    innovatieId: 'innovatie',
    adoptieId: 'adoptie',
    clusterId: 'cluster',
    rolId: 'rol',
    id: { innovaties: 'innovatie', gebruikers: 'gebruiker', tokens: 'token' }[resource],
  }[name];
  if (!kind) return undefined;
  return [...ids[kind], unknownId(kind)];
}

const AUDIT_RESOURCES = [
  'innovatie', 'beoordeling', 'onzekerheid', 'businesscase', 'pitch', 'diagnose', 'hergebruik', 'indicator',
  'metingen', 'adoptie', 'klimaatmeting', 'volwassenheid', 'token', 'gebruiker', 'rol', 'les', 'terugblik', 'terugblikritme',
  'uitnodiging', 'commentaar', 'missie', 'missiebijdrage',
];

// Query strings per path template, beyond the bare call: what makes the
// route show the data. `formaat` values come from the document itself.
function extraQueries(template) {
  const innovations = ids.innovatie.map((x) => x.value);
  const big = 'paginaGrootte=100';
  switch (template) {
    case '/innovaties/_zoek': {
      const qs = [];
      for (const w of COMPOUND_QUERIES) qs.push(`q=${w}&${big}`);
      for (const w of [...WORD_MARKERS, ...COMMON_QUERIES]) qs.push(`q=${encodeURIComponent(w)}&${big}`, `q=${encodeURIComponent(misspell(w))}&${big}`);
      for (const w of WORD_MARKERS.filter((x) => /techniek|tag|databron/.test(x))) qs.push(`techniek=${w}&${big}`, `q=afval&techniek=${w}`);
      qs.push(`q=afvalcontainers&organisatie=${A}&${big}`, `organisatie=${A}&${big}`, `q=gemeente&${big}`);
      // Record by record as well as grouped by product.
      qs.push(...qs.filter((x) => x.startsWith('q=')).map((x) => `${x}&groeperen=geen`));
      return qs;
    }
    case '/lessen':
    case '/lessen/_export':
      return [...WORD_MARKERS, ...COMMON_QUERIES].map((w) => `q=${encodeURIComponent(w)}`).concat([`organisatie=${A}`, `organisatie=${B}`, 'vorm=logboek']);
    case '/innovaties':
      return [
        `${big}&sorteer=-id`, `organisatie=${A}&${big}&sorteer=-id`, `organisatie=${B}&${big}&sorteer=-id`,
        `zichtbaarheid=organisatie&${big}`, `zichtbaarheid=team&${big}`, `register=-&${big}&sorteer=-gewijzigdOp`,
      ];
    case '/innovaties/_export':
      return ['', `organisatie=${A}`, `organisatie=${B}`, 'register=-', 'zichtbaarheid=team'];
    case '/innovaties/_algoritmeregister':
      return [`organisatie=${A}`, `organisatie=${B}`, 'register=-', 'zichtbaarheid=team'];
    case '/innovaties/{id}/vergelijkbaar':
      return ['aantal=20'];
    case '/audit':
      return [
        big,
        ...AUDIT_RESOURCES.map((r) => `resource=${r}&${big}`),
        ...innovations.map((id) => `resource=innovatie&resourceId=${id}`),
        ...ids.beoordeling.map((x) => `resource=beoordeling&resourceId=${x.value}`),
        ...ids.indicator.map((x) => `resource=indicator&resourceId=${x.value}`),
        ...ids.adoptie.map((x) => `resource=adoptie&resourceId=${x.value}`),
        ...ids.gebruiker.map((x) => `resource=gebruiker&resourceId=${x.value}`),
      ];
    case '/adopties':
      return [big, `organisatie=${A}&${big}`, `organisatie=${B}&${big}`, ...innovations.flatMap((id) => [`bron=${id}`, `innovatie=${id}`])];
    case '/clusters':
      return [big, `organisatie=${A}&${big}`, `organisatie=${B}&${big}`, 'zoek=gem', `zoek=${M['org.titel']}`, ...innovations.map((id) => `innovatie=${id}`)];
    case '/gebruikers':
      return [big, 'zoek=utrecht.test', 'zoek=amsterdam.test', 'zoek=koers.test', `zoek=${M['team.naam']}`, `zoek=${M['org.stuurNaam']}`];
    case '/organisaties':
      return ['naam=Utrecht', 'naam=Amsterdam', `soort=gemeente&${big}`];
    case '/portfolio/succesfactoren':
      return [`organisatie=${A}`, `organisatie=${B}`, `organisatie=${C}`];
    default:
      return [];
  }
}

// The route list: [{ key, template, query, values: { param: id } }].
function buildRoutes(doc) {
  const routes = [];
  const unknownParams = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    if (!ops.get) continue;
    const params = [...(ops.parameters ?? []), ...(ops.get.parameters ?? [])]
      .map((p) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p));
    const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
    for (const name of template.match(/\{([^}]+)\}/g)?.map((x) => x.slice(1, -1)) ?? []) {
      if (!pathParams.includes(name)) pathParams.push(name);
    }
    // Cartesian product of the ids of every path parameter.
    let combos = [{}];
    for (const name of pathParams) {
      const values = idsFor(template, name);
      if (!values) {
        unknownParams.push(`GET ${template}: {${name}}`);
        combos = [];
        break;
      }
      combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
    }
    const formaat = params.find((p) => p.in === 'query' && p.name === 'formaat')?.schema?.enum;
    let queries = ['', ...extraQueries(template)];
    if (formaat) queries = queries.flatMap((q) => formaat.map((f) => (q ? `${q}&formaat=${f}` : `formaat=${f}`)));
    for (const values of combos) {
      const path = template.replace(/\{([^}]+)\}/g, (_, n) => encodeURIComponent(values[n].value));
      for (const query of new Set(queries)) routes.push({ key: query ? `${path}?${query}` : path, template, query, values });
    }
  }
  return { routes, unknownParams };
}

// ---------------------------------------------------------------------------
// Walking and judging
// ---------------------------------------------------------------------------

// walks[phase][actor]: Map route key -> answer.
const walks = { 1: {}, 2: {}, 3: {}, 4: {} };
const LAST = 4;
const routeByKey = new Map();

async function walkAll(phase, actors, routes) {
  for (const r of routes) routeByKey.set(r.key, r);
  for (const who of actors) {
    const answers = new Map();
    await pool(routes, 4, async (route) => {
      try {
        answers.set(route.key, await get(who, route.key));
      } catch (e) {
        throw new Error(`GET ${route.key} as ${who} in phase ${phase}: ${e.message} (${e.cause?.message ?? 'no cause'})`, { cause: e });
      }
    });
    walks[phase][who] = answers;
  }
}

// Every forbidden marker, address and 5xx in the walks of `who`.
function findLeaks(who) {
  const needles = [...forbiddenMarkers(who), ...forbiddenAddresses(who)].map((n) => ({ ...n, needle: n.needle.toLowerCase() }));
  const hidden = new Map(ids.innovatie.filter((x) => !x.canSee(who)).map((x) => [x.value, x.label]));
  const found = new Map(); // what+route -> description
  for (const phase of [1, 2, 3, 4]) {
    for (const [key, answer] of walks[phase][who] ?? []) {
      if (answer.status >= 500) found.set(`5xx ${key}`, `${answer.status} on GET ${key}: ${answer.text.slice(0, 200)}`);
      const own = Object.values(routeByKey.get(key).values).map((v) => v.value);
      for (const id of pointsAt(answer)) {
        if (hidden.has(id) && !own.includes(id)) found.set(`link ${id} ${key}`, `points at the ${hidden.get(id)} (${id}) in GET ${key} [phase ${phase}]`);
      }
      const text = scannable(routeByKey.get(key), answer);
      for (const n of needles) {
        if (text.includes(n.needle)) {
          const id = `${n.what} ${key}`;
          if (!found.has(id)) found.set(id, `${n.what} (${n.needle}) in GET ${key} [phase ${phase}]: …${around(text, n.needle)}…`);
        }
      }
    }
  }
  return [...found.values()];
}

function report(lines, max = 60) {
  return lines.length <= max ? lines.join('\n') : `${lines.slice(0, max).join('\n')}\n… and ${lines.length - max} more`;
}

// Routes whose answer for `who` differs between two phases.
function changes(who, before, afterPhase, skip = () => false) {
  const out = [];
  const later = walks[afterPhase][who];
  for (const [key, answer] of walks[before][who]) {
    if (skip(key)) continue;
    const a = comparable(answer);
    const b = comparable(later.get(key));
    if (a !== b) out.push(`GET ${key}\n      ${firstDifference(a, b)}`);
  }
  return out;
}

// Routes naming an object `who` may not read must answer as for an unknown
// id: same status, same problem title and detail.
function unknownVersusForbidden(who) {
  const out = [];
  const answers = walks[LAST][who];
  for (const [key, answer] of answers) {
    const route = routeByKey.get(key);
    const hidden = Object.entries(route.values).filter(([, v]) => !v.unknown && v.canSee && !v.canSee(who));
    if (!hidden.length) continue;
    let twinKey = key;
    for (const [name, v] of hidden) {
      const twinValue = idsFor(route.template, name).find((x) => x.unknown).value;
      twinKey = twinKey.replace(new RegExp(`/${v.value}(?=/|\\?|$)`), `/${twinValue}`);
    }
    const twin = answers.get(twinKey);
    if (!twin) continue;
    const strip = (r, values) => {
      let detail = `${r.json?.title ?? ''} | ${r.json?.detail ?? (r.json ? '' : r.text.slice(0, 200))}`;
      for (const v of values) detail = detail.replaceAll(v, '(id)');
      return `${r.status} ${detail}`;
    };
    const got = strip(answer, hidden.map(([, v]) => v.value));
    const want = strip(twin, [UNKNOWN.number, UNKNOWN.cluster]);
    if (got !== want) {
      const labels = hidden.map(([n, v]) => `${n}=${v.label}`).join(', ');
      out.push(`GET ${key} (${labels}): ${got.slice(0, 200)}\n      unknown GET ${twinKey}: ${want.slice(0, 200)}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The fixture, created through the API as real users would
// ---------------------------------------------------------------------------

const fixture = {};
const PILLARS = (note) => ({
  publiekeWaarde: { score: 4, onderbouwing: `minder overvolle containers ${note}` },
  gebruikswaarde: { score: 3, onderbouwing: 'de chauffeurs gebruiken de planning' },
  technischeAanpak: { score: 4, onderbouwing: 'de sensoren zijn stabiel' },
  kosten: { score: 3, onderbouwing: 'binnen budget' },
});

// Everything an innovation can carry, each with the markers of `p`
// ('org' or 'team'); `who` edits, `decider` takes the gate decision.
async function fillInnovation(p, id, who, decider, audience) {
  const see = byAudience(audience);
  const draft = expectStatus(await api(who, 'POST', `/innovaties/${id}/beoordelingen`, {
    json: { pijlers: PILLARS(M[`${p}.concept`]), schaduwkanten: { integriteit: { score: 2, toelichting: M[`${p}.concept`] } } },
  }), 201, `${p}: draft review`);
  addId('beoordeling', draft.id, `${p} draft review`, see);

  const review = expectStatus(await api(who, 'POST', `/innovaties/${id}/beoordelingen`, { json: { pijlers: PILLARS(M[`${p}.pijler`]) } }), 201, `${p}: review`);
  expectStatus(await api(decider, 'POST', `/innovaties/${id}/beoordelingen/${review.id}/_vaststellen`, {
    json: { besluit: 'go', motivering: `de proef levert op ${M[`${p}.besluit`]}`, budget: 25000, doorlooptijdMaanden: 6, volgendeBeoordeling: '2027-03-01' },
  }), 200, `${p}: recording the review`);
  addId('beoordeling', review.id, `${p} recorded review`, see);

  const risk = expectStatus(await api(who, 'POST', `/innovaties/${id}/onzekerheden`, {
    json: { soort: 'risico', titel: `Leverancier haakt af ${M[`${p}.risico`]}`, omschrijving: `DPIA nog niet rond ${M[`${p}.risico`]}`, eigenaar: 'inkoop', volgorde: 1 },
  }), 201, `${p}: risk`);
  addId('onzekerheid', risk.id, `${p} risk`, see);

  expectStatus(await api(who, 'PUT', `/innovaties/${id}/businesscase`, {
    json: {
      kosten: [{ fase: 'idee', extern: 1000, interneUren: 10 }],
      baten: [{ omschrijving: `minder ritten ${M[`${p}.baten`]}`, bedragPerJaar: Number(M[`${p}.batenBedrag`]), aanname: 'tien procent minder ritten' }],
      stoplijst: [{ wat: `handmatige routeplanning ${M[`${p}.stoplijst`]}`, vrijgekomen: '4 uur per week', besparingPerJaar: 800 }],
      uurtarief: 80,
    },
  }), 200, `${p}: business case`);

  expectStatus(await api(who, 'POST', `/innovaties/${id}/pitch`, {
    json: { behoeften: `schonere straten ${M[`${p}.pitch`]}`, aanpak: 'sprints met de chauffeurs' },
  }), 201, `${p}: pitch`);

  expectStatus(await api(who, 'POST', `/innovaties/${id}/diagnoses`, {
    json: { datum: '2026-05-01', factoren: { kortcyclisch_werken: { score: 2, notitie: `nog geen prototype ${M[`${p}.diagnose`]}` }, netwerk_en_keten: { score: 5 } } },
  }), 201, `${p}: diagnosis`);

  const indicator = expectStatus(await api(who, 'POST', `/innovaties/${id}/indicatoren`, {
    json: { naam: `Bereik ${M[`${p}.indicator`]}`, soort: 'outcome', eenheid: 'aantal', richting: 'hoger', bron: `telling ${M[`${p}.indicator`]}` },
  }), 201, `${p}: indicator`);
  addId('indicator', indicator.id, `${p} indicator`, see);
  const value = p === 'org' ? '246813,579' : '135792,468';
  expectStatus(await api(who, 'POST', `/indicatoren/${indicator.id}/metingen/_import`, {
    body: `periode;waarde;aantal\n2025;${value};500\n`,
    headers: { 'content-type': 'text/csv' },
  }), 200, `${p}: measurements`);

  const asset = expectStatus(await api(who, 'POST', `/innovaties/${id}/hergebruik`, {
    json: { soort: 'dpia', titel: `DPIA ${M[`${p}.hergebruik`]}`, url: 'https://docs.example.nl/dpia.pdf', licentie: 'CC-BY-4.0', toelichting: M[`${p}.hergebruik`] },
  }), 201, `${p}: reuse asset`);
  addId('hergebruik', asset.id, `${p} reuse asset`, see);

  // A lesson and a logbook note as private as the innovation, an After
  // Action Review with an action, and a cadence.
  const zichtbaarheid = p === 'org' ? 'organisatie' : 'team';
  const les = expectStatus(await api(who, 'POST', `/innovaties/${id}/lessen`, {
    json: {
      tekst: `De koppeling met de vulgraadsensoren kostte maanden ${M[`${p}.les`]}`, cluster: 'data_en_technologie', hoe: 'tijdens_werk',
      fase: 'idee', soort: 'anders_doen', succesfactoren: ['netwerk_en_keten'], tags: [M[`${p}.les`], 'afval'], zichtbaarheid,
    },
  }), 201, `${p}: lesson`);
  addId('les', les.id, `${p} lesson`, see);
  const note = expectStatus(await api(who, 'POST', `/innovaties/${id}/lessen`, {
    json: { vorm: 'logboek', tekst: `Afvalcontainers in de binnenstad vaker legen ${M[`${p}.logboek`]}`, zichtbaarheid },
  }), 201, `${p}: logbook note`);
  addId('les', note.id, `${p} logbook note`, see);
  const aar = expectStatus(await api(who, 'POST', `/innovaties/${id}/terugblikken`, {
    json: {
      datum: '2026-04-01', status: 'gehouden', gepland: `drie wijken met sensoren ${M[`${p}.terugblik`]}`, gebeurd: 'een wijk',
      verschil: 'de sensoren kwamen laat', vervolg: 'tweede wijk', deelnemers: [`Olga ${M[`${p}.terugblik`]}`],
      acties: [{ omschrijving: `afspraak met de leverancier ${M[`${p}.actie`]}`, eigenaar: `Olga ${M[`${p}.actie`]}`, deadline: '2026-05-01', status: 'open' }],
    },
  }), 201, `${p}: After Action Review`);
  addId('terugblik', aar.id, `${p} After Action Review`, see);
  expectStatus(await api(who, 'PUT', `/innovaties/${id}/terugblikritme`, { json: { elkeWeken: 2, bijElkePoort: true } }), 200, `${p}: cadence`);
}

// An innovation of A whose every text field carries a marker of `p`.
// Its summary is the text of the register's virtual assistant Gem, so that
// it joins the Gem adoption cluster; its problem statement shares words with
// the public innovation, so that it is similar to it and moves search
// statistics if those were computed over private text.
const privateInnovation = (p, zichtbaarheid, member) => ({
  titel: `Virtuele gemeente assistent Gem ${M[`${p}.titel`]}`,
  samenvatting: `${GEM} ${M[`${p}.samenvatting`]}`,
  opgave: `Vulgraadsensoren in afvalcontainers in de binnenstad melden te laat dat een container vol is ${M[`${p}.opgave`]}`,
  doel: `Minder overvolle afvalcontainers en minder ritten in de binnenstad ${M[`${p}.doel`]}`,
  organisatie: A,
  fase: 'idee',
  status: 'actief',
  zichtbaarheid,
  domein: 'fysiek',
  analyseNiveau: 'voorspellend',
  tags: [M[`${p}.tag`], 'afval'],
  technieken: [M[`${p}.techniek`]],
  databronnen: [M[`${p}.databron`]],
  team: [
    { naam: `Olga ${M[`${p}.teamlid`]}`, rol: 'projectleider', archetypen: ['regisseur'], gebruiker: USERS[member].email },
    { naam: 'Data-analist', rol: 'data_analist' },
  ],
  publicatie: { menselijkeTussenkomst: `Een medewerker beoordeelt elke melding ${M[`${p}.publicatie`]}`, themas: ['Afval'] },
});

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

let doc;
let started;
before(async () => {
  started = Date.now();
  koers = await startKoers({ register: true, users: Object.values(USERS), extraArgs: ['--rate-limits=false'] });
  for (const who of ACTORS) if (who !== 'anoniem') sessions[who] = await login(koers.url, USERS[who].email);
  doc = expectStatus(await api(undefined, 'GET', '/openapi.json'), 200, 'the OpenAPI document');
  for (const code of [A, B, C]) addId('code', code, code, null);
  for (const who of Object.keys(USERS)) {
    const u = sessions[who].user;
    const manages = (viewer) =>
      viewer === who || actorInfo(viewer).landelijk ||
      (USERS[viewer]?.role === 'beheerder' && USERS[viewer].org === USERS[who].org);
    addId('gebruiker', u.id, who, manages);
    for (const r of u.rollen ?? []) addId('rol', r.id, `${who} ${r.rol}`, manages);
  }
});
after(async () => {
  await koers?.stop();
  if (started) console.log(`lekken.test.mjs ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe('the walk covers every GET route', () => {
  test('markers, misspellings and addresses are distinct: none contains another', () => {
    const words = [...Object.values(MARKERS).map((m) => m.word), ...Object.values(USERS).map((u) => u.email)];
    for (const a of words) for (const b of words) if (a !== b) assert.ok(!b.includes(a), `${a} is part of ${b}`);
    for (const w of WORD_MARKERS) for (const b of words) assert.ok(!misspell(w).includes(b), `${misspell(w)} contains ${b}`);
  });

  test('every path parameter of every GET route is known to this test', () => {
    const { routes, unknownParams } = buildRoutes(doc);
    assert.deepEqual(unknownParams, [], 'the leak test must be taught these path parameters (add them to idsFor)');
    const templates = new Set(routes.map((r) => r.template));
    const documented = Object.entries(doc.paths).filter(([, ops]) => ops.get).map(([p]) => p);
    assert.deepEqual([...templates].sort(), documented.sort(), 'every GET path is walked');
    assert.ok(documented.length >= 40, `${documented.length} GET paths`);
  });
});

describe('phase 1: the public baseline', () => {
  test('A publishes an innovation with a small-count indicator; B adopts it with a note and a copy', async () => {
    // teamA becomes stuurgroep of A too, to take the team innovation's decisions.
    expectStatus(await api('beheerA', 'POST', `/gebruikers/${sessions.teamA.user.id}/rollen`, { json: { organisatie: A, rol: 'stuurgroep' } }), 201, 'granting teamA stuurgroep');
    sessions.teamA = await login(koers.url, USERS.teamA.email);

    const pub = expectStatus(await api('lidA', 'POST', '/innovaties', {
      json: {
        titel: 'Slimme afvalcontainers in de binnenstad',
        samenvatting: 'Vulgraadsensoren in afvalcontainers melden wanneer een container vol is, zodat de vuilniswagen alleen rijdt waar het nodig is.',
        doel: 'Minder overvolle afvalcontainers en minder ritten in de binnenstad.',
        organisatie: A, fase: 'ontwikkeling', status: 'actief', zichtbaarheid: 'openbaar', domein: 'fysiek',
        waardecreatie: 'gemiddeld', tags: ['afval'], technieken: ['sensoren'], databronnen: ['vulgraadmetingen'],
        team: [{ naam: 'Ulrich Lid', rol: 'projectleider', archetypen: ['regisseur'], gebruiker: USERS.lidA.email }],
      },
    }), 201, 'public innovation');
    fixture.pub = pub.id;
    fixture.secret = 987654.321;
    addId('innovatie', pub.id, 'public innovation');

    const small = expectStatus(await api('lidA', 'POST', `/innovaties/${pub.id}/indicatoren`, {
      json: { naam: 'Meldingen volle container', soort: 'output', eenheid: 'aantal', richting: 'lager', gebiedsniveau: 'GM', gebiedJaar: 2024, drempel: 10, optelbaar: true },
    }), 201, 'public indicator');
    fixture.small = small.id;
    addId('indicator', small.id, 'public indicator with a small count');
    expectStatus(await api('lidA', 'POST', `/indicatoren/${small.id}/metingen/_import`, {
      // The other cells are 0: a total over the small cell equals its value.
      body: 'periode;gebied;waarde;aantal\n2024;GM0344;987654,321;3\n2024;GM0363;0;60\n2025;GM0344;0;60\n2025;GM0363;5;80\n',
      headers: { 'content-type': 'text/csv' },
    }), 200, 'measurements with a small count');
    const asset = expectStatus(await api('lidA', 'POST', `/innovaties/${pub.id}/hergebruik`, {
      json: { soort: 'broncode', titel: 'Routeplanner', url: 'https://code.example.nl/afvalroutes', licentie: 'EUPL-1.2' },
    }), 201, 'public reuse asset');
    addId('hergebruik', asset.id, 'public reuse asset');

    const mission = expectStatus(await api('lidA', 'POST', '/missies', {
      json: {
        titel: 'Schone binnenstad', opgave: 'Minder zwerfafval en minder ritten in de binnenstad.', status: 'gepubliceerd',
        doel: { waarde: 50, eenheid: '% minder ritten', datum: '2030-12-31' }, partners: [{ naam: 'Afvalbedrijf', rol: 'markt' }],
      },
    }), 201, 'public mission');
    fixture.mission = mission.id;
    addId('missie', mission.id, 'public mission');
    expectStatus(await api('lidA', 'POST', `/missies/${mission.id}/bijdragen`, { json: { innovatieId: pub.id } }), 201, 'public contribution');

    const adoption = expectStatus(await api('lidB', 'POST', '/adopties', {
      json: { bron: pub.id, organisatie: B, status: 'in_uitvoering', datum: '2026-10-01', notitie: `aanbesteding loopt ${M['adoptie.notitie']}`, maakInnovatie: true },
    }), 201, 'adoption by B');
    addId('adoptie', adoption.id, 'adoption by B');
    assert.ok(adoption.innovatie?.id, 'the adoption made a copy');
    fixture.copy = adoption.innovatie.id;
    addId('innovatie', fixture.copy, "B's copy", byAudience('orgB'));
    expectStatus(await api('lidB', 'PATCH', `/innovaties/${fixture.copy}`, {
      json: { opgave: `Onze eigen uitrol ${M['kopie.b']}` }, // the summary stays the source's: one cluster
    }), 200, "marking B's copy");
    const copied = expectStatus(await api('lidB', 'GET', `/innovaties/${fixture.copy}/indicatoren`), 200, "copy's indicators");
    for (const i of copied._embedded.indicatoren) addId('indicator', i.id, "B's copied indicator", byAudience('orgB'));

    // A public register record of A that the private texts resemble.
    const gem = expectStatus(await api('landelijk', 'GET', '/clusters?zoek=virtuele%20gemeente%20assistent&paginaGrootte=5'), 200, 'Gem cluster');
    const cluster = gem._embedded.clusters.find((c) => /Gem$/.test(c.naam));
    assert.ok(cluster, 'the Gem cluster exists');
    const page = expectStatus(await api('landelijk', 'GET', `/clusters/${cluster.id}`), 200, 'Gem cluster page');
    const utrecht = page.leden.find((m) => m.innovatie.organisatie === A) ?? page.leden[0];
    addId('innovatie', utrecht.innovatie.id, 'register record (Gem)');
    fixture.gem = cluster.id;
    addId('cluster', cluster.id, 'Gem cluster', null);
    const ofCopy = expectStatus(await api('landelijk', 'GET', `/clusters?innovatie=${fixture.pub}`), 200, 'cluster of the copy');
    // The public innovation and B's copy: a cluster only for who reads both.
    assert.equal(ofCopy._embedded.clusters.length, 1, 'the public innovation and its copy form a cluster');
    for (const c of ofCopy._embedded.clusters) addId('cluster', c.id, 'cluster of the public innovation and its copy', byAudience('orgB'));
    const first = expectStatus(await api(undefined, 'GET', '/clusters?paginaGrootte=2'), 200, 'clusters');
    for (const c of first._embedded.clusters) addId('cluster', c.id, 'a large public cluster', null);
  });

  test('outsiders walk every route', async () => {
    const { routes } = buildRoutes(doc);
    fixture.routes1 = routes.length;
    await walkAll(1, OUTSIDERS, routes);
  });
});

describe("phase 2: A's organisation-only objects", () => {
  test('A registers an organisation-only innovation with every kind of object, climate, maturity and a token', async () => {
    const org = expectStatus(await api('lidA', 'POST', '/innovaties', { json: privateInnovation('org', 'organisatie', 'lidA') }), 201, 'org innovation');
    fixture.org = org.id;
    addId('innovatie', org.id, 'organisation-only innovation', byAudience('orgA'));
    await fillInnovation('org', org.id, 'lidA', 'stuurA', 'orgA');
    const pubLesson = expectStatus(await api('lidA', 'POST', `/innovaties/${fixture.pub}/lessen`, {
      json: {
        tekst: `Vulgraadsensoren in afvalcontainers: de leverancier rekende extra ${M['pub.les']}`, cluster: 'externe_inhuur', hoe: 'tijdens_werk',
        fase: 'ontwikkeling', soort: 'niet_herhalen', tags: [M['pub.les']], zichtbaarheid: 'team',
      },
    }), 201, 'team-only lesson of the public innovation');
    addId('les', pubLesson.id, 'team-only lesson of the public innovation', byAudience('pubteam'));
    // The organisation-only innovation joins the public mission; a concept mission stays with A.
    expectStatus(await api('lidA', 'POST', `/missies/${fixture.mission}/bijdragen`, { json: { innovatieId: org.id, toelichting: 'interne bijdrage' } }), 201, 'private contribution');
    const concept = expectStatus(await api('lidA', 'POST', '/missies', {
      json: { titel: `Conceptmissie ${M['org.missie']}`, opgave: `Nog geheim ${M['org.missie']}`, doel: { datum: '2031-01-01' }, status: 'concept' },
    }), 201, 'concept mission');
    addId('missie', concept.id, 'concept mission', byAudience('orgA'));

    expectStatus(await api('beheerA', 'POST', `/organisaties/${A}/klimaat`, {
      json: { datum: '2026-09-01', kenmerken: { voortouw_nemen: { score: 2, notitie: `niemand trekt ${M['org.klimaat']}` } }, drempels: { middelen: { score: 4, notitie: 'geen budget' } } },
    }), 201, 'climate measurement');
    expectStatus(await api('stuurA', 'POST', `/organisaties/${A}/volwassenheid`, {
      json: { stadia: ['experimenteren'], onderbouwing: `eerste pilots ${M['org.volwassenheid']}`, datum: '2026-02-01' },
    }), 201, 'maturity');
    const token = expectStatus(await api('lidA', 'POST', '/tokens', { json: { naam: `nachtelijk script ${M['org.token']}` } }), 201, 'token');
    addId('token', token.id, "lidA's token", (who) => who === 'lidA' || who === 'landelijk');
  });

  test('everyone walks every route', async () => {
    const { routes } = buildRoutes(doc);
    await walkAll(2, [...A_OFF_TEAM, ...OUTSIDERS], routes);
  });

  for (const who of OUTSIDERS) {
    test(`${who} sees exactly what it saw before phase 2`, () => {
      const diff = changes(who, 1, 2);
      assert.deepEqual(diff, [], `${diff.length} answers changed for ${who}:\n${report(diff, 15)}`);
    });
  }
});

describe('phase 3: a team-only innovation of A', () => {
  test('the team member registers a team-only innovation with every kind of object', async () => {
    const team = expectStatus(await api('teamA', 'POST', '/innovaties', { json: privateInnovation('team', 'team', 'teamA') }), 201, 'team innovation');
    fixture.team = team.id;
    addId('innovatie', team.id, 'team-only innovation', byAudience('team'));
    await fillInnovation('team', team.id, 'teamA', 'teamA', 'team');
  });

  test('everyone walks every route', async () => {
    const { routes } = buildRoutes(doc);
    fixture.routes3 = routes.length;
    await walkAll(3, ACTORS, routes);
  });

  for (const who of [...A_OFF_TEAM, ...OUTSIDERS]) {
    test(`${who} sees exactly what it saw before phase 3`, () => {
      // A's beheerder reads A's audit trail: entries about the team
      // innovation are listed there with their values masked (by design,
      // docs/access.md); the trail is still scanned for markers below.
      const skip = who === 'beheerA' ? (key) => key.startsWith('/audit') : () => false;
      const diff = changes(who, 2, 3, skip);
      assert.deepEqual(diff, [], `${diff.length} answers changed for ${who}:\n${report(diff, 15)}`);
    });
  }

  test("A's beheerder gets the team innovation's audit entries masked", () => {
    const trail = walks[3].beheerA.get(`/audit?resource=innovatie&resourceId=${fixture.team}`);
    assert.equal(trail.status, 200);
    for (const e of trail.json._embedded.audit) {
      assert.equal(e.afgeschermd, true, JSON.stringify(e));
      assert.deepEqual(e.wijzigingen, {});
    }
  });
});

describe('phase 4: a critical friend of another organisation', () => {
  test("A's team shares one review of a team-only innovation with a colleague of C, who comments", async () => {
    const inn = expectStatus(await api('teamA', 'POST', '/innovaties', {
      json: {
        titel: `Kritische blik op de afvalroutes ${M['vriend.titel']}`, organisatie: A, fase: 'ontwikkeling', status: 'actief', zichtbaarheid: 'team',
        team: [{ naam: 'Ute', rol: 'projectleider', gebruiker: USERS.teamA.email }],
      },
    }), 201, 'friend innovation');
    fixture.friend = inn.id;
    addId('innovatie', inn.id, 'innovation shared with a critical friend', byAudience('vriend'));
    const shared = expectStatus(await api('teamA', 'POST', `/innovaties/${inn.id}/terugblikken`, {
      json: { datum: '2026-10-01', gepland: `twee routes ${M['vriend.terugblik']}`, gebeurd: 'een route' },
    }), 201, 'shared review');
    addId('terugblik', shared.id, 'review shared with the friend', byAudience('vriend'));
    const kept = expectStatus(await api('teamA', 'POST', `/innovaties/${inn.id}/terugblikken`, {
      json: { datum: '2026-11-01', gepland: `de aanbesteding ${M['vriend.geheim']}`, gebeurd: 'uitgesteld' },
    }), 201, 'review kept by the team');
    addId('terugblik', kept.id, 'review kept by the team', byAudience('team'));
    const until = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
    const inv = expectStatus(await api('teamA', 'POST', `/innovaties/${inn.id}/uitnodigingen`, {
      json: { email: USERS.lezerC.email, naam: 'Gerrit', bericht: `Wat vind jij van de routes? ${M['vriend.bericht']}`, geldigTot: until, terugblikId: shared.id },
    }), 201, 'invitation');
    addId('uitnodiging', inv.id, "lezerC's invitation", (who) => who === 'lezerC');
    expectStatus(await api('lezerC', 'POST', `/uitnodigingen/${inv.id}/commentaar`, {
      json: { tekst: `Begin bij de binnenstad ${M['vriend.commentaar']}` },
    }), 201, 'comment');
  });

  test('everyone walks every route', async () => {
    const { routes } = buildRoutes(doc);
    await walkAll(4, ACTORS, routes);
  });

  for (const who of [...A_OFF_TEAM, ...OUTSIDERS]) {
    test(`${who} sees exactly what it saw before phase 4, but for the friend's own invitations`, () => {
      const skip = who === 'beheerA' ? (key) => key.startsWith('/audit')
        : who === 'lezerC' ? (key) => key.startsWith('/uitnodigingen') : () => false;
      const diff = changes(who, 3, 4, skip);
      assert.deepEqual(diff, [], `${diff.length} answers changed for ${who}:\n${report(diff, 15)}`);
    });
  }

  test('the friend reads the shared review through the invitation, and nothing else', () => {
    const answer = walks[4].lezerC.get(`/uitnodigingen/${ids.uitnodiging[0].value}`);
    assert.equal(answer.status, 200, answer.text);
    assert.ok(answer.text.includes(M['vriend.terugblik']));
    assert.ok(!answer.text.includes(M['vriend.geheim']));
    assert.equal(walks[4].lezerC.get(`/innovaties/${fixture.friend}`).status, 404);
  });
});

describe('no answer leaks', () => {
  for (const who of ACTORS) {
    test(`${who}: no forbidden marker, address or server error in any answer`, () => {
      const leaks = findLeaks(who);
      assert.deepEqual(leaks, [], `${leaks.length} leaks for ${who}:\n${report(leaks)}`);
    });
  }
});

describe('unknown and forbidden look alike', () => {
  for (const who of ACTORS.filter((w) => w !== 'landelijk')) {
    test(`${who}: an object it may not read answers as one that does not exist`, () => {
      const diff = unknownVersusForbidden(who);
      assert.deepEqual(diff, [], `${diff.length} answers differ for ${who}:\n${report(diff, 20)}`);
    });
  }
});

describe('the scan can see', () => {
  test('every marker is found by who may read it: the landelijk beheerder, the team member, the token owner', () => {
    const missing = [];
    for (const [key, provers] of Object.entries(PROVERS)) {
      for (const who of provers) {
        const needle = MARKERS[key].word.toLowerCase();
        const seen = [...walks[LAST][who]].some(([k, answer]) => scannable(routeByKey.get(k), answer).includes(needle));
        if (!seen) missing.push(`${who} never sees ${key} (${needle})`);
      }
    }
    assert.deepEqual(missing, [], 'the fixture or the walk is broken');
  });

  test('derived outputs do use the private objects, for who may read them', () => {
    const answer = (who, key) => {
      const a = walks[3][who].get(key);
      assert.ok(a, `walked ${key}`);
      assert.equal(a.status, 200, `${who} GET ${key}: ${a.text.slice(0, 200)}`);
      return a.json;
    };
    const idsIn = (list) => list.map((x) => x.id ?? x.innovatie?.id);
    // Similar innovations, clusters and search see both private innovations
    // for the landelijk beheerder, and only the organisation's for A's lezer:
    // so the unchanged answers of phases 2 and 3 were not unchanged by accident.
    const similar = (who) => idsIn(answer(who, `/innovaties/${fixture.pub}/vergelijkbaar?aantal=20`)._embedded.innovaties);
    // Both are records of one product (the Gem cluster): similar shows one per product.
    assert.ok(similar('landelijk').includes(fixture.org) || similar('landelijk').includes(fixture.team), 'similar: landelijk');
    assert.ok(similar('lezerA').includes(fixture.org) && !similar('lezerA').includes(fixture.team), 'similar: lezerA');
    const members = (who) => idsIn(answer(who, `/clusters/${fixture.gem}`).leden);
    assert.ok(members('landelijk').includes(fixture.org) && members('landelijk').includes(fixture.team), 'Gem cluster: landelijk');
    assert.ok(members('lezerA').includes(fixture.org) && !members('lezerA').includes(fixture.team), 'Gem cluster: lezerA');
    const found = (who) => idsIn(answer(who, '/innovaties/_zoek?q=vulgraadsensoren&paginaGrootte=100&groeperen=geen')._embedded.resultaten);
    assert.ok(found('landelijk').includes(fixture.org) && found('landelijk').includes(fixture.team), 'search: landelijk');
    assert.ok(found('lezerA').includes(fixture.org) && !found('lezerA').includes(fixture.team), 'search: lezerA');
    // Spelling correction is live: a misspelt public word is corrected.
    const corrected = answer('anoniem', '/innovaties/_zoek?q=vulgraadsensorn&paginaGrootte=100');
    assert.ok(corrected.correcties.length > 0, JSON.stringify(corrected.correcties));
  });

  test('the walk was large enough to mean something', () => {
    assert.ok(fixture.routes3 > fixture.routes1, `${fixture.routes1} routes in phase 1, ${fixture.routes3} in phase 3`);
    assert.ok(fixture.routes3 >= 300, `${fixture.routes3} requests per viewer`);
  });
});

// Each of these restates one leak the generic checks above found, narrowly,
// so that a failure says what is wrong.
describe('regressions', () => {
  test('leak 1: the order of the cluster list does not depend on members the viewer cannot see', () => {
    // Between phases 1 and 2 only A's organisation-only innovations joined
    // clusters; an outsider's list must keep its order.
    for (const who of OUTSIDERS) {
      const order = (phase) => walks[phase][who].get('/clusters?paginaGrootte=100').json._embedded.clusters.map((c) => `${c.id}:${c.aantalInnovaties}`);
      assert.deepEqual(order(2), order(1), `${who}: the cluster order moved when a hidden innovation joined the Gem cluster`);
    }
  });

  test('leak 2: no published total of a suppressed small cell equals its value', () => {
    for (const who of OUTSIDERS) {
      const r = walks[3][who].get(`/indicatoren/${fixture.small}/metingen`);
      assert.equal(r.status, 200);
      const small = r.json.metingen.find((m) => m.periode === '2024' && m.gebied === A);
      assert.equal(small.onderdrukt, 'primair', 'the small cell is suppressed');
      const totals = [...(r.json.totalen?.perPeriode ?? []), ...(r.json.totalen?.perGebied ?? [])];
      const giving = totals.filter((t) => !t.onderdrukt && t.waarde === fixture.secret);
      assert.deepEqual(giving, [], `${who}: totals over the small cell and complementary cells of 0 give its value away`);
    }
  });
});
