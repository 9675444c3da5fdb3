# Sourced by the bench scripts: checks the tools, starts the local stack if needed and sets PG_ARGS (psql/pgbench
# connection arguments) for database certcare_$1 — the private cluster run.sh made, or the server PGHOST/PGPORT/PGUSER
# name when the stack uses one already running.
BENCH_DB=$1
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed: apt-get install -y postgresql-contrib" >&2; exit 1; }
"$ROOT/deploy/local/run.sh" >&2
if [ "$(cat "$ROOT/.local/pg.mode")" = private ]; then
  PG_ARGS="-h 127.0.0.1 -p ${CERTCARE_PG_PORT:-5433} -U certcare -d certcare_$BENCH_DB"
else
  PG_ARGS="-h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres} -d certcare_$BENCH_DB"
fi
