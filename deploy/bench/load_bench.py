#!/usr/bin/env python3
"""Load benchmark (issue: under load): by-id, a filtered page and a Chinese search, each straight at
customer-service, through the gateway, and as raw SQL in pgbench with the statements the service runs,
at several concurrencies; then the gateway's recovery from a load generator killed mid-run and from
customer-service stopped and started during a run. Traffic goes to localhost only; every run is bounded
in time. Prints a markdown report on stdout. Settings (environment): BENCH_PSQL_ARGS (psql/pgbench
connection args for certcare_customer), BENCH_SECONDS (per run, default 6), BENCH_ROUNDS (default 3),
BENCH_WARMUP / BENCH_WARMUP_MAX (seconds of warm-up per scenario, at least / at most; default 30 / 300),
BENCH_CONCURRENCY (default "1 4 16 64 256"), BENCH_SCENARIOS (default "by-id page search"), BENCH_CHAOS
(default 1), BENCH_CUSTOMER_PID and BENCH_GATEWAY_PID (the JVMs whose JIT the warm-up waits for), BENCH_NGINX
(default 1: nginx, the issue's bar for a proxy, in front of the same service in the same rounds; 0 leaves it out).

Two things made single runs of this bench disagree by ±20 % on a 2-core machine running the whole stack, and
it guards against both. A JVM still compiling: each scenario first alternates 10 s on each path at 16
connections until the compiler threads of customer-service and of the gateway used at most 5 % of their
process's CPU. Other work on the same two cores (pollers, Kafka, autovacuum): each concurrency runs
BENCH_ROUNDS rounds of service, gateway, pgbench and nginx in turn, and the table shows the median round of each
with the ratio of the medians and, in brackets, the lowest and highest ratio of one round's pair.
"""
import json, os, random, shlex, shutil, signal, socket, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request
import http.client

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import procstat  # noqa: E402
TOKEN_URL = "http://localhost:8180/realms/certification/protocol/openid-connect/token"
SERVICE, GATEWAY, NGINX = "http://127.0.0.1:8081", "http://127.0.0.1:8080", "http://127.0.0.1:8089"
USE_NGINX = os.environ.get("BENCH_NGINX", "1") == "1"
PG = shlex.split(os.environ["BENCH_PSQL_ARGS"])
SECONDS = int(os.environ.get("BENCH_SECONDS", "6"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))  # odd: the median is one round's run
WARMUP = int(os.environ.get("BENCH_WARMUP", "30"))
WARMUP_MAX = int(os.environ.get("BENCH_WARMUP_MAX", "300"))
JVMS = {name: os.environ.get(var) for name, var in (("customer-service", "BENCH_CUSTOMER_PID"),
                                                     ("gateway", "BENCH_GATEWAY_PID")) if os.environ.get(var)}
CONCURRENCY = [int(c) for c in os.environ.get("BENCH_CONCURRENCY", "1 4 16 64 256").split()]
SCENARIOS = os.environ.get("BENCH_SCENARIOS", "by-id page search").split()
PG_MAX_CLIENTS = int(os.environ.get("BENCH_PG_MAX_CLIENTS", "64"))
FIRST_ID, CLIENTS = 100000001, int(os.environ.get("BENCH_CLIENTS", "100000"))
log = lambda *a: print(*a, file=sys.stderr, flush=True)


class Token:
    """A market token, fetched again before it expires (Keycloak's default lifetime is 300 s)."""

    def __init__(self):
        self.value, self.at = None, 0

    def get(self):
        if time.time() - self.at > 200:
            self.value, self.at = token(), time.time()
        return self.value


def token():
    form = urllib.parse.urlencode({"client_id": "certcare-cli", "grant_type": "password",
                                   "username": "market", "password": "market-local"}).encode()
    with urllib.request.urlopen(TOKEN_URL, form, timeout=10) as r:
        return json.load(r)["access_token"]


q = urllib.parse.quote
rnd = random.Random(42)
PATHS = {
    "by-id": [f"/api/customers/{FIRST_ID + rnd.randrange(CLIENTS)}" for _ in range(2000)],
    "page": [f"/api/customers?province={p}&status=VALID&scheme=QMS&sort=name&page={pg}&size=20"
             for p in ("330000", "320000", "440000", "110000") for pg in (1, 3, 50)],
    "search": [f"/api/customers?q={q(t)}&size=20" for t in ("中澜科技", "华信物流", "浙江星河", "宏达电子", "东方软件")],
}
TITLES = {"by-id": "one customer by id (`GET /api/customers/{id}`)",
          "page": "filtered page (province + status + scheme, sorted by name, 20 rows + total)",
          "search": "Chinese substring search (`q=中澜科技` …, 20 rows + total)"}


