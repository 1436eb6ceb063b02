#!/usr/bin/env bash
# Measurement benchmark (issue 7): importing measurement rows from a Dutch
# Excel CSV and the aggregation behind the dashboards (per municipality and
# year), Koers against DuckDB, on the same file in one run.
#
#   bench/measure_bench.sh [--short]
#
# Full: 1,000,000 rows. --short (for the test suite): 100,000 rows.
#
# Workload: koers_measure_bench generate writes the CSV as Dutch Excel saves
# it (BOM, ';', decimal comma, CRLF; header periode;gebied;waarde;aantal):
# every WK code of the CBS 2024 list that Koers accepts times consecutive
# months from 2000-01, seeded values with a decimal comma, about 3% of the
# counts empty.
#
# Measures
#   import       Koers: reading the file, ReadCsv, ParseMeasurements (with the
#                check of every code against the CBS list) and
#                Store::ImportMeasurements (one transaction, upsert) into a
#                database `koers demo` made, with no measurements yet.
#                DuckDB: one INSERT INTO meting (same columns, same primary
#                key) SELECT ... FROM read_csv(';', decimal comma, explicit
#                types) into a new database file; its commit included.
#   aggregation  Koers' Store::AggregateMeasurements (per GM code and year: sum,
#                avg, count, sum and min of the counts), 5 runs in a new
#                process each side; the median. Koers through
#                Store::AggregateMeasurements, DuckDB through the same SQL.
# Diagnosis: Koers' import once more with GLIBC_TUNABLES=glibc.malloc.hugetlb=1,
# to show what page faults cost (docs/performance.md). DuckDB runs twice: with its default settings (one thread per core: the
# headline) and with SET threads=1 (like for like: Koers is single-threaded).
# Both sides' aggregates are compared (groups, counts, sums) before anything
# is reported. Prints a summary table, `ratio` lines (Koers / DuckDB, time)
# and target lines against the goal of issue 7 (Koers within 2x of DuckDB);
# exits non-zero only when something failed to run, not when a target is
# missed.
#
# Builds nothing: uses ${KOERS_BIN:-build/src/koers} and
# ${KOERS_MEASURE_BENCH_BIN:-build/bench/koers_measure_bench}; DuckDB is the
# npm package @duckdb/node-api in bench/node_modules (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=1000000
case "${1:-}" in
  --short) rows=100000 ;;
  "") ;;
  *) echo "usage: $0 [--short]" >&2; exit 2 ;;
esac
runs=5
KOERS=${KOERS_BIN:-build/src/koers}
BENCH=${KOERS_MEASURE_BENCH_BIN:-build/bench/koers_measure_bench}
DATA=$PWD/data

for bin in "$KOERS" "$BENCH"; do
  [ -x "$bin" ] || { echo "$bin is missing; build it first (ninja -C build koers koers_measure_bench)" >&2; exit 1; }
done
command -v node > /dev/null || { echo "node is missing (scripts/install-deps.sh)" >&2; exit 1; }
[ -d bench/node_modules/@duckdb/node-api ] ||
  { echo "bench/node_modules/@duckdb/node-api is missing (scripts/install-deps.sh)" >&2; exit 1; }

