#!/usr/bin/env bash
# Survey link benchmark (issue #20, "Scale": >= 500 answers/s through the gateway on the public link; see
# survey_answer_bench.py): starts the local stack if needed, makes a bench campaign of fresh links and answers them
# through the gateway with wrk, beside PostgreSQL doing the same statements in pgbench. Needs wrk and pgbench.
# Usage: deploy/bench/survey-answer-bench.sh [> report.md]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed: apt-get install -y postgresql-contrib" >&2; exit 1; }
"$ROOT/deploy/local/run.sh" >&2
if [ "$(cat "$ROOT/.local/pg.mode")" = private ]; then
  PG_ARGS="-h 127.0.0.1 -p ${CERTCARE_PG_PORT:-5433} -U certcare -d certcare_survey"
else
  PG_ARGS="-h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres} -d certcare_survey"
fi
BENCH_PSQL_ARGS="$PG_ARGS" python3 "$ROOT/deploy/bench/survey_answer_bench.py"
echo
echo "survey-service memory after: $(awk '/^Pss:/ {printf "%.0f MB PSS", $2/1024}' "/proc/$(cat "$ROOT/.local/pids/survey-service.pid")/smaps_rollup")"
