#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and benchmarks (issue 14): initdb in a folder of the
# caller's choosing, a Unix socket in that folder (plus 127.0.0.1 when PG_TCP=1), trust auth.
#
#   pg_cluster.sh start DIR            create (if missing) and start; create database `frontline`;
#                                      print its URL
#   pg_cluster.sh url DIR [NAME]       print the URL of database NAME (default frontline) on the
#                                      running cluster, creating the database if missing
#   pg_cluster.sh createdb DIR NAME    the same as `url DIR NAME`
#   pg_cluster.sh stop DIR             stop (fast shutdown); no-op when not running
#   pg_cluster.sh destroy DIR          stop and remove DIR (only if it holds a cluster made here)
#
# URLs have the pinned form postgresql://postgres@/NAME?host=DIR&port=N (the port names the
# socket, DIR/.s.PGSQL.N). Run as root, the server runs as the `postgres` system user and DIR
# is handed to it; run as anyone else, the server runs as the caller. Every command is
# idempotent and takes a lock on DIR, so parallel test fixtures may call it at once.
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin), PG_TCP=1 (also listen on
# 127.0.0.1:N).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
readonly kDefaultDb=frontline
readonly kMarker=.frontline_pg_cluster

die() {
  echo "pg_cluster.sh: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start DIR | url DIR [NAME] | createdb DIR NAME | stop DIR | destroy DIR" >&2
  exit 2
}

# Runs a server-side program as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

data_dir() { echo "$dir/data"; }
port() { cat "$dir/port" 2>/dev/null || true; }

# The server's state from its pid file: running, dead (none, or killed and already reaped), or
# zombie (killed, not yet reaped by init: the pid still "exists", so pg_ctl status and a new
# postmaster would both take it for a live server).
server_state() {
  local pid state
  pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || { echo dead; return; }
  [[ $pid =~ ^[0-9]+$ ]] || { echo dead; return; }
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || { echo dead; return; }
  case "$state" in
    Z | X | "") echo zombie ;;
    *) echo running ;;
  esac
}

running() {
  [[ -f $dir/data/PG_VERSION ]] || return 1
  # A SIGKILLed server may linger as a zombie for a moment: wait until it is gone.
  for _ in $(seq 1 100); do
    case "$(server_state)" in
      running) return 0 ;;
      dead) return 1 ;;
      zombie) sleep 0.1 ;;
    esac
  done
  die "the server in $dir was killed but its process has not been reaped"
}

url_for() {
  echo "postgresql://postgres@/$1?host=$dir&port=$(port)"
}

check_db_name() {
  [[ $1 =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] ||
    die "database name '$1' must be letters, digits and _ (at most 63, not starting with a digit)"
}

# True when nothing listens on 127.0.0.1:$1. (A socket file of that number in DIR is our own
# server's, left behind by a crash: the server removes it when it starts, and the port, and so
# the URL, stays the same across a restart.)
port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
  local p
  if p=$(port) && [[ -n $p ]] && port_free "$p"; then
    echo "$p"
    return
  fi
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 40000))
    if port_free "$p"; then
      echo "$p"
      return
    fi
  done
  die "no free port found"
}

psql_admin() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$(port)" -U postgres -d postgres "$@"
}

ensure_db() {
  local name=$1 exists out
  check_db_name "$name"
  exists=$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")
  [[ $exists == 1 ]] && return 0
  # Two callers may race to create it: "already exists" (42P04) is success.
  if ! out=$(psql_admin -c "CREATE DATABASE \"$name\"" 2>&1); then
    [[ $out == *"already exists"* ]] || die "cannot create database $name: $out"
  fi
}

init_cluster() {
  local data
  data=$(data_dir)
  [[ -f $data/PG_VERSION ]] && return 0
  [[ -x $PG_BIN/initdb ]] || die "initdb not found in $PG_BIN (set PG_BIN)"
  # Byte order (C) for sorting, like SQLite's BINARY collation; a UTF-8 ctype so lower() and
  # the text search parser know non-ASCII letters (search folds case like FTS5's unicode61).
  as_owner "$PG_BIN/initdb" -D "$data" --auth=trust --username=postgres --encoding=UTF8 \
    --locale=C --lc-ctype=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    die "initdb failed (see $dir/initdb.log): $(tail -n 3 "$dir/initdb.log")"
  cat >>"$data/postgresql.conf" <<'EOF'

# Frontline test cluster (scripts/pg_cluster.sh). Durable: fault tests SIGKILL things.
fsync = on
synchronous_commit = on
full_page_writes = on
shared_buffers = 128MB
max_connections = 200
unix_socket_permissions = 0777
log_min_messages = warning
log_line_prefix = '%m [%p] %d '
include_if_exists = 'frontline_listen.conf'
EOF
}

