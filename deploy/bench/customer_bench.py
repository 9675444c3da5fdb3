#!/usr/bin/env python3
"""customer-service benchmark, through the gateway, beside raw PostgreSQL figures from the same run.

Reads BENCH_PSQL (psql connection args for certcare_customer) and BENCH_ROWS_IMPORT from the
environment; prints one line per figure. Request loops are bounded in count and go to localhost only.
"""
import csv, io, json, os, random, shlex, statistics, subprocess, threading, time, urllib.parse, urllib.request
import http.client

GATEWAY = ("localhost", 8080)
TOKEN_URL = "http://localhost:8180/realms/certification/protocol/openid-connect/token"
PSQL = shlex.split(os.environ["BENCH_PSQL"])
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def token():
    form = urllib.parse.urlencode({"client_id": "certcare-cli", "grant_type": "password",
                                   "username": "market", "password": "market-local"}).encode()
    with urllib.request.urlopen(TOKEN_URL, form, timeout=10) as r:
        return json.load(r)["access_token"]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def load(name, paths, requests=200, concurrency=4):
    tok = token()
    latencies, errors, lock = [], [], threading.Lock()
    per_thread = requests // concurrency

    def worker(n):
        conn = http.client.HTTPConnection(*GATEWAY, timeout=30)
        rnd = random.Random(n)
        for _ in range(per_thread):
            path = rnd.choice(paths)
            t0 = time.perf_counter()
            conn.request("GET", path, headers={"Authorization": "Bearer " + tok})
            resp = conn.getresponse()
            resp.read()
            dt = (time.perf_counter() - t0) * 1000
            with lock:
                (latencies if resp.status == 200 else errors).append(dt if resp.status == 200 else resp.status)
        conn.close()

    # warm-up, not counted
    for p in paths[:5]:
        c = http.client.HTTPConnection(*GATEWAY, timeout=30)
        c.request("GET", p, headers={"Authorization": "Bearer " + tok}); c.getresponse().read(); c.close()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    wall = time.perf_counter() - t0
    print(f"{name}: n={len(latencies)} errors={len(errors)} c={concurrency} p50={pct(latencies, 50):.1f} ms "
          f"p95={pct(latencies, 95):.1f} ms p99={pct(latencies, 99):.1f} ms throughput={len(latencies) / wall:.0f}/s")


def raw_pg(name, sql, runs=30):
    times = []
    for _ in range(runs):
        out = subprocess.run(PSQL + ["-Atc", "explain (analyze, timing off, summary on) " + sql],
                             capture_output=True, text=True, check=True).stdout
        times.append(float([l for l in out.splitlines() if "Execution Time" in l][0].split(":")[1].split()[0]))
    print(f"raw PostgreSQL {name}: runs={runs} p50={pct(times, 50):.1f} ms p95={pct(times, 95):.1f} ms")


def credit_code(i):
    body = "91330100" + str(i).rjust(9, "0")
    body = body[:8] + "".join(CHARSET[int(d) % 31] for d in body[8:])
    s = sum(CHARSET.index(body[k]) * WEIGHTS[k] for k in range(17))
    return body + CHARSET[(31 - s % 31) % 31]


def export(path, label):
    tok = token()
    conn = http.client.HTTPConnection(*GATEWAY, timeout=600)
    t0 = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": "Bearer " + tok})
    resp = conn.getresponse()
    size, rows = 0, 0
    while True:
        chunk = resp.read(1 << 16)
        if not chunk:
            break
        size += len(chunk)
        rows += chunk.count(b"\n")
    dt = time.perf_counter() - t0
    rows_text = f"rows={rows - 1} " if "csv" in path else ""
    print(f"export {label}: status={resp.status} {rows_text}bytes={size} time={dt:.2f} s")


