#!/usr/bin/env bash
# CertCare local stack, without Docker: PostgreSQL, Kafka (KRaft), Keycloak, the four services, the
# gateway and the web app (the built SPA), each a plain process whose pid, log and data live under .local/.
#
#   deploy/local/run.sh            build what is missing, start what is not running, wait until ready
#   deploy/local/run.sh stop       stop exactly the processes this script started
#   deploy/local/run.sh status     show each part
#   deploy/local/run.sh reset      stop, then delete all local data (databases, topics, Keycloak realm)
#
# Settings (environment): CERTCARE_PG_PORT (private cluster port, default 5433), PGHOST/PGPORT/PGUSER/
# PGPASSWORD (use a PostgreSQL server you already run, default 127.0.0.1:5432 as postgres),
# CERTCARE_NO_BUILD=1 (fail instead of building missing jars or SPA), CERTCARE_WAIT (seconds, default 240),
# CERTCARE_SPA_PORT (the web app, default 5173; Keycloak's SPA client allows 5173 and 4173), CERTCARE_JAVA (the java
# the services and the gateway run on; see pick_java), CERTCARE_STARTUP_CACHE=off (no start-up cache; see below).
set -euo pipefail
# The stack's processes outlive this script: they must not inherit its callers' open files. A caller holding a lock
# (`flock build.lock deploy/local/run.sh`) would otherwise leave the lock held by PostgreSQL, Kafka and the services
# until the stack stops, and every build waiting for it would wait that long.
for fd in $(ls /proc/$$/fd 2>/dev/null); do
  case $fd in 0|1|2|255) ;; *) eval "exec $fd>&-" 2>/dev/null || true ;; esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL="$ROOT/.local"
LOGS="$LOCAL/logs"
PIDS="$LOCAL/pids"
DEPLOY="$ROOT/deploy/local"
KEYCLOAK_VERSION=26.5.2
KEYCLOAK_HOME="$LOCAL/keycloak-$KEYCLOAK_VERSION"
KAFKA_HOME="$LOCAL/kafka"
# GreenMail: the local mailbox survey-service sends its invitations and reminders to (SMTP 3025, IMAP 3143, and a
# web API on 8085 to read what arrived: /api/user/<address>/messages). Every address exists; nothing leaves the machine.
GREENMAIL_VERSION=2.1.5
GREENMAIL_JAR="$LOCAL/dist/greenmail-standalone-$GREENMAIL_VERSION.jar"
WAIT=${CERTCARE_WAIT:-240}

SERVICES=(customer-service application-contract-service feedback-service survey-service)
declare -A PORT=([gateway]=8080 [customer-service]=8081 [application-contract-service]=8082
  [feedback-service]=8083 [survey-service]=8084 [keycloak]=8180 [kafka]=9092 [frontend]=${CERTCARE_SPA_PORT:-5173}
  [greenmail]=3025 [greenmail-imap]=3143 [greenmail-api]=8085)
