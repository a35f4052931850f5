#!/usr/bin/env bash
# Inbound mail ingest rate: the server side with wrk POSTing a realistic 20 KB message with one
# attachment to /api/v1/mail/inbound (64 connections), then end to end through
# `frontline mailgate` processes (as an MTA pipe alias runs them, 8 at a time). Prints a table.
# Knobs: BENCH_SECONDS (10), BENCH_MAILGATE_MESSAGES (1000).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${BENCH_SECONDS:-10}
M=${BENCH_MAILGATE_MESSAGES:-1000}
./scripts/setup.sh --bench >&2
bin=$(./scripts/build.sh release)
source bench/serve_helper.sh
FRONTLINE_ADMIN_PASSWORD=bench-admin-pass start_server "$bin" "$run_dir/data"
token=$("$bin" admin issue-token --data "$run_dir/data" --email admin@example.com)
export BENCH_LUA_DIR=$PWD/bench BENCH_TOKEN=$token BENCH_MAIL_TICKETS=100
# Warm-up creates the first tickets the [#N] replies name.
timeout 60 wrk -t2 -c8 -d2s -s bench/mail_ingest.lua "$url/" >/dev/null
out=$(timeout $((SECS + 60)) wrk -t2 -c64 "-d${SECS}s" --latency -s bench/mail_ingest.lua "$url/")
echo "$out" >&2
rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
bad=$(grep -oE 'BENCH_NON2XX [0-9]+' <<<"$out" | awk '{print $2}')
# End to end: one mailgate process per message, as Postfix's pipe runs it.
msg="$run_dir/message.eml"
printf 'From: a@customer.example\r\nTo: help@desk.example\r\nSubject: Printer\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n%s\r\n' \
  "$(head -c 15000 /dev/zero | tr '\0' 'x')" >"$msg"
start=$(date +%s.%N)
seq "$M" | xargs -P 8 -I{} sh -c \
  "sed 's/^Subject: Printer/Message-ID: <gate-{}@bench.example>\r\nSubject: Printer/' '$msg' | '$bin' mailgate --url '$url' --token '$token' 2>/dev/null" \
  || { echo "mailgate failed" >&2; exit 1; }
end=$(date +%s.%N)
gate_rate=$(awk -v m="$M" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", m / (e - s) }')
echo
echo "| inbound mail ($(git rev-parse --short HEAD)) | messages/s | p99 | target |"
echo "|---|---:|---:|---|"
echo "| server side: POST /api/v1/mail/inbound, 20 KB message + attachment, wrk -c64 ${SECS}s (non-2xx: ${bad:-0}) | $rate | $p99 | ≥ 500/s |"
echo "| end to end: $M \`frontline mailgate\` processes, 8 at a time | $gate_rate | | — |"
