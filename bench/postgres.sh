#!/usr/bin/env bash
# Frontline on PostgreSQL against PostgreSQL's own ceiling, side by side in one run on this
# machine (issue 14): pgbench -S (select-only) and pgbench's default TPC-B-like script at 64
# clients, then Frontline on the same cluster — GET one ticket and a durable create at 64
# connections — through one instance, and GET through two instances behind nginx (on 2 cores
# this shows the cost of the extra hop and process, not scaling). Prints a Markdown table.
# Knobs: PG_BENCH_TICKETS (20000), PG_BENCH_SECONDS (10), BENCH_BIN (build/release/frontline).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
N=${PG_BENCH_TICKETS:-20000}
SECS=${PG_BENCH_SECONDS:-10}
BIN=${BENCH_BIN:-$root/build/release/frontline}
[[ -x $BIN ]] || { echo "bench/postgres.sh: build the release binary first (scripts/build.sh release)" >&2; exit 2; }
work=$(mktemp -d /tmp/frontline-pgbench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [[ -n ${nginx_pid:-} ]] && kill "$nginx_pid" 2>/dev/null
  "$root/scripts/pg_cluster.sh" destroy "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/scripts/pg_cluster.sh" start "$work/pg" >/dev/null
pgurl() { "$root/scripts/pg_cluster.sh" url "$work/pg" "$1"; }
pgb_url=$(pgurl pgbench)
frontline_url=$(pgurl frontline_bench)

# PostgreSQL's own ceiling (scale 10: 1M accounts). pgbench as the postgres user over the socket.
tps() { grep -oE 'tps = [0-9.]+' | head -1 | awk '{print $3}'; }
runuser -u postgres -- pgbench -q -i -s 10 "$pgb_url" >/dev/null 2>&1
select_tps=$(runuser -u postgres -- pgbench -S -c 64 -j 2 -T "$SECS" "$pgb_url" 2>/dev/null | tps)
tpcb_tps=$(runuser -u postgres -- pgbench -c 64 -j 2 -T "$SECS" "$pgb_url" 2>/dev/null | tps)

# Frontline on the same cluster.
export FRONTLINE_ADMIN_PASSWORD=bench-admin-password FRONTLINE_ACCESS_LOG=0
data="$work/data"
"$BIN" seed --data "$data" --database "$frontline_url" --tickets "$N" >/dev/null
"$BIN" admin create-user --data "$data" --database "$frontline_url" --email bench-agent@example.com \
  --name Bench --role agent --password bench-agent-password >/dev/null
token=$("$BIN" admin issue-token --data "$data" --database "$frontline_url" --email bench-agent@example.com)

start() {  # start NAME → the instance's port in $port
  "$BIN" serve --data "$data" --database "$frontline_url" --listen 127.0.0.1:0 \
    >"$work/$1.out" 2>"$work/$1.err" &
  pids+=($!)
  for _ in $(seq 200); do grep -q 'listening on' "$work/$1.out" && break; sleep 0.05; done
  port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$work/$1.out" | head -1 | cut -d: -f2)
  [[ -n $port ]] || { cat "$work/$1.err" >&2; exit 1; }
}
wrk_rps() {  # wrk_rps SCRIPT URL → "req/s p99"
  BENCH_TOKEN=$token BENCH_N=$N BENCH_LUA_DIR="$root/bench" \
    wrk -t2 -c64 -d"${SECS}s" --latency -s "$root/bench/$1" "$2" >"$work/wrk.out" 2>&1
  # A scenario with errors is not a valid number: the row says how many (never hidden).
  local errors
  errors=$(grep -oE 'BENCH_NON2XX [0-9]+ ?[^ ]*' "$work/wrk.out" | awk '$2 > 0 {print "(" $2 " errors: " $3 ")"}')
  echo "$(grep -oE 'Requests/sec: +[0-9.]+' "$work/wrk.out" | awk '{print $2}') $(grep -E '^ +99%' "$work/wrk.out" | awk '{print $2}')${errors:+ $errors}"
}
start a
a_port=$port
read -r get1 get1_p99 < <(wrk_rps get_ticket.lua "http://127.0.0.1:$a_port")
read -r create1 create1_p99 < <(wrk_rps create.lua "http://127.0.0.1:$a_port")
start b
b_port=$port
nginx_root="$work/nginx"
mkdir -p "$nginx_root"
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$nginx_root/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $nginx_root/nginx.pid;
error_log $nginx_root/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $nginx_root/body; proxy_temp_path $nginx_root/proxy;
  fastcgi_temp_path $nginx_root/fastcgi; uwsgi_temp_path $nginx_root/uwsgi; scgi_temp_path $nginx_root/scgi;
  upstream frontline { server 127.0.0.1:$a_port; server 127.0.0.1:$b_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://frontline; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
/usr/sbin/nginx -p "$nginx_root" -c "$nginx_root/nginx.conf" &
nginx_pid=$!
sleep 0.5
read -r get2 get2_p99 < <(wrk_rps get_ticket.lua "http://127.0.0.1:$nginx_port")

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
cat <<EOF
| scenario (64 connections, ${SECS} s, $N tickets) | per second | p99 | vs PostgreSQL |
|---|---|---|---|
| pgbench -S (select-only) | $select_tps | | 1.00 |
| pgbench TPC-B-like | $tpcb_tps | | 1.00 |
| Frontline on PostgreSQL: GET one ticket | $get1 | $get1_p99 | $(ratio "$get1" "$select_tps") × pgbench -S |
| Frontline on PostgreSQL: durable create | $create1 | $create1_p99 | $(ratio "$create1" "$tpcb_tps") × TPC-B |
| two instances behind nginx: GET one ticket | $get2 | $get2_p99 | $(ratio "$get2" "$get1") × one instance |
EOF
