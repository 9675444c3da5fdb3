#!/usr/bin/env python3
"""survey-service benchmark (issue #20, "Scale"): with the bench surveys loaded (survey-data.sql), the quarter's
aggregates for every slice and the annual figure, at one user through the gateway, beside PostgreSQL running the same
statements (pgbench, one client). Targets: a quarter's aggregate p95 <= 200 ms, the annual figure <= 1 s. Prints
markdown on stdout. Settings (environment): BENCH_PSQL_ARGS (psql/pgbench connection args for certcare_survey),
BENCH_SECONDS (per run, default 8), BENCH_WARMUP (default 5), BENCH_SURVEY_YEAR (the bench's first year, default
2080), BENCH_GATEWAY (default http://127.0.0.1:8080).

The SQL below is what SatisfactionAnalysis runs (its statements, with Segment's lateral joins); keep them equal.
"""
import os, shlex, sys, time, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from feedback_bench import GATEWAY, pgbench, token, wrk  # noqa: E402  (same wrk and pgbench runs as the feedback bench)

PG = shlex.split(os.environ["BENCH_PSQL_ARGS"])
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "5"))
YEAR = int(os.environ.get("BENCH_SURVEY_YEAR", "2080"))
log = lambda *a: print(*a, file=sys.stderr, flush=True)

LATERAL = {
    "NONE": " cross join lateral (select cast('ALL' as text)) k(key)",
    "SCHEME": " cross join lateral (select cast(x.scheme as text)) k(key)",
    "PROVINCE": " cross join lateral (select cast(x.province_code as text)) k(key)",
    "GRADE": " cross join lateral (select cast(x.grade as text)) k(key)",
    "PROFESSIONAL_CODE": (" cross join lateral unnest(case when cardinality(x.professional_codes) = 0"
                          " then cast(array[null] as text[]) else x.professional_codes end) k(key)"),
}


def group_sql(quarter, previous, by):
    lat = LATERAL[by]
    responses = ("select k.key, count(*), round(avg(x.score), 2) from survey_response x" + lat
                 + " where x.quarter = '{q}' group by k.key;\n")
    items = ("select k.key, a.question_code, max(a.dimension), max(a.weight), count(*), sum(a.likert),"
             " count(*) filter (where a.likert = 1), count(*) filter (where a.likert = 2),"
             " count(*) filter (where a.likert = 3), count(*) filter (where a.likert = 4),"
             " count(*) filter (where a.likert = 5) from survey_response x" + lat
             + " join survey_answer a on a.response_id = x.id and a.likert is not null"
             + " where x.quarter = '{q}' group by k.key, a.question_code order by a.question_code;\n")
    return ("select k.key, count(*), count(*) filter (where x.status = 'ANSWERED') from survey_dispatch x"
            " join survey_campaign c on c.id = x.campaign_id" + lat + f" where c.quarter = '{quarter}' group by k.key;\n"
            + responses.format(q=quarter) + responses.format(q=previous) + items.format(q=quarter)
            + items.format(q=previous))


def quarter_sql(quarter, previous, by):
    sql = ("set enable_hashjoin = off;\nset enable_mergejoin = off;\n"
           f"select * from survey_campaign where quarter = '{quarter}';\n"
           "select * from survey_template where code = '16-03' and version = 1;\n" + group_sql(quarter, previous, "NONE"))
    return sql + (group_sql(quarter, previous, by) if by != "NONE" else "")


def annual_sql(year):
    sql = ""
    for q in range(1, 5):
        quarter = f"{year}-Q{q}"
        sql += ("select count(*), count(*) filter (where x.status = 'ANSWERED') from survey_dispatch x"
                f" join survey_campaign c on c.id = x.campaign_id where c.quarter = '{quarter}';\n"
                f"select count(*), avg(x.score) from survey_response x where x.quarter = '{quarter}';\n")
    return (sql + f"select count(*), avg(x.score) from survey_response x where x.quarter like '{year}-Q%';\n"
            f"select count(*) from survey_serious_event where recorded_at >= '{year}-01-01T00:00+08:00'"
            f" and recorded_at < '{year + 1}-01-01T00:00+08:00';\n")


def first(path, tok):
    """One request's time, the first for this slice since the service started: computed, not from its cache."""
    import urllib.request
    req = urllib.request.Request(GATEWAY + path, headers={"Authorization": "Bearer " + tok})
    t = time.time()
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
    return (time.time() - t) * 1000


def psql(sql):
    import subprocess
    return subprocess.run(["psql", "-Atc", sql] + PG, capture_output=True, text=True, check=True).stdout.strip()


def main():
    tok, tok_at = token(), time.time()
    quarter, previous = f"{YEAR + 1}-Q2", f"{YEAR + 1}-Q1"
    answers = psql("select count(*) from survey_answer where likert is not null")
    responses = psql("select count(*) from survey_response")
    in_quarter = psql(f"select count(*) from survey_response where quarter = '{quarter}'")
    print(f"## survey-service benchmark — {time.strftime('%Y-%m-%d %H:%M')} — {os.cpu_count()} cores, "
          f"{int(responses):,} responses, {int(answers):,} rated item answers ({int(in_quarter):,} responses in "
          f"{quarter}), one user, {SECONDS} s per run\n")
    print("Through the gateway as `market`; first = the first request for that slice after the service started (the "
          "figures computed); then repeated requests, which the service answers from its kept figures after checking "
          "that the quarter's answers and dispatches are unchanged; raw = pgbench, one client, running the statements "
          "that compute the figures. Targets: quarter p95 ≤ 200 ms, annual ≤ 1 s.\n")
    print("| request | first | gateway p50 / p95 / p99 | raw PostgreSQL p50 / p95 / p99 | gw requests |")
    print("|---|---|---|---|---|")
    runs = [(f"aggregates {quarter} by={by}", f"/api/surveys/aggregates?quarter={quarter}&by={by}",
             quarter_sql(quarter, previous, by)) for by in LATERAL]
    runs.append((f"aggregates {quarter} by=PROVINCE, CSV", f"/api/surveys/aggregates?quarter={quarter}&by=PROVINCE&format=csv",
                 quarter_sql(quarter, previous, "PROVINCE")))
    runs.append((f"annual {YEAR}", f"/api/surveys/annual?year={YEAR}", annual_sql(YEAR)))
    for name, path, sql in runs:
        if time.time() - tok_at > 200:
            tok, tok_at = token(), time.time()
        cold = first(path, tok)
        wrk(path, tok, seconds=WARMUP)
        gw = wrk(path, tok)
        raw = pgbench(sql)
        errors = gw["non2xx"] + gw["timeouts"]
        log(name, gw, raw)
        print(f"| {name} | {cold:.0f} ms | {gw['p50']:.1f} / {gw['p95']:.1f} / {gw['p99']:.1f} ms | "
              f"{raw['p50']:.1f} / {raw['p95']:.1f} / {raw['p99']:.1f} ms | {gw['requests']}"
              f"{f', {errors} errors' if errors else ''} |", flush=True)


if __name__ == "__main__":
    main()
