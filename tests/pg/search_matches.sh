#!/usr/bin/env bash
# Focus: PostgreSQL's search columns (ticket_search.public_doc / internal_doc, migration
# 016_baseline) find the same tickets as SQLite's FTS5 table for the same words — tokens split
# and folded as unicode61 (remove_diacritics 2) does — and a customer's search (public_doc
# only) never matches a word that exists only in internal notes.
#
# Both sides get the same documents; each query runs as the SQLite adapter writes it
# (fts5_query.cpp: every term a quoted FTS5 string, ANDed, inside the column filter) and as a
# PostgreSQL adapter would (every term through frontline_search_text and the frontline_search
# configuration; a customer reads public_doc, staff public_doc OR internal_doc per term).
# Prints each query whose matches differ; exit 1 on any. Needs psql and python3 (sqlite3 with
# FTS5). Starts and removes its own cluster.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
sqlite_dir=${SQLITE_MIGRATIONS:-$root/src/store/sqlite/migrations}
pg_dir=${PG_MIGRATIONS:-$root/src/store/postgres/migrations}

work=$(mktemp -d /tmp/frontline-search.XXXXXX)
chmod 755 "$work"  # the server runs as postgres when we are root: it must reach $work/pg
cleanup() {
  "$root/scripts/pg_cluster.sh" destroy "$work/pg" >/dev/null 2>&1 || true
  rm -rf -- "$work"
}
trap cleanup EXIT

