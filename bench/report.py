#!/usr/bin/python3
"""Parses wrk --latency output and renders bench/run.sh's results table.

  report.py parse WRK_OUTPUT_FILE
      prints one tab-separated line: rps p50_ms p99_ms requests non2xx codes socket_errors
  report.py table RESULTS_TSV META_FILE
      prints the markdown table (median of the runs, spread min-max, targets, ratios).

RESULTS_TSV lines: scenario run rps p50_ms p99_ms requests non2xx codes socket_errors
META_FILE lines: key<TAB>value (seed seconds, ready ms per run, RSS, ceiling, ...).
"""
import re
import statistics
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def to_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not m:
        raise ValueError(f"unrecognised wrk time {text!r}")
    return float(m.group(1)) * UNITS[m.group(2)]


def parse_wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    p50 = re.search(r"^\s+50(?:\.000)?%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99(?:\.000)?%\s+(\S+)", text, re.M)
    reqs = re.search(r"^\s+(\d+) requests in", text, re.M)
    if not (rps and p50 and p99 and reqs):
        raise SystemExit(f"{path}: not a complete wrk --latency output")
    lua = re.search(r"^BENCH_NON2XX (\d+) ?(\S*)", text, re.M)
    builtin = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    non2xx = int(lua.group(1)) if lua else (int(builtin.group(1)) if builtin else 0)
    codes = (lua.group(2) if lua else "") or "-"
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    socket_errors = sum(int(x) for x in sock.groups()) if sock else 0
    return [f"{float(rps.group(1)):.1f}", f"{to_ms(p50.group(1)):.3f}", f"{to_ms(p99.group(1)):.3f}",
            reqs.group(1), str(non2xx), codes, str(socket_errors)]


def fmt_int(x):
    return f"{x:,.0f}"


def fmt_ms(x):
    return f"{x:.2f} ms" if x < 10 else f"{x:.1f} ms"


SCENARIOS = [
    # key, label, target text, min req/s, max p99 ms
    ("get", "GET /api/v1/tickets/{n}", "≥35,000 req/s, p99 ≤5 ms", 35000, 5),
    ("nginx", "nginx static JSON (baseline)", "—", None, None),
    ("queue", "queue list (status=open, assignee, limit 50)", "≥10,000 req/s, p99 ≤10 ms", 10000, 10),
    ("search", "search (2 words + status, limit 25)", "p99 ≤50 ms", None, 50),
    ("create", "create ticket (POST, durable)", "≥5,000 req/s", 5000, None),
    ("reply", "public reply (POST, durable)", "—", None, None),
]


