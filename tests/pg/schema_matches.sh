#!/usr/bin/env bash
# Focus: the PostgreSQL schema (src/store/postgres/migrations) equals SQLite's
# (src/store/sqlite/migrations) table by table — column names in order, NOT NULL, declared type
# families, defaults, primary keys, foreign keys, and every SQLite index with a PostgreSQL
# counterpart (named indexes by name, with the same columns, order, uniqueness and predicate;
# UNIQUE/PRIMARY KEY autoindexes by their columns). The FTS5 table is the one listed exception.
#
# Starts a private cluster (scripts/pg_cluster.sh) in a temporary folder and removes it; needs
# psql, and the sqlite3 CLI or python3's sqlite3 module. Prints every difference; exit 1 on any.
# SQLITE_MIGRATIONS / PG_MIGRATIONS override the folders (e.g. a checkout with newer SQLite
# migrations).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
sqlite_dir=${SQLITE_MIGRATIONS:-$root/src/store/sqlite/migrations}
pg_dir=${PG_MIGRATIONS:-$root/src/store/postgres/migrations}

work=$(mktemp -d /tmp/frontline-schema.XXXXXX)
chmod 755 "$work"  # the server runs as postgres when we are root: it must reach $work/pg
cluster=$work/pg
cleanup() {
  "$root/scripts/pg_cluster.sh" destroy "$cluster" >/dev/null 2>&1 || true
  rm -rf -- "$work"
}
trap cleanup EXIT

