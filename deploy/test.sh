#!/usr/bin/env bash
# Every CertCare test, as CI runs them (the README's test command):
#   1. the web app: lint, unit tests (Vitest), production build with its size budget
#   2. every Maven module: unit and integration tests against real PostgreSQL and Kafka, the gateway,
#      and the smoke test that starts and stops the whole local stack (./mvnw -B verify)
#   3. the web app end to end: Playwright drives Debian's Chromium against the running local stack,
#      with real Keycloak logins; screenshots land in frontend/test-results/screens/
# Extra arguments go to Maven (e.g. -DskipSmoke). A stack that was running before is left running.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '\n== %s %s\n' "$(date +%H:%M:%S)" "$*"; }
t0=$SECONDS

say "web app: dependencies, lint, unit tests, build"
cd "$ROOT/frontend"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run lint
npm test
npm run build

say "services: ./mvnw -B verify $*"
cd "$ROOT"
./mvnw -B verify "$@"

say "web app end to end against the local stack"
if "$ROOT/deploy/local/run.sh" status | grep -Eq '^ +gateway +running'; then
  echo "The local stack is running already; testing against it and leaving it running."
else
  trap '"$ROOT/deploy/local/run.sh" stop >/dev/null 2>&1 || true' EXIT
fi
CERTCARE_NO_BUILD=1 "$ROOT/deploy/local/run.sh" >/dev/null
(cd "$ROOT/frontend" && npx playwright test)

say "all tests passed in $((SECONDS - t0)) s"