url=$("$root/scripts/pg_cluster.sh" start "$work/pg")
for f in "$pg_dir"/*.sql; do
  psql -X -q -v ON_ERROR_STOP=1 --single-transaction -d "$url" -f "$f" >/dev/null
done

/usr/bin/python3 - "$url" "$sqlite_dir" <<'EOF'
import glob, sqlite3, subprocess, sys

url, sqlite_dir = sys.argv[1], sys.argv[2]

# (subject, public_text, internal_text, requester)
DOCS = [
    ("Printer jam on floor 3", "The printer-jam error.log shows E42", "secretword only here",
     "Ann Example ann@example.com"),
    ("Café menu broken", "Naïve Unicode: ÉCOLE straße", "", "Bob bob@agency.org"),
    ("VPN drops", "see https://vpn.example.net/status?x=1 and version 1.2.3", "call back 555-0100",
     "Čapek karel@example.cz"),
    ("Ωmega keyboard", "«quoted» words — dash, semi;colon", "internal ωmega note",
     "Zoë zoe@example.com"),
    ("Mail bounce", "user_name@host and C:\\path\\file.txt", "printer", "Dan dan@example.com"),
    ("日本語のチケット", "中文 text", "", "Ken ken@example.jp"),
    ("Ærøskøbing office", "Łódź branch, Œuvre", "", "Lee lee@example.dk"),
]

# Words PostgreSQL's unaccent folds and unicode61 does not (ß → ss, æ → ae, ø → o, ł → l,
# œ → oe): PostgreSQL also finds the ASCII spelling. Both find the word as written. Accepted
# (a search finds a little more, never less, and never across the public/internal line).
PG_MAY_FIND_MORE = {"strasse", "aeroskobing", "lodz", "oeuvre"}

# (query terms as typed: (text, prefix)), visibility
QUERIES = []
for terms in [
    [("printer", False)], [("PRINTER", False)], [("jam", False)], [("error", False)],
    [("log", False)], [("error.log", False)], [("E42", False)], [("e42", False)],
    [("secretword", False)], [("cafe", False)], [("CAFÉ", False)], [("naive", False)],
    [("ecole", False)], [("example", False)], [("example.com", False)],
    [("ann@example.com", False)], [("vpn", False)], [("status", False)], [("1", False)],
    [("2", False)], [("555", False)], [("ωmega", False)], [("ΩMEGA", False)],
    [("quoted", False)], [("dash", False)], [("semi", False)], [("colon", False)],
    [("user_name", False)], [("name", False)], [("file", False)], [("txt", False)],
    [("capek", False)], [("zoe", False)], [("中文", False)], [("日本語のチケット", False)],
    [("print", True)], [("exam", True)], [("sec", True)], [("ωm", True)], [("caf", True)],
    [("printer", False), ("secretword", False)], [("printer", False), ("jam", False)],
    [("call back", False)], [("back call", False)], [("error log", False)],
    [("ann example", False)], [("internal", False), ("keyboard", False)],
    [("printer", False), ("dan", False)], [("straße", False)], [("strasse", False)],
    [("ærøskøbing", False)], [("aeroskobing", False)], [("łódź", False)], [("lodz", False)],
    [("œuvre", False)], [("oeuvre", False)], [("ærø", True)],
]:
    for staff in (False, True):
        QUERIES.append((terms, staff))

# SQLite: the real migrations, the FTS5 query as store/sqlite/fts5_query.cpp writes it.
lite = sqlite3.connect(":memory:")
for f in sorted(glob.glob(f"{sqlite_dir}/*.sql")):
    lite.executescript(open(f, encoding="utf-8").read())
for n, d in enumerate(DOCS, 1):
    lite.execute("INSERT INTO ticket_search(rowid, subject, public_text, internal_text, requester,"
                 " facets) VALUES(?, ?, ?, ?, ?, 'zzstatusopen')", (n, *d))

def fts5(terms, staff):
    parts = ['"' + t.replace('"', '""') + '"' + ("*" if p else "") for t, p in terms]
    cols = "{subject public_text internal_text requester}" if staff else \
           "{subject public_text requester}"
    return f"{cols} : ({' AND '.join(parts)})"

lite_hits = [sorted(r[0] for r in lite.execute(
    "SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?", (fts5(t, s),)))
    for t, s in QUERIES]

# PostgreSQL: one psql run; every query prints "index|number".
def lit(s):
    return "'" + s.replace("'", "''") + "'"

def tsq(text, prefix):
    norm = f"frontline_search_text({lit(text)})"
    if not prefix:
        return f"phraseto_tsquery('frontline_search', {norm})"
    # The last word of a prefix term is a prefix; words before it a phrase (like FTS5's "a b"*).
    return (f"to_tsquery('frontline_search', array_to_string(ARRAY(SELECT quote_literal(w) FROM "
            f"unnest(regexp_split_to_array(btrim({norm}), '\\s+')) w), ' <-> ') || ':*')")

sql = ["INSERT INTO users(id, email, name, role, created_at) VALUES (1, 'r@x', 'R', 'customer', 0);"]
for n, d in enumerate(DOCS, 1):
    sql.append(f"INSERT INTO tickets(number, subject, status, priority, requester_id, channel, "
               f"created_at, updated_at) VALUES ({n}, {lit(d[0])}, 'open', 'normal', 1, 'web', 0, 0);")
    sql.append(f"INSERT INTO ticket_search(ticket_number, subject, public_text, internal_text, "
               f"requester, facets) VALUES ({n}, {', '.join(map(lit, d))}, 'zzstatusopen');")
for i, (terms, staff) in enumerate(QUERIES):
    conds = []
    for text, prefix in terms:
        q = tsq(text, prefix)
        conds.append(f"(public_doc @@ {q} OR internal_doc @@ {q})" if staff
                     else f"public_doc @@ {q}")
    sql.append(f"SELECT {i}, ticket_number FROM ticket_search WHERE {' AND '.join(conds)};")
out = subprocess.run(["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", url],
                     input="\n".join(sql), capture_output=True, text=True)
if out.returncode:
    sys.exit("psql failed: " + out.stderr)
pg_hits = [[] for _ in QUERIES]
for line in out.stdout.splitlines():
    if "|" in line:
        i, n = line.split("|")
        pg_hits[int(i)].append(int(n))

problems = 0
for (terms, staff), a, b in zip(QUERIES, lite_hits, sorted_hits := [sorted(h) for h in pg_hits]):
    if a != b:
        if len(terms) == 1 and terms[0][0] in PG_MAY_FIND_MORE and set(a) <= set(b):
            print(f"note: {'staff' if staff else 'customer'} {terms}: FTS5 {a}, PostgreSQL {b} "
                  "(unaccent folds more; accepted)")
            continue
        problems += 1
        print(f"DIFF: {'staff' if staff else 'customer'} {terms}: FTS5 {a}, PostgreSQL {b}")
for (terms, staff), hits in zip(QUERIES, sorted_hits):
    if not staff and terms == [("secretword", False)] and hits:
        problems += 1
        print("DIFF: a customer's search matched a word that exists only in an internal note")
print(f"{len(QUERIES)} queries over {len(DOCS)} tickets; {problems} difference(s)")
sys.exit(1 if problems else 0)
EOF
