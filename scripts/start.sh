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
# The import reports every record it skipped; the summary is its first line.
build/src/koers import algoritmeregister data/algoritmeregister/algoritmes.json > var/import.log
sed -n 1p var/import.log
# A first administrator, once, with a random password shown here only.
if [ "$(sqlite3 "$KOERS_DB" 'SELECT count(*) FROM gebruiker')" = "0" ]; then
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  echo "$password" | build/src/koers user add beheer@koers.local --landelijk-beheerder --name "Beheerder" --password-stdin > /dev/null
  echo "Inloggen als landelijk beheerder: beheer@koers.local met wachtwoord $password"
fi
echo "Koers start op http://127.0.0.1:${KOERS_PORT:-8080}"
# Plain HTTP on this machine only: the session cookie goes without Secure.
exec build/src/koers serve --host "${KOERS_HOST:-127.0.0.1}" --port "${KOERS_PORT:-8080}" --cookie-secure=false
