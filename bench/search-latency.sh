#!/usr/bin/env bash
# Benchmark, not a test: in-process latency of the code search (p50/p99 over the fixed query mix of
# bench/search-queries.tsv, every code set of the mirror loaded) beside a PostgreSQL full-text
# search over the same descriptors in the app's own PostgreSQL, in the same run. The runner is
# src/test/java/org/openencoder/search/SearchLatencyBenchmark.java, compiled with the tests (so it
# keeps up with the search API) but never run by them.
#
#   bench/search-latency.sh                # OPENENCODER_MIRROR defaults to ../shared/data
#
# Settings (environment): OPENENCODER_MIRROR, BENCH_HOME (an OPENENCODER_HOME with the releases
# already imported, kept; default a fresh temporary one: the import then comes first),
# BENCH_ROUNDS (measured rounds of the mix, 10), BENCH_WARMUP_ROUNDS (60), BENCH_SLOWEST (how many
# of the slowest queries to list, 8), BENCH_QUERIES (another query file in the same layout, to
# study a part of the mix; figures from it are not the benchmark's), BENCH_JAVA_OPTS.
# Exit status: 0 the p99 target met, 2 missed, 1 the benchmark itself failed.
set -Eeuo pipefail

if [[ -n ${OPENENCODER_MIRROR:-} ]]; then
  MIRROR=$(cd "$OPENENCODER_MIRROR" 2>/dev/null && pwd) ||
    { echo "bench: no mirror at $OPENENCODER_MIRROR" >&2; exit 1; }
fi
cd "$(dirname "$0")/.."
MIRROR=${MIRROR:-$(cd ../shared/data 2>/dev/null && pwd || true)}
[[ -n $MIRROR && -d $MIRROR ]] ||
  { echo "bench: set OPENENCODER_MIRROR to a folder laid out like ../shared/data" >&2; exit 1; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/openencoder-search-latency.XXXXXX")
# The runner closes the application context on exit, which stops its embedded PostgreSQL.
trap 'rm -rf "$WORK"' EXIT
HOME_DIR=${BENCH_HOME:-$WORK/home}
mkdir -p "$HOME_DIR"

if [[ ! -f target/test-classes/org/openencoder/search/SearchLatencyBenchmark.class ]] ||
  [[ -n $(find src pom.xml -newer target/test-classes/org/openencoder/search/SearchLatencyBenchmark.class -print -quit) ]]; then
  echo "Compiling (./mvnw -q -B -o test-compile)"
  ./mvnw -q -B -o test-compile
fi
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath"

COMMAND=("$JAVA" -Xmx1g "${JAVA_OPTS[@]}" "-Dbench.rounds=${BENCH_ROUNDS:-10}"
  "-Dbench.warmup=${BENCH_WARMUP_ROUNDS:-60}" "-Dbench.slowest=${BENCH_SLOWEST:-8}"
  -cp "target/test-classes:target/classes:$(cat "$WORK/classpath")"
  org.openencoder.search.SearchLatencyBenchmark "${BENCH_QUERIES:-bench/search-queries.tsv}" "$HOME_DIR" "$MIRROR")
echo "Machine: $(nproc) cores, $(awk '/^model name/ {sub(/^[^:]*: /, ""); print; exit}' /proc/cpuinfo);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "Command: ${COMMAND[*]//"$(cat "$WORK/classpath")"/<test classpath>}"
status=0
"${COMMAND[@]}" || status=$?
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
exit "$status"
