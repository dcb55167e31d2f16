#!/usr/bin/env bash
# Benchmark, not a test: how long the first start takes to import everything in the mirror, how
# long a restart with the data already imported takes to become ready, and how much heap the app
# holds once ready. Each figure is printed beside the same measurement of the bare app (an empty
# mirror, nothing to import) taken in this run, so a busy machine shows up in both columns.
#
#   bench/import-restart.sh                 # OPENENCODER_MIRROR defaults to ../shared/data
#
# Settings (environment): OPENENCODER_MIRROR, BENCH_RESTARTS (warm restarts per app, default 3),
# BENCH_TIMEOUT (seconds one start may take, default 600), BENCH_JAR (default target/openencoder.jar,
# rebuilt when older than the sources), BENCH_JAVA_OPTS (added to every start, e.g. a CDS archive),
# BENCH_KEEP=1 (keep the temporary homes and logs), BENCH_CDS=1 (run every start, the bare app's
# too, from the extracted jar with a class data sharing archive; see bench/README.md).
# Exit status: 0 all targets met, 2 a target missed, 1 the benchmark itself failed (no readiness,
# a failed import, or a restart that imported again).
set -Eeuo pipefail

# A mirror given relative to where the script is called from; the default is beside the repository.
if [[ -n ${OPENENCODER_MIRROR:-} ]]; then
  MIRROR=$(cd "$OPENENCODER_MIRROR" 2>/dev/null && pwd) ||
    { echo "bench: no mirror at $OPENENCODER_MIRROR" >&2; exit 1; }
fi
cd "$(dirname "$0")/.."

# Targets from the issue, on 2 cores.
TARGET_COLD_MS=60000
TARGET_WARM_MS=10000
TARGET_HEAP_MB=1024
XMX=1g # the heap target, enforced: an import that needs more fails with OutOfMemoryError

RESTARTS=${BENCH_RESTARTS:-3}
TIMEOUT_S=${BENCH_TIMEOUT:-600}
JAR=${BENCH_JAR:-target/openencoder.jar}
read -r -a USER_JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"
JAVA_OPTS=("${USER_JAVA_OPTS[@]}")
MIRROR=${MIRROR:-../shared/data}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd

die() {
  echo "bench: $*" >&2
  exit 1
}

for tool in curl "$JAVA" "$JCMD" awk sed; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done
[[ -d $MIRROR ]] ||
  die "no mirror at $MIRROR: set OPENENCODER_MIRROR to a folder laid out like ../shared/data"
MIRROR=$(cd "$MIRROR" && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/openencoder-bench.XXXXXX")
APP_PID=""
APP_HOME=""

# Stops the app this script started, and the PostgreSQL it started under our temporary homes,
# each by its own pid. Runs on every exit, failures and Ctrl-C included.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $APP_PID ]]; then
    stop_app >/dev/null 2>&1 || true
  fi
  local pidfile pgpid
  for pidfile in "$WORK"/*/home/postgres/postmaster.pid; do
    [[ -f $pidfile ]] || continue
    pgpid=$(head -1 "$pidfile")
    if [[ $pgpid =~ ^[0-9]+$ ]] && kill -0 "$pgpid" 2>/dev/null &&
      tr '\0' ' ' <"/proc/$pgpid/cmdline" | grep -qF "$WORK"; then
      kill -TERM "$pgpid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
    fi
  done
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then
    echo "bench: kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'echo "bench: unexpected failure at line $LINENO: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT TERM

# Whether the app is still running, asked of bash's own job table: /proc/<pid>/stat can show a
# JVM on its way out as a zombie while its threads still run.
app_running() { [[ -n $APP_PID ]] && jobs -rp | grep -qx "$APP_PID"; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port found"
}

# The JVM's CPU time (user + system) so far, in seconds, with the processes it ran and waited for
# (initdb, pg_ctl); the PostgreSQL server is not its child and is counted apart.
cpu_seconds() {
  local ticks
  ticks=$(sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13 + $14 + $15}')
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}'
}

# PostgreSQL's CPU time so far: the postmaster, its running children (the pooled connections,
# checkpointer, ...) and the children it has already reaped.
pg_cpu_seconds() {
  local postmaster pid ticks=0
  postmaster=$(head -1 "$1/postgres/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  ticks=$(sed 's/.*) //' "/proc/$postmaster/stat" | awk '{print $12 + $13 + $14 + $15}')
  for pid in $(ps -o pid= --ppid "$postmaster" || true); do
    # A connection may close between ps and the read: it then adds 0.
    ticks=$((ticks + $({ sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null || true; } |
      awk '{t = $12 + $13} END {print t + 0}')))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}'
}

rss_mb() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# heap_mb PID total|used: the heap the JVM has committed, or the part of it in use, in MB.
heap_mb() {
  local field=2
  [[ $2 == total ]] && field=1
  "$JCMD" "$1" GC.heap_info | sed -nE 's/.*heap +total ([0-9]+)K, used ([0-9]+)K.*/\1 \2/p' |
    awk -v f="$field" '{printf "%d", $f / 1024}'
}

