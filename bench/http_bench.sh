#!/usr/bin/env bash
# HTTP benchmark: `koers serve` on a database with the imported register
# against nginx serving the very same JSON as static files, in one run.
# Measures GET of one innovation and of a list page (20 items) with wrk
# (64 connections over loopback). Server and wrk get one thread each, as in
# TECH-NOTES. Prints requests/s, p99 latency and the ratio koers/nginx.
#   bench/http_bench.sh [--short]     (--short: 2 s per run instead of 10 s)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
[ "${1:-}" = "--short" ] && duration=2
KOERS=${KOERS_BIN:-build/src/koers}
for tool in wrk nginx curl; do command -v $tool > /dev/null || { echo "$tool ontbreekt (scripts/install-deps.sh)"; exit 1; }; done

work=$(mktemp -d /tmp/koers-bench-XXXXXX)
chmod 755 "$work"
cleanup() { kill "${koers_pid:-}" "${nginx_pid:-}" 2> /dev/null || true; wait 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

db="$work/koers.db"
"$KOERS" demo --db "$db" --log-level warn > /dev/null
"$KOERS" import algoritmeregister data/algoritmeregister/algoritmes.json --db "$db" --log-level warn > /dev/null

kport=$(free_port)
"$KOERS" serve --db "$db" --port "$kport" --threads 1 --log-level warn --rate-limits=false &
koers_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$kport/api/v1/innovaties?paginaGrootte=1" > /dev/null && break; sleep 0.1; done

id=$(curl -sf "http://127.0.0.1:$kport/api/v1/innovaties?register=algoritmeregister&paginaGrootte=1&pagina=100" | sed -E 's/.*"id":([0-9]+).*/\1/' | head -1)
one="/api/v1/innovaties/$id"
list="/api/v1/innovaties?pagina=3"
mkdir -p "$work/www"
curl -sf "http://127.0.0.1:$kport$one" > "$work/www/one.json"
curl -sf "http://127.0.0.1:$kport$list" > "$work/www/list.json"

nport=$(free_port)
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    default_type application/json;
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nport/one.json" > /dev/null && break; sleep 0.1; done

# wrk prints "Requests/sec: N" and, with --latency, the "99%" line.
measure() {
  local out
  out=$(wrk -t1 -c64 -d"${duration}s" --latency "$1")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$rps $p99"
}

printf '%-28s %12s %10s\n' "meting" "verzoeken/s" "p99"
declare -A result
for what in one list; do
  if [ $what = one ]; then path=$one; else path=$list; fi
  read -r krps kp99 < <(measure "http://127.0.0.1:$kport$path")
  read -r nrps np99 < <(measure "http://127.0.0.1:$nport/$what.json")
  printf '%-28s %12s %10s\n' "koers $what ($(wc -c < "$work/www/$what.json") B)" "$krps" "$kp99" "nginx $what (statisch)" "$nrps" "$np99"
  ratio=$(awk -v a="$krps" -v b="$nrps" 'BEGIN { printf "%.2f", a / b }')
  printf '%-28s %12s\n' "verhouding koers/nginx" "${ratio}x"
  result[$what]=$ratio
done
echo "samenvatting: een innovatie ${result[one]}x nginx, lijstpagina ${result[list]}x nginx (doel >= 0.7x)"