# SQLite: every migration in order, then the runner's own table (store/sqlite/sqlite_database.cpp).
sqlite_db=$work/sqlite.db
runner_sql="CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, \
name TEXT NOT NULL, applied_at INTEGER NOT NULL);"
if command -v sqlite3 >/dev/null; then
  sqlite3 -bail "$sqlite_db" "$runner_sql"
  for f in "$sqlite_dir"/*.sql; do
    sqlite3 -bail "$sqlite_db" <"$f" || { echo "SQLite migration failed: $f" >&2; exit 1; }
  done
else
  /usr/bin/python3 - "$sqlite_db" "$runner_sql" "$sqlite_dir"/*.sql <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(sys.argv[2])
for f in sys.argv[3:]:
    db.executescript(open(f, encoding="utf-8").read())
db.commit()
EOF
fi

# PostgreSQL: every migration in order, each in one transaction, stopping at the first error.
url=$("$root/scripts/pg_cluster.sh" start "$cluster")
for f in "$pg_dir"/*.sql; do
  psql -X -q -v ON_ERROR_STOP=1 --single-transaction -d "$url" -f "$f" >/dev/null ||
    { echo "PostgreSQL migration failed: $f" >&2; exit 1; }
done
psql -X -At -v ON_ERROR_STOP=1 -d "$url" >"$work/pg.json" <<'EOF'
SELECT json_build_object(
  'columns', (SELECT json_agg(json_build_object(
      'table', c.table_name, 'name', c.column_name, 'notnull', c.is_nullable = 'NO',
      'type', c.udt_name, 'default', c.column_default, 'identity', c.is_identity = 'YES',
      'generated', c.is_generated = 'ALWAYS') ORDER BY c.table_name, c.ordinal_position)
    FROM information_schema.columns c JOIN pg_class r ON r.relname = c.table_name
      AND r.relnamespace = 'public'::regnamespace AND r.relkind = 'r'
    WHERE c.table_schema = 'public'),
  'indexes', (SELECT json_agg(json_build_object('table', tablename, 'name', indexname,
      'def', indexdef)) FROM pg_indexes WHERE schemaname = 'public'),
  'constraints', (SELECT json_agg(json_build_object(
      'table', k.conrelid::regclass::text, 'type', k.contype,
      'cols', (SELECT json_agg(a.attname ORDER BY u.i) FROM unnest(k.conkey)
               WITH ORDINALITY u(n, i) JOIN pg_attribute a
               ON a.attrelid = k.conrelid AND a.attnum = u.n),
      'ref', k.confrelid::regclass::text,
      'refcols', (SELECT json_agg(a.attname ORDER BY u.i) FROM unnest(k.confkey)
                  WITH ORDINALITY u(n, i) JOIN pg_attribute a
                  ON a.attrelid = k.confrelid AND a.attnum = u.n),
      'on_delete', k.confdeltype))
    FROM pg_constraint k WHERE k.connamespace = 'public'::regnamespace
      AND k.contype IN ('p', 'f'))
);
EOF

/usr/bin/python3 - "$sqlite_db" "$work/pg.json" <<'EOF'
import json, re, sqlite3, sys

# The FTS5 table and its shadow tables have no PostgreSQL twin of the same shape: ticket_search
# there is an ordinary table (FTS5's rowid becomes ticket_number) with generated tsvectors.
FTS_TABLES = {"ticket_search"}
FTS_SHADOWS = {f"ticket_search_{s}" for s in ("data", "idx", "content", "docsize", "config")}
FTS_PG_COLUMNS = {"ticket_search": (["ticket_number"], ["public_doc", "internal_doc"])}
# PostgreSQL-only tables: blobs holds attachment bytes in the database (SQLite keeps files).
PG_ONLY_TABLES = {"blobs"}
# PostgreSQL-only columns, last in their table: events.txid is the inserting transaction, which
# lets a follower of the log wait for ids that commit out of order (store/postgres/events.cpp);
# SQLite's single writer commits ids in order and needs none.
PG_ONLY_COLUMNS = {"events": ["txid"]}
# INTEGER PRIMARY KEYs that are always given, never assigned (a ticket's credit is keyed by its
# ticket; a migration by its number): plain BIGINT keys, not identity columns.
EXPLICIT_KEYS = {"ticket_credits.ticket_number", "schema_migrations.version"}

lite = sqlite3.connect(sys.argv[1])
pg = json.load(open(sys.argv[2]))
problems, notes = [], []

def q(sql, *args):
    return lite.execute(sql, args).fetchall()

def norm_sql(s):
    s = re.sub(r"::[a-z_ ]+", "", (s or "").lower())
    return re.sub(r"[()\s]", "", s)

def norm_default(d):
    if d is None:
        return None
    d = re.sub(r"::[a-z_ ]+", "", d.strip()).strip("()")
    return {"false": "0", "true": "1"}.get(d.lower(), d.strip("'"))

lite_tables = {name: sql for name, sql in q(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
pg_cols = {}
for c in pg["columns"] or []:
    pg_cols.setdefault(c["table"], []).append(c)
for t, extra in PG_ONLY_COLUMNS.items():
    if [c["name"] for c in pg_cols.get(t, [])][-len(extra):] != extra:
        problems.append(f"{t}: expected PostgreSQL-only columns {extra} last")
    else:
        pg_cols[t] = pg_cols[t][:-len(extra)]
pg_indexes = {i["name"]: i for i in pg["indexes"] or []}
pg_cons = pg["constraints"] or []

ordinary = set(lite_tables) - FTS_TABLES - FTS_SHADOWS
for t in sorted(set(pg_cols) - ordinary - FTS_TABLES - PG_ONLY_TABLES):
    problems.append(f"{t}: table only in PostgreSQL")
for t in sorted(ordinary - set(pg_cols)):
    problems.append(f"{t}: table missing in PostgreSQL")

# The FTS5 exception: same document columns between the listed PostgreSQL-only ones.
for t in sorted(FTS_TABLES):
    fts_cols = [r[1] for r in q(f"PRAGMA table_info('{t}')")]
    before, after = FTS_PG_COLUMNS[t]
    want = before + fts_cols + after
    got = [c["name"] for c in pg_cols.get(t, [])]
    if got != want:
        problems.append(f"{t} (FTS): PostgreSQL columns {got}, expected {want}")
    for doc in after:
        if not any(i["table"] == t and "USING gin (" + doc + ")" in i["def"]
                   for i in pg_indexes.values()):
            problems.append(f"{t} (FTS): no GIN index on {doc}")

def pg_index_parts(d):
    m = re.search(r" ON \S+ USING (\w+) \((.*?)\)(?: WHERE (.*))?$", d)
    cols = [c.strip().replace('"', "").replace(" DESC", " desc") for c in m.group(2).split(",")]
    return m.group(1), cols, m.group(3)

for t in sorted(ordinary & set(pg_cols)):
    info = q(f"PRAGMA table_info('{t}')")
    sql = lite_tables[t]
    lcols = [r[1] for r in info]
    pcols = {c["name"]: c for c in pg_cols[t]}
    if lcols != [c["name"] for c in pg_cols[t]]:
        problems.append(f"{t}: columns differ\n    SQLite:     {lcols}\n"
                        f"    PostgreSQL: {[c['name'] for c in pg_cols[t]]}")
    without_rowid = bool(re.search(r"without\s+rowid\s*$", sql.strip(), re.I))
    lpk = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
    for cid, name, ltype, notnull, dflt, pk in info:
        c = pcols.get(name)
        if c is None:
            continue
        rowid_alias = pk and lpk == [name] and ltype.upper() == "INTEGER"
        lite_notnull = bool(notnull) or rowid_alias or (pk and without_rowid)
        if pk and not lite_notnull:
            # A PRIMARY KEY column in a rowid table: SQLite accepts NULL there, PostgreSQL not.
            lite_notnull = True
            notes.append(f"{t}.{name}: PRIMARY KEY allows NULL in SQLite; NOT NULL in PostgreSQL")
        if lite_notnull != c["notnull"]:
            problems.append(f"{t}.{name}: NOT NULL SQLite={lite_notnull} PostgreSQL={c['notnull']}")
        nocase = re.search(rf"\b{name}\b\s+TEXT\b[^,\n]*COLLATE\s+NOCASE", sql, re.I)
        allowed = {"INTEGER": {"int8", "bool"}, "TEXT": {"text"}}.get(ltype.upper(), set())
        if nocase:
            allowed = {"citext"}
        if c["type"] not in allowed:
            problems.append(f"{t}.{name}: SQLite {ltype}{' NOCASE' if nocase else ''} "
                            f"became {c['type']} (expected one of {sorted(allowed)})")
        if rowid_alias:
            if c["identity"] == (f"{t}.{name}" in EXPLICIT_KEYS):
                problems.append(f"{t}.{name}: INTEGER PRIMARY KEY: identity={c['identity']}, "
                                f"expected {not c['identity']} (see EXPLICIT_KEYS)")
        elif norm_default(dflt) != norm_default(c["default"]):
            problems.append(f"{t}.{name}: default SQLite={dflt} PostgreSQL={c['default']}")

    ppk = next((k["cols"] for k in pg_cons if k["table"] == t and k["type"] == "p"), [])
    if lpk != ppk:
        problems.append(f"{t}: primary key SQLite={lpk} PostgreSQL={ppk}")

    lfks = {}
    for r in q(f"PRAGMA foreign_key_list('{t}')"):
        fk = lfks.setdefault(r[0], {"cols": [], "ref": r[2], "refcols": [], "on_delete": r[6]})
        fk["cols"].append(r[3])
        fk["refcols"].append(r[4])
    want = sorted((tuple(f["cols"]), f["ref"], tuple(f["refcols"]),
                   {"NO ACTION": "a", "CASCADE": "c", "SET NULL": "n", "RESTRICT": "r",
                    "SET DEFAULT": "d"}[f["on_delete"]]) for f in lfks.values())
    got = sorted((tuple(k["cols"]), k["ref"], tuple(k["refcols"]), k["on_delete"])
                 for k in pg_cons if k["table"] == t and k["type"] == "f")
    if want != got:
        problems.append(f"{t}: foreign keys differ\n    SQLite:     {want}\n    PostgreSQL: {got}")

    pg_on_t = {n: i for n, i in pg_indexes.items() if i["table"] == t}
    for _, iname, unique, origin, partial in q(f"PRAGMA index_list('{t}')"):
        cols = [(r[2] + (" desc" if r[3] else "")) for r in q(f"PRAGMA index_xinfo('{iname}')")
                if r[5]]
        if origin == "c":
            i = pg_on_t.get(iname)
            if i is None:
                problems.append(f"{t}: index {iname} has no PostgreSQL counterpart")
                continue
            method, pcols_i, where = pg_index_parts(i["def"])
            punique = i["def"].startswith("CREATE UNIQUE")
            lwhere = q("SELECT sql FROM sqlite_master WHERE name = ?", iname)[0][0]
            lwhere = re.split(r"\bWHERE\b", lwhere, flags=re.I)[1] if partial else None
            if method != "btree" or pcols_i != cols or punique != bool(unique) or \
               norm_sql(where) != norm_sql(lwhere):
                problems.append(f"{t}: index {iname} differs\n    SQLite:     unique={bool(unique)}"
                                f" {cols} where {lwhere}\n    PostgreSQL: {i['def']}")
        else:
            match = [n for n, i in pg_on_t.items()
                     if i["def"].startswith("CREATE UNIQUE") and pg_index_parts(i["def"])[1] == cols]
            if not match:
                problems.append(f"{t}: {origin} constraint on {cols} ({iname}) has no unique "
                                f"PostgreSQL index")
    for n, i in pg_on_t.items():
        named_in_lite = q("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", n)
        constraint_index = n.endswith("_pkey") or n.endswith("_key")
        if not named_in_lite and not constraint_index:
            problems.append(f"{t}: index {n} only in PostgreSQL")

for n in notes:
    print("note:", n)
for p in problems:
    print("DIFF:", p)
tables = len(ordinary & set(pg_cols))
print(f"{tables} tables compared (+ {len(FTS_TABLES)} FTS exception); "
      f"{len(problems)} difference(s)")
sys.exit(1 if problems else 0)
EOF