# Heap in use after a full collection: what the app holds, not the garbage it has not collected.
heap_used_mb() {
  "$JCMD" "$1" GC.run >/dev/null
  heap_mb "$1" used
}

ms_to_s() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }

# start_app NAME MIRROR RUN: starts the jar in the background on the home of NAME (kept between
# the starts of that name), logging to NAME/RUN.log.
start_app() {
  local name=$1 mirror=$2 run=$3
  APP_HOME=$WORK/$name/home
  mkdir -p "$APP_HOME" "$WORK/$name/tomcat"
  PORT=$(free_port)
  LOG=$WORK/$name/$run.log
  COMMAND="OPENENCODER_HOME=$APP_HOME OPENENCODER_MIRROR=$mirror SERVER_PORT=$PORT"
  COMMAND+=" $JAVA -Xmx$XMX ${JAVA_OPTS[*]:-}${JAVA_OPTS[*]:+ }-jar $JAR"
  : >"$LOG"
  START_MS=$(now_ms)
  # Tomcat's scratch folder goes under the work folder, so nothing is left in /tmp.
  OPENENCODER_HOME=$APP_HOME OPENENCODER_MIRROR=$mirror SERVER_PORT=$PORT \
    SERVER_TOMCAT_BASEDIR=$WORK/$name/tomcat \
    "$JAVA" -Xmx$XMX "${JAVA_OPTS[@]}" -jar "$JAR" >"$LOG" 2>&1 &
  APP_PID=$!
}

fail_run() {
  echo "bench: $1; last lines of $LOG:" >&2
  tail -n 40 "$LOG" >&2 || true
  exit 1
}

# Waits for GET /actuator/health/readiness to answer 200 (UP), then sets READY_MS.
wait_ready() {
  local deadline=$(($(now_ms) + TIMEOUT_S * 1000)) code
  while true; do
    code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' \
      "http://127.0.0.1:$PORT/actuator/health/readiness" || true)
    if [[ $code == 200 ]]; then
      READY_MS=$(($(now_ms) - START_MS))
      return
    fi
    if ! app_running; then
      local status=0
      wait "$APP_PID" || status=$?
      APP_PID=""
      if ((status == 143)); then
        fail_run "the app was stopped by a SIGTERM this script did not send, before it was ready"
      fi
      fail_run "the app exited (status $status) before it was ready"
    fi
    grep -q "Start-up import failed" "$LOG" && fail_run "the start-up import failed"
    grep -q "OutOfMemoryError" "$LOG" && fail_run "out of heap under -Xmx$XMX"
    (($(now_ms) < deadline)) || fail_run "not ready after ${TIMEOUT_S} s"
    sleep 0.1
  done
}

# SIGTERM, then wait for a clean exit (Spring closes the embedded PostgreSQL on the way out); a
# watchdog kills the app if it has not exited after 60 s.
stop_app() {
  local t0 watchdog
  t0=$(now_ms)
  kill -TERM "$APP_PID" 2>/dev/null || true
  (
    for _ in $(seq 1 600); do sleep 0.1; done # short sleeps: none outlives the watchdog for long
    echo "bench: pid $APP_PID still running 60 s after SIGTERM; killing it" >&2
    kill -KILL "$APP_PID" 2>/dev/null
  ) &
  watchdog=$!
  wait "$APP_PID" 2>/dev/null || true
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
  APP_PID=""
  STOP_MS=$(($(now_ms) - t0))
}