def table(results_path, meta_path):
    rows = {}
    for line in open(results_path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 9 or f[0] == "scenario":
            continue
        rows.setdefault(f[0], []).append({
            "run": int(f[1]), "rps": float(f[2]), "p50": float(f[3]), "p99": float(f[4]),
            "requests": int(f[5]), "non2xx": int(f[6]), "codes": f[7], "sock": int(f[8])})
    meta = {}
    for line in open(meta_path, encoding="utf-8"):
        if "\t" in line:
            k, v = line.rstrip("\n").split("\t", 1)
            meta.setdefault(k, []).append(v)

    def m1(key, default=""):
        return meta.get(key, [default])[-1]

    med = {k: statistics.median(r["rps"] for r in v) for k, v in rows.items()}
    out = []
    out.append(f"# Frontline benchmark — {m1('sha')} — {m1('date')}\n")
    out.append(f"- Machine: {m1('machine')}; wrk `{m1('wrk')}`; runs per scenario: {m1('runs')}; "
               f"{m1('tickets')} seeded tickets.")
    out.append("- Frontline access log: ON, written to a file in the run folder (stderr redirected), "
               f"{m1('access_log_mb', '?')} MB in the last run.")
    out.append("- nginx baseline: our own nginx (2 workers, keep-alive, access_log off) on 127.0.0.1, "
               f"serving one ticket's JSON body ({m1('body_bytes', '?')} bytes) as a static file, same wrk script "
               "and Authorization header.")
    out.append("- Numbers on this machine are noisy (2 cores shared with wrk and other work): compare "
               "ratios measured in the same run.\n")
    out.append("| scenario | req/s (median) | spread (min–max) | p50 | p99 | target | ratio | met? |")
    out.append("|---|---:|---:|---:|---:|---|---:|---|")
    invalid = []
    ceiling_tps = None
    if "ceiling64" in meta and m1("rows_per_ticket"):
        try:
            ceiling_tps = float(m1("ceiling64")) / float(m1("rows_per_ticket"))
        except (ValueError, ZeroDivisionError):
            ceiling_tps = None
    for key, label, target, min_rps, max_p99 in SCENARIOS:
        runs = rows.get(key)
        if not runs:
            continue
        rps = med[key]
        p50 = statistics.median(r["p50"] for r in runs)
        p99 = statistics.median(r["p99"] for r in runs)
        lo, hi = min(r["rps"] for r in runs), max(r["rps"] for r in runs)
        bad = sum(r["non2xx"] for r in runs)
        sock = sum(r["sock"] for r in runs)
        ratio = ""
        if key == "get" and "nginx" in med:
            per_run = {r["run"]: r["rps"] for r in runs}
            ratios = [per_run[r["run"]] / r["rps"] for r in rows["nginx"] if r["run"] in per_run and r["rps"]]
            ratio = f"{rps / med['nginx']:.2f}× nginx"
            if len(ratios) > 1:
                ratio += f" ({min(ratios):.2f}–{max(ratios):.2f})"
        elif key == "create" and ceiling_tps:
            ratio = f"{rps / ceiling_tps:.2f}× SQLite ceiling"
        met = ""
        if min_rps is not None or max_p99 is not None:
            ok = (min_rps is None or rps >= min_rps) and (max_p99 is None or p99 <= max_p99)
            met = "yes" if ok else "**no**"
        name = label
        if bad or sock:
            codes = ",".join(sorted({r["codes"] for r in runs if r["codes"] != "-"}))
            name += f" ⚠ INVALID: {bad} non-2xx ({codes or '-'}), {sock} socket errors"
            invalid.append(key)
            met = "**invalid**"
        out.append(f"| {name} | {fmt_int(rps)} | {fmt_int(lo)}–{fmt_int(hi)} | {fmt_ms(p50)} | "
                   f"{fmt_ms(p99)} | {target} | {ratio} | {met} |")

    def num(key):
        vals = []
        for v in meta.get(key, []):
            try:
                vals.append(float(v))
            except ValueError:
                pass
        return vals

    seed = m1("seed_seconds")
    seed_note = m1("seed_note")
    if seed:
        s = float(seed)
        ok = "yes" if s <= 60 * int(m1("tickets")) / 1_000_000 else "**no**"
        target = "≤60 s for 1M" + (f" (≤{60 * int(m1('tickets')) / 1e6:.1f} s pro rata)"
                                   if int(m1("tickets")) != 1_000_000 else "")
        out.append(f"| seeding {int(m1('tickets')):,} tickets{(' — ' + seed_note) if seed_note else ''} | "
                   f"{s:.1f} s | | | | {target} | {int(m1('tickets')) / s:,.0f} tickets/s | {ok} |")
    ready = num("ready_ms")
    if ready:
        r = statistics.median(ready)
        out.append(f"| server ready (spawn → listening line) | {r:.0f} ms | {min(ready):.0f}–{max(ready):.0f} ms | "
                   f"| | ≤200 ms | | {'yes' if r <= 200 else '**no**'} |")
    rss_get, rss_end = num("rss_after_get_mb"), num("rss_end_mb")
    if rss_end:
        peak = max(rss_end + rss_get)
        after_get = f"after GET {statistics.median(rss_get):.0f} MB, " if rss_get else ""
        out.append(f"| server peak RSS (VmHWM) | {peak:.0f} MB | {after_get}at end {min(rss_end):.0f}–{max(rss_end):.0f} MB "
                   f"| | | ≤300 MB | | {'yes' if peak <= 300 else '**no**'} |")
    c1, c64 = num("ceiling1"), num("ceiling64")
    if c1:
        out.append(f"| SQLite WAL sync=FULL, 1 row/commit ({m1('ceiling_row_bytes')} B rows) | "
                   f"{fmt_int(statistics.median(c1))} rows/s | | | | ceiling | | |")
    if c64:
        extra = ""
        if ceiling_tps:
            extra = f"≈{fmt_int(ceiling_tps)} tickets/s at {float(m1('rows_per_ticket')):.1f} rows/ticket"
        out.append(f"| SQLite WAL sync=FULL, 64 rows/commit | {fmt_int(statistics.median(c64))} rows/s | | | | "
                   f"ceiling | {extra} | |")
    out.append("")
    if m1("rows_per_ticket"):
        out.append(f"- Rows written per created ticket (all tables, FTS counted as one row per document): "
                   f"{float(m1('rows_per_ticket')):.2f} ({m1('rows_detail')}).")
    if invalid:
        out.append(f"- **Invalid scenarios** (returned errors; their req/s are not valid numbers): "
                   f"{', '.join(invalid)}.")
    out.append(f"- Raw wrk outputs: `{m1('raw_dir')}`.")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "parse":
        print("\t".join(parse_wrk(sys.argv[2])))
    elif len(sys.argv) == 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
