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

# The services give back the heap a burst left behind once they are quiet (platform IdleHeapTrim: a look every
# 5 s, a full collection at the first quiet one): memory is read after that, as a user would find it.
QUIET=${BENCH_QUIET_SECONDS:-15}
echo "== quiet for $QUIET s before reading memory" >&2
sleep "$QUIET"
echo "### Start and memory"
echo
echo "Memory is PSS (proportional set size: shared pages divided among the processes sharing them), summed over"
echo "each part's processes, so PostgreSQL's shared buffers count once; RSS beside it counts them in each. Read"
echo "after $QUIET s without load."
echo
echo "| part | started in | memory now (PSS) | RSS |"
echo "|---|---|---|---|"
total=0
sum_of() { # field (Pss or Rss) pids... -> kB
  local field=$1 kb=0 p v; shift
  for p in "$@"; do
    v=$(awk -v f="$field:" '$1 == f {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
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
  kb=$(sum_of Pss $pids)
  # shellcheck disable=SC2086
  rss=$(sum_of Rss $pids)
  started=$(grep -ho 'started in [0-9.]*s' "$ROOT/.local/logs/$part.log" 2>/dev/null | tail -n 1 | cut -d' ' -f3 || true)
  total=$((total + kb))
  printf '| %s | %s | %d MB | %d MB |\n' "$part" "${started:--}" $((kb / 1024)) $((rss / 1024))
done
printf '| **all of the above** | | **%d MB** | |\n' $((total / 1024))
