#!/usr/bin/env bash
# Search benchmark (issue 6): Koers' search (Xapian with Dutch analysis)
# against PostgreSQL 15 `dutch` full-text search, on the same generated
# corpus and the same queries, in one run.
#
#   bench/search_bench.sh [--short]
#
# Full: 100,000 innovations, 3,000 queries, 10 s load runs. --short (for the
# test suite): 10,000 innovations, 300 queries, 2 s load runs.
#
# Measures
#   index build  Koers: SearchIndex::Rebuild over the SQLite store (reads every
#                innovation, analyses, writes Xapian). PostgreSQL: computing the
#                weighted tsvector column (CREATE TABLE AS ... to_tsvector('dutch'))
#                plus CREATE INDEX ... USING gin; loading the raw table is not counted.
#   latency      every query once, one at a time, after the first 500 (--short:
#                100) as a warm-up. Koers:
#                SearchIndex::Search in-process (anonymous, 10 hits). PostgreSQL:
#                the prepared search statement from psql over the unix socket
#                (\timing: client-side, query sent to result received).
#   throughput   16 concurrent clients for the run's duration. Koers: wrk -t2 -c16
#                against `koers serve` (GET /api/v1/innovaties/_zoek?q=...&paginaGrootte=10,
#                cycling through the queries). PostgreSQL: pgbench -c 16 -j 2 with
#                a random query per transaction; p50/p99 from its -l log.
# Prints a summary table and PASS/FAIL lines against the targets of issue 6;
# exits non-zero only when something failed to run, not when a target is missed.
#
# Builds nothing: uses ${KOERS_BIN:-build/src/koers} and
# ${KOERS_SEARCH_BENCH_BIN:-build/bench/koers_search_bench}. PostgreSQL runs from
# ${PGBIN:-/usr/lib/postgresql/15/bin} in a temporary cluster (as the `postgres`
# user when run as root) on 127.0.0.1 and a socket in the temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."

n=100000
nq=3000
duration=10
warmup=500
case "${1:-}" in
  --short) n=10000 nq=300 duration=2 warmup=100 ;;
  "") ;;
  *) echo "usage: $0 [--short]" >&2; exit 2 ;;
esac
clients=16
KOERS=${KOERS_BIN:-build/src/koers}
BENCH=${KOERS_SEARCH_BENCH_BIN:-build/bench/koers_search_bench}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DATA=$PWD/data

for bin in "$KOERS" "$BENCH"; do
  [ -x "$bin" ] || { echo "$bin is missing; build it first (ninja -C build koers koers_search_bench)" >&2; exit 1; }
