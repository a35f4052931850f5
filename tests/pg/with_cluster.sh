#!/usr/bin/env bash
# Runs one command against a private PostgreSQL cluster made for it: starts one in a temporary
# folder (scripts/pg_cluster.sh), exports FRONTLINE_TEST_PG_URL (database `frontline`) and
# FRONTLINE_TEST_PG_DIR (for `pg_cluster.sh url DIR NAME`: a fresh database per fixture), runs
# the command, removes the cluster, and exits with the command's status.
#   tests/pg/with_cluster.sh build/asan/pg_connection_test --gtest_brief=1
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 COMMAND [ARG…]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/frontline-pg.XXXXXX)
chmod 755 "$work"  # the server runs as postgres when we are root: it must reach $work/pg
cleanup() {
  "$root/scripts/pg_cluster.sh" destroy "$work/pg" >/dev/null 2>&1 || true
  rm -rf -- "$work"
}
trap cleanup EXIT
FRONTLINE_TEST_PG_URL=$("$root/scripts/pg_cluster.sh" start "$work/pg")
export FRONTLINE_TEST_PG_URL FRONTLINE_TEST_PG_DIR=$work/pg
status=0
"$@" || status=$?
exit "$status"
