#!/usr/bin/env bash
# The durable-write ceiling (see /work/shared/BENCHMARKS.md): how many ticket-sized rows per
# second SQLite itself commits in WAL mode with synchronous=FULL, at 1 row per commit and at 64
# rows per commit, on the same file system as the benchmark data.
# Usage: bench/sqlite_ceiling.sh [DIR]   (DIR: where the scratch database goes; default bench/out)
# Env: CEILING_SECONDS (per mode, default 3), CEILING_ROW_BYTES (payload per row, default 500).
# Prints one line per mode: "CEILING <rows_per_commit> <rows_per_second> <rows> <seconds>".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here/out}
mkdir -p "$dir"
scratch=$(mktemp -d "$dir/ceiling.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
timeout $(( ${CEILING_SECONDS:-3} * 2 + 60 )) /usr/bin/python3 - "$scratch/ceiling.db" \
  "${CEILING_SECONDS:-3}" "${CEILING_ROW_BYTES:-500}" <<'PY'
import os, random, sqlite3, string, sys, time

path, seconds, row_bytes = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
rng = random.Random(42)
words = "printer vpn outlook laptop monitor password teams sharepoint error slow restarted".split()

def text(n):
    out = []
    while sum(len(w) + 1 for w in out) < n:
        out.append(rng.choice(words))
    return " ".join(out)[:n]

for per_commit in (1, 64):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("""CREATE TABLE tickets(number INTEGER PRIMARY KEY, subject TEXT NOT NULL,
                  body TEXT NOT NULL, status INTEGER NOT NULL, requester_id INTEGER NOT NULL,
                  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)""")
    db.execute("CREATE INDEX tickets_status ON tickets(status, updated_at)")
    subject_len = min(60, row_bytes // 5)
    body_len = max(1, row_bytes - subject_len - 24)
    rows = [(text(subject_len), text(body_len)) for _ in range(256)]
    done, commits = 0, 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        db.execute("BEGIN")
        for i in range(per_commit):
            s, b = rows[(done + i) % len(rows)]
            db.execute("INSERT INTO tickets(subject, body, status, requester_id, created_at, updated_at)"
                       " VALUES (?, ?, 1, ?, ?, ?)", (s, b, done + i, 1700000000 + done, 1700000000 + done))
        db.execute("COMMIT")
        done += per_commit
        commits += 1
    elapsed = time.perf_counter() - start
    db.close()
    print(f"CEILING {per_commit} {done / elapsed:.1f} {done} {elapsed:.2f}", flush=True)
PY
