#!/usr/bin/env bash
# Installs, builds and runs the whole test suite of Koers:
#   0. the layer check of src/ (tests/lint/layers.mjs);
#   1. unit tests and fuzz-corpus replays, built with AddressSanitizer+UBSan;
#   2. black-box API and import tests against the sanitizer build of `koers`;
#   3. browser tests (Playwright on Debian's Chromium, axe on every page);
#   3b. the store contract tests, the API tests and the browser tests of
#      registering, steering and the zoekhulp again on PostgreSQL, in a
#      temporary cluster on 127.0.0.1 (scripts/with-postgres.sh), with two
#      server processes behind nginx;
#   4. the search, measurement and scale benchmarks in their short modes;
#   5. type check of the front end and the NL API Design Rules lint of the
#      OpenAPI document;
#   6. the README's first command (scripts/start.sh) from a clean clone.
# Fails on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

scripts/install-deps.sh

step "Layers: no include from a lower layer to a higher one (src/README.md)"
node tests/lint/layers.mjs

scripts/build.sh --sanitize

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

step "Unit tests and fuzz corpora (ASan+UBSan)"
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"

step "API and import tests (ASan+UBSan build)"
KOERS_BIN="$PWD/build-asan/src/koers" node --test --test-reporter=spec --test-concurrency=1 tests/api/*.test.mjs

step "Browser tests"
node --test --test-reporter=spec --test-concurrency=1 tests/e2e/*.test.mjs

step "On PostgreSQL: store contract, API and import tests, two processes behind nginx"
scripts/with-postgres.sh bash -c '
  set -e
  build/tests/koers_unit_tests --gtest_filter="*StoreContract*/postgres" --gtest_brief=1
  KOERS_BIN="$PWD/build/src/koers" node --test --test-reporter=spec --test-concurrency=1 tests/api/*.test.mjs
  node --test --test-reporter=spec --test-concurrency=1 tests/e2e/register.test.mjs tests/e2e/sturing.test.mjs tests/e2e/zoekhulp.test.mjs'

step "Search benchmark, short (Koers against PostgreSQL)"
bench/search_bench.sh --short

step "Measurement benchmark, short (Koers against DuckDB)"
bench/measure_bench.sh --short

step "Store benchmark, short (SQLite against PostgreSQL with one and two processes)"
bench/stores_bench.sh --short

step "Scale benchmark, short (every GET route, demo against a grown database)"
bench/scale_bench.sh --short

step "Front-end type check"
(cd web && npm run --silent typecheck)

step "OpenAPI lint (NL API Design Rules)"
(cd tests && npx --no-install spectral lint -r lint/adr-linter.yaml ../src/api/openapi.json --fail-severity=warn)

step "The README's first command from a clean clone (a whole build)"
node --test --test-reporter=spec tests/start/*.test.mjs

printf '\nAlle tests geslaagd.\n'
