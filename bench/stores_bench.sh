#!/usr/bin/env bash
# Store benchmark: throughput and p99 of GET one innovation, a list page and
# a search, on one SQLite process (the reference), one PostgreSQL process,
# and two PostgreSQL processes behind nginx (round robin), in one run on the
# same data (demo + register) and the same binary. Each server process gets
# one thread; wrk one thread and 32 connections.
#   bench/stores_bench.sh [--short]   (--short: 2 s per run instead of 10 s)
# Starts its own PostgreSQL cluster (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${KOERS_TEST_POSTGRES:-}" ]; then exec scripts/with-postgres.sh "$0" "$@"; fi
duration=10
[ "${1:-}" = "--short" ] && duration=2
KOERS=${KOERS_BIN:-build/src/koers}
for tool in wrk nginx curl; do command -v $tool > /dev/null || { echo "$tool ontbreekt (scripts/install-deps.sh)"; exit 1; }; done

work=$(mktemp -d /tmp/koers-stores-XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# One fixed clock for both loads, so both stores hold the very same data.
load() {
  KOERS_KLOK=2026-06-01T09:00:00Z "$KOERS" demo --db "$1" --log-level error > /dev/null 2>&1
  KOERS_KLOK=2026-06-01T09:00:00Z "$KOERS" import algoritmeregister data/algoritmeregister/algoritmes.json --db "$1" --log-level error > /dev/null 2>&1
}
# serve DB INDEXDIR: starts a process; its port in $port.
serve() {
  port=$(free_port)
  "$KOERS" serve --db "$1" --zoekindex "$2" --port "$port" --threads 1 --log-level warn --rate-limits=false \
    > "$work/serve-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && return; sleep 0.1; done
  cat "$work/serve-$port.log" >&2
  exit 1
}

sqlite_db=$work/koers.db
pg_db=$KOERS_TEST_POSTGRES/bench
"$KOERS_PSQL" -X -q "$KOERS_TEST_POSTGRES/postgres" -c "CREATE DATABASE bench"
load "$sqlite_db"
load "$pg_db"
serve "$sqlite_db" "$work/zoek-sqlite"; s_port=$port
serve "$pg_db" "$work/zoek-a"; a_port=$port
serve "$pg_db" "$work/zoek-b"; b_port=$port

lb_port=$(free_port)
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream koers { server 127.0.0.1:$a_port; server 127.0.0.1:$b_port; keepalive 64; }
  server {
    listen 127.0.0.1:$lb_port;
    location / { proxy_pass http://koers; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" > /dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$lb_port/health/live" > /dev/null && break; sleep 0.1; done

id=$(curl -sf "http://127.0.0.1:$s_port/api/v1/innovaties?register=algoritmeregister&paginaGrootte=1&pagina=100" | sed -E 's/.*"id":([0-9]+).*/\1/' | head -1)
declare -A paths=([een]="/api/v1/innovaties/$id" [lijst]="/api/v1/innovaties?pagina=3" [zoeken]="/api/v1/innovaties/_zoek?q=overlast%20van%20honden")
# The same answers from both stores, or the comparison means nothing.
for what in een lijst zoeken; do
  diff <(curl -sf "http://127.0.0.1:$s_port${paths[$what]}" | tr ',' '\n') <(curl -sf "http://127.0.0.1:$a_port${paths[$what]}" | tr ',' '\n') | head -5 >&2 || true
  cmp -s <(curl -sf "http://127.0.0.1:$s_port${paths[$what]}") <(curl -sf "http://127.0.0.1:$a_port${paths[$what]}") ||
    echo "let op: $what antwoordt anders op SQLite dan op PostgreSQL" >&2
done

measure() {
  local out
  out=$(wrk -t1 -c32 -d"${duration}s" --latency "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}')"
}

printf '%-10s %-34s %12s %10s %10s\n' "route" "opstelling" "verzoeken/s" "p99" "t.o.v. ref"
for what in een lijst zoeken; do
  ref=
  for setup in "sqlite:1 proces SQLite (referentie):$s_port" "pg1:1 proces PostgreSQL:$a_port" "pg2:2 processen PostgreSQL + nginx:$lb_port"; do
    IFS=: read -r key label port <<< "$setup"
    read -r rps p99 < <(measure "http://127.0.0.1:$port${paths[$what]}")
    [ -z "$ref" ] && ref=$rps
    printf '%-10s %-34s %12s %10s %9sx\n' "$what" "$label" "$rps" "$p99" "$(awk -v a="$rps" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')"
  done
done
echo "machine: $(nproc) kernen; elk serverproces 1 thread; PostgreSQL, nginx en wrk op dezelfde machine"
