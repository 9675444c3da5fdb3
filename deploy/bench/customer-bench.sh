#!/usr/bin/env bash
# customer-service benchmark (issue: customer database): loads BENCH_CLIENTS customers (default 100,000,
# about 250,000 certification records) into the local stack's database, then measures through the
# gateway: a filtered sorted page, free-text search, export and import, beside raw PostgreSQL timings of
# the same queries. Starts the local stack if it is not running. Usage: deploy/bench/customer-bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLIENTS=${BENCH_CLIENTS:-100000}
"$ROOT/deploy/local/run.sh" >/dev/null
if [ "$(cat "$ROOT/.local/pg.mode")" = private ]; then
  PSQL="psql -h 127.0.0.1 -p ${CERTCARE_PG_PORT:-5433} -U certcare -d certcare_customer"
else
  PSQL="psql -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres} -d certcare_customer"
fi
echo "== loading $CLIENTS customers"
start=$(date +%s%N)
$PSQL -q -v clients="$CLIENTS" -f "$ROOT/deploy/bench/customer-data.sql"
echo "load: $(( ($(date +%s%N) - start) / 1000000 )) ms"
$PSQL -q -c "delete from change_record where client_id in (select id from client where remarks = 'bench-import');" \
  -c "delete from client where remarks = 'bench-import';"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
BENCH_PSQL="$PSQL" python3 "$ROOT/deploy/bench/customer_bench.py"
echo "customer-service RSS after: $(ps -o rss= -p "$(cat "$ROOT/.local/pids/customer-service.pid")" | awk '{printf "%.0f MB", $1/1024}')"
$PSQL -q -c "delete from change_record where client_id in (select id from client where remarks = 'bench-import');" \
  -c "delete from client where remarks = 'bench-import';"