done
for tool in wrk curl python3 "$PGBIN/initdb" "$PGBIN/pg_ctl" "$PGBIN/psql" "$PGBIN/pgbench"; do
  command -v "$tool" > /dev/null || { echo "$tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
# Only our own cluster, whatever the environment says.
unset PGHOST PGHOSTADDR PGPORT PGDATA PGUSER PGDATABASE PGSERVICE PGSERVICEFILE PGPASSFILE PGOPTIONS

work=$(mktemp -d /tmp/koers-zoekbench-XXXXXX)
chmod 755 "$work"
pgdir=$work/pg
mkdir "$pgdir"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$pgdir"
  as_pg() { (cd "$pgdir" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$pgdir" && "$@"); }
fi
pg_started=
cleanup() {
  if [ -n "${koers_pid:-}" ]; then kill "$koers_pid" 2> /dev/null || true; wait "$koers_pid" 2> /dev/null || true; fi
  if [ -n "$pg_started" ]; then as_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -m immediate -w stop > /dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# Nearest-rank percentile $1 of the numbers on stdin, printed with 2 decimals.
pct() { sort -g | awk -v p="$1" '{ v[NR] = $1 } END { r = p / 100 * NR; i = int(r); if (i < r) i++; if (i < 1) i = 1; printf "%.2f", v[i] }'; }
# A metric line of the bench tool's output: `metric NAME VALUE`.
metric() { awk -v k="$2" '$1 == "metric" && $2 == k { print $3 }' "$1"; }
# wrk's latency figures ("812.00us", "1.23ms", "1.01s") in ms.
to_ms() { awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /ms$/) v += 0; else if ($1 ~ /m$/) v *= 60000; else if ($1 ~ /s$/) v *= 1000; printf "%.2f", v }'; }
step() { echo "== $*" >&2; }

echo "search benchmark: $n innovations, $nq queries, ${duration} s load runs, $(nproc) cores" >&2
# Other work on the machine skews every figure; the summary shows the load.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Koers: corpus, index, in-process latency --------------------------------
db=$work/koers.db
step "koers demo (organisations)"
"$KOERS" demo --db "$db" --data "$DATA" --log-level warn > /dev/null
step "generate $n innovations and $nq queries"
"$BENCH" generate --db "$db" --data "$DATA" --n "$n" --queries "$nq" --out "$work" > "$work/generate.out"
n_docs=$(metric "$work/generate.out" innovations)
[ "$n_docs" = "$n" ] || { echo "generate stored $n_docs innovations, expected $n" >&2; exit 1; }
step "koers: rebuild the search index"
"$BENCH" index --db "$db" --data "$DATA" > "$work/index.out"
step "koers: in-process latency"
"$BENCH" query --db "$db" --data "$DATA" --queries "$work/queries.tsv" --warmup "$warmup" > "$work/query.out"
# Diagnosis: the same without facet counts (the server counts them over the
# best 5,000 matches of every query).
"$BENCH" query --db "$db" --data "$DATA" --queries "$work/queries.tsv" --warmup "$warmup" --facet-depth 0 \
  > "$work/query_nofacets.out"
k_build=$(printf '%.2f' "$(metric "$work/index.out" koers_rebuild_s)")
k_size=$(printf '%.1f' "$(metric "$work/index.out" koers_index_mb)")
k_p50=$(printf '%.2f' "$(metric "$work/query.out" koers_p50_ms)")
k_p99=$(printf '%.2f' "$(metric "$work/query.out" koers_p99_ms)")
k_hits=$(metric "$work/query.out" koers_with_hits)
k_nf_p50=$(printf '%.2f' "$(metric "$work/query_nofacets.out" koers_p50_ms)")
k_nf_p99=$(printf '%.2f' "$(metric "$work/query_nofacets.out" koers_p99_ms)")

# --- PostgreSQL: cluster, load, index, latency, throughput -------------------
step "postgresql: temporary cluster"
as_pg "$PGBIN/initdb" -D "$pgdir/data" -U bench -A trust -E UTF8 --locale=C.UTF-8 > "$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; exit 1; }
pgport=$(free_port)
cat >> "$pgdir/data/postgresql.conf" <<CONF
# search benchmark
listen_addresses = '127.0.0.1'
port = $pgport
unix_socket_directories = '$pgdir'
shared_buffers = 512MB
maintenance_work_mem = 256MB
work_mem = 16MB
jit = off
max_connections = 40
CONF
pg_started=1
as_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 start > /dev/null ||
  { cat "$pgdir/server.log" >&2; exit 1; }
PSQL=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -p "$pgport" -U bench -d postgres)

step "postgresql: load $n innovations (not timed)"
"${PSQL[@]}" <<SQL
CREATE TABLE bron (id int, titel text, doel text, organisatie text);
\copy bron FROM '$work/docs.tsv'
CREATE TABLE queries (id int PRIMARY KEY, q text NOT NULL);
\copy queries FROM '$work/queries.tsv'
ANALYZE bron;
ANALYZE queries;
SQL
step "postgresql: tsvector column and GIN index (timed)"
# The same fields Koers indexes for these records, weighted as Koers weighs
# them: title above the text and the organisation's name.
"${PSQL[@]}" > "$work/pg_build.out" <<SQL
\timing on
CREATE TABLE innovatie AS
  SELECT id, titel, doel, organisatie,
         setweight(to_tsvector('dutch', coalesce(titel, '')), 'A') ||
         setweight(to_tsvector('dutch', coalesce(doel, '')), 'B') ||
         setweight(to_tsvector('dutch', coalesce(organisatie, '')), 'C') AS tsv
  FROM bron;
CREATE INDEX innovatie_tsv ON innovatie USING gin (tsv);
SQL
pg_tsv_s=$(awk '$1 == "Time:" { n++; if (n == 1) printf "%.2f", $2 / 1000 }' "$work/pg_build.out")
pg_gin_s=$(awk '$1 == "Time:" { n++; if (n == 2) printf "%.2f", $2 / 1000 }' "$work/pg_build.out")
[ -n "$pg_gin_s" ] || { echo "no timings from the PostgreSQL build" >&2; cat "$work/pg_build.out" >&2; exit 1; }
pg_build=$(awk -v a="$pg_tsv_s" -v b="$pg_gin_s" 'BEGIN { printf "%.2f", a + b }')
"${PSQL[@]}" -c "ALTER TABLE innovatie ADD PRIMARY KEY (id)" -c "VACUUM ANALYZE innovatie"
# The search structure: the tsvector column and its GIN index.
pg_size=$("${PSQL[@]}" -At -c "SELECT round((sum(pg_column_size(tsv)) + pg_relation_size('innovatie_tsv'))::numeric / 1048576, 1) FROM innovatie")

# The equivalent of Koers' query: any of the query's lexemes (OR), ranked
# with ts_rank, best 10. Identical in the latency and the throughput runs.
search_sql="SELECT i.id, i.titel, ts_rank(i.tsv, x.q) AS rang FROM innovatie i, (SELECT replace(plainto_tsquery('dutch', q)::text, '&', '|')::tsquery AS q FROM queries WHERE id = \$1) x WHERE i.tsv @@ x.q ORDER BY rang DESC LIMIT 10"
pg_hits=$("${PSQL[@]}" -At -c "SELECT count(*) FROM queries qq WHERE EXISTS (SELECT 1 FROM innovatie i WHERE i.tsv @@ replace(plainto_tsquery('dutch', qq.q)::text, '&', '|')::tsquery)" 2> /dev/null)

step "postgresql: latency, one client"
{
  echo "PREPARE zoek(int) AS $search_sql;"
  echo '\o /dev/null'
  seq "$((warmup < nq ? warmup : nq))" | awk '{ print "EXECUTE zoek(" $1 ");" }'  # warm-up
  echo '\timing on'
  seq "$nq" | awk '{ print "EXECUTE zoek(" $1 ");" }'
} > "$work/pg_latency.sql"
"${PSQL[@]}" -f "$work/pg_latency.sql" > "$work/pg_latency.out" 2> "$work/pg_latency.err"
awk '$1 == "Time:" { print $2 }' "$work/pg_latency.out" > "$work/pg_latency.ms"
[ "$(wc -l < "$work/pg_latency.ms")" -eq "$nq" ] || { echo "psql gave $(wc -l < "$work/pg_latency.ms") timings for $nq queries" >&2; exit 1; }
pg_p50=$(pct 50 < "$work/pg_latency.ms")
pg_p99=$(pct 99 < "$work/pg_latency.ms")

step "postgresql: pgbench, $clients clients, ${duration} s"
echo "\\set qid random(1, :nq)" > "$work/pg_zoek.sql"
echo "${search_sql//\$1/:qid};" >> "$work/pg_zoek.sql"
mkdir "$work/pgbench"
"$PGBIN/pgbench" -n -h "$pgdir" -p "$pgport" -U bench -c "$clients" -j 2 -T "$duration" -M prepared \
  -D nq="$nq" --random-seed=6 -f "$work/pg_zoek.sql" -l --log-prefix="$work/pgbench/log" postgres \
  > "$work/pgbench.out" 2> "$work/pgbench.err" || { cat "$work/pgbench.out" "$work/pgbench.err" >&2; exit 1; }
pg_tps=$(awk '$1 == "tps" { printf "%.1f", $3; exit }' "$work/pgbench.out")
pg_failed=$(awk -F'[ =]+' '/number of failed transactions/ { print $5 }' "$work/pgbench.out")
# -l: client, transaction, latency in us, script, epoch s, epoch us.
cat "$work/pgbench"/log* | awk '{ print $3 / 1000 }' > "$work/pgbench.ms"
pg_load_n=$(wc -l < "$work/pgbench.ms")
[ "$pg_load_n" -gt 0 ] || { echo "pgbench logged no transactions" >&2; exit 1; }
pg_load_p50=$(pct 50 < "$work/pgbench.ms")
pg_load_p99=$(pct 99 < "$work/pgbench.ms")
as_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -m fast -w stop > /dev/null
pg_started=

# --- Koers through HTTP ------------------------------------------------------
step "koers serve, wrk $clients connections, ${duration} s"
kport=$(free_port)
"$KOERS" serve --db "$db" --data "$DATA" --host 127.0.0.1 --port "$kport" --rate-limits=false --log-level warn \
  > "$work/serve.log" 2>&1 &
koers_pid=$!
ready=
for _ in $(seq 300); do
  if curl -sf "http://127.0.0.1:$kport/api/v1/innovaties/_zoek?q=parkeren&paginaGrootte=1" > "$work/probe.json"; then
    ready=1
    break
  fi
  kill -0 "$koers_pid" 2> /dev/null || break
  sleep 0.1
done
[ -n "$ready" ] || { echo "koers serve did not answer" >&2; cat "$work/serve.log" >&2; exit 1; }
grep -q '"totaal":[1-9]' "$work/probe.json" || { echo "koers serve found nothing for 'parkeren'" >&2; exit 1; }

cat > "$work/zoek.lua" <<LUA
-- Cycles through the benchmark's queries; each thread starts elsewhere.
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
local i = 0
function init(args)
  i = (offset or 0) * 7919 % #paths
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
# wrk leaves requests slower than its --timeout out of the latency figures.
wrk -t2 -c"$clients" -d1s --timeout 30s -s "$work/zoek.lua" "http://127.0.0.1:$kport" > /dev/null  # warm-up
wrk -t2 -c"$clients" -d"${duration}s" --timeout 30s --latency -s "$work/zoek.lua" "http://127.0.0.1:$kport" > "$work/wrk.out"
kill -0 "$koers_pid" 2> /dev/null || { echo "koers serve stopped during the run" >&2; cat "$work/serve.log" >&2; exit 1; }
if grep -q "Non-2xx" "$work/wrk.out"; then
  echo "koers serve answered with errors:" >&2
  cat "$work/wrk.out" "$work/serve.log" >&2
  exit 1
fi
k_rps=$(awk '/Requests\/sec/ { printf "%.1f", $2 }' "$work/wrk.out")
k_load_p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.out" | to_ms)
k_load_p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.out" | to_ms)
k_requests=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
k_sockerr=$(grep "Socket errors" "$work/wrk.out" || true)
[ -n "$k_rps" ] && [ -n "$k_load_p99" ] || { echo "no figures from wrk" >&2; cat "$work/wrk.out" >&2; exit 1; }

# --- Summary -----------------------------------------------------------------
ratio=$(awk -v a="$k_rps" -v b="$pg_tps" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
echo
echo "Search: Koers against PostgreSQL 15 ($n innovations, $nq queries, $clients clients, ${duration} s, $(nproc) cores)"
printf '%-44s %16s %16s\n' "" "Koers" "PostgreSQL"
row() { printf '%-44s %16s %16s\n' "$@"; }
row "index build (s)" "$k_build" "$pg_build"
row "  of which tsvector / GIN (s)" "-" "$pg_tsv_s / $pg_gin_s"
row "index size (MB)" "$k_size" "$pg_size"
row "queries with hits" "$k_hits/$nq" "$pg_hits/$nq"
row "latency p50, one at a time (ms)" "$k_p50" "$pg_p50"
row "latency p99, one at a time (ms)" "$k_p99" "$pg_p99"
row "  Koers without facet counts p50 / p99 (ms)" "$k_nf_p50 / $k_nf_p99" "-"
row "throughput, $clients clients (req/s | tps)" "$k_rps" "$pg_tps"
row "latency p50 under load (ms)" "$k_load_p50" "$pg_load_p50"
row "latency p99 under load (ms)" "$k_load_p99" "$pg_load_p99"
row "requests in the load run" "$k_requests" "$pg_load_n"
echo "Koers latency: in-process SearchIndex::Search; under load: wrk through HTTP (koers serve)."
echo "PostgreSQL latency: psql client over the unix socket; under load: pgbench -l, per transaction."
echo "Load average (1, 5, 15 min) at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$k_sockerr" ] && echo "wrk: $k_sockerr"
[ -n "$pg_failed" ] && [ "$pg_failed" != "0" ] && echo "pgbench: $pg_failed failed transactions"

verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = op == "<=" ? v <= t : v >= t; print ok ? "PASS" : "FAIL" }'; }
echo
printf 'target  Koers p99 in-process <= 5 ms:                %8s ms   %s\n' "$k_p99" "$(verdict "$k_p99" "<=" 5)"
printf 'target  Koers p99 via HTTP, %d clients <= 20 ms:     %8s ms   %s\n' "$clients" "$k_load_p99" "$(verdict "$k_load_p99" "<=" 20)"
printf 'target  Koers HTTP throughput >= 10x PostgreSQL:      %8sx      %s\n' "$ratio" "$(verdict "$ratio" ">=" 10)"
