#!/usr/bin/env bash
# The metering overhead per code-page request, against a baseline node with metering off in the
# same run: see bench/README.md. Settings: BENCH_ROUNDS (8), BENCH_REQUESTS (100 per round).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${OPENENCODER_MIRROR:=../shared/data}"
export OPENENCODER_MIRROR
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -o -q test -Dtest=MeteringOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Djacoco.skip=true -Dbench.rounds="${BENCH_ROUNDS:-8}" -Dbench.requests="${BENCH_REQUESTS:-100}" \
    >"$log" 2>&1; then
  tail -50 "$log"
  exit 1
fi
sed -n '/^Metering overhead per code-page request/,/paired/p' \
  target/surefire-reports/org.openencoder.accounts.MeteringOverheadBenchmark-output.txt 2>/dev/null \
  || grep -A6 '^Metering overhead' "$log"
