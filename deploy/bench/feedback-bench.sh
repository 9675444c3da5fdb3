#!/usr/bin/env bash
# feedback-service benchmark (issue #19, "Scale"; see feedback_bench.py): starts the local stack if needed, loads
# BENCH_ITEMS feedback items (default 200,000, over the two years before BENCH_YEAR_END) unless that many bench
# items are there, then measures the inbox with each filter and the year-end summary at one user through the
# gateway, beside raw PostgreSQL running the same statements. Needs wrk and pgbench.
# Usage: deploy/bench/feedback-bench.sh [> report.md]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ITEMS=${BENCH_ITEMS:-200000}
YEAR_END=${BENCH_YEAR_END:-$(date +%Y-%m-%dT00:00:00%:z)}
. "$ROOT/deploy/bench/bench-stack.sh" feedback
have=$(psql $PG_ARGS -Atc "select count(*) from feedback_item where reference like 'BK-%'")
if [ "$have" -ne "$ITEMS" ]; then
  echo "== loading $ITEMS feedback items" >&2
  psql $PG_ARGS -q -v items="$ITEMS" -v year_end="$YEAR_END" -f "$ROOT/deploy/bench/feedback-data.sql" >&2
  psql $PG_ARGS -q -c "vacuum analyze feedback_item" >&2
fi
BENCH_PSQL_ARGS="$PG_ARGS" python3 "$ROOT/deploy/bench/feedback_bench.py"
echo
echo "feedback-service memory after: $(awk '/^Pss:/ {printf "%.0f MB PSS", $2/1024}' "/proc/$(cat "$ROOT/.local/pids/feedback-service.pid")/smaps_rollup")"