def wrk(base, scenario, c, tok, seconds=SECONDS):
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as f:
        f.write("\n".join(PATHS[scenario]) + "\n")
    env = dict(os.environ, BENCH_PATHS=f.name)
    out = subprocess.run(["wrk", "-t", str(min(2, c)), "-c", str(c), "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", os.path.join(HERE, "wrk-report.lua"), "-H", "Authorization: Bearer " + tok, base],
                         capture_output=True, text=True, env=env, timeout=seconds + 60).stdout
    os.unlink(f.name)
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])


def pgbench(scenario, c, seconds=SECONDS):
    clients = min(c, PG_MAX_CLIENTS)
    script = os.path.join(HERE, "pgbench", scenario + ".sql")
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ)
        if scenario != "by-id":  # the service plans its list queries with their values, as here
            env["PGOPTIONS"] = "-c plan_cache_mode=force_custom_plan"
        # prepared like the JDBC driver's by-id statements; the list's statements are planned each time anyway
        mode = "prepared" if scenario == "by-id" else "extended"
        run = subprocess.run(["pgbench", "-n", "-M", mode, "-c", str(clients), "-j", str(min(2, clients)),
                        "-T", str(seconds), "-D", f"clients={CLIENTS}", "-D", f"first={FIRST_ID}",
                        "-f", script, "-l", "--sampling-rate", "0.05", "--log-prefix", os.path.join(d, "log")] + PG,
                       capture_output=True, text=True, env=env, timeout=seconds + 60)
        if run.returncode != 0:
            raise RuntimeError(f"pgbench failed: {run.stderr[-2000:]}")
        # throughput from pgbench itself; latencies from a 5 % sample (logging every transaction slows it)
        tps = float([l for l in run.stdout.splitlines() if l.startswith("tps")][0].split()[2])
        lat = []
        for name in os.listdir(d):
            with open(os.path.join(d, name)) as f:
                lat += [int(line.split()[2]) / 1000 for line in f]
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))] if lat else float("nan")
    return {"requests": round(tps * seconds), "rps": tps, "p50": pct(50), "p95": pct(95), "p99": pct(99),
            "non2xx": 0, "timeouts": 0, "clients": clients}

NGINX_CONF = """
worker_processes 1;
daemon off;
error_log stderr error;
pid nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    upstream service { server 127.0.0.1:8081; keepalive 64; }
    server {
        listen 127.0.0.1:8089 backlog=4096;
        location / {
            proxy_pass http://service;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            # answers beyond the memory buffers flow through instead of into temporary files (which a worker
            # running as nobody could not write in this private directory)
            proxy_max_temp_file_size 0;
        }
    }
}
"""


def start_nginx():
    """nginx as a plain reverse proxy to customer-service (one worker, like the gateway's one event loop; pooled
    keep-alive connections to the service): the bar the issue sets for a proxy, measured in the same rounds.
    Returns the process and its directory."""
    if shutil.which("nginx") is None:
        sys.exit("nginx is needed for the nginx column (apt-get install -y nginx), or set BENCH_NGINX=0")
    try:  # something on 8089 already (an nginx left over from an earlier bench) would be measured instead
        socket.create_connection(("127.0.0.1", 8089), timeout=1).close()
        sys.exit("127.0.0.1:8089 is taken (an nginx left by an earlier bench?); free it, or set BENCH_NGINX=0")
    except OSError:
        pass
    d = tempfile.mkdtemp(prefix="bench-nginx-")
    with open(os.path.join(d, "nginx.conf"), "w") as f:
        f.write(NGINX_CONF)
    os.makedirs(os.path.join(d, "logs"), exist_ok=True)
    p = subprocess.Popen(["nginx", "-p", d, "-c", os.path.join(d, "nginx.conf")], stderr=subprocess.PIPE, text=True)
    for _ in range(50):
        if p.poll() is not None:  # e.g. 8089 taken by an nginx left over from an earlier bench
            sys.exit(f"nginx did not start: {p.stderr.read().strip()}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", 8089, timeout=1)
            conn.request("GET", "/q/health/live")
            if conn.getresponse().getheader("Server", "").startswith("nginx"):
                return p, d
        except OSError:
            pass
        time.sleep(0.1)
    p.kill()
    sys.exit("nginx did not answer on 127.0.0.1:8089")


