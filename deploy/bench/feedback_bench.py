#!/usr/bin/env python3
"""feedback-service benchmark (issue #19, "Scale"): with the bench items loaded (feedback-data.sql), the inbox page
with each filter and the year-end summary, at one user through the gateway, beside PostgreSQL running the same
statements (pgbench, one client). Targets: inbox p95 <= 50 ms, year-end summary <= 500 ms. Prints markdown on
stdout. Settings (environment): BENCH_PSQL_ARGS (psql/pgbench connection args for certcare_feedback),
BENCH_SECONDS (per run, default 8), BENCH_WARMUP (seconds per scenario before measuring, default 10),
BENCH_YEAR (the year summarised, default 2026), BENCH_GATEWAY (default http://127.0.0.1:8080).

The SQL below is what FeedbackService runs for a market user (who sees every item): the WHERE fragments are copied
from its OVERDUE, ESCALATED and SEARCH_TEXT constants; keep them equal when those change.
"""
import json, os, shlex, subprocess, sys, tempfile, time, urllib.parse, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
TOKEN_URL = "http://localhost:8180/realms/certification/protocol/openid-connect/token"
GATEWAY = os.environ.get("BENCH_GATEWAY", "http://127.0.0.1:8080")
PG = shlex.split(os.environ["BENCH_PSQL_ARGS"])
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "10"))
YEAR = int(os.environ.get("BENCH_YEAR", "2026"))
log = lambda *a: print(*a, file=sys.stderr, flush=True)

OPEN = "f.status not in ('RESOLVED', 'CLOSED')"
OVERDUE = (f"({OPEN} and (f.resolution_due_at < now() or (f.first_responded_at is null and f.first_response_due_at < now())"
           " or (f.acknowledged_at is null and f.acknowledge_due_at < now())))")
ESCALATED = (f"(f.status = 'ESCALATED' or ({OPEN} and (f.acknowledge_escalated_at is not null"
             " or f.first_response_escalated_at is not null or f.resolution_escalated_at is not null)))")
SEARCH_TEXT = ("lower(f.reference || ' ' || coalesce(f.customer_name, '') || ' ' || coalesce(f.prospect_name, '')"
               " || ' ' || f.words)")

# name: (query string of GET /api/feedback, WHERE of the service's statements)
INBOX = {
    "newest first, no filter": ("", "1 = 1"),
    "status=RECEIVED": ("status=RECEIVED", "1 = 1 and f.status = 'RECEIVED'"),
    "kind=COMPLAINT": ("kind=COMPLAINT", "1 = 1 and f.kind = 'COMPLAINT'"),
    "class=C": ("class=C_BEYOND_AUTHORITY", "1 = 1 and f.class = 'C_BEYOND_AUTHORITY'"),
    "department=finance": ("department=finance",
                           "1 = 1 and (f.department = 'finance' or f.assigned_department = 'finance')"),
    "overdue=true": ("overdue=true", "1 = 1 and " + OVERDUE),
    "escalated=true": ("escalated=true", "1 = 1 and " + ESCALATED),
    "q=星澜科技 (client name)": ("q=" + urllib.parse.quote("星澜科技"), f"1 = 1 and {SEARCH_TEXT} like '%星澜科技%'"),
    "q=BK-2026-012345 (reference)": ("q=BK-2026-012345", f"1 = 1 and {SEARCH_TEXT} like '%bk-2026-012345%'"),
    "kind + overdue, page 5": ("kind=AFTER_SALES&overdue=true&page=5",
                               "1 = 1 and f.kind = 'AFTER_SALES' and " + OVERDUE, 80),
}


def token():
    form = urllib.parse.urlencode({"client_id": "certcare-cli", "grant_type": "password",
                                   "username": "market", "password": "market-local"}).encode()
    with urllib.request.urlopen(TOKEN_URL, form, timeout=10) as r:
        return json.load(r)["access_token"]


