#!/usr/bin/env bash
# The web app's budgets: console JavaScript (gzipped) and how soon a 50-ticket queue is
# interactive after navigation on a 100,000-ticket database, in Debian's Chromium.
# Usage: bench/web.sh   (knobs: BENCH_WEB_TICKETS=100000, BENCH_WEB_RUNS=15). Prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_WEB_TICKETS:-100000}
RUNS=${BENCH_WEB_RUNS:-15}
./scripts/setup.sh --test >&2
bin=$(./scripts/build.sh release)
./web/build.sh
(cd tests/e2e && { [[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error; })
template=bench/out/web-template-$N
if [[ ! -f $template/.seeded ]]; then
  rm -rf "$template" && mkdir -p "$template"
  timeout 1800 "$bin" seed --data "$template" --tickets "$N" >&2
  touch "$template/.seeded"
fi
source bench/serve_helper.sh
mkdir -p "$run_dir/data"
cp -a "$template/." "$run_dir/data/"
start_server "$bin" "$run_dir/data" --web-root web/dist
js_gzip=0
for f in web/dist/assets/*.js; do js_gzip=$((js_gzip + $(gzip -9c "$f" | wc -c))); done
result=$(timeout 600 node bench/web_console.mjs "$url" agent1@example.com seed-password "$RUNS")
median=$(sed -E 's/.*"median_ms":([0-9.]+).*/\1/' <<<"$result")
p90=$(sed -E 's/.*"p90_ms":([0-9.]+).*/\1/' <<<"$result")
echo
echo "| web budget ($(git rev-parse --short HEAD), $N tickets) | measured | target |"
echo "|---|---:|---|"
printf '| console JavaScript, gzip -9 (all of web/dist/assets/*.js) | %.1f KB | ≤ 200 KB |\n' "$(awk -v b="$js_gzip" 'BEGIN { print b / 1024 }')"
printf '| "All open" queue: 50 rows shown and j answered, after navigation (median of %s) | %.0f ms (p90 %.0f ms) | ≤ 300 ms |\n' "$RUNS" "$median" "$p90"
