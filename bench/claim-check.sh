#!/usr/bin/env bash
# Claim checker throughput: in process, over the HTTP batch endpoint, and a PostgreSQL baseline
# measured in the same run. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENENCODER_MIRROR="${OPENENCODER_MIRROR:-../shared/data}"
./mvnw -q -B -o test-compile -Djacoco.skip=true
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dbench.seconds="${BENCH_SECONDS:-10}" -Dbench.httpClaims="${BENCH_HTTP_CLAIMS:-300000}" \
  -Dbench.claims="${BENCH_CLAIMS:-10000}" \
  org.openencoder.claims.bench.ClaimCheckBenchmark
