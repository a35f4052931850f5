#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (when present) and runs each briefly.
# Usage: tests/fuzz/run.sh [seconds per target, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [[ -z "$cxx" ]]; then
  echo "fuzz: clang not found; skipping the fuzz targets"
  exit 0
fi
out=build/fuzz
mkdir -p "$out"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc)
core_sources=(src/core/search_query.cpp src/core/text.cpp src/core/model.cpp)
"$cxx" "${flags[@]}" "${core_sources[@]}" tests/fuzz/fuzz_search_query.cpp -o "$out/fuzz_search_query"
"$cxx" "${flags[@]}" "${core_sources[@]}" src/http/request_decoding.cpp src/http/multipart.cpp \
  tests/fuzz/fuzz_request_decoding.cpp -lboost_json -o "$out/fuzz_request_decoding"
# The MIME parser with GMime; seeded with the MIME corpus Debian's Python test suite ships.
"$cxx" "${flags[@]}" src/core/text.cpp src/core/model.cpp src/channels/email/mime_parser.cpp \
  src/channels/email/html_to_text.cpp src/channels/email/html_sanitizer.cpp \
  src/channels/email/gmime_support.cpp \
  tests/fuzz/fuzz_mime_parser.cpp \
  $(pkg-config --cflags --libs gmime-3.0) -o "$out/fuzz_mime_parser"
mkdir -p "$out/corpus-fuzz_mime_parser"
cp -n /usr/lib/python3.11/test/test_email/data/*.txt "$out/corpus-fuzz_mime_parser/" 2>/dev/null || true
for target in fuzz_search_query fuzz_request_decoding fuzz_mime_parser; do
  corpus="$out/corpus-$target"
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s"
  status=0
  "$out/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/$target-" "$corpus" >"$out/$target.log" 2>&1 || status=$?
  grep -E "stat::number_of_executed_units|ERROR|SUMMARY" "$out/$target.log" || true
  if ((status != 0)); then
    echo "fuzz: $target FAILED (exit $status); see $out/$target.log and $out/$target-crash-*"
    exit 1
  fi
done
