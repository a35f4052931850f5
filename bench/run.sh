#!/usr/bin/env bash
# `make bench`: Frontline's benchmark suite (method: shared/BENCHMARKS.md; usage: bench/README.md).
# Installs wrk + nginx-light, builds a Release binary, seeds a template data folder once (reused
# while present), then BENCH_RUNS times: copies the template, starts the server, drives it with wrk
# (GET, nginx static baseline, queue list, search, create, reply), reads its peak RSS, stops it.
# Ends with the SQLite durable-write ceiling and one markdown table (also bench/out/results-SHA.md).
# Knobs: BENCH_TICKETS (1000000), BENCH_SECONDS (10), BENCH_RUNS (3), BENCH_WARMUP (1, seconds),
#        BENCH_KEEP=1 keeps each run's data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bench=$root/bench
out=$bench/out
N=${BENCH_TICKETS:-1000000}
SECS=${BENCH_SECONDS:-10}
RUNS=${BENCH_RUNS:-3}
WARMUP=${BENCH_WARMUP:-1}
PY=/usr/bin/python3
for v in N SECS RUNS WARMUP; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "bench: $v must be a whole number, got '${!v}'" >&2; exit 2; }
done
((N >= 100 && SECS >= 1 && RUNS >= 1)) || { echo "bench: need BENCH_TICKETS>=100, BENCH_SECONDS>=1, BENCH_RUNS>=1" >&2; exit 2; }
wrk_args=(-t2 -c64 "-d${SECS}s" --latency)
export BENCH_LUA_DIR=$bench BENCH_N=$N

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- processes we start, and their cleanup (also on failure or Ctrl-C) -------------------------
server_pid="" drain_pid="" nginx_pid="" wrk_pid="" ngx_dir="" run_dir=""
stop_pid() {  # stop_pid PID [SIGNAL]: signal, wait up to 10 s, then SIGKILL
  local pid=$1 sig=${2:-TERM}
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "-$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  stop_pid "$wrk_pid"
  stop_pid "$server_pid"
  stop_pid "$drain_pid"
  stop_pid "$nginx_pid" QUIT
  [[ -n $ngx_dir && -d $ngx_dir ]] && rm -rf "$ngx_dir"
  if [[ -n $run_dir && -d $run_dir && ${BENCH_KEEP:-0} != 1 ]]; then rm -rf "$run_dir"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- setup and build -------------------------------------------------------------------------------
log "setup (packages) and release build"
./scripts/setup.sh --bench >&2
need=()
[[ -x $PY ]] || need+=(python3)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
bin=$root/$(./scripts/build.sh release | tail -1)
[[ -x $bin ]] || die "no binary at $bin"
sha=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || sha="$sha-dirty"
raw=$out/raw-$sha
mkdir -p "$out"
rm -rf "$raw"; mkdir -p "$raw"
results=$raw/results.tsv meta=$raw/meta.tsv
: >"$results"; : >"$meta"
meta() { printf '%s\t%s\n' "$1" "$2" >>"$meta"; }
meta sha "$sha"; meta date "$(date -u +%Y-%m-%dT%H:%MZ)"; meta tickets "$N"; meta runs "$RUNS"
meta machine "$(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB RAM", $2/1048576}' /proc/meminfo), $(uname -r)"
meta wrk "wrk ${wrk_args[*]}"; meta raw_dir "${raw#"$root"/}"

# --- template data folder: seeded once, reused while present -----------------------------------------
template=$out/template-$N
if [[ -f $template/.bench-complete ]]; then
  seed_s=$(cat "$template/.bench-seed-seconds")
  log "reusing $template (seeded in ${seed_s} s on $(cat "$template/.bench-seeded-at"))"
  meta seed_note "cached template, seeded $(cat "$template/.bench-seeded-at")"
