#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (when present, with ASan and UBSan) and runs each one,
# seeded from its committed corpus (tests/fuzz/corpus/<target>/; what it finds is kept in
# build/fuzz/corpus-<target>/).
# Usage: tests/fuzz/run.sh [seconds per target, default 15]   (make test: briefly)
#        tests/fuzz/run.sh --runs N                          (make fuzz: N executions each)
set -euo pipefail
cd "$(dirname "$0")/../.."
limit=(-max_total_time="${1:-15}")
if [[ "${1:-}" == "--runs" ]]; then
  limit=(-runs="${2:?--runs needs a count}")
fi
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [[ -z "$cxx" ]]; then
  echo "fuzz: clang not found; skipping the fuzz targets"
  exit 0
fi
out=build/fuzz
mkdir -p "$out"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc)
core_sources=(src/core/search_query.cpp src/core/civil_date.cpp src/core/text.cpp src/core/model.cpp)
email_sources=(src/core/text.cpp src/core/model.cpp src/channels/email/cpu_budget.cpp
  src/channels/email/authentication_results.cpp src/channels/email/mime_parser.cpp
  src/channels/email/message_ids.cpp
  src/channels/email/html_to_text.cpp src/channels/email/html_sanitizer.cpp
  src/channels/email/gmime_support.cpp)
gmime=$(pkg-config --cflags --libs gmime-3.0)
# The search box through the SQLite engine's compiler, checked against a real FTS5 table.
"$cxx" "${flags[@]}" "${core_sources[@]}" src/store/sqlite/fts5_query.cpp \
  tests/fuzz/fuzz_search_query.cpp -lsqlite3 -o "$out/fuzz_search_query"
"$cxx" "${flags[@]}" "${core_sources[@]}" src/http/request_decoding.cpp src/http/multipart.cpp \
  tests/fuzz/fuzz_request_decoding.cpp -lboost_json -o "$out/fuzz_request_decoding"
"$cxx" "${flags[@]}" src/http/csv.cpp tests/fuzz/fuzz_csv_field.cpp -o "$out/fuzz_csv_field"
# What a chat client sends: socket frames and the chat routes' bodies.
"$cxx" "${flags[@]}" "${core_sources[@]}" src/core/chat.cpp src/channels/chat/chat_frames.cpp \
  src/http/chat_codec.cpp src/http/codec_support.cpp tests/fuzz/fuzz_chat_frames.cpp -lboost_json \
  -o "$out/fuzz_chat_frames"
# The service directory: the search box's host and the POST/PATCH bodies.
"$cxx" "${flags[@]}" "${core_sources[@]}" src/core/service.cpp src/http/service_codec.cpp \
  src/http/codec_support.cpp tests/fuzz/fuzz_service_directory.cpp -lboost_json \
  -o "$out/fuzz_service_directory"
# Backstage catalog-info.yaml as an admin imports it (yaml-cpp), and written back out.
"$cxx" "${flags[@]}" src/core/text.cpp src/core/model.cpp src/core/service.cpp \
  src/app/catalog_yaml.cpp tests/fuzz/fuzz_service_catalog.cpp -lyaml-cpp \
  -o "$out/fuzz_service_catalog"
# The email channel with GMime; the MIME corpus also takes Debian's Python test suite's messages.
for target in fuzz_mime_parser fuzz_html_to_text fuzz_sanitize_html fuzz_authentication_results; do
  # shellcheck disable=SC2086 # $gmime is a list of flags
  "$cxx" "${flags[@]}" "${email_sources[@]}" "tests/fuzz/$target.cpp" $gmime -o "$out/$target"
done
mkdir -p "$out/corpus-fuzz_mime_parser"
cp -n /usr/lib/python3.11/test/test_email/data/*.txt "$out/corpus-fuzz_mime_parser/" 2>/dev/null || true
for target in fuzz_search_query fuzz_request_decoding fuzz_csv_field fuzz_chat_frames fuzz_mime_parser \
  fuzz_html_to_text fuzz_sanitize_html fuzz_authentication_results fuzz_service_directory \
  fuzz_service_catalog; do
  corpus="$out/corpus-$target"
  seeds="tests/fuzz/corpus/$target"
  mkdir -p "$corpus" "$seeds"
  echo "fuzz: $target (${limit[*]})"
  status=0
  "$out/$target" "${limit[@]}" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/$target-" "$corpus" "$seeds" >"$out/$target.log" 2>&1 || status=$?
  grep -E "stat::number_of_executed_units|ERROR|SUMMARY" "$out/$target.log" || true
  if ((status != 0)); then
    echo "fuzz: $target FAILED (exit $status); see $out/$target.log and $out/$target-crash-*"
    exit 1
  fi
done
