#!/usr/bin/env python3
"""Survey link benchmark (issue #20, "Scale": >= 500 answers/s through the gateway on the public link). Creates a bench
campaign (quarter 2070-Q1, created_by 'bench-answers') with fresh one-time links whose tokens it knows ("bench" + 38
digits; only their SHA-256 is stored, as the service stores them), then answers them through the gateway with wrk at
several connection counts — every request a new link and a respondent at its own address, as nginx forwards them —
and checks: every 201 is one response in the database with its 18 answers (nothing lost, nothing twice; the
requests still in flight when wrk stops — at most one per connection — are stored without being counted), no 5xx, the gateway still
answers. Beside it, PostgreSQL doing the same work per answer (pgbench: find the link, lock the dispatch, read the
campaign, mark it answered, insert the response, its 18 answers in one statement and the outbox row, commit). Prints markdown.
Settings (environment): BENCH_PSQL_ARGS (for certcare_survey), BENCH_SECONDS (per run, default 10),
BENCH_CONNECTIONS (default "4 16 64"), BENCH_WARMUP_MIN / BENCH_WARMUP_MAX (seconds; default 60 / 600), BENCH_GATEWAY
(default http://127.0.0.1:8080), BENCH_SERVICE_PID (survey-service's JVM, required).

Steady state, not a cold JVM and not a vacuum: the set-up deletes the previous run's rows and vacuums the tables itself
(left to autovacuum, that work lands in the measured runs), and again after the warm-up's own answers; it answers links in 15 s windows at 16 connections until
survey-service's JIT has settled — its compiler threads used at most 5 % of its CPU in the window and the rate is within
5 % of the window before (at least BENCH_WARMUP_MIN s, at most BENCH_WARMUP_MAX s). A freshly started survey-service
needs minutes of this: its JIT compiles the answer's path (Hibernate, Narayana, Jackson, the driver) on two busy
cores, and the rate passes through plateaus on the way. The report shows that curve, then each run with the CPU each
process spent per answer.
"""
import json, os, resource, shlex, subprocess, sys, tempfile, time, urllib.error, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import feedback_bench  # noqa: E402  (the same pgbench run and percentiles as the feedback and survey benches)
import procstat  # noqa: E402
PG = shlex.split(os.environ["BENCH_PSQL_ARGS"])
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WARMUP_MIN = int(os.environ.get("BENCH_WARMUP_MIN", "60"))
WARMUP_MAX = int(os.environ.get("BENCH_WARMUP_MAX", "600"))
WINDOW = 15              # seconds per warm-up window
WARM_LINKS = 500_000     # links the warm-up may answer: 600 s at more than 800 answers/s
SERVICE_PID = os.environ.get("BENCH_SERVICE_PID")  # survey-service, whose JIT the warm-up waits for
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "4 16 64").split()]
GATEWAY = os.environ.get("BENCH_GATEWAY", "http://127.0.0.1:8080")
QUARTER = "2070-Q1"
PER_RUN = 40000          # links per run: more than a run can use at 2,000 answers/s for 10 s
RAW_BASE = 5_000_000     # links pgbench answers
log = lambda *a: print(*a, file=sys.stderr, flush=True)


def psql(sql):
    """Runs the statements as a script (not one -c string, which is one transaction: vacuum could not run)."""
    run = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", "-"] + PG, input=sql,
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError("psql failed: " + run.stderr[-2000:])
    return run.stdout.strip()


def token_hash(expr):
    # char(64), as the column and as the service's varchar parameter reaches it: a text comparison would not use the key
    return f"cast(encode(sha256(convert_to('bench' || lpad(({expr})::text, 38, '0'), 'UTF8')), 'hex') as char(64))"


def prepare(runs, raw_links):
    log(f"== bench campaign {QUARTER}: {runs * PER_RUN + WARM_LINKS} links for the gateway, {raw_links} for pgbench")
    psql(f"""
begin;
delete from survey_answer where response_id in (select r.id from survey_response r join survey_campaign c on c.id = r.campaign_id where c.created_by = 'bench-answers');
delete from survey_response where campaign_id in (select id from survey_campaign where created_by = 'bench-answers');
delete from survey_link where dispatch_id in (select d.id from survey_dispatch d join survey_campaign c on c.id = d.campaign_id where c.created_by = 'bench-answers');
delete from survey_mail where dispatch_id in (select d.id from survey_dispatch d join survey_campaign c on c.id = d.campaign_id where c.created_by = 'bench-answers');
delete from survey_dispatch where campaign_id in (select id from survey_campaign where created_by = 'bench-answers');
delete from survey_campaign where created_by = 'bench-answers';
insert into survey_campaign (quarter, template_code, template_version, created_at, created_by)
values ('{QUARTER}', '16-03', 1, now(), 'bench-answers');
create temporary table k as
  select g as k from generate_series(0, {runs * PER_RUN + WARM_LINKS - 1}) g
  union all select {RAW_BASE} + g from generate_series(0, {raw_links - 1}) g;
insert into survey_dispatch (campaign_id, customer_id, customer_name, email, status, expires_at, created_at, sent_at,
    last_mailed_at, province_code, scheme, professional_codes, grade)
select c.id, 960000000 + k.k, '链接基准客户' || k.k || '有限公司', 'answer' || k.k || '@example.cn', 'SENT',
       now() + interval '30 days', now(), now(), now(),
       (array['110000','320000','330000','440000'])[1 + k.k % 4], 'QMS', array['18.05.01'], (array['A','B','C'])[1 + k.k % 3]
from survey_campaign c cross join k where c.created_by = 'bench-answers';
insert into survey_link (token_hash, dispatch_id, created_at)
select {token_hash("d.customer_id - 960000000")}, d.id, now()
from survey_dispatch d join survey_campaign c on c.id = d.campaign_id where c.created_by = 'bench-answers';
drop sequence if exists bench_answer_seq;
create sequence bench_answer_seq start {RAW_BASE};
commit;
vacuum analyze survey_answer;
vacuum analyze survey_response;
vacuum analyze survey_mail;
vacuum analyze survey_dispatch;
vacuum analyze survey_link;
vacuum analyze outbox_event;
""")