# One start to readiness and its figures, recorded as R[name/run.figure].
declare -A R
measure() {
  local name=$1 mirror=$2 run=$3 key="$1/$3"
  start_app "$name" "$mirror" "$run"
  wait_ready
  R[$key.ready]=$READY_MS
  R[$key.cpu]=$(cpu_seconds "$APP_PID")
  R[$key.pgcpu]=$(pg_cpu_seconds "$APP_HOME")
  R[$key.allcpu]=$(awk -v a="${R[$key.cpu]}" -v b="${R[$key.pgcpu]}" 'BEGIN {printf "%.1f", a + b}')
  R[$key.rss]=$(rss_mb "$APP_PID")
  R[$key.committed]=$(heap_mb "$APP_PID" total)
  R[$key.heap]=$(heap_used_mb "$APP_PID")
  R[$key.spring]=$(sed -nE \
    's/.*Started OpenEncoderApplication in .* \(process running for ([0-9.]+)\).*/\1/p' "$LOG")
  R[$key.loaded]=$(sed -nE 's/.*Active releases loaded in ([0-9]+) ms; ready.*/\1/p' "$LOG")
  R[$key.imported]=$(grep -cE ': imported in [0-9]+ ms' "$LOG" || true)
  R[$key.releases]=$(curl -s "http://127.0.0.1:$PORT/api/v1/releases" |
    { grep -o '"state":"ACTIVE"' || true; } | wc -l)
  R[$key.command]=$COMMAND
  R[$key.port]=$PORT
  R[$key.pid]=$APP_PID
  stop_app
  R[$key.stop]=$STOP_MS
  R[$key.log]=$LOG
  printf '  %-5s %-5s pid %-7s ready in %6.1f s, heap %4d MB after GC, %2d active, %2d imported now\n' \
    "$name" "$run" "${R[$key.pid]}" "$(ms_to_s "$READY_MS")" "${R[$key.heap]}" "${R[$key.releases]}" \
    "${R[$key.imported]}"
}

# --- build ---------------------------------------------------------------------------------------
if [[ -z ${BENCH_JAR:-} ]] &&
  { [[ ! -f $JAR ]] || [[ -n $(find src pom.xml -newer "$JAR" -print -quit) ]]; }; then
  echo "Building $JAR (./mvnw -q -B -o -DskipTests package)"
  ./mvnw -q -B -o -DskipTests package
fi
[[ -f $JAR ]] || die "no jar at $JAR"
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

EMPTY_MIRROR=$WORK/empty-mirror
mkdir -p "$EMPTY_MIRROR"

# Spring Boot's recipe for a faster start: run the extracted jar (plain jars on the class path,
# not jars nested in a jar) with an AppCDS archive written by one training start of the bare app.
if [[ ${BENCH_CDS:-0} == 1 ]]; then
  echo "Extracting the jar and training a CDS archive (one start of the bare app, not measured)"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
  JAR=$WORK/extracted/$(basename "$JAR")
  JAVA_OPTS=("-XX:ArchiveClassesAtExit=$WORK/extracted/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
    "${USER_JAVA_OPTS[@]}")
  start_app training "$EMPTY_MIRROR" start
  wait_ready
  stop_app # the archive is written as the JVM exits
  [[ -f $WORK/extracted/app.jsa ]] || die "the training start wrote no CDS archive"
  JAVA_OPTS=("-XX:SharedArchiveFile=$WORK/extracted/app.jsa" -Xlog:cds=off "${USER_JAVA_OPTS[@]}")
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -1)

echo "OpenEncoder import/restart benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  $(nproc) cores, load average $LOAD_BEFORE; $JAVA_VERSION, -Xmx$XMX"
echo "  jar    $JAR ($(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'))"
echo "  java   -Xmx$XMX ${JAVA_OPTS[*]}"
echo "  mirror $MIRROR"
echo "  work   $WORK"
echo

# --- runs ----------------------------------------------------------------------------------------
# The bare app first (fresh home, empty mirror), then the app on the mirror; warm restarts
# alternate between the two so a change in machine load falls on both.
echo "Starts:"
measure bare "$EMPTY_MIRROR" cold
measure app "$MIRROR" cold
COLD_LOG=${R[app/cold.log]}
if grep -qE ': import FAILED' "$COLD_LOG"; then
  grep -E ': import FAILED' "$COLD_LOG" | sed -E 's/.*org\.openencoder\.import +: /  /' >&2
  die "an import failed on the first start (log above)"