start() {
  local data p listen
  data=$(data_dir)
  init_cluster
  if running; then
    ensure_db "$kDefaultDb"
    url_for "$kDefaultDb"
    return
  fi
  p=$(pick_port)
  local sock="$dir/.s.PGSQL.$p"
  ((${#sock} < 108)) || die "socket path $sock is too long for a Unix socket (max 107 bytes)"
  listen="''"
  [[ ${PG_TCP:-0} == 1 ]] && listen="'127.0.0.1'"
  as_owner tee "$data/frontline_listen.conf" >/dev/null <<EOF
port = $p
listen_addresses = $listen
unix_socket_directories = '$dir'
EOF
  echo "$p" >"$dir/port"
  # 9>&-: the server must not inherit the lock, or it would hold it for as long as it runs.
  if ! as_owner "$PG_BIN/pg_ctl" start -D "$data" -w -t 60 -l "$dir/server.log" >/dev/null 9>&-; then
    die "server did not start (see $dir/server.log): $(tail -n 5 "$dir/server.log" 2>/dev/null)"
  fi
  ensure_db "$kDefaultDb"
  url_for "$kDefaultDb"
}

stop() {
  if ! running; then
    echo "pg_cluster.sh: no cluster running in $dir" >&2
    return 0
  fi
  as_owner "$PG_BIN/pg_ctl" stop -D "$(data_dir)" -m fast -w -t 60 >/dev/null ||
    die "server did not stop (see $dir/server.log)"
}

destroy() {
  [[ -e $dir ]] || return 0
  if running; then
    as_owner "$PG_BIN/pg_ctl" stop -D "$(data_dir)" -m immediate -w -t 60 >/dev/null || true
  fi
  rm -rf -- "$dir"
}

[[ $# -ge 2 ]] || usage
cmd=$1
case "$2" in
  /*) dir=$2 ;;
  *) dir=$PWD/$2 ;;
esac
dir=${dir%/}

case "$cmd" in
  start)
    [[ $# -eq 2 ]] || usage
    if [[ ! -e $dir ]]; then
      mkdir -p -- "$dir"
      touch "$dir/$kMarker"
    fi
    [[ -d $dir ]] || die "$dir is not a folder"
    [[ -f $dir/$kMarker || -z $(ls -A "$dir") ]] || die "$dir is not empty and not a cluster folder"
    touch "$dir/$kMarker"
    dir=$(cd "$dir" && pwd -P)
    if [[ $(id -u) -eq 0 ]]; then
      chown postgres: "$dir"
      runuser -u postgres -- test -w "$dir" ||
        die "user postgres cannot reach $dir (a parent folder is closed to it); use one under /tmp"
    fi
    ;;
  url | createdb | stop | destroy)
    if [[ ! -e $dir ]]; then
      [[ $cmd == destroy || $cmd == stop ]] && exit 0
      die "no cluster at $dir"
    fi
    [[ -f $dir/$kMarker ]] || die "$dir was not made by pg_cluster.sh (no $kMarker); leaving it alone"
    dir=$(cd "$dir" && pwd -P)
    ;;
  *) usage ;;
esac

# One command at a time per cluster: the marker file is the lock.
exec 9>>"$dir/$kMarker"
flock 9

case "$cmd" in
  start) start ;;
  url | createdb)
    name=${3:-$kDefaultDb}
    [[ $cmd == createdb && $# -ne 3 ]] && usage
    [[ $# -le 3 ]] || usage
    running || die "no cluster running in $dir (run: $0 start $dir)"
    ensure_db "$name"
    url_for "$name"
    ;;
  stop) stop ;;
  destroy) destroy ;;
esac