def body():
    answers = {f"Q{i:02d}": 4 for i in range(1, 16)}
    answers.update({"Q16": "YES", "Q17": ["TRAINING"], "Q18": "基准测试：审核安排及时，沟通顺畅。"})
    return json.dumps({"answers": answers}, ensure_ascii=False)


def wrk(connections, base, seconds=None):
    seconds = seconds or SECONDS
    threads = 1 if connections <= 4 else 2
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        f.write(body())
    env = dict(os.environ, BENCH_BASE=str(base), BENCH_THREADS=str(threads), BENCH_BODY=f.name)
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", os.path.join(HERE, "survey-answer.lua"), GATEWAY],
                         capture_output=True, text=True, env=env, timeout=seconds + 60)
    os.unlink(f.name)
    lines = [l for l in out.stdout.splitlines() if l.startswith("{")]
    if not lines:
        raise RuntimeError("wrk printed no result: " + out.stdout[-2000:] + out.stderr[-2000:])
    return json.loads(lines[-1])


def stored(base):
    return int(psql(f"""select count(*) from survey_response r join survey_dispatch d on d.id = r.dispatch_id
        join survey_campaign c on c.id = r.campaign_id where c.created_by = 'bench-answers'
        and d.customer_id between {960000000 + base} and {960000000 + base + PER_RUN - 1}"""))


def answers_after(base):
    return int(psql(f"""select count(*) from survey_answer a join survey_response r on r.id = a.response_id
        join survey_dispatch d on d.id = r.dispatch_id join survey_campaign c on c.id = r.campaign_id
        where c.created_by = 'bench-answers'
        and d.customer_id between {960000000 + base} and {960000000 + base + PER_RUN - 1}"""))


def still_answers():
    """A single request through the gateway after the run: an unknown link is a 404 problem, within a second."""
    start = time.monotonic()
    try:
        urllib.request.urlopen(GATEWAY + "/api/public/surveys/" + "x" * 43, timeout=5)
        status = 200
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception as e:  # noqa: BLE001 — a hang or a refused connection is the finding
        return f"no answer ({e.__class__.__name__})"
    return f"{status} in {(time.monotonic() - start) * 1000:.0f} ms"


def pgbench(clients, seconds):
    script = f"""begin;
select nextval('bench_answer_seq') as k \\gset
select dispatch_id as d from survey_link where token_hash = {token_hash(':k')} \\gset
select campaign_id as c, status from survey_dispatch where id = :d for update \\gset
select quarter, template_code, template_version from survey_campaign where id = :c;
update survey_dispatch set status = 'ANSWERED', answered_at = now(), answered_channel = 'ONLINE', version = version + 1 where id = :d;
insert into survey_response (dispatch_id, campaign_id, customer_id, quarter, channel, template_code, template_version, score, answered_at, province_code, scheme, professional_codes, grade) select id, campaign_id, customer_id, '{QUARTER}', 'ONLINE', '16-03', 1, 75.00, now(), province_code, scheme, professional_codes, grade from survey_dispatch where id = :d returning id as r \\gset
insert into survey_answer (response_id, question_code, dimension, weight, likert, choices, text_value) values """ + ", ".join(
        f"(:r, 'Q{i:02d}', 'X', 1.0, 4, null, null)" for i in range(1, 16)) + """, (:r, 'Q16', null, null, null, 'YES', null), (:r, 'Q17', null, null, null, 'TRAINING', null), (:r, 'Q18', null, null, null, null, '基准测试：审核安排及时，沟通顺畅。');
insert into outbox_event (id, topic, aggregate_key, type, envelope, created_at, sent_at) values (gen_random_uuid(), 'surveys', :r::text, 'SurveyAnswered', '{"bench": true}'::jsonb, now(), now());
commit;
"""
    raw = feedback_bench.pgbench(script, seconds, clients=clients, mode="prepared")
    return dict(raw, rps=raw["n"] / seconds)


def percent(share):
    return "?" if share is None else f"{100 * share:.0f} %"


