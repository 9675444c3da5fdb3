#!/usr/bin/env bash
# survey-service benchmark (issue #20, "Scale"; see survey_bench.py): starts the local stack if needed, loads the bench
# surveys (survey-data.sql: 10,000 clients, 8 quarters, ≈ 1,000,000 item answers) unless they are there, then measures
# the quarter's aggregates for every slice and the annual figure through the gateway, beside raw PostgreSQL running the
# same statements. Needs wrk and pgbench.
# Usage: deploy/bench/survey-bench.sh [> report.md]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLIENTS=${BENCH_CLIENTS:-10000}
QUARTERS=${BENCH_QUARTERS:-8}
YEAR=${BENCH_SURVEY_YEAR:-2080}
. "$ROOT/deploy/bench/bench-stack.sh" survey
have=$(psql $PG_ARGS -Atc "select count(*) from survey_dispatch d join survey_campaign c on c.id = d.campaign_id where c.created_by = 'bench'")
if [ "$have" -ne $((CLIENTS * QUARTERS)) ]; then
  echo "== loading $CLIENTS clients × $QUARTERS quarters of surveys" >&2
  psql $PG_ARGS -q -v clients="$CLIENTS" -v quarters="$QUARTERS" -v year="$YEAR" -f "$ROOT/deploy/bench/survey-data.sql" >&2
  psql $PG_ARGS -q -c "vacuum analyze survey_dispatch" -c "vacuum analyze survey_response" -c "vacuum analyze survey_answer" >&2
fi
BENCH_PSQL_ARGS="$PG_ARGS" BENCH_SURVEY_YEAR="$YEAR" python3 "$ROOT/deploy/bench/survey_bench.py"
echo
echo "survey-service memory after: $(awk '/^Pss:/ {printf "%.0f MB PSS", $2/1024}' "/proc/$(cat "$ROOT/.local/pids/survey-service.pid")/smaps_rollup")"