def gateway_statuses():
    """The gateway's own count of its answers by status (its timer gateway.answers on the management port; 499: the
    caller left before its answer)."""
    counts = {}
    with urllib.request.urlopen("http://127.0.0.1:9080/q/metrics", timeout=5) as r:
        for line in r.read().decode().splitlines():
            if line.startswith("gateway_answers_seconds_count{"):
                status = line.split('status="', 1)[1].split('"', 1)[0]
                counts[status] = counts.get(status, 0) + float(line.rsplit(" ", 1)[1])
    return counts


def heavy_reads():
    """customer-service's count of its heavy reads (platform HeavyReads) by outcome: ran, refused (503 after the
    wait for a turn, or at once with too many waiting), abandoned (its caller had gone: it left the queue,
    or was dropped at its turn); None when it cannot be read. Taken 6 s after the last request (above the service's
    5 s wait for a turn), so the reads still waiting when wrk stopped are counted too."""
    time.sleep(6)
    counts = {}
    try:
        with urllib.request.urlopen(SERVICE + "/q/metrics", timeout=5) as r:
            for line in r.read().decode().splitlines():
                if line.startswith("certcare_heavy_reads_total{"):
                    outcome = line.split('outcome="', 1)[1].split('"', 1)[0]
                    counts[outcome] = counts.get(outcome, 0) + int(float(line.rsplit(" ", 1)[1]))
    except (OSError, ValueError, IndexError) as e:
        log(f"== heavy reads not readable: {e}")
        return None
    return counts


def gateway_run(scenario, c, tok):
    """wrk through the gateway, with the statuses other than 200 the gateway itself counted meanwhile."""
    before = gateway_statuses()
    r = wrk(GATEWAY, scenario, c, tok)
    after = gateway_statuses()
    # (statuses over 399 only: "499" counts the requests wrk left unanswered when it closed its connections)
    r["statuses"] = {k: int(after[k] - before.get(k, 0)) for k in after
                     if k.isdigit() and int(k) >= 400 and after[k] > before.get(k, 0)}
    return r


def single_request(tok):
    t0 = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", 8080, timeout=1)
        conn.request("GET", PATHS["by-id"][0], headers={"Authorization": "Bearer " + tok})
        status = conn.getresponse().status
    except Exception as e:  # noqa: BLE001 - a hang or a refusal is what we look for
        status = type(e).__name__
    return status, (time.perf_counter() - t0) * 1000


def errors_of(r):
    return r.get("non2xx", 0) + r.get("timeouts", 0) + r.get("connect", 0) + r.get("read", 0)


def fmt(r, errors=None, statuses=None):
    """A run's cell; errors, when given, are those of all its rounds, with what the gateway answered instead
    of 200 when known (wrk counts a status over 399 and a reply slower than its 10 s timeout as errors)."""
    errors = errors_of(r) if errors is None else errors
    e = f", {errors} errors" if errors else ""
    if statuses:
        e += " (gateway: " + ", ".join(f"{n} × {k}" for k, n in sorted(statuses.items())) + ")"
    return f"{r['rps']:.0f}/s · {r['p50']:.1f} / {r['p95']:.1f} / {r['p99']:.1f} ms{e}"


def warm_up(scenario, tokens):
    """10 s on each path in turn at 16 connections until neither JVM's compiler threads are busy; returns the
    largest JIT share of each pair of windows, the seconds and whether it settled."""
    shares, start = [], time.monotonic()
    while True:
        before = {name: procstat.thread_cpu(pid) for name, pid in JVMS.items()}
        wrk(SERVICE, scenario, 16, tokens.get(), seconds=10)
        wrk(GATEWAY, scenario, 16, tokens.get(), seconds=10)
        # a JVM that went away mid-warm-up has no share: count it as busy, never as settled
        shares.append(max(1.0 if (share := procstat.jit_share(before[name], procstat.thread_cpu(pid))) is None
                          else share for name, pid in JVMS.items()))
        elapsed = time.monotonic() - start
        log(f"== warm-up {scenario}: JIT {100 * shares[-1]:.0f} % after {elapsed:.0f} s")
        if (elapsed >= WARMUP and shares[-1] <= 0.05) or elapsed + 20 > WARMUP_MAX:
            return shares, elapsed, shares[-1] <= 0.05


