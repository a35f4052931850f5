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
# Two compilers at a time (the machine has two cores); `finish` waits for all and fails if any did.
pids=()
spawn() {
  while (($(jobs -rp | wc -l) >= 2)); do wait -n || true; done
  "$@" &
  pids+=($!)
}
finish() {
  local failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  pids=()
  ((failed == 0)) || { echo "fuzz: a build or run failed (see above)"; exit 1; }
}
# The search box through the SQLite engine's compiler, checked against a real FTS5 table.
spawn "$cxx" "${flags[@]}" "${core_sources[@]}" src/store/sqlite/fts5_query.cpp \
  tests/fuzz/fuzz_search_query.cpp -lsqlite3 -o "$out/fuzz_search_query"
spawn "$cxx" "${flags[@]}" "${core_sources[@]}" src/http/request_decoding.cpp src/http/multipart.cpp \
  tests/fuzz/fuzz_request_decoding.cpp -lboost_json -o "$out/fuzz_request_decoding"
spawn "$cxx" "${flags[@]}" src/http/csv.cpp tests/fuzz/fuzz_csv_field.cpp -o "$out/fuzz_csv_field"
# What a chat client sends: socket frames and the chat routes' bodies.
spawn "$cxx" "${flags[@]}" "${core_sources[@]}" src/core/chat.cpp src/channels/chat/chat_frames.cpp \
  src/http/chat_codec.cpp src/http/codec_support.cpp tests/fuzz/fuzz_chat_frames.cpp -lboost_json \
  -o "$out/fuzz_chat_frames"
# The service directory: the search box's host and the POST/PATCH bodies.
spawn "$cxx" "${flags[@]}" "${core_sources[@]}" src/core/service.cpp src/http/service_codec.cpp \
  src/http/codec_support.cpp tests/fuzz/fuzz_service_directory.cpp -lboost_json \
  -o "$out/fuzz_service_directory"
# Hardware replacements: the create, change, ship and cancel bodies.
spawn "$cxx" "${flags[@]}" "${core_sources[@]}" src/core/replacement.cpp src/http/replacement_codec.cpp \
  src/http/codec_support.cpp tests/fuzz/fuzz_replacements.cpp -lboost_json -o "$out/fuzz_replacements"
# Backstage catalog-info.yaml as an admin imports it (yaml-cpp), and written back out.
spawn "$cxx" "${flags[@]}" src/core/text.cpp src/core/model.cpp src/core/service.cpp \
  src/app/catalog_yaml.cpp tests/fuzz/fuzz_service_catalog.cpp -lyaml-cpp \
  -o "$out/fuzz_service_catalog"
# The email channel with GMime; the MIME corpus also takes Debian's Python test suite's messages.
for target in fuzz_mime_parser fuzz_html_to_text fuzz_sanitize_html fuzz_authentication_results; do
  # shellcheck disable=SC2086 # $gmime is a list of flags
  spawn "$cxx" "${flags[@]}" "${email_sources[@]}" "tests/fuzz/$target.cpp" $gmime -o "$out/$target"
done
finish
mkdir -p "$out/corpus-fuzz_mime_parser"
cp -n /usr/lib/python3.11/test/test_email/data/*.txt "$out/corpus-fuzz_mime_parser/" 2>/dev/null || true
# Two targets at a time too; each prints its summary when it ends.
fuzz_one() {
  local target=$1 corpus="$out/corpus-$1" seeds="tests/fuzz/corpus/$1" status=0
  mkdir -p "$corpus" "$seeds"
  "$out/$target" "${limit[@]}" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/$target-" "$corpus" "$seeds" >"$out/$target.log" 2>&1 || status=$?
  echo "fuzz: $target (${limit[*]}): $(grep -E "stat::number_of_executed_units" "$out/$target.log" || true)"
  if ((status != 0)); then
    grep -E "ERROR|SUMMARY" "$out/$target.log" || true
    echo "fuzz: $target FAILED (exit $status); see $out/$target.log and $out/$target-crash-*"
    return 1
  fi
}
for target in fuzz_search_query fuzz_request_decoding fuzz_csv_field fuzz_chat_frames fuzz_mime_parser \
  fuzz_html_to_text fuzz_sanitize_html fuzz_authentication_results fuzz_service_directory \
  fuzz_service_catalog fuzz_replacements; do
  spawn fuzz_one "$target"
done
finish
