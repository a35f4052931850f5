# Sourced by bench/web.sh and bench/mail.sh: start_server BIN DATA_DIR [serve flags…] starts
# `frontline serve` on a free loopback port, waits for its listening line and sets $url and
# $server_pid; the EXIT trap stops it and removes $run_dir (made here).
run_dir=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$run_dir"
}
trap cleanup EXIT

start_server() {
  local bin=$1 data=$2
  shift 2
  FRONTLINE_ACCESS_LOG=0 "$bin" serve --data "$data" --listen 127.0.0.1:0 "$@" \
    >"$run_dir/stdout" 2>"$run_dir/stderr" &
  server_pid=$!
  for _ in $(seq 100); do grep -q 'listening on' "$run_dir/stdout" && break; sleep 0.1; done
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$run_dir/stdout" | head -1)
  [[ -n $url ]] || { cat "$run_dir/stderr" >&2; exit 1; }
}