else
  log "seeding $N tickets into $template"
  rm -rf "$template" "$template.partial"
  mkdir -p "$template.partial"
  seed_out=$(timeout 3600 "$bin" seed --data "$template.partial" --tickets "$N") || die "seed failed"
  echo "$seed_out" >&2
  seed_s=$(grep -oE 'in [0-9.e+-]+ s' <<<"$seed_out" | awk '{print $2}' | tail -1)
  [[ -n $seed_s ]] || die "could not read the seeding time from: $seed_out"
  # An existing install already has its admin: create it now so that each server start measures
  # a restart, not the first start's one-off password hashing.
  timeout 120 "$bin" admin create-user --data "$template.partial" --email admin@example.com \
    --role admin --password "bench-admin-password-$RANDOM$RANDOM" >/dev/null || die "admin create-user failed"
  echo "$seed_s" >"$template.partial/.bench-seed-seconds"
  date -u +%Y-%m-%dT%H:%MZ >"$template.partial/.bench-seeded-at"
  touch "$template.partial/.bench-complete"
  mv "$template.partial" "$template"
fi
meta seed_seconds "$seed_s"

# --- helpers -----------------------------------------------------------------------------------------
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start_server() {  # start_server DATA_DIR: sets server_pid, port, ready_ms
  local dir=$1 fifo=$1.stdout line="" t0 t1=""
  rm -f "$fifo"; mkfifo "$fifo"
  t0=$EPOCHREALTIME
  FRONTLINE_ACCESS_LOG=on "$bin" serve --data "$dir" --listen 127.0.0.1:0 >"$fifo" 2>"$dir/server-stderr.log" &
  server_pid=$!
  exec 3<"$fifo"
  while IFS= read -r -t 30 -u 3 line; do
    echo "$line" >>"$dir/server-stdout.log"
    if [[ $line == *"is listening on http://"* ]]; then t1=$EPOCHREALTIME; break; fi
  done
  if [[ -z $t1 ]]; then
    exec 3<&-
    tail -20 "$dir/server-stderr.log" >&2 || true
    die "server did not print its listening line within 30 s"
  fi
  cat <&3 >>"$dir/server-stdout.log" &
  drain_pid=$!
  exec 3<&-
  rm -f "$fifo"
  port=$(grep -oE '127\.0\.0\.1:[0-9]+' <<<"$line" | head -1 | cut -d: -f2)
  ready_ms=$($PY -c "print(f'{($t1 - $t0) * 1000:.1f}')")
}

stop_server() {
  stop_pid "$server_pid"; server_pid=""
  stop_pid "$drain_pid"; drain_pid=""
}

rss_mb() { awk '/^VmHWM:/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

api() {  # api PATH: GET with the bearer token, fails on HTTP errors
  curl -fsS --max-time 10 -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$port$1"
}

run_wrk() {  # run_wrk NAME RUN PORT SCRIPT [SECONDS]: runs wrk, appends a results line unless warm-up
  local name=$1 r=$2 p=$3 script=$4 secs=${5:-$SECS} file
  file=$raw/$name.run$r.txt
  [[ $r == warmup ]] && file=$raw/warmup.txt
  timeout $((secs + 30)) wrk -t2 -c64 "-d${secs}s" --latency -s "$bench/$script" "http://127.0.0.1:$p/" >"$file" 2>&1 &
  wrk_pid=$!
  wait "$wrk_pid" || { wrk_pid=""; cat "$file" >&2; die "wrk $name failed"; }
  wrk_pid=""
  [[ $r == warmup ]] && return 0
  local parsed
  parsed=$($PY "$bench/report.py" parse "$file") || die "cannot parse $file"
  printf '%s\t%s\t%s\n' "$name" "$r" "$parsed" >>"$results"
  IFS=$'\t' read -r rps p50 p99 _ bad codes _ <<<"$parsed"
  log "  $name: $rps req/s, p50 $p50 ms, p99 $p99 ms$( ((bad)) && echo ", $bad non-2xx ($codes)")"
}

count_rows() {  # count_rows DB: "tickets total detail" (FTS5 shadow tables excluded, the index counted per document)
  $PY - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=30)
tables = db.execute("SELECT name, sql FROM sqlite_master WHERE type='table'").fetchall()
virtual = [n for n, s in tables if (s or "").upper().startswith("CREATE VIRTUAL")]
counts = {}
for name, _ in tables:
    if any(name.startswith(v + "_") for v in virtual):
        continue
    counts[name] = db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
print(counts.get("tickets", 0), sum(counts.values()), ",".join(f"{k}={v}" for k, v in sorted(counts.items())))
PY
}

