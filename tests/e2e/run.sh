#!/usr/bin/env bash
# Runs the browser end-to-end tests: the real server (FRONTLINE_BIN, default the ASan build)
# serving the built web app (FRONTLINE_WEB_ROOT, default web/dist) on an ephemeral port with a
# fresh SQLite file per test file, driven through Debian's Chromium by playwright-core.
# Screenshots of every main screen go to build/e2e-screenshots/. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

abs() { case "$1" in /*) echo "$1" ;; *) echo "$root/$1" ;; esac; }
export FRONTLINE_BIN=$(abs "${FRONTLINE_BIN:-build/asan/frontline}")
export FRONTLINE_WEB_ROOT=$(abs "${FRONTLINE_WEB_ROOT:-web/dist}")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

if [[ ! -x "$FRONTLINE_BIN" ]]; then
  echo "tests/e2e/run.sh: no server binary at $FRONTLINE_BIN (build it, or set FRONTLINE_BIN)" >&2
  exit 1
fi
if [[ ! -f "$FRONTLINE_WEB_ROOT/index.html" ]]; then
  if [[ "$FRONTLINE_WEB_ROOT" == "$root/web/dist" ]]; then
    ./web/build.sh
  else
    echo "tests/e2e/run.sh: no index.html in $FRONTLINE_WEB_ROOT" >&2
    exit 1
  fi
fi
if [[ ! -x /usr/bin/chromium ]]; then
  echo "tests/e2e/run.sh: /usr/bin/chromium is missing (apt-get install chromium)" >&2
  exit 1
fi

cd tests/e2e
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf "$root/build/e2e-screenshots"

# One file at a time (each starts its own server and browser; the machine has two cores), each
# test at most 60 s, the whole suite at most 10 minutes.
exec timeout --kill-after=20 600 node --test --test-concurrency=1 --test-timeout=90000 \
  --test-reporter=spec ./*.test.mjs