FRONTEND="$ROOT/frontend"
# The gateway's health and metrics live on a management port of their own (local only), not on 8080.
declare -A MANAGEMENT=([gateway]=9080)
# Heap per app: 128 MB holds a service under load and an import (checked 500 rows at a time); the gateway needs less.
declare -A HEAP=([gateway]=96m)
# customer-service: the young generation held at 16 MB and the old one kept 10 % free (the JVM's defaults: a
# third of the cap and 40-70 %). With 10-30 % free (2026-12-04), after a minute of by-id load it committed 55 MB
# of heap instead of 90 and its RSS fell from 318 to 283-290 MB, for about 17 young collections a second of under
# 2 ms each. 10 % rather than 10-30 % (2026-12-05, by hand): 294 MB instead of 305-306 after by-id, page and
# page-flood runs, with the same number of full collections in them (3-4, the idle trims counted); throughput
# moved by a quarter between runs of the same setting, so a smaller cost could not be seen. After the page
# bench: 297 MB (README, "Memory").
# Not for survey-service: with these its answers cost 1.9 ms of CPU instead of 1.4 and its link took 358-437
# answers/s instead of 507-592 (2026-12-04); nor the 10 % free share alone: 340-412 answers/s instead of 462-591,
# 2.1-2.3 ms of its CPU per answer instead of 1.5-1.7, and still 312 MB RSS after its answer bench instead of 330
# (2026-12-05, same hour). It holds only its young generation at 16 MB: 314 MB RSS 20 s after its answer bench
# instead of 338 (heap 65 MB instead of 90), 432 / 529 / 469 answers/s at 4 / 16 / 64 connections against 505 / 519
# / 439 without, the same CPU per answer at 16 and 64 (1.58 ms), more at 4 (1.83 ms against 1.49) (2026-12-05
# 16:13 and 16:36, one run each, bench/results).
# feedback- and application-contract-service keep their old generation 10 % free (the young one as the JVM sizes it):
# after 20 s of a list at 16 connections, 10 s at 256 and 30 s idle, feedback 281-282 MB RSS instead of 305-308
# and application-contract 270-275 instead of 294-295 (2026-12-05, twice each way); the lists answered 3-33 % fewer
# requests a second in those runs (at 16 connections 1,830-2,420/s instead of 2,410-2,730), far above their load.
FREE10="-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=10"
declare -A HEAP_OPTS=([survey-service]="-Xmn16m" [customer-service]="-Xmn16m $FREE10" [feedback-service]="$FREE10"
  [application-contract-service]="$FREE10")
declare -A DATABASE=([customer-service]=certcare_customer [application-contract-service]=certcare_application
  [feedback-service]=certcare_feedback [survey-service]=certcare_survey)

mkdir -p "$LOGS" "$PIDS"

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { say "ERROR: $*" >&2; exit 1; }

