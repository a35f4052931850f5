#!/usr/bin/env bash
# The chat hub's load (issue 13), run by `make bench` after the HTTP scenarios and on its own as
# `bench/chat.sh [BINARY]`: a fresh data folder, a Release server on loopback with connection
# caps raised for the load, 10,000 idle chat sockets (the server's resident memory with them
# open), then 1,000 messages/s over 500 active chats (delivery p50/p99 from a customer's send to
# the technician's socket). Prints one JSON line; bounded in time; stops what it started.
# Knobs: BENCH_CHAT_IDLE (10000), BENCH_CHAT_ACTIVE (500), BENCH_CHAT_RATE (1000),
#        BENCH_CHAT_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=${1:-}
if [[ -z $bin ]]; then bin=$root/$(./scripts/build.sh release | tail -1); fi
[[ -x $bin ]] || { echo "bench/chat.sh: no binary at $bin" >&2; exit 1; }
dir=$(mktemp -d /tmp/frontline-chat-bench.XXXXXX)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"
timeout 60 "$bin" admin create-user --data "$dir" --email agent@example.com --role agent \
  --name "Bench Agent" --password "bench-password-$RANDOM$RANDOM" >/dev/null
token=$(timeout 60 "$bin" admin issue-token --data "$dir" --email agent@example.com | tail -1)
FRONTLINE_ACCESS_LOG=0 FRONTLINE_MAX_CONNECTIONS_PER_ADDRESS=30000 FRONTLINE_MAX_CONNECTIONS=30000 \
  FRONTLINE_CHAT_MAX_PER_AGENT=100000 FRONTLINE_CHAT_STARTS_PER_ADDRESS=1000000 \
  "$bin" serve --data "$dir" --listen 127.0.0.1:0 >"$dir/stdout" 2>"$dir/stderr" &
server_pid=$!
for _ in $(seq 300); do
  grep -q "is listening on" "$dir/stdout" 2>/dev/null && break
  sleep 0.1
done
port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$dir/stdout" | head -1 | cut -d: -f2)
[[ -n $port ]] || { cat "$dir/stderr" >&2; echo "bench/chat.sh: the server did not start" >&2; exit 1; }
BENCH_PORT=$port BENCH_TOKEN=$token BENCH_PID=$server_pid timeout 600 /usr/bin/python3 bench/chat_load.py
