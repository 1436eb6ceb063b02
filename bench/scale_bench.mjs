// Scale benchmark driver (bench/scale_bench.sh): every GET route of the API
// on a small database (the demo with the imported register, about 1,500
// innovations) and on a large one (the same plus generated innovations and
// measurements), the same binary in the same run. The small one is the
// reference: a route's growth is its large p50 over its small p50, set
// against how much the portfolio grew.
//
//   node bench/scale_bench.mjs --koers BIN --search-bench BIN --measure-bench BIN
//        --data DIR --work DIR [--n 100000] [--rows 1000000] [--warm 30]
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    koers: { type: 'string' },
    'search-bench': { type: 'string' },
    'measure-bench': { type: 'string' },
    data: { type: 'string' },
    work: { type: 'string' },
    n: { type: 'string', default: '100000' },
    rows: { type: 'string', default: '1000000' },
    warm: { type: 'string', default: '30' },
  },
});
const WARM = Number(opt.warm);
const PASSWORD = 'Koers-proef-2026!';
const ADMIN = 'beheer@bench.test';

const run = (bin, args, input) => execFileSync(bin, args, { input, stdio: ['pipe', 'pipe', 'inherit'] }).toString();
const sql = (db, query) => run('sqlite3', [db, query]).trim();

// A database: the demo, the register, one national administrator.
function prepare(db) {
  run(opt.koers, ['demo', '--db', db, '--log-level', 'warn']);
  run(opt.koers, ['import', 'algoritmeregister', join(opt.data, 'algoritmeregister/algoritmes.json'), '--db', db, '--log-level', 'warn']);
  run(opt.koers, ['user', 'add', ADMIN, '--db', db, '--landelijk-beheerder', '--password-stdin', '--log-level', 'warn'], `${PASSWORD}\n`);
}

function grow(db) {
  const t0 = performance.now();
  run(opt['search-bench'], ['generate', '--db', db, '--n', opt.n, '--queries', '50', '--out', join(opt.work, 'gen'), '--data', opt.data]);
  const csv = join(opt.work, 'metingen.csv');
  run(opt['measure-bench'], ['generate', '--out', csv, '--rows', opt.rows, '--data', opt.data]);
  run(opt['measure-bench'], ['import', '--db', db, '--csv', csv, '--data', opt.data]);
  return (performance.now() - t0) / 1000;
}

