#!/usr/bin/env bash
# The leaderboard and reports over a large history: seeds BENCH_LB_TICKETS tickets (10,000,000)
# with BENCH_LB_AGENTS technicians (2,000) once into bench/out/template-lb-N-A (reused while
# present; the seed credits each resolved ticket through the same store calls the app uses), then
# measures, on a copy, single-client latency (wrk -c1) of GET /api/v1/leaderboard?window=14d and
# of the 14-day breakdowns (closed per day, per agent and per team), and the time
# `frontline report daily` takes to render and queue every technician's morning report.
# Prints a table. Knobs: BENCH_LB_TICKETS, BENCH_LB_AGENTS, BENCH_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_LB_TICKETS:-10000000}
A=${BENCH_LB_AGENTS:-2000}
SECS=${BENCH_SECONDS:-10}
./scripts/setup.sh --bench >&2
bin=$PWD/$(./scripts/build.sh release | tail -1)
template=$PWD/bench/out/template-lb-$N-$A
if [[ ! -f $template/.bench-complete ]]; then
  rm -rf "$template" "$template.partial"
  mkdir -p "$template.partial"
  echo "seeding $N tickets, $A technicians (once; reused while $template exists)" >&2
  timeout 7200 "$bin" seed --data "$template.partial" --tickets "$N" --agents "$A" \
    --customers 50000 --days 365 >&2
  "$bin" admin create-user --data "$template.partial" --email admin@example.com --role admin \
    --password "bench-admin-password-$RANDOM$RANDOM" >/dev/null
  touch "$template.partial/.bench-complete"
  mv "$template.partial" "$template"
fi
source bench/serve_helper.sh
cp -r "$template" "$run_dir/data"
start_server "$bin" "$run_dir/data"
token=$("$bin" admin issue-token --data "$run_dir/data" --email admin@example.com)
today=$(date -u +%F)

# One client, so the latency is a request's own, not queueing behind others.
measure() {  # measure NAME PATH → a table row
  local out
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$url$2"  # fails loudly on errors
  out=$(timeout $((SECS + 30)) wrk -t1 -c1 "-d${SECS}s" --latency \
    -H "Authorization: Bearer $token" "$url$2")
  echo "$out" >&2
  printf '| %s | %s | %s | %s | ≤ 50 ms |\n' "$1" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
}
rows=$(
  measure "GET /api/v1/leaderboard?window=14d (all $A technicians ranked)" \
    "/api/v1/leaderboard?window=14d&date=$today"
  measure "GET /api/v1/reports/closed?group_by=day (14 days)" "/api/v1/reports/closed?group_by=day"
  measure "GET /api/v1/reports/closed?group_by=agent (14 days)" \
    "/api/v1/reports/closed?group_by=agent"
  measure "GET /api/v1/reports/closed?group_by=team (14 days)" \
    "/api/v1/reports/closed?group_by=team"
)
kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
server_pid=""
start=$(date +%s.%N)
queued=$("$bin" report daily --data "$run_dir/data" --date "$today")
end=$(date +%s.%N)
echo "$queued" >&2
report_s=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
rollup_rows=$(/usr/bin/python3 -c "
import sqlite3, sys
c = sqlite3.connect('file:$run_dir/data/frontline.db?mode=ro', uri=True)
print(c.execute('select count(*) from closed_daily').fetchone()[0],
      c.execute('select count(*) from closed_rollup').fetchone()[0],
      c.execute('select count(*) from ticket_credits').fetchone()[0])")
echo
echo "| leaderboard ($(git rev-parse --short HEAD); $N tickets, $A technicians; rollup rows: agent-day, detail, credits = $rollup_rows) | p50 | p99 | req/s (1 client) | target |"
echo "|---|---:|---:|---:|---|"
echo "$rows"
echo "| \`frontline report daily\` rendering and queueing every technician's morning report ($queued) | ${report_s} s | | | ≤ 5 s |"
