#!/usr/bin/env bash
# Scale benchmark: every GET route on a small database (demo + register,
# about 1,500 innovations: the reference) and on a large one (the same plus
# 100,000 generated innovations and 1,000,000 measurements on one indicator),
# with the same binary in one run. Prints cold (first call after start) and
# warm p50/p99 per route, the growth of each route against the growth of the
# portfolio, and the full export's time and the server's memory.
#   bench/scale_bench.sh [--short]   (--short: 10,000 innovations, 100,000 measurements, 5 warm calls)
set -euo pipefail
cd "$(dirname "$0")/.."
n=100000 rows=1000000 warm=30
[ "${1:-}" = "--short" ] && n=10000 rows=100000 warm=5
command -v sqlite3 > /dev/null || { echo "sqlite3 ontbreekt (scripts/install-deps.sh)"; exit 1; }
work=$(mktemp -d /tmp/koers-scale-XXXXXX)
trap 'rm -rf "$work"' EXIT
node bench/scale_bench.mjs --koers "${KOERS_BIN:-build/src/koers}" \
  --search-bench "${SEARCH_BENCH_BIN:-build/bench/koers_search_bench}" \
  --measure-bench "${MEASURE_BENCH_BIN:-build/bench/koers_measure_bench}" \
  --data data --work "$work" --n "$n" --rows "$rows" --warm "$warm"
