#!/usr/bin/env bash
# Event latency (issue #17's relay goal: commit → consumer p95 ≤ 200 ms): a raw produce → consume on the
# local broker beside a customer registered through customer-service until its CustomerRegistered reaches a
# consumer of the customers topic (events/EventLatency.java, run as a Java source file with the Kafka
# client from the local Maven repository). Starts the local stack if needed. Report: stdout (markdown).
# Usage: deploy/bench/event-latency.sh [count, default 50] [pause between registrations in ms, default 100]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
N=${1:-50}
PAUSE=${2:-100}
"$ROOT/deploy/local/run.sh" >&2
M2=${MAVEN_REPO:-$HOME/.m2/repository}
kafka=$(ls "$M2"/org/apache/kafka/kafka-clients/*/kafka-clients-*.jar | grep -v sources | sort -V | tail -n 1)
slf4j=$(ls "$M2"/org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar | grep -v sources | sort -V | tail -n 1)
token=$(curl -fsS -d client_id=certcare-cli -d grant_type=password -d username=market -d password=market-local \
  http://localhost:8180/realms/certification/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
echo "### Event latency ($(date -u +%Y-%m-%dT%H:%MZ), $N events, ${PAUSE} ms apart)"
echo
java -cp "$kafka:$slf4j" "$ROOT/deploy/bench/events/EventLatency.java" 127.0.0.1:9092 http://127.0.0.1:8081 \
  "$token" "$N" "$PAUSE" 2> >(grep -v SLF4J >&2)