work=$(mktemp -d /tmp/koers-metingbench-XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# A metric line of a tool's output: `metric NAME VALUE`.
metric() { awk -v k="$2" '$1 == "metric" && $2 == k { print $3 }' "$1"; }
step() { echo "== $*" >&2; }
# Runs a step, keeping its metrics in $1 and showing its errors.
run() {
  local out=$1; shift
  "$@" > "$out" 2> "$out.err" || { echo "failed: $*" >&2; cat "$out.err" >&2; exit 1; }
}
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# Bytes of the files that exist among the arguments.
bytes() { local n=0 f; for f in "$@"; do [ -f "$f" ] && n=$((n + $(stat -c %s "$f"))); done; echo "$n"; }

echo "measurement benchmark: $rows rows, $runs aggregation runs, $(nproc) cores" >&2
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

csv=$work/metingen.csv
step "generate $rows rows"
run "$work/generate.out" "$BENCH" generate --out "$csv" --rows "$rows" --data "$DATA"
[ "$(metric "$work/generate.out" rows)" = "$rows" ] || { echo "generate wrote the wrong number of rows" >&2; exit 1; }
csv_mb=$(calc '%.1f' "$(bytes "$csv") / 1048576")

# --- Koers -------------------------------------------------------------------
kdb=$work/koers.db
step "koers demo (an innovation to hang the indicator on; not timed)"
"$KOERS" demo --db "$kdb" --data "$DATA" --log-level warn > /dev/null
k_before=$(bytes "$kdb" "$kdb-wal")
for f in "$kdb" "$kdb-wal"; do [ -f "$f" ] && cp "$f" "$work/koers_thp.db${f#"$kdb"}"; done
step "koers: import"
run "$work/koers_import.out" "$BENCH" import --db "$kdb" --data "$DATA" --csv "$csv"
indicator=$(metric "$work/koers_import.out" koers_indicator)
step "koers: aggregation, $runs runs"
run "$work/koers_agg.out" "$BENCH" aggregate --db "$kdb" --indicator "$indicator" --runs "$runs"
# Diagnosis: the same import with glibc's malloc asking for transparent huge
# pages (GLIBC_TUNABLES=glibc.malloc.hugetlb=1): what first-touch page faults
# of the ~450 MB the import allocates cost on this machine.
step "koers: import again with glibc.malloc.hugetlb=1 (diagnosis)"
GLIBC_TUNABLES=glibc.malloc.hugetlb=1 run "$work/koers_thp.out" "$BENCH" import --db "$work/koers_thp.db" --data "$DATA" --csv "$csv"
k_mb=$(calc '%.1f' "($(bytes "$kdb" "$kdb-wal") - $k_before) / 1048576")

# --- DuckDB ------------------------------------------------------------------
duck() {  # duck TAG [--threads N]
  local tag=$1; shift
  step "duckdb ($tag): import"
  run "$work/duck_${tag}_import.out" node bench/measure_bench.mjs import --db "$work/$tag.duckdb" --csv "$csv" \
    --indicator "$indicator" "$@"
  step "duckdb ($tag): aggregation, $runs runs"
  run "$work/duck_${tag}_agg.out" node bench/measure_bench.mjs aggregate --db "$work/$tag.duckdb" \
    --indicator "$indicator" --runs "$runs" "$@"
}
duck default
duck one --threads 1
d_mb=$(calc '%.1f' "$(bytes "$work/default.duckdb" "$work/default.duckdb.wal") / 1048576")
d_threads=$(metric "$work/duck_default_import.out" duckdb_threads)
d_version=$(awk '/^DuckDB v/ { sub(/,$/, "", $2); print $2; exit }' "$work/duck_default_import.out.err")

# --- Same answers ------------------------------------------------------------
for tag in default one; do
  f=$work/duck_${tag}_agg.out
  for k in groups counted sum_aantal sum_min_aantal; do
    a=$(metric "$work/koers_agg.out" "koers_$k") b=$(metric "$f" "duckdb_$k")
    [ -n "$a" ] && [ "$a" = "$b" ] || { echo "aggregates differ: $k Koers $a, DuckDB ($tag) $b" >&2; exit 1; }
  done
  a=$(metric "$work/koers_agg.out" koers_sum_waarde) b=$(metric "$f" duckdb_sum_waarde)
  awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a); exit !(d <= 1e-9 * m + 1e-6) }' ||
    { echo "aggregates differ: sum of waarde Koers $a, DuckDB ($tag) $b" >&2; exit 1; }
  [ "$(metric "$work/duck_${tag}_import.out" duckdb_rows)" = "$(metric "$work/koers_import.out" koers_rows)" ] ||
    { echo "the sides imported a different number of rows" >&2; exit 1; }
done