def median(runs):
    return sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]


def main():
    if ROUNDS < 1 or ROUNDS % 2 == 0:
        sys.exit("BENCH_ROUNDS must be odd (the median is one round's run)")
    for name, pid in JVMS.items():
        if procstat.thread_cpu(pid) is None:
            sys.exit(f"no running {name} at pid {pid!r}")
    if len(JVMS) < 2:
        sys.exit("BENCH_CUSTOMER_PID and BENCH_GATEWAY_PID are needed (the warm-up waits for their JITs)")
    tokens = Token()
    print(f"## Load benchmark — {time.strftime('%Y-%m-%d %H:%M')} — {os.cpu_count()} cores, {ROUNDS} rounds of "
          f"{SECONDS} s per path and concurrency\n")
    print("Each cell: requests/s · p50 / p95 / p99 latency of the median of the rounds (by requests/s). raw = pgbench "
          f"running the service's statements for that request as one transaction (at most {PG_MAX_CLIENTS} clients; "
          "more would only queue in the server). nginx = nginx as a plain reverse proxy (one worker, keep-alive pool) "
          "in front of the same service. Each round runs service, gateway, pgbench and nginx in turn. Ratios: "
          "gateway ÷ service of the medians (target ≥ 0.8), in brackets the lowest and highest of one round's pair; "
          "service ÷ raw (target ≥ 0.5 for by-id). Errors, where shown, are those of all the rounds.\n")
    nginx, nginx_dir = start_nginx() if USE_NGINX else (None, None)
    try:
        scenarios(tokens)
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait()
            shutil.rmtree(nginx_dir, ignore_errors=True)
    if os.environ.get("BENCH_CHAOS", "1") == "1":
        chaos(token())


def scenarios(tokens):
    for scenario in SCENARIOS:
        shares, seconds, settled = warm_up(scenario, tokens)
        reads_before = heavy_reads() if scenario != "by-id" else None
        print(f"### {TITLES[scenario]}\n")
        print(f"Warm-up {seconds:.0f} s{'' if settled else ' (JIT NOT settled at the limit)'}; the compiler threads' "
              "largest share of customer-service's or the gateway's CPU per 20 s: "
              + " → ".join(f"{100 * x:.0f} %" for x in shares) + ".\n")
        nginx_cols = (" nginx |", " nginx ÷ svc |") if USE_NGINX else ("", "")
        print(f"| c | service | gateway |{nginx_cols[0]} raw PostgreSQL | gw ÷ svc |{nginx_cols[1]} svc ÷ raw "
              "| single request after |")
        print("|---" * (9 if USE_NGINX else 7) + "|")
        for c in CONCURRENCY:
            rounds = []
            for _ in range(ROUNDS):
                # (service, gateway, raw, nginx): interleaved, so each round's pair shares the machine's moment
                rounds.append((wrk(SERVICE, scenario, c, tokens.get()), gateway_run(scenario, c, tokens.get()),
                               pgbench(scenario, c)) + ((wrk(NGINX, scenario, c, tokens.get()),) if USE_NGINX else ()))
            status, ms = single_request(tokens.get())
            svc, gw, raw, *ngx = (median([r[i] for r in rounds]) for i in range(len(rounds[0])))
            pairs = sorted(g["rps"] / s["rps"] for s, g, *_ in rounds)
            errors = [sum(errors_of(r[i]) for r in rounds) for i in range(len(rounds[0]))]
            statuses = {}
            for r in rounds:
                for k, n in r[1]["statuses"].items():
                    statuses[k] = statuses.get(k, 0) + n
            log(scenario, c, fmt(svc), "|", fmt(gw), "|", fmt(raw), *(("|", fmt(ngx[0])) if ngx else ()))
            nginx_cells = ""
            if ngx:
                npairs = sorted(r[3]["rps"] / r[0]["rps"] for r in rounds)
                nginx_cells = (f" {fmt(ngx[0], errors[3])} |", f" {ngx[0]['rps'] / svc['rps']:.2f} "
                               f"({npairs[0]:.2f}–{npairs[-1]:.2f}) |")
            print(f"| {c} | {fmt(svc, errors[0])} | {fmt(gw, errors[1], statuses)} |{nginx_cells[0] if ngx else ''} "
                  f"{fmt(raw)} | {gw['rps'] / svc['rps']:.2f} ({pairs[0]:.2f}–{pairs[-1]:.2f}) |"
                  f"{nginx_cells[1] if ngx else ''} {svc['rps'] / raw['rps']:.2f} | {status} in {ms:.0f} ms |",
                  flush=True)
        reads_after = heavy_reads() if reads_before is not None else None
        if reads_after is not None:
            reads = {k: v - reads_before.get(k, 0) for k, v in reads_after.items()}
            print(f"\ncustomer-service's heavy reads in these runs (all paths and concurrencies): {reads.get('ran', 0)} "
                  f"ran, {reads.get('refused', 0)} refused (503: no turn within its wait, or too many waiting), "
                  f"{reads.get('abandoned', 0)} dropped because the caller had gone (while waiting, or at their turn).")
        print()


