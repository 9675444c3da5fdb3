#!/usr/bin/env bash
# Load benchmark (see load_bench.py): starts the local stack if needed, loads the bench data set
# (BENCH_CLIENTS customers, default 100,000) unless it is there, runs by-id / page / search straight at
# customer-service, through the gateway and as raw pgbench at 1-256 connections, then the recovery runs,
# then reports each service's start time and memory. Needs wrk and pgbench (apt-get install -y wrk
# postgresql-contrib). Report: stdout (markdown); progress: stderr.
# Usage: deploy/bench/load-bench.sh [> report.md]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLIENTS=${BENCH_CLIENTS:-100000}
. "$ROOT/deploy/bench/bench-stack.sh" customer
have=$(psql $PG_ARGS -Atc "select count(*) from client where remarks = 'bench'")
if [ "$have" -lt "$CLIENTS" ]; then
  echo "== loading $CLIENTS customers" >&2
  psql $PG_ARGS -q -v clients="$CLIENTS" -f "$ROOT/deploy/bench/customer-data.sql" >&2
fi
BENCH_PSQL_ARGS="$PG_ARGS" BENCH_CLIENTS="$CLIENTS" BENCH_CUSTOMER_PID="$(cat "$ROOT/.local/pids/customer-service.pid")" \
  BENCH_GATEWAY_PID="$(cat "$ROOT/.local/pids/gateway.pid")" python3 "$ROOT/deploy/bench/load_bench.py"

echo "### Start and memory"
echo
echo "Memory is PSS (proportional set size: shared pages divided among the processes sharing them), summed over"
echo "each part's processes, so PostgreSQL's shared buffers count once."
echo
echo "| part | started in | memory now (PSS) |"
echo "|---|---|---|"
total=0
pss_of() { # pids... -> kB
  local kb=0 p v
  for p in "$@"; do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    kb=$((kb + ${v:-0}))
  done
  echo "$kb"
}
for part in customer-service application-contract-service feedback-service survey-service gateway kafka keycloak postgres; do
  pidfile="$ROOT/.local/pids/$part.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if [ "$part" = postgres ]; then
    pids=$(ps -o pid= --ppid "$pid"; echo "$pid")
  else
    pids=$(ps -o pid= -g "$pid" 2>/dev/null)
  fi
  # shellcheck disable=SC2086
  kb=$(pss_of $pids)
  started=$(grep -ho 'started in [0-9.]*s' "$ROOT/.local/logs/$part.log" 2>/dev/null | tail -n 1 | cut -d' ' -f3 || true)
  total=$((total + kb))
  printf '| %s | %s | %d MB |\n' "$part" "${started:--}" $((kb / 1024))
done
printf '| **all of the above** | | **%d MB** |\n' $((total / 1024))
