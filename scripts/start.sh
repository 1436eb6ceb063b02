#!/usr/bin/env bash
# Installs, builds and starts Koers on http://127.0.0.1:8080 with embedded
# SQLite (var/koers.db), the organisations, the 18 reference cases and the
# imported Algoritmeregister. Stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh
mkdir -p var
export KOERS_DB="${KOERS_DB:-$PWD/var/koers.db}"
build/src/koers demo
build/src/koers import algoritmeregister data/algoritmeregister/algoritmes.json | head -n 1
echo "Koers start op http://127.0.0.1:${KOERS_PORT:-8080}"
exec build/src/koers serve --host "${KOERS_HOST:-127.0.0.1}" --port "${KOERS_PORT:-8080}"