def sampler(tok, stop, samples):
    while not stop.is_set():
        t0 = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", 8080, timeout=15)
            conn.request("GET", PATHS["by-id"][1], headers={"Authorization": "Bearer " + tok})
            r = conn.getresponse()
            r.read()
            status = r.status
        except Exception as e:  # noqa: BLE001
            status = type(e).__name__
        samples.append((time.time(), status, (time.perf_counter() - t0) * 1000))
        time.sleep(0.2)


def chaos(tok):
    print("### Recovery\n")
    # 1. the load generator dies mid-run: every connection it had is dropped at once
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as f:
        f.write("\n".join(PATHS["by-id"]) + "\n")
    p = subprocess.Popen(["wrk", "-t", "2", "-c", "256", "-d", "20s", "-s", os.path.join(HERE, "wrk-report.lua"),
                          "-H", "Authorization: Bearer " + tok, GATEWAY], stdout=subprocess.DEVNULL,
                         env=dict(os.environ, BENCH_PATHS=f.name))
    time.sleep(4)
    p.send_signal(signal.SIGKILL)
    p.wait()
    time.sleep(0.5)
    status, ms = single_request(tok)
    live = json.load(urllib.request.urlopen("http://127.0.0.1:9080/q/health/live", timeout=5))
    print(f"- wrk (256 connections through the gateway) killed after 4 s: the next request got {status} in "
          f"{ms:.0f} ms; gateway liveness {live['status']}, requests under way "
          f"{[c for c in live['checks'] if c['name'] == 'proxy'][0]['data']['inFlight']}.")

    # 2. customer-service stopped and started during a run
    samples, stop = [], threading.Event()
    t = threading.Thread(target=sampler, args=(tok, stop, samples))
    load = subprocess.Popen(["wrk", "-t", "2", "-c", "16", "-d", "40s", "-s", os.path.join(HERE, "wrk-report.lua"),
                             "-H", "Authorization: Bearer " + tok, GATEWAY], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, BENCH_PATHS=f.name))
    t.start()
    time.sleep(4)
    pid = int(open(os.path.join(ROOT, ".local/pids/customer-service.pid")).read())
    stopped = time.time()
    os.kill(pid, signal.SIGTERM)
    time.sleep(3)
    # run.sh waits for the stopping service to exit before it starts it again
    subprocess.run([os.path.join(ROOT, "deploy/local/run.sh")], stdout=subprocess.DEVNULL, check=True, timeout=300)
    ready = time.time()
    time.sleep(3)
    stop.set()
    t.join()
    load.terminate()
    load.wait()
    os.unlink(f.name)
    during = [s for s in samples if stopped <= s[0] <= ready]
    after = [s for s in samples if s[0] > ready]
    statuses = sorted({str(s[1]) for s in during})
    worst = max((s[2] for s in during), default=0)
    print(f"- customer-service stopped 4 s into a 16-connection run and started again "
          f"({ready - stopped:.0f} s down): while it was down the gateway answered {', '.join(statuses)} "
          f"(slowest {worst:.0f} ms); after it was ready: {sorted({str(s[1]) for s in after})}.")
    status, ms = single_request(tok)
    print(f"- afterwards a single request got {status} in {ms:.0f} ms.\n")


if __name__ == "__main__":
    main()