# --- Summary -----------------------------------------------------------------
k_imp=$(metric "$work/koers_import.out" koers_import_s)
k_agg=$(metric "$work/koers_agg.out" koers_aggregate_median_s)
k_agg1=$(metric "$work/koers_agg.out" koers_aggregate_first_s)
d_imp=$(metric "$work/duck_default_import.out" duckdb_import_s)
d_agg=$(metric "$work/duck_default_agg.out" duckdb_aggregate_median_s)
d_agg1=$(metric "$work/duck_default_agg.out" duckdb_aggregate_first_s)
o_imp=$(metric "$work/duck_one_import.out" duckdb_import_s)
o_agg=$(metric "$work/duck_one_agg.out" duckdb_aggregate_median_s)
o_agg1=$(metric "$work/duck_one_agg.out" duckdb_aggregate_first_s)
groups=$(metric "$work/koers_agg.out" koers_groups)

s() { calc '%.3f' "$1"; }
rps() { calc '%.0f' "$rows / $1"; }
sum() { calc '%.3f' "$1 + $2"; }
ratio() { calc '%.2f' "$1 / $2"; }
echo
echo "Measurements: Koers against DuckDB $d_version ($rows rows, CSV $csv_mb MB, $groups groups, $(nproc) cores)"
row() { printf '%-44s %14s %14s %14s\n' "$@"; }
row "" "Koers" "DuckDB" "DuckDB 1 thr."
row "import (s)" "$(s "$k_imp")" "$(s "$d_imp")" "$(s "$o_imp")"
row "import (rows/s)" "$(rps "$k_imp")" "$(rps "$d_imp")" "$(rps "$o_imp")"
for k in read_file:"reading the file" read_csv:ReadCsv parse:ParseMeasurements store:ImportMeasurements; do
  row "  of which ${k#*:} (s)" "$(s "$(metric "$work/koers_import.out" "koers_${k%%:*}_s")")" "-" "-"
done
row "  Koers with glibc.malloc.hugetlb=1 (s)" "$(s "$(metric "$work/koers_thp.out" koers_import_s)")" "-" "-"
row "aggregation, median of $runs (s)" "$(s "$k_agg")" "$(s "$d_agg")" "$(s "$o_agg")"
row "aggregation (rows/s)" "$(rps "$k_agg")" "$(rps "$d_agg")" "$(rps "$o_agg")"
row "aggregation, first run (s)" "$(s "$k_agg1")" "$(s "$d_agg1")" "$(s "$o_agg1")"
row "import + aggregation (s)" "$(sum "$k_imp" "$k_agg")" "$(sum "$d_imp" "$d_agg")" "$(sum "$o_imp" "$o_agg")"
row "database growth (MB)" "$k_mb" "$d_mb" "-"
echo "DuckDB: default settings ($d_threads threads) is the headline; '1 thr.' is SET threads=1."
echo "Koers import also checks every row (period, CBS code, numbers, duplicates); DuckDB only types and the key."
echo "Load average (1, 5, 15 min) at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

r_imp=$(ratio "$k_imp" "$d_imp") r_agg=$(ratio "$k_agg" "$d_agg") r_tot=$(ratio "$(sum "$k_imp" "$k_agg")" "$(sum "$d_imp" "$d_agg")")
echo
printf 'ratio  import       Koers/DuckDB: %7sx   (1 thread: %sx)\n' "$r_imp" "$(ratio "$k_imp" "$o_imp")"
printf 'ratio  aggregation  Koers/DuckDB: %7sx   (1 thread: %sx)\n' "$r_agg" "$(ratio "$k_agg" "$o_agg")"
printf 'ratio  total        Koers/DuckDB: %7sx   (1 thread: %sx)\n' "$r_tot" \
  "$(ratio "$(sum "$k_imp" "$k_agg")" "$(sum "$o_imp" "$o_agg")")"
verdict() { awk -v v="$1" 'BEGIN { print v <= 2 ? "PASS" : "FAIL" }'; }
echo
printf 'target  import within 2x of DuckDB:       %7sx   %s\n' "$r_imp" "$(verdict "$r_imp")"
printf 'target  aggregation within 2x of DuckDB:  %7sx   %s\n' "$r_agg" "$(verdict "$r_agg")"
printf 'target  total within 2x of DuckDB:        %7sx   %s\n' "$r_tot" "$(verdict "$r_tot")"