fi
[[ ${R[app/cold.imported]} -gt 0 ]] ||
  die "the first start imported nothing: does $MIRROR hold the official files?"
for i in $(seq 1 "$RESTARTS"); do
  measure bare "$EMPTY_MIRROR" "warm$i"
  measure app "$MIRROR" "warm$i"
  WARM_LOG=${R[app/warm$i.log]}
  if grep -qE ': imported in [0-9]+ ms|: Importing .* from [0-9]+ file' "$WARM_LOG"; then
    grep -E ': imported in [0-9]+ ms|: Importing .* from [0-9]+ file' "$WARM_LOG" |
      sed -E 's/.*org\.openencoder\.import +: /  /' >&2
    die "restart $i imported again although the files did not change (log lines above)"
  fi
  [[ ${R[app/warm$i.releases]} -eq ${R[app/cold.releases]} ]] ||
    die "restart $i has ${R[app/warm$i.releases]} active releases," \
      "the first start had ${R[app/cold.releases]}"
done
echo

# --- report --------------------------------------------------------------------------------------
echo "Per-release import on the first start (from the log):"
IMPORT_LINE='s/.*org\.openencoder\.import +: (.+): imported in ([0-9]+) ms (\{[^}]*\})?(.*)/\2\t\1\t\4/p'
sed -nE "$IMPORT_LINE" "$COLD_LOG" |
  awk -F'\t' '{printf "  %7.1f s  %s%s\n", $1 / 1000, $2, $3; total += $1}
    END {printf "  %7.1f s  total for %d release(s); then loading into memory\n", total / 1000, NR}'
UNAVAILABLE=$(grep -E 'org\.openencoder\.import +: .*: not imported' "$COLD_LOG" |
  sed -E 's/.*org\.openencoder\.import +: /  /' || true)
[[ -z $UNAVAILABLE ]] || printf 'Not imported (files missing from the mirror):\n%s\n' "$UNAVAILABLE"
echo

