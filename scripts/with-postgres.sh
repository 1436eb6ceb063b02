#!/usr/bin/env bash
# Runs a command with a temporary PostgreSQL server on 127.0.0.1 (a cluster
# of its own in a temporary directory, removed afterwards). The command gets
#   KOERS_TEST_POSTGRES=postgresql://koers@127.0.0.1:PORT
# (no database: tests create their own, such as $KOERS_TEST_POSTGRES/postgres).
#   scripts/with-postgres.sh node --test tests/api/postgres.test.mjs
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
for tool in initdb pg_ctl psql; do
  [ -x "$PGBIN/$tool" ] || { echo "$PGBIN/$tool ontbreekt (scripts/install-deps.sh installeert PostgreSQL)" >&2; exit 1; }
done
unset PGHOST PGHOSTADDR PGPORT PGDATA PGUSER PGDATABASE PGSERVICE PGSERVICEFILE PGPASSFILE PGOPTIONS

pgdir=$(mktemp -d /tmp/koers-pg-XXXXXX)
chmod 755 "$pgdir"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$pgdir"
  as_pg() { (cd "$pgdir" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$pgdir" && "$@"); }
fi
started=
cleanup() {
  if [ -n "$started" ]; then as_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -m immediate -w stop > /dev/null 2>&1 || true; fi
  rm -rf "$pgdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_pg "$PGBIN/initdb" -D "$pgdir/data" -U koers -A trust -E UTF8 --locale=C.UTF-8 > "$pgdir/initdb.log" 2>&1 ||
  { cat "$pgdir/initdb.log" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >> "$pgdir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$pgdir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
jit = off
CONF
started=1
as_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 start > /dev/null ||
  { cat "$pgdir/server.log" >&2; exit 1; }
export KOERS_TEST_POSTGRES="postgresql://koers@127.0.0.1:$port"
export KOERS_PSQL="$PGBIN/psql"
"$@"
