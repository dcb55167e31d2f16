#!/usr/bin/env bash
# Benchmark, not a test: HTTP throughput and latency of GET /api/v1/search on the running jar,
# with wrk rotating through the fixed query mix of bench/search-queries.tsv (bench/search-rotate.lua).
# Beside it, in the same run and the same way, the bare HTTP stack: GET /actuator/health/liveness
# (Tomcat, Spring Security, MVC, JSON; no search), so a busy machine shows up in both figures.
# Two app starts: the search's answer cache off (every request searches the index), then on (the
# mix is answered from memory after its first round). Each figure comes with the app's CPU time
# per request.
#
#   bench/search-http.sh                   # OPENENCODER_MIRROR defaults to ../shared/data
#
# Settings (environment): OPENENCODER_MIRROR, BENCH_THREADS (wrk threads, 2), BENCH_CONNECTIONS
# (32), BENCH_DURATION (30s), BENCH_WARMUP (15s, the least warm-up; it goes on in rounds of
# BENCH_WARMUP_ROUND, 5s, until the app's CPU per request settles, at most BENCH_WARMUP_MAX, 240s),
# BENCH_CACHE (both, on or off), BENCH_JAR
# (default target/openencoder.jar, rebuilt when older than the sources), BENCH_JAVA_OPTS,
# BENCH_HOME (an OPENENCODER_HOME with the releases already imported, kept; default a fresh
# temporary one), BENCH_KEEP=1 (keep logs).
# Exit status: 0 targets met, 2 a target missed, 1 the benchmark itself failed.
set -Eeuo pipefail

if [[ -n ${OPENENCODER_MIRROR:-} ]]; then
  MIRROR=$(cd "$OPENENCODER_MIRROR" 2>/dev/null && pwd) ||
    { echo "bench: no mirror at $OPENENCODER_MIRROR" >&2; exit 1; }
fi
cd "$(dirname "$0")/.."
MIRROR=${MIRROR:-$(cd ../shared/data 2>/dev/null && pwd || true)}

# Targets from the issue, on 2 cores.
TARGET_RPS=5000
TARGET_P99_MS=20

THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-15s}
WARMUP_ROUND=${BENCH_WARMUP_ROUND:-5s}
WARMUP_MAX=${BENCH_WARMUP_MAX:-240s}
JAR=${BENCH_JAR:-target/openencoder.jar}
CACHE=${BENCH_CACHE:-both}
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

die() {
  echo "bench: $*" >&2
  exit 1
}

[[ -n $MIRROR && -d $MIRROR ]] ||
  die "no mirror: set OPENENCODER_MIRROR to a folder laid out like ../shared/data"
if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)"
  if [[ $(id -u) == 0 ]]; then
    apt-get install -y -q wrk >/dev/null || die "apt-get install wrk failed"
  else
    sudo apt-get install -y -q wrk >/dev/null || die "apt-get install wrk failed"
  fi
fi
for tool in curl "$JAVA" wrk awk; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/openencoder-search-http.XXXXXX")
APP_HOME=${BENCH_HOME:-$WORK/home}
APP_PID=""

# Stops the app this script started (Spring stops its embedded PostgreSQL on the way out), by its
# pid, on every exit, Ctrl-C included; a watchdog kills it if it has not exited after 60 s.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then
    echo "bench: kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  die "no free port found"
}

# --- build and start ------------------------------------------------------------------------------
if [[ -z ${BENCH_JAR:-} ]] &&
  { [[ ! -f $JAR ]] || [[ -n $(find src pom.xml -newer "$JAR" -print -quit) ]]; }; then
  echo "Building $JAR (./mvnw -q -B -o -DskipTests package)"
  ./mvnw -q -B -o -DskipTests package
fi
[[ -f $JAR ]] || die "no jar at $JAR"

LOG=$WORK/app.log
PORT=""
BASE=""