# median_of NAME FIGURE: the median of a figure over the warm restarts of NAME.
median_of() {
  local values=() i
  for i in $(seq 1 "$RESTARTS"); do values+=("${R[$1/warm$i.$2]}"); done
  printf '%s\n' "${values[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}
all_of() {
  local i
  for i in $(seq 1 "$RESTARTS"); do printf '%s ' "${R[$1/warm$i.$2]}"; done
}

COLD_MS=${R[app/cold.ready]}
BARE_COLD_MS=${R[bare/cold.ready]}
WARM_MS=$(median_of app ready)
BARE_WARM_MS=$(median_of bare ready)
COLD_HEAP=${R[app/cold.heap]}
BARE_COLD_HEAP=${R[bare/cold.heap]}
WARM_HEAP=$(median_of app heap)
BARE_WARM_HEAP=$(median_of bare heap)

MISSED=0
verdict() { # measured target
  if (($1 < $2)); then echo PASS; else echo FAIL; fi
}
row() { # figure measured bare ratio target result
  printf '%-38s %9s %9s %7s  %-7s %s\n' "$1" "$2" "$3" "$4" "$5" "$6"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }

V_COLD=$(verdict "$COLD_MS" $TARGET_COLD_MS)
V_WARM=$(verdict "$WARM_MS" $TARGET_WARM_MS)
V_HEAP_COLD=$(verdict "$COLD_HEAP" $TARGET_HEAP_MB)
V_HEAP_WARM=$(verdict "$WARM_HEAP" $TARGET_HEAP_MB)
[[ "$V_COLD $V_WARM $V_HEAP_COLD $V_HEAP_WARM" != *FAIL* ]] || MISSED=1

row "figure" "measured" "bare app" "ratio" "target" "result"
row "first start: full import -> ready" "$(ms_to_s "$COLD_MS") s" "$(ms_to_s "$BARE_COLD_MS") s" \
  "$(ratio "$COLD_MS" "$BARE_COLD_MS")" "< 60 s" "$V_COLD"
row "restart: already imported -> ready *" "$(ms_to_s "$WARM_MS") s" "$(ms_to_s "$BARE_WARM_MS") s" \
  "$(ratio "$WARM_MS" "$BARE_WARM_MS")" "< 10 s" "$V_WARM"
row "heap in use when ready, first start" "$COLD_HEAP MB" "$BARE_COLD_HEAP MB" \
  "$(ratio "$COLD_HEAP" "$BARE_COLD_HEAP")" "< 1 GB" "$V_HEAP_COLD"
row "heap in use when ready, restart *" "$WARM_HEAP MB" "$BARE_WARM_HEAP MB" \
  "$(ratio "$WARM_HEAP" "$BARE_WARM_HEAP")" "< 1 GB" "$V_HEAP_WARM"
row "CPU to ready (JVM + PG), first start" "${R[app/cold.allcpu]} s" "${R[bare/cold.allcpu]} s" \
  "$(ratio "${R[app/cold.allcpu]}" "${R[bare/cold.allcpu]}")" "" "info"
row "CPU to ready (JVM + PG), restart *" "$(median_of app allcpu) s" "$(median_of bare allcpu) s" \
  "$(ratio "$(median_of app allcpu)" "$(median_of bare allcpu)")" "" "info"
echo "* median of $RESTARTS restart(s); ready ms: app $(all_of app ready)| bare $(all_of bare ready)"
echo "The import ran under -Xmx$XMX: needing more heap would have failed it (OutOfMemoryError)."
echo

echo "Where the time goes (from the log and /proc):"
printf '  %-11s %8s %15s %15s %9s %8s %10s %8s %7s\n' \
  run ready "Spring started" "release thread" "JVM CPU" "PG CPU" "heap comm." RSS stop
for key in bare/cold app/cold $(for i in $(seq 1 "$RESTARTS"); do echo "bare/warm$i app/warm$i"; done); do
  printf '  %-11s %6.1f s %13.1f s %13.1f s %7s s %6s s %7s MB %5s MB %5.1f s\n' "$key" \
    "$(ms_to_s "${R[$key.ready]}")" "${R[$key.spring]:-0}" "$(ms_to_s "${R[$key.loaded]:-0}")" \
    "${R[$key.cpu]}" "${R[$key.pgcpu]}" "${R[$key.committed]}" "${R[$key.rss]}" \
    "$(ms_to_s "${R[$key.stop]}")"
done
echo "  ready: launch to readiness 200. Spring started: the log's 'process running for', when the"
echo "  context is up and the release thread begins. release thread: import (or the fingerprint"
echo "  check) plus loading into memory. JVM/PG CPU: CPU time to readiness of the JVM (with initdb)"
echo "  and of its PostgreSQL server. heap comm.: heap the JVM had grown to, before the GC."
echo "  stop: SIGTERM to exit."
echo

echo "Commands that measure each figure (the bare app: the same with an empty mirror folder):"
echo "  first start  ${R[app/cold.command]}"
echo "               timed from launch until"
echo "               curl -s -o /dev/null -w '%{http_code}' \\"
echo "                 http://127.0.0.1:${R[app/cold.port]}/actuator/health/readiness"
echo "               answers 200; per-release times are the log's '<release>: imported in N ms'"
echo "  restart      the same command on the same OPENENCODER_HOME after kill -TERM <pid> has"
echo "               stopped the first; its log must show no 'imported in' line"
echo "  heap         jcmd <pid> GC.run && jcmd <pid> GC.heap_info   ('used', once ready)"
echo "  CPU          utime + stime in /proc/<pid>/stat, once ready (PostgreSQL: the postmaster in"
echo "               \$OPENENCODER_HOME/postgres/postmaster.pid, its children, its reaped children)"
echo "  all of it    bench/import-restart.sh"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Load average at the start $LOAD_BEFORE, at the end $LOAD_AFTER ($(nproc) cores)."
if awk -v l="${LOAD_BEFORE%% *}" -v m="${LOAD_AFTER%% *}" -v n="$(nproc)" \
  'BEGIN {exit !(l > n || m > n)}'; then
  echo "The machine was busy: wall times include waiting for a core; the ratios and CPU times less so."
fi

if ((MISSED)); then
  echo
  echo "A target was missed."
  exit 2
fi