def warm_up(base):
    """15 s windows at 16 connections until the service's JIT has settled; returns the windows and the seconds."""
    windows, used, start = [], 0, time.monotonic()
    while True:
        before = procstat.thread_cpu(SERVICE_PID)
        r = wrk(16, base + used, seconds=WINDOW)
        jit = procstat.jit_share(before, procstat.thread_cpu(SERVICE_PID))
        # wrk's two threads take interleaved links, not always evenly; failed requests used theirs too
        used += int(r["requests"] * 1.05) + r["timeouts"] + r["connect"] + r["read"] + 100
        rate = r["statuses"].get("201", 0) / r["seconds"]
        windows.append((rate, jit))
        log(f"== warm-up window {len(windows)}: {rate:.0f} answers/s, JIT {percent(jit)} of the service's CPU")
        elapsed = time.monotonic() - start
        settled = len(windows) >= 2 and jit is not None and jit <= 0.05 and abs(rate - windows[-2][0]) <= 0.05 * max(rate, windows[-2][0])
        if (elapsed >= WARMUP_MIN and settled) or elapsed + WINDOW > WARMUP_MAX \
                or used + 2 * WINDOW * r["requests"] / r["seconds"] > WARM_LINKS:
            return windows, elapsed, settled


def main():
    raw_links = 60000
    prepare(len(CONNECTIONS), raw_links)
    log("== warm-up: 16 connections through the gateway (its links are the last range)")
    if procstat.thread_cpu(SERVICE_PID) is None:
        sys.exit(f"BENCH_SERVICE_PID={SERVICE_PID!r} is not a running survey-service")
    windows, warm_seconds, settled = warm_up(len(CONNECTIONS) * PER_RUN)
    log("== vacuum after the warm-up's answers")
    psql("vacuum analyze survey_answer; vacuum analyze survey_response; vacuum analyze survey_dispatch; "
         "vacuum analyze outbox_event;")
    print(f"## Survey link: answers through the gateway (`POST /api/public/surveys/{{token}}`), {time.strftime('%Y-%m-%d %H:%M')}")
    print()
    print(f"Warm-up, {WINDOW} s windows at 16 connections until survey-service's JIT settled (compiler threads ≤ 5 % of its"
          f" CPU, rate within 5 % of the window before){'' if settled else ' — NOT settled: stopped at the limit'},"
          f" {warm_seconds:.0f} s; answers/s (JIT share): "
          + " → ".join(f"{r:.0f} ({percent(j)})" for r, j in windows) + ".")
    print()
    print(f"Each request answers a fresh one-time link (15 rated items, a choice, a multiple choice, a remark) from its own"
          f" address (X-Forwarded-For via the trusted local proxy); {SECONDS} s per run; load average"
          f" {os.getloadavg()[0]:.1f} at the start. Raw: PostgreSQL doing the same statements per answer (pgbench, prepared,"
          f" same connections).")
    print()
    print("| connections | answers/s (201) | p50 ms | p95 ms | p99 ms | other statuses | stored (≥ 201, ≤ 201 + in flight), 18 answers each | gateway after | raw PostgreSQL answers/s | raw p95 ms | gateway ÷ raw | CPU ms per answer |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for i, c in enumerate(CONNECTIONS):
        base = i * PER_RUN
        log(f"== {c} connections through the gateway")
        before, wrk_before = procstat.process_cpu(), resource.getrusage(resource.RUSAGE_CHILDREN)
        r = wrk(c, base)
        cpu = procstat.cpu_between(before, procstat.process_cpu())
        wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk ran and ended between the readings
        cpu["wrk"] = round(1000 * (wrk_after.ru_utime + wrk_after.ru_stime - wrk_before.ru_utime - wrk_before.ru_stime))
        ok = r["statuses"].get("201", 0)
        others = {k: v for k, v in r["statuses"].items() if k != "201"}
        time.sleep(1)
        saved = stored(base)
        items = answers_after(base)
        after = still_answers()
        log(f"== {c} clients in pgbench")
        raw = pgbench(c, SECONDS)
        rate = ok / r["seconds"]
        print(f"| {c} | {rate:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {others or 'none'}"
              f"{'' if not (r['timeouts'] or r['connect'] or r['read']) else ' (timeouts ' + str(r['timeouts']) + ', connect ' + str(r['connect']) + ', read ' + str(r['read']) + ')'}"
              f" | {saved} ≥ {ok}: {'yes' if ok <= saved <= ok + c and items == 18 * saved else 'NO (answers ' + str(items) + ')'}"
              f" | {after} | {raw['rps']:.0f} | {raw['p95']:.1f} | {rate / raw['rps']:.2f}"
              f" | {', '.join(f'{k} {v / max(ok, 1):.2f}' for k, v in sorted(cpu.items(), key=lambda x: -x[1]) if v >= 0.02 * max(ok, 1))}"
              f"; all {sum(cpu.values()) / max(ok, 1):.2f} ({sum(cpu.values()) / 1000 / r['seconds']:.2f} cores) |")
        sys.stdout.flush()
    print()
    print("Target: >= 500 answers/s through the gateway.")


if __name__ == "__main__":
    main()