def wrk(path, tok, seconds=SECONDS):
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as f:
        f.write(path + "\n")
    env = dict(os.environ, BENCH_PATHS=f.name)
    out = subprocess.run(["wrk", "-t", "1", "-c", "1", "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", os.path.join(HERE, "wrk-report.lua"), "-H", "Authorization: Bearer " + tok, GATEWAY],
                         capture_output=True, text=True, env=env, timeout=seconds + 60).stdout
    os.unlink(f.name)
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])


def pgbench(sql, seconds=SECONDS, clients=1, mode="extended"):
    """`clients` running the statements in turn; transactions and latency percentiles of the whole transaction from
    pgbench's log."""
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "script.sql")
        with open(script, "w") as f:
            f.write(sql)
        run = subprocess.run(["pgbench", "-n", "-M", mode, "-c", str(clients), "-j", str(min(clients, 2)),
                              "-T", str(seconds), "-f", script,
                              "-l", "--log-prefix", os.path.join(d, "log")] + PG,
                             capture_output=True, text=True, timeout=seconds + 120)
        if run.returncode != 0:
            raise RuntimeError(f"pgbench failed: {run.stderr[-2000:]}")
        lat = []
        for name in os.listdir(d):
            if name.startswith("log"):
                with open(os.path.join(d, name)) as f:
                    lat += [int(line.split()[2]) / 1000 for line in f]
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))] if lat else float("nan")
    return {"n": len(lat), "p50": pct(50), "p95": pct(95), "p99": pct(99)}


def inbox_sql(where, offset=0):
    return (f"select f.* from feedback_item f where {where} order by f.received_at desc, f.id desc limit 20 offset {offset};\n"
            f"select count(*) from feedback_item f where {where};\n")


def main():
    tok, tok_at = token(), time.time()
    items = subprocess.run(["psql", "-Atc", "select count(*) from feedback_item"] + PG, capture_output=True,
                           text=True, check=True).stdout.strip()
    print(f"## feedback-service benchmark — {time.strftime('%Y-%m-%d %H:%M')} — {os.cpu_count()} cores, "
          f"{int(items):,} items, one user, {SECONDS} s per run\n")
    print("Through the gateway as `market` (who sees every item); raw = pgbench, one client, running the service's "
          "statements for that page (the 20 rows and the total). Target: p95 ≤ 50 ms through the gateway.\n")
    print("| inbox filter | gateway p50 / p95 / p99 | raw PostgreSQL p50 / p95 / p99 | gw requests |")
    print("|---|---|---|---|")
    for name, spec in INBOX.items():
        query, where = spec[0], spec[1]
        offset = spec[2] if len(spec) > 2 else 0
        if time.time() - tok_at > 200:
            tok, tok_at = token(), time.time()
        path = "/api/feedback" + ("?" + query if query else "")
        wrk(path, tok, seconds=WARMUP)
        gw = wrk(path, tok)
        raw = pgbench(inbox_sql(where, offset))
        errors = gw["non2xx"] + gw["timeouts"]
        log(name, gw, raw)
        print(f"| {name} | {gw['p50']:.1f} / {gw['p95']:.1f} / {gw['p99']:.1f} ms | "
              f"{raw['p50']:.1f} / {raw['p95']:.1f} / {raw['p99']:.1f} ms | {gw['requests']}"
              f"{f', {errors} errors' if errors else ''} |", flush=True)
    print()
    for suffix, what in (("", "JSON"), (".xlsx", "XLSX"), (".pdf", "PDF")):
        path = f"/api/feedback/analysis/year{suffix}?year={YEAR}"
        tok = token()
        gw = wrk(path, tok, seconds=max(SECONDS, 10))
        errors = gw["non2xx"] + gw["timeouts"]
        print(f"- year-end summary {YEAR} ({what}), `{path}`: p50 {gw['p50']:.0f} ms, p95 {gw['p95']:.0f} ms, "
              f"max {gw['max']:.0f} ms over {gw['requests']} requests{f', {errors} errors' if errors else ''}"
              " (target ≤ 500 ms)", flush=True)


if __name__ == "__main__":
    main()
