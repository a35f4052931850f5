#!/usr/bin/env bash
# `make test`: installs what the tests need, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs every suite in turn: unit (the format check, GoogleTest,
# the store contract on a real SQLite file and on a private PostgreSQL cluster made for the run
# by tests/pg/with_cluster.sh), integration (the real binary on an ephemeral port),
# faults (kill -9, a full disk, SMTP down, slowloris), the web app's end-to-end tests in
# Debian's Chromium, and the libFuzzer targets briefly.
# postgres: the integration suite again with every server on its own PostgreSQL database (a
# private cluster made for the run; tests that read the SQLite file itself skip there), then the
# kill -9 fault tests on PostgreSQL.
# Usage: scripts/test.sh [unit|integration|postgres|faults|e2e|fuzz ...] (default: all, in that
# order).
set -euo pipefail
cd "$(dirname "$0")/.."
suites=("$@")
[[ ${#suites[@]} -gt 0 ]] || suites=(unit integration postgres faults e2e fuzz)
./scripts/setup.sh --test
./scripts/build.sh asan >/dev/null
for suite in "${suites[@]}"; do
  case "$suite" in
    unit)
      echo "== format check"
      files=$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
      if [[ -n "$files" ]]; then
        clang-format --dry-run -Werror $files
      fi
      echo "== unit tests (store contract on SQLite and PostgreSQL)"
      # One test at a time: on PostgreSQL the event log is read up to the oldest transaction
      # still writing anywhere in the cluster, so another test's open transaction (in its own
      # database) would hold back what a contract test expects to read at once.
      tests/pg/with_cluster.sh ctest --test-dir build/asan --output-on-failure -j1 --timeout 300 -L '^unit$'
      ;;
    integration)
      echo "== integration tests"
      ctest --test-dir build/asan --output-on-failure -j2 -L '^integration$'
      ;;
    postgres)
      echo "== integration tests on PostgreSQL"
      tests/pg/with_cluster.sh ctest --test-dir build/asan --output-on-failure -j2 -L '^integration$'
      # kill -9 under load loses no acknowledged write there either (disk full and SMTP faults
      # are the same code above the store: they stay on SQLite).
      echo "== kill -9 fault tests on PostgreSQL"
      tests/pg/with_cluster.sh ctest --test-dir build/asan --output-on-failure -j1 -L '^faults$' \
        -R 'kill_fault|durability_fault'
      ;;
    faults)
      # One at a time: each loads the machine on purpose, and their time limits assume it.
      echo "== fault tests"
      ctest --test-dir build/asan --output-on-failure -j1 -L '^faults$'
      ;;
    e2e)
      echo "== web app: build, unit tests (web/test.sh), then end-to-end tests in Chromium (screenshots in build/e2e-screenshots)"
      ./web/build.sh
      ./web/test.sh
      FRONTLINE_BIN="$PWD/build/asan/frontline" FRONTLINE_WEB_ROOT="$PWD/web/dist" tests/e2e/run.sh
      ;;
    fuzz)
      echo "== fuzz targets"
      tests/fuzz/run.sh "${FUZZ_SECONDS:-15}"
      ;;
    *)
      echo "usage: $0 [unit|integration|postgres|faults|e2e|fuzz ...]" >&2
      exit 2
      ;;
  esac
done
echo "== passed: ${suites[*]}"