async function serve(db) {
  const child = spawn(opt.koers, ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0', '--log-level', 'info', '--rate-limits=false'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs = [];
  const port = await new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`koers serve did not start:\n${logs.join('\n')}`)), 300000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      buffer += chunk;
      for (let nl; (nl = buffer.indexOf('\n')) >= 0; buffer = buffer.slice(nl + 1)) {
        const line = buffer.slice(0, nl);
        logs.push(line);
        if (line.includes('"server_gestart"')) {
          clearTimeout(timer);
          resolve(JSON.parse(line).poort);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`koers serve exited with ${code}:\n${logs.join('\n')}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child, logs };
}

const rssKb = (pid, field) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))[1]);

async function session(base) {
  const r = await fetch(`${base}/api/v1/sessie`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, wachtwoord: PASSWORD }),
  });
  if (r.status !== 201) throw new Error(`login: ${r.status} ${await r.text()}`);
  const body = await r.json();
  return { cookie: r.headers.get('set-cookie').split(';')[0], 'x-csrf-token': body.csrfToken };
}

// Objects every route needs, made the same way in both databases.
async function fixtures(base, db, headers) {
  const post = async (path, json) => {
    const r = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(json) });
    const body = await r.json();
    if (r.status !== 201) throw new Error(`POST ${path}: ${r.status} ${JSON.stringify(body)}`);
    return body;
  };
  const innovatie = Number(sql(db, 'SELECT innovatie_id FROM indicator ORDER BY id LIMIT 1'));
  const org = sql(db, `SELECT o.code FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id WHERE i.id = ${innovatie}`);
  const indicator = Number(sql(db, 'SELECT max(id) FROM indicator'));
  const beoordeling = (await post(`/innovaties/${innovatie}/beoordelingen`, {})).id;
  const adoptie = (await post('/adopties', { bron: innovatie, organisatie: 'GM0014', status: 'buitenkring' })).id;
  const token = (await post('/tokens', { naam: 'bench' })).id;
  const gebruiker = Number(sql(db, `SELECT id FROM gebruiker WHERE email = '${ADMIN}'`));
  const rol = (await post(`/gebruikers/${gebruiker}/rollen`, { organisatie: 'GM0014', rol: 'lezer' })).id;
  const missie = (await post('/missies', {
    titel: 'Elke wijk klimaatbestendig', opgave: 'Hitte en wateroverlast terugdringen.', status: 'gepubliceerd',
    doel: { waarde: 100, eenheid: '% van de wijken', datum: '2030-12-31' }, eigenaren: [org],
  })).id;
  await post(`/missies/${missie}/bijdragen`, { innovatieId: innovatie });
  // The first cluster page after the start (a database without stored links
  // compares everything once, begun beside the start).
  const t0 = performance.now();
  const list = await (await fetch(`${base}/api/v1/clusters?paginaGrootte=1`, { headers })).json();
  const firstClusters = performance.now() - t0;
  const cluster = list._embedded.clusters[0]?.id ?? 'c1';
  return { innovatie, org, indicator, beoordeling, adoptie, token, gebruiker, rol, missie, cluster, firstClusters };
}

function routes(f) {
  const i = `/innovaties/${f.innovatie}`;
  const o = `/organisaties/${f.org}`;
  return [
    '/openapi.json', '/waardelijsten', '/statistieken', '/kennis', '/portfolio/succesfactoren',
    '/organisaties', o, '/innovaties', '/innovaties?sorteer=titel&pagina=40', '/innovaties?fase=implementatie&sorteer=-gewijzigdOp&pagina=5',
    '/innovaties/_zoek?q=overlast%20van%20honden', '/innovaties/_zoek?q=chatbot&fase=implementatie',
    i, `${i}/vergelijkbaar`, `${i}/sturing`, `${i}/beoordelingen`, `${i}/beoordelingen/${f.beoordeling}`,
    `${i}/onzekerheden`, `${i}/businesscase`, `${i}/diagnoses`, `${i}/teamcheck`, `${i}/advies`, `${i}/hergebruik`,
    `${i}/indicatoren`, `${i}/pitch`, `/indicatoren/${f.indicator}`, `/indicatoren/${f.indicator}/metingen`,
    `/indicatoren/${f.indicator}/metingen?pagina=100&paginaGrootte=100`, `/indicatoren/${f.indicator}/metingen/_export?formaat=csv-nl`,
    `${o}/funnel`, `${o}/dashboard`, `${o}/sturing`, `${o}/klimaat`, `${o}/advies`, `${o}/volwassenheid`,
    '/adopties', `/adopties/${f.adoptie}`, '/clusters', '/clusters?zoek=assistent', `/clusters/${f.cluster}`,
    '/kaart/gemeenten', '/sessie', '/gebruikers', `/gebruikers/${f.gebruiker}`,
    `/gebruikers/${f.gebruiker}/rollen/${f.rol}`, '/tokens', `/tokens/${f.token}`, '/audit', '/audit?pagina=20',
    '/lessen', `/lessen?q=${encodeURIComponent('hoe regel je koppelingen met waterschappen')}`, `/lessen?organisatie=${f.org}&cluster=data_en_technologie`,
    `${i}/lessen`, `${i}/lessen-van-anderen`, `${i}/terugblikken`, `${i}/terugblikritme`, `${i}/uitnodigingen`, '/uitnodigingen',
    `${i}/versies`, `${i}/algoritmeregister`, `${i}/algoritmeregister/controle`,
    `${i}/netwerk`, `${o}/netwerk`, `/clusters/${f.cluster}/netwerk`, `${o}/te-bevestigen`, '/catalogus',
    '/missies', '/missies?q=wijk', `/missies/${f.missie}`,
  ];
}

async function time(base, path, headers) {
  const t0 = performance.now();
  const r = await fetch(`${base}/api/v1${path}`, { headers });
  const bytes = (await r.arrayBuffer()).byteLength;
  return { ms: performance.now() - t0, status: r.status, bytes };
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

// Each route once cold (its first call after start), then WARM times.
async function measure(db, label) {
  const server = await serve(db);
  try {
    const headers = await session(server.base);
    const f = await fixtures(server.base, db, headers);
    const out = new Map();
    for (const path of routes(f)) {
      const cold = await time(server.base, path, headers);
      const warm = [];
      for (let k = 0; k < WARM; k++) warm.push((await time(server.base, path, headers)).ms);
      out.set(path.replace(/\d+/g, '{n}'), { path, status: cold.status, cold: cold.ms, p50: pct(warm, 50), p99: pct(warm, 99), bytes: cold.bytes });
    }
    // The whole export, with the server's memory before and after.
    const rssBefore = rssKb(server.child.pid, 'VmRSS');
    writeFileSync(`/proc/${server.child.pid}/clear_refs`, '5'); // the peak from here on
    const exp = await time(server.base, '/innovaties/_export?formaat=csv-nl', headers);
    const expX = await time(server.base, '/innovaties/_export?formaat=xlsx', headers);
    const rss = { before: rssBefore, peak: rssKb(server.child.pid, 'VmHWM'), after: rssKb(server.child.pid, 'VmRSS') };
    const innovations = Number(sql(db, 'SELECT count(*) FROM innovatie'));
    const measurements = Number(sql(db, `SELECT count(*) FROM meting WHERE indicator_id = ${f.indicator}`));
    console.log(`# ${label}: ${innovations} innovations, ${measurements} measurements on the indicator measured`);
    console.log(`# ${label}: first cluster page after the start ${(f.firstClusters / 1000).toFixed(2)} s`);
    return { out, exp, expX, rss, innovations, measurements, firstClusters: f.firstClusters };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}

const f1 = (x) => x.toFixed(1).padStart(8);
const small = join(opt.work, 'small.db');
const large = join(opt.work, 'large.db');
prepare(small);
prepare(large);
console.log(`# generating ${opt.n} innovations and ${opt.rows} measurements took ${grow(large).toFixed(1)} s`);
const A = await measure(small, 'small');
const B = await measure(large, 'large');
const growth = B.innovations / A.innovations;
console.log(`# portfolio x${growth.toFixed(1)}; times in ms; warm = ${WARM} calls after the cold one`);
console.log(`${'route'.padEnd(58)}${'cold S'.padStart(8)}${'p50 S'.padStart(8)}${'p99 S'.padStart(8)}${'cold L'.padStart(8)}${'p50 L'.padStart(8)}${'p99 L'.padStart(8)}  growth`);
let worst = 0;
let failures = 0;
for (const [key, a] of A.out) {
  const b = B.out.get(key);
  const g = b.p50 / Math.max(a.p50, 0.05);
  worst = Math.max(worst, g);
  if (a.status !== 200 || b.status !== 200) failures++;
  const status = a.status === 200 && b.status === 200 ? '' : ` (status ${a.status}/${b.status})`;
  console.log(`${key.padEnd(58)}${f1(a.cold)}${f1(a.p50)}${f1(a.p99)}${f1(b.cold)}${f1(b.p50)}${f1(b.p99)}  x${g.toFixed(1)}${status}`);
  console.log(`metric scale_p50_ms{route="${key}",db="large"} ${b.p50.toFixed(2)}`);
}
for (const [name, r] of [['small', A], ['large', B]]) {
  console.log(`# export ${name}: csv-nl ${(r.exp.ms / 1000).toFixed(2)} s (${(r.exp.bytes / 1e6).toFixed(1)} MB), xlsx ${(r.expX.ms / 1000).toFixed(2)} s (${(r.expX.bytes / 1e6).toFixed(1)} MB); server RSS ${Math.round(r.rss.before / 1024)} MiB before, peak ${Math.round(r.rss.peak / 1024)} MiB, after ${Math.round(r.rss.after / 1024)} MiB`);
}
console.log(`metric scale_portfolio_growth ${growth.toFixed(2)}`);
console.log(`metric scale_worst_route_growth ${worst.toFixed(2)}`);
console.log(`metric scale_first_cluster_page_s ${(B.firstClusters / 1000).toFixed(2)}`);
console.log(`metric scale_export_csv_s ${(B.exp.ms / 1000).toFixed(2)}`);
console.log(`metric scale_export_peak_rss_mib ${Math.round(B.rss.peak / 1024)}`);
if (failures) {
  console.error(`${failures} routes did not answer 200`);
  process.exit(1);
}