def import_rows(n):
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["企业名称", "统一社会信用代码", "省份", "城市", "联系人", "联系电话", "专业代码", "认证领域", "状态", "合同编号", "初审费用（元）", "备注"])
    for i in range(n):
        w.writerow([f"导入基准企业{i}有限公司", credit_code(700000000 + i), "浙江省", "杭州市", f"联系人{i}",
                    "13800138000", "33.02.01", "QMS", "申请中", f"IMP{i:09d}", "12000.00", "bench-import"])
    body = ("\ufeff" + out.getvalue()).encode("utf-8")
    tok = token()
    conn = http.client.HTTPConnection(*GATEWAY, timeout=900)
    for dry in ("true", "false"):
        t0 = time.perf_counter()
        conn.request("POST", "/api/customers/import?dryRun=" + dry, body=body,
                     headers={"Authorization": "Bearer " + tok, "Content-Type": "text/csv"})
        resp = conn.getresponse()
        answer = json.loads(resp.read() or b"{}")
        dt = time.perf_counter() - t0
        print(f"import {n} rows ({'dry run' if dry == 'true' else 'commit'}): status={resp.status} "
              f"errors={len(answer.get('errors', []))} newCustomers={answer.get('newCustomers')} time={dt:.2f} s "
              f"({len(body) / 1e6:.1f} MB)")


if __name__ == "__main__":
    if os.environ.get("BENCH_ONLY") == "import":
        import_rows(int(os.environ.get("BENCH_ROWS_IMPORT", "100000")))
        raise SystemExit(0)
    q = urllib.parse.quote
    by_province = [f"/api/customers?province={p}&status=VALID&scheme=QMS&sort=name&page={pg}&size=20"
                   for p in ("330000", "320000", "440000", "110000") for pg in (1, 3, 50)]
    by_fee_expiry = [f"/api/customers?initialFeeMin=10000&expiresFrom=2026-01-01&expiresTo=2026-12-31&sort=expiresOn,desc&page={pg}"
                     for pg in (1, 2, 10)]
    texts = ["中澜科技", "华信物流", "恒通机械有限公司1", "浙江星河", "HT0000012345", "QMS0000040001", "联系人4242", "宏达电子"]
    free_text = [f"/api/customers?q={q(t)}&size=20" for t in texts]
    for c in (1, 4):
        load(f"page: province+status+scheme, sorted by name (c={c})", by_province, concurrency=c)
        load(f"page: fee+expiry range, sorted by expiry (c={c})", by_fee_expiry, requests=100, concurrency=c)
        load(f"free-text search (c={c})", free_text, concurrency=c)

    keys = "c.certification_keys && array['KS:QMS:VALID']::text[]"
    raw_pg("filtered page count", "select count(*) from client c where c.province_code in ('330000') and " + keys)
    raw_pg("filtered page rows", "select c.id from client c where c.province_code in ('330000') and " + keys
           + " order by c.name asc nulls last, c.id limit 20 offset 40")
    fee_expiry = "r.expires_on >= '2026-01-01' and r.expires_on <= '2026-12-31' and r.initial_audit_fee >= 10000"
    raw_pg("fee+expiry page count", "select count(distinct r.client_id) from certification r where " + fee_expiry)
    raw_pg("fee+expiry page rows", "select c.id from client c where (c.id in (select r.client_id from certification r "
           "where " + fee_expiry + ")) is true order by c.live_expires_on desc nulls first, c.id limit 20 offset 20")
    raw_pg("free-text count", "select count(*) from client c where c.id in (select t.id from client t where "
           "t.search_text like '%中澜科技%' union select q.client_id from certification q where "
           "lower(q.certificate_no) like '%中澜科技%' or lower(q.contract_no) like '%中澜科技%')")

    export("/api/customers/export?format=csv&scheme=QMS", "CSV, one QMS record per customer")
    export("/api/customers/export?format=xlsx&scheme=QMS", "XLSX, one QMS record per customer")
    import_rows(int(os.environ.get("BENCH_ROWS_IMPORT", "100000")))