# start_app NAME [ARGS...]: starts the jar on a free port (the home kept between starts, so only the
# first imports) and waits until it is ready and the code index answers.
start_app() {
  local name=$1
  shift
  PORT=$(port)
  LOG=$WORK/app-$name.log
  mkdir -p "$APP_HOME" "$WORK/tomcat"
  echo "Starting ($name): OPENENCODER_HOME=$APP_HOME OPENENCODER_MIRROR=$MIRROR SERVER_PORT=$PORT" \
    "$JAVA -Xmx1g ${JAVA_OPTS[*]:-}${JAVA_OPTS[*]:+ }-jar $JAR $*"
  OPENENCODER_HOME=$APP_HOME OPENENCODER_MIRROR=$MIRROR SERVER_PORT=$PORT \
    SERVER_TOMCAT_BASEDIR=$WORK/tomcat \
    "$JAVA" -Xmx1g "${JAVA_OPTS[@]}" -jar "$JAR" "$@" >"$LOG" 2>&1 &
  APP_PID=$!
  BASE=http://127.0.0.1:$PORT
  # Ready means the releases are loaded; the first search then waits for the code index.
  for _ in $(seq 1 6000); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$LOG" >&2; die "the app exited before it was ready"; }
    [[ $(curl -s -m 2 -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness" || true) == 200 ]] &&
      break
    sleep 0.1
  done
  [[ $(curl -s -m 120 -o /dev/null -w '%{http_code}' "$BASE/api/v1/search?q=E11.9") == 200 ]] ||
    { tail -n 40 "$LOG" >&2; die "the app is not ready or the search does not answer 200"; }
}

stop_app() {
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# Every query of the mix must answer 200 before it is timed.
check_mix() {
  local bad=0 kind query code
  while IFS=$'\t' read -r kind query; do
    [[ $kind == \#* || -z $kind ]] && continue
    code=$(curl -s -o /dev/null -w '%{http_code}' -G --data-urlencode "q=$query" "$BASE/api/v1/search")
    [[ $code == 200 ]] || { echo "bench: $kind '$query' answered $code" >&2; bad=$((bad + 1)); }
  done <bench/search-queries.tsv
  ((bad == 0)) || die "$bad queries of the mix did not answer 200"
}

# --- measure --------------------------------------------------------------------------------------
# The app's own CPU time (user + system, all its threads: requests, GC, JIT) in clock ticks: the
# figure a busy machine disturbs least, since waiting for a core costs no CPU time.
app_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
# The JIT compiler threads' share of it: while it is large the figure is of a JVM still warming up.
jit_ticks() {
  local task total=0
  for task in /proc/"$APP_PID"/task/*; do
    [[ $(cat "$task/comm" 2>/dev/null) == C[12]\ Compiler* ]] || continue
    total=$((total + $(sed 's/^.*) //' "$task/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
TICKS=$(getconf CLK_TCK)

# wrk_run NAME PATH DURATION: wrk with the rotation script, its output kept in $WORK/NAME.txt and
# the app's CPU time per request in microseconds in $WORK/NAME.cpu.
wrk_run() {
  local out=$WORK/$1.txt before after jit_before jit_after
  WRK_COMMAND="BENCH_PATH=$2 BENCH_QUERIES=bench/search-queries.tsv wrk -t$THREADS -c$CONNECTIONS -d$3 --latency -s bench/search-rotate.lua $BASE"
  before=$(app_ticks)
  jit_before=$(jit_ticks)
  BENCH_PATH=$2 BENCH_QUERIES=bench/search-queries.tsv \
    wrk "-t$THREADS" "-c$CONNECTIONS" "-d$3" --latency -s bench/search-rotate.lua "$BASE" >"$out"
  after=$(app_ticks)
  jit_after=$(jit_ticks)
  awk -v t="$((after - before))" -v hz="$TICKS" '/ requests in / {printf "%.0f", t / hz * 1e6 / $1}' \
    "$out" >"$WORK/$1.cpu"
  awk -v t="$((jit_after - jit_before))" -v hz="$TICKS" '/ requests in / {printf "%.0f", t / hz * 1e6 / $1}' \
    "$out" >"$WORK/$1.jit"
  if grep -q "Non-2xx or 3xx responses" "$out"; then
    cat "$out" >&2
    die "$1: answers other than 200"
  fi
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$WORK/$1.txt"; }
# wrk prints latencies as 812.00us, 1.23ms or 1.02s: in ms.
latency_ms() {
  awk -v p="$2" '$1 == p {v = $2; f = 1;
    if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1; else if (v ~ /s$/) f = 1000;
    sub(/[a-z]+$/, "", v); printf "%.2f", v * f}' "$WORK/$1.txt"
}

# warm_up NAME PATH: rounds of BENCH_WARMUP_ROUND, not measured, for at least BENCH_WARMUP and
# until the app's CPU time per request of a round is within 10% of the round before and the JIT
# compiler's share of it is under 3% (at 10%, a JVM still compiling passed for settled: 756 us a
# request that became 133 once compiled), at most BENCH_WARMUP_MAX in all. On 2 shared cores the
# JIT takes minutes over Spring's deep call stacks: after a fixed 10 s a request cost several
# times what it costs once compiled, and the figure said more about the compiler than the request.
warm_up() {
  local name=$1 path=$2 round=0 spent=0 cpu jit previous=0 round_s max_s least_s
  least_s=$(seconds "$WARMUP")
  max_s=$(seconds "$WARMUP_MAX")
  round_s=$(seconds "$WARMUP_ROUND")
  while :; do
    round=$((round + 1))
    wrk_run "warmup-$name-$round" "$path" "$WARMUP_ROUND"
    spent=$((spent + round_s))
    cpu=$(cat "$WORK/warmup-$name-$round.cpu")
    echo "  warm-up $name, round $round: $(rps "warmup-$name-$round") req/s," \
      "app CPU $cpu us a request (JIT $(cat "$WORK/warmup-$name-$round.jit") us)"
    jit=$(cat "$WORK/warmup-$name-$round.jit")
    if ((spent >= least_s)) && awk -v a="$cpu" -v b="$previous" -v j="$jit" \
      'BEGIN {exit !(b > 0 && a <= 1.1 * b && a >= 0.9 * b && j <= 0.03 * a)}'; then
      break
    fi
    if ((spent >= max_s)); then
      echo "  warm-up $name: still changing after $spent s (BENCH_WARMUP_MAX)"
      break
    fi
    previous=$cpu
  done
  eval "WARMED_${name//-/_}=$spent"
}
seconds() { awk -v d="$1" 'BEGIN {n = d + 0; if (d ~ /m$/) n *= 60; if (d ~ /h$/) n *= 3600; print n}'; }

# measure CACHE: one app start, with the search's answer cache on or off
# (openencoder.search.cache.enabled); the bare stack before and after the search, then the app
# stops. With the cache on, the mix's 269 queries are answered from memory after their first
# round: that figure is the API with its cache, not the search.
measure() {
  local cache=$1
  start_app "cache-$cache" "--openencoder.search.cache.enabled=$([[ $cache == on ]] && echo true || echo false)"
  check_mix
  warm_up "search-$cache" /api/v1/search
  warm_up "bare-$cache" /actuator/health/liveness
  eval "LOAD_BEFORE_$cache='$(cut -d' ' -f1-3 /proc/loadavg)'"
  # The bare stack first, then the search, then the bare stack again: load that changes during the
  # run shows up as a difference between the two bare figures.
  wrk_run "bare1-$cache" /actuator/health/liveness "$DURATION"
  wrk_run "search-$cache" /api/v1/search "$DURATION"
  SEARCH_COMMAND=$WRK_COMMAND
  wrk_run "bare2-$cache" /actuator/health/liveness "$DURATION"
  eval "LOAD_AFTER_$cache='$(cut -d' ' -f1-3 /proc/loadavg)'"
  stop_app
}

case $CACHE in
  both) CACHES=(off on) ;;
  on | off) CACHES=("$CACHE") ;;
  *) die "BENCH_CACHE is both, on or off, not $CACHE" ;;
esac
for cache in "${CACHES[@]}"; do
  measure "$cache"
done

echo
echo "Machine: $(nproc) cores, $(awk '/^model name/ {sub(/^[^:]*: /, ""); print; exit}' /proc/cpuinfo);" \
  "wrk and the app share the cores."
for cache in "${CACHES[@]}"; do
  before=LOAD_BEFORE_$cache
  after=LOAD_AFTER_$cache
  warmed_search=WARMED_search_$cache
  warmed_bare=WARMED_bare_$cache
  echo "Load average, cache $cache: ${!before} before, ${!after} after; warmed up ${!warmed_search} s" \
    "(search) and ${!warmed_bare} s (bare stack)."
done
echo "Command: $SEARCH_COMMAND"
for cache in "${CACHES[@]}"; do
  echo
  echo "GET /api/v1/search, answer cache $cache:"
  cat "$WORK/search-$cache.txt"
done
echo
printf '%-44s %9s %8s %8s %8s %14s %12s\n' "" "req/s" "p50 ms" "p90 ms" "p99 ms" "app CPU us/req" "of it JIT"
for cache in "${CACHES[@]}"; do
  for run in "search-$cache" "bare1-$cache" "bare2-$cache"; do
    case $run in
      search-on) label="GET /api/v1/search, answer cache ON" ;;
      search-off) label="GET /api/v1/search, answer cache OFF" ;;
      bare1-*) label="  bare stack (cache $cache start), before" ;;
      bare2-*) label="  bare stack (cache $cache start), after" ;;
    esac
    printf '%-44s %9s %8s %8s %8s %14s %12s\n' "$label" "$(rps "$run")" "$(latency_ms "$run" 50%)" \
      "$(latency_ms "$run" 90%)" "$(latency_ms "$run" 99%)" "$(cat "$WORK/$run.cpu")" \
      "$(cat "$WORK/$run.jit")"
  done
done
echo
verdict=0
for cache in "${CACHES[@]}"; do
  SEARCH_RPS=$(rps "search-$cache")
  SEARCH_P99=$(latency_ms "search-$cache" 99%)
  BARE_RPS=$(awk -v a="$(rps "bare1-$cache")" -v b="$(rps "bare2-$cache")" 'BEGIN {printf "%.0f", (a + b) / 2}')
  awk -v s="$SEARCH_RPS" -v b="$BARE_RPS" -v c="$cache" \
    'BEGIN {printf "cache %s: search / bare stack throughput %.2fx\n", c, s / b}'
  if awk -v r="$SEARCH_RPS" -v t="$TARGET_RPS" 'BEGIN {exit !(r >= t)}'; then
    echo "cache $cache: throughput $SEARCH_RPS req/s, target >= $TARGET_RPS: PASS"
  else
    echo "cache $cache: throughput $SEARCH_RPS req/s, target >= $TARGET_RPS: FAIL"
    verdict=2
  fi
  if awk -v p="$SEARCH_P99" -v t="$TARGET_P99_MS" 'BEGIN {exit !(p < t)}'; then
    echo "cache $cache: p99 $SEARCH_P99 ms, target < $TARGET_P99_MS ms: PASS"
  else
    echo "cache $cache: p99 $SEARCH_P99 ms, target < $TARGET_P99_MS ms: FAIL"
    verdict=2
  fi
done
exit "$verdict"
