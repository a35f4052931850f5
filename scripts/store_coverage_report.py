"""Reads gcovr's JSON for src/store/ and prints the store contract's coverage (see
store_coverage.sh). Interface methods are the pure virtual declarations of the repository
headers (src/store/*_repository.hpp); one counts as covered when its SQLite implementation ran."""
import glob
import json
import re
import sys

MIN_METHODS, MIN_LINES = 95.0, 90.0

data = json.load(open(sys.argv[1]))
files = {f["file"]: f for f in data["files"]}

declared = set()
for header in glob.glob("src/store/*_repository.hpp"):
    text = open(header).read()
    iface = re.search(r"class (\w+Repository)", text).group(1)
    for m in re.finditer(r"virtual [^;]*?\b(\w+)\([^;]*\)\s*=\s*0;", text, re.S):
        declared.add((iface, m.group(1)))

ran = {}  # method name -> executed (any Sqlite* class)
lines_total = lines_hit = funcs_total = funcs_hit = 0
for path, f in files.items():
    if not path.startswith("src/store/sqlite/"):
        continue
    for line in f["lines"]:
        if line.get("gcovr/noncode"):
            continue
        lines_total += 1
        lines_hit += line["count"] > 0
    for fn in f.get("functions", []):
        funcs_total += 1
        funcs_hit += fn["execution_count"] > 0
        # A method returning a std::string is named with "[abi:cxx11]" before its parameters.
        m = re.search(r"Sqlite\w+::(\w+)(?:\[abi:\w+\])?\(", fn["name"])
        if m:
            ran[m.group(1)] = ran.get(m.group(1), False) or fn["execution_count"] > 0

missed = sorted(f"{i}::{n}" for i, n in declared if not ran.get(n))
methods = 100.0 * (len(declared) - len(missed)) / len(declared)
lines = 100.0 * lines_hit / max(lines_total, 1)
print("| measure (store contract suite alone) | covered | share |")
print("|---|---:|---:|")
print(f"| repository interface methods run on SQLite | {len(declared) - len(missed)}/{len(declared)} | {methods:.1f}% |")
print(f"| lines of src/store/sqlite/ | {lines_hit}/{lines_total} | {lines:.1f}% |")
print(f"| functions of src/store/sqlite/ | {funcs_hit}/{funcs_total} | {100.0 * funcs_hit / max(funcs_total, 1):.1f}% |")
if missed:
    print("\nmethods no contract test calls: " + ", ".join(missed))
if methods < MIN_METHODS or lines < MIN_LINES:
    print(f"\nbelow the bar ({MIN_METHODS}% of methods, {MIN_LINES}% of lines)")
    sys.exit(1)