start_nginx() {  # start_nginx BODY_FILE: our own nginx on a free loopback port; sets nginx_pid, nginx_port
  ngx_dir=$(mktemp -d /tmp/frontline-bench-nginx.XXXXXX)
  chmod 755 "$ngx_dir"
  mkdir -p "$ngx_dir/www" "$ngx_dir/tmp"
  cp "$1" "$ngx_dir/www/ticket.json"; chmod 644 "$ngx_dir/www/ticket.json"
  nginx_port=$(free_port)
  cat >"$ngx_dir/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $ngx_dir/nginx.pid;
error_log $ngx_dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_timeout 65s;
  keepalive_requests 100000000;
  client_body_temp_path $ngx_dir/tmp/body;
  proxy_temp_path $ngx_dir/tmp/proxy;
  fastcgi_temp_path $ngx_dir/tmp/fastcgi;
  uwsgi_temp_path $ngx_dir/tmp/uwsgi;
  scgi_temp_path $ngx_dir/tmp/scgi;
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $ngx_dir/www;
    location / { try_files /ticket.json =404; }
  }
}
EOF
  nginx -p "$ngx_dir" -e "$ngx_dir/error.log" -c "$ngx_dir/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 100); do
    curl -fsS --max-time 1 -o /dev/null "http://127.0.0.1:$nginx_port/api/v1/tickets/1" 2>/dev/null && return 0
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.05
  done
  cat "$ngx_dir/error.log" >&2 || true
  die "nginx did not start"
}

# --- the runs ----------------------------------------------------------------------------------------
mkdir -p "$out/runs"
for r in $(seq "$RUNS"); do
  log "run $r/$RUNS: copying the template"
  run_dir=$out/runs/run-$r
  rm -rf "$run_dir"
  cp -a --reflink=auto "$template" "$run_dir"
  start_server "$run_dir"
  meta ready_ms "$ready_ms"
  log "  server pid $server_pid on port $port, ready in $ready_ms ms"
  BENCH_TOKEN=$(timeout 60 "$bin" admin issue-token --data "$run_dir" --email agent1@example.com | tail -1)
  [[ -n $BENCH_TOKEN ]] || die "no token"
  export BENCH_TOKEN
  BENCH_AGENT_IDS=$(api '/api/v1/users?role=agent' | $PY -c 'import json,sys; print(",".join(str(u["id"]) for u in json.load(sys.stdin)["items"]))')
  [[ -n $BENCH_AGENT_IDS ]] || die "no agent ids"
  export BENCH_AGENT_IDS
  # Replies need tickets that are not closed (a closed ticket answers 409): the newest 1000 of them.
  BENCH_REPLY_TICKETS=$(
    cursor=""
    for _ in 1 2 3 4 5; do
      page=$(api "/api/v1/tickets?status=new,open,pending&limit=200${cursor:+&cursor=$cursor}")
      $PY -c 'import json,sys; print(",".join(str(t["number"]) for t in json.load(sys.stdin)["items"]))' <<<"$page"
      cursor=$($PY -c 'import json,sys,urllib.parse; c=json.load(sys.stdin).get("next_cursor"); print(urllib.parse.quote(c) if c else "")' <<<"$page")
      [[ -n $cursor ]] || break
    done | paste -sd, -)
  export BENCH_REPLY_TICKETS
  log "  $(tr ',' '\n' <<<"$BENCH_AGENT_IDS" | wc -l) agents, $(tr ',' '\n' <<<"$BENCH_REPLY_TICKETS" | grep -c .) open tickets to reply to"
  if [[ -z $nginx_pid ]]; then
    api "/api/v1/tickets/$(( (N + 1) / 2 ))" >"$raw/ticket.json" || die "cannot fetch a ticket"
    start_nginx "$raw/ticket.json"
    meta body_bytes "$(wc -c <"$raw/ticket.json")"
    log "  nginx pid $nginx_pid on port $nginx_port serving a $(wc -c <"$raw/ticket.json")-byte ticket"
  fi
  ((WARMUP > 0)) && run_wrk get warmup "$port" get_ticket.lua "$WARMUP"
  run_wrk get "$r" "$port" get_ticket.lua
  rss=$(rss_mb "$server_pid"); meta rss_after_get_mb "$rss"; log "  VmHWM after GET: $rss MB"
  run_wrk nginx "$r" "$nginx_port" get_ticket.lua
  run_wrk queue "$r" "$port" queue_list.lua
  run_wrk search "$r" "$port" search.lua
  [[ $r == 1 ]] && before=$(count_rows "$run_dir/frontline.db")
  run_wrk create "$r" "$port" create.lua
  if [[ $r == 1 ]]; then
    after=$(count_rows "$run_dir/frontline.db")
    read -r t0 n0 _ <<<"$before"; read -r t1 n1 detail1 <<<"$after"
    if ((t1 > t0)); then
      meta rows_per_ticket "$($PY -c "print(f'{($n1 - $n0) / ($t1 - $t0):.2f}')")"
      meta rows_detail "$($PY - "$before" "$after" <<'PY'
