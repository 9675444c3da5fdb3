#!/usr/bin/env bash
# Load benchmark (see load_bench.py): starts the local stack if needed, loads the bench data set
# (BENCH_CLIENTS clients, default 100,000) unless it is there, runs by-id / page / search straight at
# customer-service, through the gateway and as raw pgbench at 1-256 connections, then the recovery runs,
# then reports each service's start time and memory. Needs wrk and pgbench (apt-get install -y wrk
# postgresql-contrib). Report: stdout (markdown); progress: stderr.
# Usage: deploy/bench/load-bench.sh [> report.md]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLIENTS=${BENCH_CLIENTS:-100000}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed: apt-get install -y postgresql-contrib" >&2; exit 1; }
"$ROOT/deploy/local/run.sh" >&2
if [ "$(cat "$ROOT/.local/pg.mode")" = private ]; then
  PG_ARGS="-h 127.0.0.1 -p ${CERTCARE_PG_PORT:-5433} -U certcare -d certcare_customer"
else
  PG_ARGS="-h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres} -d certcare_customer"
fi
have=$(psql $PG_ARGS -Atc "select count(*) from client where remarks = 'bench'")
if [ "$have" -lt "$CLIENTS" ]; then
  echo "== loading $CLIENTS clients" >&2
  psql $PG_ARGS -q -v clients="$CLIENTS" -f "$ROOT/deploy/bench/customer-data.sql" >&2
fi
BENCH_PSQL_ARGS="$PG_ARGS" BENCH_CLIENTS="$CLIENTS" python3 "$ROOT/deploy/bench/load_bench.py"

echo "### Start and memory"
echo
echo "| part | started in | RSS now |"
echo "|---|---|---|"
total=0
for part in customer-service application-contract-service feedback-service survey-service gateway kafka keycloak postgres; do
  pidfile="$ROOT/.local/pids/$part.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  # the process group's resident memory (kc.sh's java, PostgreSQL's backends are children)
  if [ "$part" = postgres ]; then
    rss=$(ps -o rss= --ppid "$pid" -p "$pid" | awk '{s+=$1} END {print s}')
  else
    rss=$(ps -o rss= -g "$pid" 2>/dev/null | awk '{s+=$1} END {print s}')
  fi
  started=$(grep -ho 'started in [0-9.]*s' "$ROOT/.local/logs/$part.log" 2>/dev/null | tail -n 1 | cut -d' ' -f3 || true)
  total=$((total + rss))
  printf '| %s | %s | %d MB |\n' "$part" "${started:--}" $((rss / 1024))
done
printf '| **all of the above** | | **%d MB** |\n' $((total / 1024))
