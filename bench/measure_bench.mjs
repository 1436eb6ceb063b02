// The DuckDB side of the measurement benchmark of issue 7
// (bench/measure_bench.sh): the same CSV import and the same aggregation
// per municipality and year as Koers, through @duckdb/node-api, into a
// persistent database file (as Koers' SQLite store is one).
//
//   node bench/measure_bench.mjs import --db FILE --csv FILE [--indicator ID] [--threads N]
//       CREATE TABLE meting (as Koers' table, with its primary key, so every
//       row is checked for duplicates), then one INSERT ... SELECT from
//       read_csv with ';', the decimal comma and explicit column types;
//       timed is the INSERT (auto-commit, so its commit included).
//   node bench/measure_bench.mjs aggregate --db FILE [--indicator ID] [--runs N] [--threads N]
//       the aggregation of Koers' Store::AggregateMeasurements (src/store/sqlite_indicators.cpp) N times (5),
//       every result read into JavaScript values; the median and the first.
//
// --threads: DuckDB's worker threads; without it DuckDB's default (one per
// core). Results go to stdout as `metric NAME VALUE` lines.
import { DuckDBInstance } from '@duckdb/node-api';

function usage(message) {
  if (message) console.error(message);
  console.error('usage: measure_bench.mjs import --db FILE --csv FILE [--indicator ID] [--threads N]\n' +
    '       measure_bench.mjs aggregate --db FILE [--indicator ID] [--runs N] [--threads N]');
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
const opts = { indicator: '1', runs: '5' };
for (let i = 0; i < rest.length; i += 2) {
  const name = rest[i];
  if (!name.startsWith('--') || i + 1 >= rest.length) usage(`bad argument: ${name}`);
  opts[name.slice(2)] = rest[i + 1];
}
if (!['import', 'aggregate'].includes(command) || !opts.db) usage();
const indicator = Number.parseInt(opts.indicator, 10);
const runs = Number.parseInt(opts.runs, 10);
if (!Number.isInteger(indicator) || !(runs >= 1)) usage('--indicator and --runs take whole numbers');

const metric = (name, value) => console.log(`metric ${name} ${value}`);
const now = () => Number(process.hrtime.bigint()) / 1e9;
const sqlString = (s) => `'${String(s).replaceAll("'", "''")}'`;

// What Koers' Store::AggregateMeasurements computes, as SQL (its comment has the same query).
const AGGREGATE =
  "SELECT CASE WHEN gebied = '' THEN '' ELSE 'GM' || substr(gebied, 3, 4) END AS gm, substr(periode, 1, 4) AS jaar, " +
  'sum(waarde), avg(waarde), count(*), sum(aantal), min(aantal) FROM meting WHERE indicator_id = $1 ' +
  'GROUP BY gm, jaar ORDER BY gm, jaar';

const options = opts.threads ? { threads: String(opts.threads) } : {};
const instance = await DuckDBInstance.create(opts.db, options);
const conn = await instance.connect();
const threads = (await conn.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
metric('duckdb_threads', threads);
const version = (await conn.runAndReadAll('SELECT version()')).getRows()[0][0];
console.error(`DuckDB ${version}, ${threads} threads, ${opts.db}`);

if (command === 'import') {
  if (!opts.csv) usage('import needs --csv');
  await conn.run(`CREATE TABLE meting (
    indicator_id BIGINT NOT NULL,
    periode VARCHAR NOT NULL,
    gebied VARCHAR NOT NULL,
    waarde DOUBLE NOT NULL,
    aantal INTEGER,
    PRIMARY KEY (indicator_id, periode, gebied))`);
  const insert = `INSERT INTO meting SELECT ${indicator}, periode, gebied, waarde, aantal
    FROM read_csv(${sqlString(opts.csv)}, delim = ';', decimal_separator = ',', header = true,
                  columns = {'periode': 'VARCHAR', 'gebied': 'VARCHAR', 'waarde': 'DOUBLE', 'aantal': 'INTEGER'})`;
  const t = now();
  const reader = await conn.runAndReadAll(insert);
  const seconds = now() - t;
  const rows = Number(reader.getRows()[0][0]);
  const stored = Number((await conn.runAndReadAll('SELECT count(*) FROM meting')).getRows()[0][0]);
  if (rows !== stored || rows === 0) {
    console.error(`inserted ${rows} rows, the table has ${stored}`);
    process.exit(1);
  }
  console.error(`imported ${rows} rows in ${seconds.toFixed(2)} s`);
  metric('duckdb_rows', rows);
  metric('duckdb_import_s', seconds.toPrecision(6));
} else {
  const seconds = [];
  let rows = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    const reader = await conn.runAndReadAll(AGGREGATE, [indicator]);
    rows = reader.getRowsJS();
    seconds.push(now() - t);
  }
  const first = seconds[0];
  seconds.sort((a, b) => a - b);
  // Check figures over the result, the same as koers_measure_bench computes.
  let counted = 0n, aantal = 0n, minAantal = 0n, som = 0;
  for (const [, , sum, , count, sumAantal, min] of rows) {
    counted += BigInt(count);
    som += sum;
    if (sumAantal !== null) aantal += BigInt(sumAantal);
    if (min !== null) minAantal += BigInt(min);
  }
  metric('duckdb_groups', rows.length);
  metric('duckdb_counted', counted);
  metric('duckdb_sum_aantal', aantal);
  metric('duckdb_sum_min_aantal', minAantal);
  metric('duckdb_sum_waarde', som.toPrecision(15));
  if (rows.length > 0) {
    const [gm, jaar, sum, avg, count] = rows[0];
    console.error(`first group ${gm} ${jaar}: som ${sum.toFixed(1)}, gemiddelde ${avg.toFixed(3)}, ${count} metingen`);
  }
  metric('duckdb_aggregate_first_s', first.toPrecision(6));
  metric('duckdb_aggregate_median_s', seconds[(seconds.length - 1) >> 1].toPrecision(6));
  metric('duckdb_aggregate_min_s', seconds[0].toPrecision(6));
}
conn.closeSync();
instance.closeSync();
