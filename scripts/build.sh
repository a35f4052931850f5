#!/usr/bin/env bash
# Builds one configuration with CMake + Ninja: release (for running and benchmarks) or asan
# (AddressSanitizer + UndefinedBehaviorSanitizer, for tests). Prints the binary's path last.
# coverage: gcov instrumentation, for scripts/store_coverage.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
  release) flags=(-DCMAKE_BUILD_TYPE=Release -DFRONTLINE_TESTS=OFF) ;;
  asan) flags=(-DCMAKE_BUILD_TYPE=Debug -DFRONTLINE_SANITIZE=ON -DFRONTLINE_TESTS=ON -DCMAKE_CXX_FLAGS=-O1) ;;
  coverage) flags=(-DCMAKE_BUILD_TYPE=Debug -DFRONTLINE_TESTS=ON "-DCMAKE_CXX_FLAGS=--coverage -O0") ;;
  *) echo "usage: $0 release|asan|coverage" >&2; exit 2 ;;
esac
cmake -S . -B "build/$kind" -G Ninja "${flags[@]}" >/dev/null
ninja -C "build/$kind" >&2
echo "build/$kind/frontline"
