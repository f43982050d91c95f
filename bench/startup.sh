#!/usr/bin/env bash
# Start-up: from the run command to the first answered request (GET /api/v1/locations with the bootstrap key,
# polled every 20 ms) with the embedded PostgreSQL. First starts: FIRST_ROUNDS (1) times per jar and way,
# alternately, each on a new data directory (initdb, migrations, the demo data), with the time until readiness
# turns UP (the demo loaded) and the demo load's own figures. Then restarts on the existing data directory,
# ROUNDS (5, may be 0) times for each way of running each jar, alternately, so that background load hits all of
# them alike. Before each start it waits for a quiet machine (as bench/run.sh does) and records how busy it was.
#   bench/startup.sh                              target/ordo.jar, with java -jar and with bin/ordo
#   ROUNDS=7 WAYS="bin" bench/startup.sh OLD.jar,OLD-bin-ordo NEW.jar
#   FIRST_ROUNDS=3 ROUNDS=0 bench/startup.sh OLD.jar NEW.jar      first starts only, three of each, alternately
# WAYS: "jar" (java -jar ordo.jar) and/or "bin" (bin/ordo: the jar extracted, class-data-sharing archive,
# ahead-of-time context; its one-time training happens before the first measured round). Each argument is a jar,
# optionally followed by ",launcher": the bin/ordo to run it with (default this checkout's). JAVA_HOMES: the JDKs
# to run each with, space-separated (default: the java on the PATH), e.g. a Java 17 and a Java 25, whose bin/ordo
# uses an ahead-of-time cache instead of the class-data-sharing archive. ORDO_JAVA_OPTS:
# extra JVM options for every start. Besides the time it records the CPU time the JVM had used by the first
# answer (user + system, all its threads). Results: target/bench/startup.txt.
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-5}
FIRST_ROUNDS=${FIRST_ROUNDS:-1}
WAYS=(${WAYS:-jar bin})
HOMES=(${JAVA_HOMES:-})
[ "${#HOMES[@]}" -gt 0 ] || HOMES=("")
[ "$#" -gt 0 ] || ensure_jar
JARS=() LAUNCHERS=()
for a in "${@:-$ROOT/target/ordo.jar}"; do
  JARS+=("$(realpath "${a%%,*}")")
  l=$ROOT/bin/ordo
  [ "$a" = "${a#*,}" ] || l=${a#*,}
  LAUNCHERS+=("$(realpath "$l")")
done
OUT=$ROOT/target/bench
mkdir -p "$OUT"
RESULTS=$OUT/startup.txt
: > "$RESULTS"
trap 'echo "bench/startup.sh: failed at line $LINENO (logs kept under ${TMPDIR:-/tmp}/ordo-startup.*)" >&2; KEEP_WORK=1' ERR

# One work directory per jar and way, each with its data from a first start (demo data loaded).
CASES=()
declare -A DIR WAY JDK
for i in "${!JARS[@]}"; do
  for h in "${HOMES[@]}"; do
    for w in "${WAYS[@]}"; do
      c="$(( i + 1 )):$(basename "${JARS[$i]}") $w"
      [ -z "$h" ] || c="$c $("$h/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.vm\.version = \([0-9]*\).*/java\1/p')"
      CASES+=("$c")
      WAY[$c]=$w JDK[$c]=$h
      DIR[$c]=$(mktemp -d "${TMPDIR:-/tmp}/ordo-startup.XXXXXX")
      cp "${JARS[$i]}" "${DIR[$c]}/ordo.jar"
      cp "${LAUNCHERS[$i]}" "${DIR[$c]}/launcher"
    done
  done
done
cleanup_all() {
  stop_ordo
  [ -n "${KEEP_WORK:-}" ] || for c in "${CASES[@]}"; do rm -rf "${DIR[$c]}"; done
}
trap cleanup_all EXIT

run_case() { # $1 case; sets STARTUP_MS
  WORK=${DIR[$1]} PORT=$(free_port $(( 18600 + RANDOM % 300 )))
  ORDO_LAUNCHER=
  [ "${WAY[$1]}" != bin ] || ORDO_LAUNCHER=$WORK/launcher
  if [ -n "${JDK[$1]}" ]; then
    JAVA_HOME=${JDK[$1]} ORDO_JAVA=${JDK[$1]}/bin/java ORDO_LAUNCHER=$ORDO_LAUNCHER start_ordo
  else
    ORDO_LAUNCHER=$ORDO_LAUNCHER start_ordo
  fi
  CPU_MS=$(cpu_ms)
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
declare -A FIRSTS READIES
for f in $(seq 1 "$FIRST_ROUNDS"); do
  for c in "${CASES[@]}"; do
    if [ "$f" -eq 1 ] && [ "${WAY[$c]}" = bin ]; then
      JAVA_HOME=${JDK[$c]:-${JAVA_HOME:-}} ORDO_JAR=${DIR[$c]}/ordo.jar "${DIR[$c]}/launcher" --prepare
    fi
    # a new data directory each time: initdb, migrations and the demo again
    [ "$f" -eq 1 ] || rm -rf "${DIR[$c]}/data"
    [ ! -f "${DIR[$c]}/ordo.log" ] || mv "${DIR[$c]}/ordo.log" "${DIR[$c]}/ordo-first-$((f - 1)).log"
    await_quiet
    busy=$OTHERS_BUSY
    load=$(cut -d' ' -f1 /proc/loadavg)
    START_TIMEOUT_S=600 run_case "$c"
    t0=$(( $(now_ms) - STARTUP_MS ))
    READY_TRIES=${READY_TRIES:-9000} await_ready || { echo "$c: never ready; see ${DIR[$c]}/ordo.log" >&2; exit 1; }
    ready=$(( $(now_ms) - t0 ))
    # the demo data loads after the first answer (an ApplicationRunner; readiness turns UP when it is loaded):
    # its line in the log gives its own figures
    demo=$(grep -o 'Loaded demo data.*' "${DIR[$c]}/ordo.log" | sed 's/.* in \([0-9]* ms (JVM CPU [0-9]* ms, [0-9]* database transactions)\)/\1/' | head -1)
    stop_ordo
    FIRSTS[$c]="${FIRSTS[$c]:-} $STARTUP_MS" READIES[$c]="${READIES[$c]:-} $ready"
    echo "first start $f  $c: first answer ${STARTUP_MS} ms, ready (demo loaded) ${ready} ms, demo load" \
      "${demo:-not seen in ${DIR[$c]}/ordo.log} (machine ${busy}% busy before, load $load)" | tee -a "$RESULTS"
  done
done

declare -A TIMES CPUS
for r in $(seq 1 "$ROUNDS"); do
  for c in "${CASES[@]}"; do
    await_quiet
    busy=$OTHERS_BUSY
    load=$(cut -d' ' -f1 /proc/loadavg)
    run_case "$c"
    stop_ordo
    TIMES[$c]="${TIMES[$c]:-} $STARTUP_MS"
    CPUS[$c]="${CPUS[$c]:-} $CPU_MS"
    echo "round $r  $c: ${STARTUP_MS} ms, JVM CPU ${CPU_MS} ms (machine ${busy}% busy before, load $load)" \
      | tee -a "$RESULTS"
  done
done

if [ "$FIRST_ROUNDS" -gt 1 ]; then
  echo "median first start over $FIRST_ROUNDS rounds:" | tee -a "$RESULTS"
  for c in "${CASES[@]}"; do
    # shellcheck disable=SC2086
    echo "  $c: first answer $(median ${FIRSTS[$c]}) ms (all:${FIRSTS[$c]}), ready $(median ${READIES[$c]}) ms" \
      "(all:${READIES[$c]})" | tee -a "$RESULTS"
  done
fi
[ "$ROUNDS" -gt 0 ] || exit 0
echo "median restart to first answer over $ROUNDS rounds:" | tee -a "$RESULTS"
for c in "${CASES[@]}"; do
  # shellcheck disable=SC2086
  echo "  $c: $(median ${TIMES[$c]}) ms, JVM CPU $(median ${CPUS[$c]}) ms  (all:${TIMES[$c]})" | tee -a "$RESULTS"
done