import sys
def parse(s):
    return dict(kv.split("=") for kv in s.split()[2].split(","))
b, a = parse(sys.argv[1]), parse(sys.argv[2])
tickets = int(a["tickets"]) - int(b["tickets"])
print(", ".join(f"{k} {(int(a[k]) - int(b.get(k, 0))) / tickets:.2f}" for k in sorted(a) if int(a[k]) != int(b.get(k, 0))))
PY
)"
    fi
  fi
  run_wrk reply "$r" "$port" reply.lua
  rss=$(rss_mb "$server_pid"); meta rss_end_mb "$rss"; log "  VmHWM at end: $rss MB"
  meta access_log_mb "$(du -m "$run_dir/server-stderr.log" | cut -f1)"
  stop_server
  cp "$run_dir/server-stdout.log" "$raw/server-stdout.run$r.log" 2>/dev/null || true
  tail -50 "$run_dir/server-stderr.log" >"$raw/server-stderr-tail.run$r.log" 2>/dev/null || true
  if [[ ${BENCH_KEEP:-0} != 1 ]]; then rm -rf "$run_dir"; fi
  run_dir=""
done
stop_pid "$nginx_pid" QUIT; nginx_pid=""

# --- durable-write ceiling -----------------------------------------------------------------------
log "SQLite durable-write ceiling (WAL, synchronous=FULL)"
row_bytes=${CEILING_ROW_BYTES:-$(wc -c <"$raw/ticket.json")}
meta ceiling_row_bytes "$row_bytes"
while read -r tag per rate _; do
  [[ $tag == CEILING ]] && meta "ceiling$per" "$rate" && log "  $per row(s)/commit: $rate rows/s"
done < <(CEILING_ROW_BYTES=$row_bytes "$bench/sqlite_ceiling.sh" "$out")

# --- the chat hub: idle sockets and message delivery (bench/chat.sh) ----------------------------------
log "chat hub: ${BENCH_CHAT_IDLE:-10000} idle sockets, ${BENCH_CHAT_RATE:-1000} messages/s over ${BENCH_CHAT_ACTIVE:-500} chats"
chat_json=$("$bench/chat.sh" "$bin") || die "bench/chat.sh failed"
echo "$chat_json" >"$raw/chat.json"
log "  $chat_json"

# --- the table -----------------------------------------------------------------------------------
report=$out/results-$sha.md
$PY "$bench/report.py" table "$results" "$meta" >"$report"
$PY - "$raw/chat.json" >>"$report" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
print()
print("| chat hub | value |")
print("|---|---|")
print(f"| idle chat sockets open | {c['idle_sockets']:,} |")
print(f"| server RSS with them open | {c['idle_rss_mb']:.0f} MB (before: {c['rss_before_mb']:.0f} MB) |")
print(f"| messages sent / delivered | {c['messages']:,} / {c['delivered']:,} over {c['active_chats']} chats at {c['achieved_rate']:,}/s |")
print(f"| delivery p50 / p99 / max (send → technician's socket) | {c['delivery_p50_ms']} / {c['delivery_p99_ms']} / {c['delivery_max_ms']} ms |")
PY
if [[ -x $bench/widget_size.sh && -f $root/web/dist/widget.js ]]; then
  echo >>"$report"
  "$bench/widget_size.sh" >>"$report" || log "the chat widget is over its size budget"
fi
# --- PostgreSQL: Frontline against pgbench on the same cluster (bench/postgres.sh) ---------------------
log "PostgreSQL: pgbench -S and TPC-B, then Frontline GET and create on the same cluster"
echo >>"$report"
BENCH_BIN=$bin "$bench/postgres.sh" >>"$report" || log "bench/postgres.sh failed"
echo
cat "$report"
echo
log "written to ${report#"$root"/}"
