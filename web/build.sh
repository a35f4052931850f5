#!/usr/bin/env bash
# Builds the web app into web/dist. Idempotent: installs packages (npm ci) only when
# node_modules is missing or package-lock.json is newer, then type-checks and bundles.
# Quiet on success; prints the tool output on failure.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
    cat "$log" >&2
    echo "web/build.sh: npm ci failed" >&2
    exit 1
  fi
fi

if ! npm run --silent build >"$log" 2>&1; then
  cat "$log" >&2
  echo "web/build.sh: the web build failed" >&2
  exit 1
fi
