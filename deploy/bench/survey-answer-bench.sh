#!/usr/bin/env bash
# Survey link benchmark (issue #20, "Scale": >= 500 answers/s through the gateway on the public link; see
# survey_answer_bench.py): starts the local stack if needed, makes a bench campaign of fresh links and answers them
# through the gateway with wrk, beside PostgreSQL doing the same statements in pgbench. Needs wrk and pgbench.
# Usage: deploy/bench/survey-answer-bench.sh [> report.md]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/deploy/bench/bench-stack.sh" survey
BENCH_PSQL_ARGS="$PG_ARGS" BENCH_SERVICE_PID="$(cat "$ROOT/.local/pids/survey-service.pid")" python3 "$ROOT/deploy/bench/survey_answer_bench.py"
echo
echo "survey-service memory after: $(awk '/^Pss:/ {printf "%.0f MB PSS", $2/1024}' "/proc/$(cat "$ROOT/.local/pids/survey-service.pid")/smaps_rollup")"