pid_of() { [ -f "$PIDS/$1.pid" ] && cat "$PIDS/$1.pid" || true; }
# A process that has exited but is not yet reaped (a zombie) counts as gone.
running() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$state" ] && [[ $state != Z* ]]; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && running "$pid"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts a command in its own session (so stop can end it with everything it spawned) and keeps its pid.
start_bg() {
  local name=$1; shift
  setsid nohup "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

wait_for() { # name, test command...
  local name=$1; shift
  local deadline=$((SECONDS + WAIT))
  until "$@"; do
    if [ -f "$PIDS/$name.pid" ] && ! alive "$name"; then
      tail -n 30 "$LOGS/$name.log" >&2 || true
      die "$name exited during start-up; its log: $LOGS/$name.log"
    fi
    [ $SECONDS -lt $deadline ] || die "$name not ready after ${WAIT}s; its log: $LOGS/$name.log"
    sleep 0.5
  done
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

# --- PostgreSQL ------------------------------------------------------------------------------------
pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Runs a PostgreSQL command as user postgres, from / (a checkout in root's home is not a directory postgres
# may enter, and initdb/pg_ctl fail when they cannot stay in their working directory).
as_postgres() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

pg_data_dir() {
  # The server runs as user postgres, which must be able to reach the data directory.
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$LOCAL" 2>/dev/null; then
    echo "/var/tmp/certcare-pg-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)"
  else
    echo "$LOCAL/pg"
  fi
}

# The server's log: beside its data directory when postgres cannot write into .local/logs.
pg_log_file() {
  local data; data=$(pg_data_dir)
  if [ "$data" = "$LOCAL/pg" ]; then echo "$LOGS/postgres.log"; else echo "$data.log"; fi
}

# Chooses the server: one the user already runs (PGHOST/PGPORT, default 127.0.0.1:5432) if we can log in
# as a superuser, else our private cluster. Sets PG_PORT, PG_ADMIN (psql connection args), PG_MODE.
choose_postgres() {
  local host=${PGHOST:-127.0.0.1} port=${PGPORT:-5432} user=${PGUSER:-postgres}
  if [ -f "$LOCAL/pg.mode" ] && [ "$(cat "$LOCAL/pg.mode")" = private ]; then
    PG_MODE=private
  elif port_open "$port" && psql -h "$host" -p "$port" -U "$user" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    PG_MODE=external; PG_PORT=$port; PG_ADMIN=(-h "$host" -p "$port" -U "$user")
    echo external >"$LOCAL/pg.mode"
    return
  else
    PG_MODE=private
  fi
  PG_PORT=${CERTCARE_PG_PORT:-5433}
  PG_ADMIN=(-h 127.0.0.1 -p "$PG_PORT" -U certcare)
  echo private >"$LOCAL/pg.mode"
}

start_postgres() {
  choose_postgres
  if [ "$PG_MODE" = private ]; then
    local bin data; bin=$(pg_bin); data=$(pg_data_dir)
    [ -n "$bin" ] && [ -x "$bin/initdb" ] || die "no PostgreSQL server binaries; install them: apt-get install -y postgresql"
    if [ ! -f "$data/PG_VERSION" ]; then
      say "PostgreSQL: initialising a private cluster in $data"
      mkdir -p "$data"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
      as_postgres "$bin/initdb" -D "$data" -U certcare -A trust -E UTF8 --locale=C.UTF-8 >"$LOGS/postgres-init.log" 2>&1 \
        || die "initdb failed, see $LOGS/postgres-init.log"
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      port_open "$PG_PORT" && die "port $PG_PORT is taken; set CERTCARE_PG_PORT to a free port"
      say "PostgreSQL: starting the private cluster on 127.0.0.1:$PG_PORT"
      local pglog; pglog=$(pg_log_file)
      touch "$pglog"; [ "$(id -u)" = 0 ] && chown postgres "$pglog"
      [ "$pglog" = "$LOGS/postgres.log" ] || ln -sfn "$pglog" "$LOGS/postgres.log"
      as_postgres "$bin/pg_ctl" -D "$data" -l "$pglog" -w -t 60 \
        -o "-p $PG_PORT -k $data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
        || die "PostgreSQL did not start, see $pglog"
      head -n 1 "$data/postmaster.pid" >"$PIDS/postgres.pid"
    fi
  else
    say "PostgreSQL: using the server on ${PG_ADMIN[*]}"
    psql "${PG_ADMIN[@]}" -d postgres -Atqc "select 1 from pg_roles where rolname='certcare'" | grep -q 1 \
      || psql "${PG_ADMIN[@]}" -d postgres -qc "create role certcare login password 'certcare'"
  fi
  local db
  for db in "${DATABASE[@]}"; do
    psql "${PG_ADMIN[@]}" -d postgres -Atqc "select 1 from pg_database where datname='$db'" | grep -q 1 \
      || psql "${PG_ADMIN[@]}" -d postgres -qc "create database $db owner certcare"
    # pg_trgm needs a superuser to install; services use it for Chinese substring search.
    psql "${PG_ADMIN[@]}" -d "$db" -qc "set client_min_messages = warning; create extension if not exists pg_trgm" >/dev/null
  done
}

stop_postgres() {
  [ -f "$LOCAL/pg.mode" ] && [ "$(cat "$LOCAL/pg.mode")" = private ] || return 0
  local bin data; bin=$(pg_bin); data=$(pg_data_dir)
  if [ -f "$data/postmaster.pid" ]; then
    say "PostgreSQL: stopping the private cluster"
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -f "$PIDS/postgres.pid"
}

# --- Kafka ------------------------------------------------------------------------------------------
start_kafka() {
  if alive kafka; then return; fi
  port_open "${PORT[kafka]}" && die "port ${PORT[kafka]} is taken by a process this script did not start"
  mkdir -p "$KAFKA_HOME"
  if [ ! -s "$KAFKA_HOME/classpath" ]; then
    say "Kafka: resolving the broker's classpath from Maven Central"
    "$ROOT/mvnw" -q -B -f "$DEPLOY/kafka/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$KAFKA_HOME/classpath" >"$LOGS/kafka-classpath.log" 2>&1 \
      || die "could not resolve Kafka, see $LOGS/kafka-classpath.log"
  fi
  local cp; cp=$(cat "$KAFKA_HOME/classpath")
  local java_opts=(-Xmx256m -XX:+UseSerialGC "-Dlog4j2.configurationFile=$DEPLOY/kafka/log4j2.properties")
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    say "Kafka: formatting storage"
    { cat "$DEPLOY/kafka/server.properties"; echo "log.dirs=$KAFKA_HOME/data"; } >"$KAFKA_HOME/server.properties"
    local cluster_id; cluster_id=$(java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$KAFKA_HOME/server.properties" >"$LOGS/kafka-format.log" 2>&1 || die "format failed, see $LOGS/kafka-format.log"
  fi
  say "Kafka: starting the broker on 127.0.0.1:${PORT[kafka]}"
  start_bg kafka java "${java_opts[@]}" -cp "$cp" kafka.Kafka "$KAFKA_HOME/server.properties"
}

kafka_ready() { grep -q "Kafka Server started" "$LOGS/kafka.log" 2>/dev/null; }

# --- Keycloak ---------------------------------------------------------------------------------------
start_keycloak() {
  if alive keycloak; then return; fi
  port_open "${PORT[keycloak]}" && die "port ${PORT[keycloak]} is taken by a process this script did not start"
  if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
    say "Keycloak: fetching keycloak-quarkus-dist $KEYCLOAK_VERSION from Maven Central and unpacking it"
    "$ROOT/mvnw" -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$LOCAL/dist" >"$LOGS/keycloak-download.log" 2>&1 \
      || die "could not fetch Keycloak, see $LOGS/keycloak-download.log"
    unzip -q -o "$LOCAL/dist/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$LOCAL"
    [ -d "$LOCAL/keycloak-$KEYCLOAK_VERSION" ] || mv "$LOCAL"/keycloak-*/ "$KEYCLOAK_HOME" 2>/dev/null || true
  fi
  # The realm is imported on the first start only (an existing realm is kept).
  mkdir -p "$KEYCLOAK_HOME/data/import"
  cp "$ROOT/deploy/keycloak/certification-realm.json" "$KEYCLOAK_HOME/data/import/"
  say "Keycloak: starting on http://localhost:${PORT[keycloak]} (the first start builds Keycloak: ~30-60 s)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin-local JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    start_bg keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port="${PORT[keycloak]}" \
    --hostname="http://localhost:${PORT[keycloak]}" --import-realm
}

keycloak_ready() { http_ok "http://localhost:${PORT[keycloak]}/realms/certification/.well-known/openid-configuration"; }
# A realm imported before the API audience existed gives tokens every service refuses (401): say so.
realm_current() {
  curl -s -d client_id=certcare-cli -d grant_type=password -d username=market -d password=market-local \
    "http://localhost:${PORT[keycloak]}/realms/certification/protocol/openid-connect/token" | python3 -c '
import base64, json, sys
token = json.load(sys.stdin).get("access_token", "")
payload = token.split(".")[1] if token.count(".") == 2 else ""
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)) or b"{}") if payload else {}
aud = claims.get("aud", [])
sys.exit(0 if "certcare-api" in (aud if isinstance(aud, list) else [aud]) else 1)'
}

# --- GreenMail: the local SMTP server and mailbox ----------------------------------------------------
start_greenmail() {
  if alive greenmail; then return; fi
  local p
  for p in "${PORT[greenmail]}" "${PORT[greenmail-imap]}" "${PORT[greenmail-api]}"; do
    port_open "$p" && die "port $p is taken by a process this script did not start"
  done
  if [ ! -f "$GREENMAIL_JAR" ]; then
    say "GreenMail: fetching greenmail-standalone $GREENMAIL_VERSION from Maven Central"
    "$ROOT/mvnw" -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
      -DoutputDirectory="$LOCAL/dist" >"$LOGS/greenmail-download.log" 2>&1 \
      || die "could not fetch GreenMail, see $LOGS/greenmail-download.log"
  fi
  say "GreenMail: SMTP 127.0.0.1:${PORT[greenmail]}, IMAP ${PORT[greenmail-imap]}, web API http://localhost:${PORT[greenmail-api]}"
  start_bg greenmail java -Xmx64m -XX:+UseSerialGC -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.smtp.port="${PORT[greenmail]}" -Dgreenmail.imap.port="${PORT[greenmail-imap]}" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="${PORT[greenmail-api]}" -jar "$GREENMAIL_JAR"
}

greenmail_ready() { http_ok "http://127.0.0.1:${PORT[greenmail-api]}/api/configuration"; }

# --- services and gateway ---------------------------------------------------------------------------
jar_of() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# The JVM the services and the gateway run on: CERTCARE_JAVA if set; otherwise `java`, unless it is older than 25
# and a JDK 25 or newer is installed under /usr/lib/jvm, which then runs them (the code is built for Java 17 and runs
# on either). JDK 25 starts a service from an AOT cache (JEP 483/515) in about 3 s where 17 needs 4 with its class
# archive and 6-8 without (README, "Start and memory").
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1; }
pick_java() {
  if [ -n "${CERTCARE_JAVA:-}" ]; then echo "$CERTCARE_JAVA"; return; fi
  local best=java feature newest=0 j f
  feature=$(java_feature java); feature=${feature:-0}
  if [ "$feature" -lt 25 ]; then
    for j in /usr/lib/jvm/*/bin/java; do
      [ -x "$j" ] || continue
      f=$(java_feature "$j"); f=${f:-0}
      if [ "$f" -ge 25 ] && [ "$f" -gt "$newest" ]; then best=$j; newest=$f; fi
    done
  fi
  echo "$best"
}

# Start-up cache per app (under .local/startup/, for the JVM last used): the classes a service loaded, linked and
# profiled in an earlier run, mapped at start instead of loaded from the jars again. The first run after a build
# records it, and writes it when the app stops (deploy/local/run.sh stop waits for that: up to a minute here); every later start
# uses it. On JDK 25+ an AOT cache (-XX:AOTCacheOutput / -XX:AOTCache), on 17-24 a dynamic class-data archive
# (-XX:ArchiveClassesAtExit / -XX:SharedArchiveFile). The apps are packaged as aot-jar (quarkus.package.jar.type):
# their classes are on the class path, which both need (Quarkus's own class loader is not cached by Java 17).
# A cache older than any jar of its app is recorded again. CERTCARE_STARTUP_CACHE=off runs without one.
STARTUP="$LOCAL/startup"
# Named after the JVM that made it (its path and build time): a cache only fits the JVM build that wrote it.
startup_cache_of() { # name, java feature version
  local java key; java=$(readlink -f "$(command -v "$JAVA")")
  key=$(printf '%s %s' "$java" "$(stat -c %Y "$java")" | md5sum | cut -c1-8)
  echo "$STARTUP/$1-java$2-$key.$([ "$2" -ge 25 ] && echo aot || echo jsa)"
}
startup_cache_opts() { # name, java feature version → JVM options (one per line)
  local name=$1 feature=$2 cache dir old
  mkdir -p "$STARTUP"
  rm -f "$STARTUP/$name"-java*.new "$STARTUP/$name"-java*.new.config "$STARTUP/$name.recording"
  [ "${CERTCARE_STARTUP_CACHE:-on}" = off ] && return
  cache=$(startup_cache_of "$name" "$feature")
  dir=$(dirname "$(jar_of "$name")")
  for old in "$STARTUP/$name"-java*; do [ "$old" = "$cache" ] || rm -f "$old"; done
  # (the jars only: the app's directory itself changes when a tool attaches to the JVM, jcmd for one)
  if [ -f "$cache" ] && [ -z "$(find "$dir" -type f -name '*.jar' -newer "$cache" -print -quit)" ]; then
    if [ "$feature" -ge 25 ]; then printf '%s\n' "-XX:AOTCache=$cache" "-Xlog:aot*=error,cds*=error"
    else printf '%s\n' "-XX:SharedArchiveFile=$cache" "-Xlog:cds*=error"; fi
  else
    rm -f "$cache"
    echo "$cache.new" >"$STARTUP/$name.recording"
    if [ "$feature" -ge 25 ]; then printf '%s\n' "-XX:AOTCacheOutput=$cache.new" "-Xlog:aot*=error,cds*=error"
    else printf '%s\n' "-XX:ArchiveClassesAtExit=$cache.new" "-Xlog:cds*=error"; fi
  fi
}

build_if_missing() {
  local missing=()
  for m in "${SERVICES[@]}" gateway; do [ -f "$(jar_of "$m")" ] || missing+=("$m"); done
  [ ${#missing[@]} -eq 0 ] && return
  [ -n "${CERTCARE_NO_BUILD:-}" ] && die "not built: ${missing[*]} (run ./mvnw package -DskipTests)"
  say "Building ${missing[*]} (./mvnw package -DskipTests)"
  "$ROOT/mvnw" -q -B package -DskipTests >"$LOGS/build.log" 2>&1 || die "build failed, see $LOGS/build.log"
}

# --- the web app: the built SPA, served with its /api proxy to the gateway by vite preview -----------
build_spa_if_missing() {
  [ -f "$FRONTEND/dist/index.html" ] && return
  [ -n "${CERTCARE_NO_BUILD:-}" ] && die "the SPA is not built (cd frontend && npm ci && npm run build)"
  command -v npm >/dev/null || die "Node.js 20 and npm are needed for the web app: apt-get install -y nodejs npm"
  say "Building the web app (npm ci, npm run build)"
  { [ -d "$FRONTEND/node_modules" ] || (cd "$FRONTEND" && npm ci --no-audit --no-fund); } >"$LOGS/spa-build.log" 2>&1 \
    && (cd "$FRONTEND" && npm run build) >>"$LOGS/spa-build.log" 2>&1 || die "SPA build failed, see $LOGS/spa-build.log"
}

start_spa() {
  if alive frontend; then return; fi
  port_open "${PORT[frontend]}" && die "port ${PORT[frontend]} is taken by a process this script did not start"
  say "web app: serving frontend/dist on http://localhost:${PORT[frontend]}"
  start_bg frontend env CERTCARE_GATEWAY_URL="http://localhost:${PORT[gateway]}" \
    bash -c "cd '$FRONTEND' && exec node node_modules/vite/bin/vite.js preview --port ${PORT[frontend]} --strictPort --host localhost"
}

spa_ready() { http_ok "http://localhost:${PORT[frontend]}/config.json"; }

start_app() { # name, extra env...
  local name=$1; shift
  # Alive, once started, and no longer answering its health check: it is shutting down (a Quarkus app takes a few
  # seconds, closing its Kafka clients). Wait for it to go, then start it, rather than take it for running.
  if alive "$name" && ! app_ready "$name" && grep -q "started in" "$LOGS/$name.log" 2>/dev/null; then
    say "$name: still stopping; starting it again once it has exited"
    stop_one "$name" # waits for it (longer while it writes its start-up cache, which it then keeps)
  fi
  if alive "$name"; then return; fi
  port_open "${PORT[$name]}" && die "port ${PORT[$name]} is taken by a process this script did not start"
  say "$name: starting on http://localhost:${PORT[$name]}"
  # The access log goes to its own file, written in batches by a background thread (.local/logs/NAME-access.log):
  # one write per request line to the console log cost the gateway a fifth of its CPU under load.
  # Memory (measured, see README): the heap starts small and is capped per app, with per-app sizing in
  # HEAP_OPTS; glibc keeps two malloc arenas instead of one per thread. The start-up cache options:
  # startup_cache_opts, above.
  local dir; dir=$(dirname "$(jar_of "$name")")
  local cache_opts=(); mapfile -t cache_opts < <(startup_cache_opts "$name" "$JAVA_FEATURE")
  [ ${#cache_opts[@]} -gt 0 ] && [[ ${cache_opts[0]} == *.new ]] && say "$name: recording its start-up cache (written when it stops)"
  # Loopback only: the local stack is reached through the gateway (and the web app's server) on this machine.
  # TrimNativeHeapInterval (JDK 17.0.10+; ignored by older ones) gives freed C heap back: about 30 MB of RSS
  # after an import or a load run.
  # -ShrinkHeapInSteps: a full collection shrinks the old generation to MaxHeapFreeRatio at once, not a quarter
  # at a time; with it the full collection a service asks for when it goes quiet after a burst (platform
  # IdleHeapTrim) gives back what the burst left: customer-service 360-369 MB RSS after a page flood, 320-322 MB.
  # It holds for every full collection, also one under load (not measured apart; the page bench ran as before).
  start_bg "$name" env -C "$dir" MALLOC_ARENA_MAX=2 QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_ACCESS_LOG_LOG_TO_FILE=true \
    QUARKUS_HTTP_ACCESS_LOG_LOG_DIRECTORY="$LOGS" QUARKUS_HTTP_ACCESS_LOG_BASE_FILE_NAME="$name-access" "$@" \
    "$JAVA" "-Xmx${HEAP[$name]:-128m}" -Xms32m ${HEAP_OPTS[$name]:-} -XX:+UseSerialGC \
    -XX:-ShrinkHeapInSteps -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m \
    -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=10000 "${cache_opts[@]}" -jar quarkus-run.jar
}

app_ready() { http_ok "http://localhost:${MANAGEMENT[$1]:-${PORT[$1]}}/q/health/ready"; }

# --- commands ---------------------------------------------------------------------------------------
cmd_start() {
  local t0=$SECONDS
  command -v java >/dev/null || die "java (17+) is needed"
  JAVA=$(pick_java)
  command -v "$JAVA" >/dev/null || die "CERTCARE_JAVA=$JAVA is not a program"
  JAVA_FEATURE=$(java_feature "$JAVA" || true); JAVA_FEATURE=${JAVA_FEATURE:-0}
  [ "$JAVA_FEATURE" -ge 17 ] || die "the services need Java 17 or newer ($JAVA is ${JAVA_FEATURE})"
  say "services and gateway run on $JAVA (Java $JAVA_FEATURE; CERTCARE_JAVA chooses another)"
  command -v curl >/dev/null || die "curl is needed"
  { build_if_missing; build_spa_if_missing; } &
  local build_pid=$!
  start_postgres
  start_kafka
  start_keycloak
  start_greenmail
  wait $build_pid || die "build failed, see $LOGS/build.log"
  wait_for kafka kafka_ready
  say "Kafka: ready"
  wait_for greenmail greenmail_ready
  say "GreenMail: ready"
  for m in "${SERVICES[@]}"; do
    start_app "$m" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/${DATABASE[$m]}" \
      KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${PORT[kafka]}" \
      QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="${PORT[greenmail]}" \
      CERTCARE_SURVEY_MAIL_PUBLIC_URL="http://localhost:${PORT[frontend]}/survey/{token}"
  done
  wait_for keycloak keycloak_ready
  realm_current || die "Keycloak's realm predates this checkout's (its tokens lack the certcare-api audience, so every API call would be 401): run deploy/local/run.sh reset, then start again"
  say "Keycloak: ready"
  for m in "${SERVICES[@]}"; do wait_for "$m" app_ready "$m"; say "$m: ready"; done
  start_app gateway
  wait_for gateway app_ready gateway
  start_spa
  wait_for frontend spa_ready
  say "web app: ready — everything started in $((SECONDS - t0)) s"
  cat <<EOF

CertCare is running (logs: .local/logs/, stop: deploy/local/run.sh stop)
  Web app              http://localhost:${PORT[frontend]}         log in as market / market-local
  Gateway (API)        http://localhost:8080         e.g. /api/customers/ping, /openapi/customer
  Keycloak             http://localhost:8180         admin console: admin / admin-local
  Services             customer :8081  application-contract :8082  feedback :8083  survey :8084
  Kafka                127.0.0.1:9092
  Mail (GreenMail)     SMTP 127.0.0.1:${PORT[greenmail]}, IMAP ${PORT[greenmail-imap]} (user = password = the address),
                       what arrived: http://localhost:${PORT[greenmail-api]}/api/user/<address>/messages
  PostgreSQL           127.0.0.1:$PG_PORT ($PG_MODE)   user certcare / certcare
Demo users (realm "certification", LOCAL ONLY): market / market-local, department / department-local,
  leader / leader-local, auditor / auditor-local, admin / admin-local
A token for curl:
  curl -s -d client_id=certcare-cli -d grant_type=password -d username=market -d password=market-local \\
    http://localhost:8180/realms/certification/protocol/openid-connect/token
EOF
}

stop_one() {
  local name=$1 pid
  pid=$(pid_of "$name")
  [ -n "$pid" ] || return 0
  # An app recording its start-up cache writes it as it exits: give it longer.
  local recording="" grace=30 killed=""
  [ -f "$STARTUP/$name.recording" ] && recording=$(cat "$STARTUP/$name.recording") && grace=180
  if running "$pid"; then
    say "$name: stopping (pid $pid)${recording:+, writing its start-up cache}"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while running "$pid" && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if running "$pid"; then
      say "$name: did not stop in $grace s, killing"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      killed=1
    fi
  fi
  # anything left in its process group (kc.sh's java, for one)
  pkill -KILL -g "$pid" 2>/dev/null || true
  rm -f "$PIDS/$name.pid"
  if [ -n "$recording" ]; then
    # dated when the recording began: a jar built while it ran is newer, and makes the next start record again
    if [ -z "$killed" ] && [ -s "$recording" ]; then
      touch -r "$STARTUP/$name.recording" "$recording" 2>/dev/null || true
      mv -f "$recording" "${recording%.new}"
    else rm -f "$recording"; fi
    rm -f "$recording.config"
    # unless a start since has begun a recording of its own
    if [ "$(cat "$STARTUP/$name.recording" 2>/dev/null || true)" = "$recording" ]; then rm -f "$STARTUP/$name.recording"; fi
  fi
}

cmd_stop() {
  stop_one frontend
  stop_one gateway
  for m in "${SERVICES[@]}"; do stop_one "$m" & done
  wait
  stop_one keycloak & stop_one kafka & stop_one greenmail &
  wait
  stop_postgres
}

cmd_status() {
  local name state
  for name in postgres kafka keycloak greenmail "${SERVICES[@]}" gateway frontend; do
    if [ "$name" = postgres ]; then
      if [ -f "$PIDS/postgres.pid" ] && running "$(cat "$PIDS/postgres.pid")"; then state="running (pid $(cat "$PIDS/postgres.pid"), private cluster)"
      elif [ -f "$LOCAL/pg.mode" ] && [ "$(cat "$LOCAL/pg.mode")" = external ]; then state="external server"
      else state="stopped"; fi
    elif alive "$name"; then
      state="running (pid $(pid_of "$name"))"
      case $name in
        kafka) ;;
        keycloak) keycloak_ready && state+=", ready" || state+=", not ready" ;;
        greenmail) greenmail_ready && state+=", ready" || state+=", not ready" ;;
        frontend) spa_ready && state+=", ready" || state+=", not ready" ;;
        *) app_ready "$name" && state+=", ready" || state+=", not ready" ;;
      esac
    else
      state="stopped"
    fi
    printf '  %-30s %s\n' "$name" "$state"
  done
}

cmd_reset() {
  cmd_stop
  say "Deleting local data: databases, Kafka topics, Keycloak's realm and users"
  rm -rf "$(pg_data_dir)" "$LOCAL/pg.mode" "$KAFKA_HOME/data" "$KAFKA_HOME/server.properties" "$KEYCLOAK_HOME/data"
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *) echo "usage: $0 [start|stop|status|reset]" >&2; exit 2 ;;
esac
