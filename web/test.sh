#!/usr/bin/env bash
# The web app's unit tests (node --test, no browser): each module under test is bundled from
# TypeScript with Vite's bundler (rolldown) into a temporary folder first. Run by scripts/test.sh
# after web/build.sh (which installs node_modules).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node_modules/.bin/rolldown src/components/quoting.ts --format esm --platform node \
  --file "$tmp/quoting.mjs" >/dev/null
node_modules/.bin/rolldown src/components/event_text.ts --format esm --platform node \
  --file "$tmp/event_text.mjs" >/dev/null
# The live chat's pure parts: the resend-until-ack outbox, link detection, canned-response
# placeholders, the log and heartbeat, the socket connection driven by a fake socket, and the
# retries of a file upload.
for m in outbox links placeholders logbook connection upload; do
  node_modules/.bin/rolldown "src/chat/$m.ts" --format esm --platform node --file "$tmp/chat_$m.mjs" >/dev/null
done
# The size check's sentence (shared by the ticket composer and the chat).
node_modules/.bin/rolldown src/limits.ts --format esm --platform node --file "$tmp/limits.mjs" >/dev/null
# The service directory's call-tree text, contact links and editor model; the promise report's words.
for m in service_text service_form promise_text; do
  node_modules/.bin/rolldown "src/$m.ts" --format esm --platform node --file "$tmp/$m.mjs" >/dev/null
done
# Hardware replacements: the address form's order, what is missing, the address as lines.
node_modules/.bin/rolldown src/replacement_text.ts --format esm --platform node --file "$tmp/replacement_text.mjs" >/dev/null
export CHAT_MODULES="$tmp" SERVICE_MODULES="$tmp" REPLACEMENT_MODULES="$tmp"
# One GC thread: process CPU time then counts the work, not how busy V8's helper threads were
# (the growth tests compare CPU times).
QUOTING_MODULE="$tmp/quoting.mjs" EVENT_TEXT_MODULE="$tmp/event_text.mjs" node --single-threaded-gc --test tests/
