#!/usr/bin/env bash
# `make test`: installs what the tests need, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs every test: unit (GoogleTest), store tests on a real
# SQLite file, integration tests against the real binary on an ephemeral port, the web app's
# end-to-end tests in Debian's Chromium, the libFuzzer targets briefly, and the format check.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test
./scripts/build.sh asan >/dev/null
echo "== format check"
files=$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
if [[ -n "$files" ]]; then
  clang-format --dry-run -Werror $files
fi
echo "== unit and integration tests"
ctest --test-dir build/asan --output-on-failure -j2 --timeout 300
echo "== web app: build, unit tests (web/test.sh), then end-to-end tests in Chromium (screenshots in build/e2e-screenshots)"
./web/build.sh
./web/test.sh
FRONTLINE_BIN="$PWD/build/asan/frontline" FRONTLINE_WEB_ROOT="$PWD/web/dist" tests/e2e/run.sh
echo "== fuzz targets"
tests/fuzz/run.sh "${FUZZ_SECONDS:-15}"
echo "== all tests passed"
