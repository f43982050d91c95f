#!/usr/bin/env bash
# Warehouse space at scale: a private Ordo (fresh data directory, no demo data) gets a warehouse SPACE with N bins
# (default 10,000) holding N SKUs with dimensions, stock and two years of weekly demand history each
# (bench/space-generate.sql), then the utilisation of that warehouse and its 12-week space forecast are each
# requested REPS times (default 7) one after the other; prints every time and the median in milliseconds (target:
# under 1,000 each), and runs the invariant checker. The first forecast of the day (which reads the demand history)
# is printed on its own line, after a small warehouse's forecasts have run the code once; later ones reuse it. Beside the wall-clock times it prints the CPU each request
# cost Ordo's JVM and its PostgreSQL (milliseconds per request, from /proc): on a loaded machine those, not the
# wall clock, compare two builds. JAR=path runs another build (e.g. the one before a change) the same way.
# Loopback only; stops by itself.
#   bench/space.sh [N] [REPS]
#   JAR=/tmp/ordo-before.jar bench/space.sh 10000 7
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-10000}
REPS=${2:-7}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
if [ -n "${JAR:-}" ]; then
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
  cp "$JAR" "$WORK/ordo.jar"
else
  ensure_jar
fi
trap 'cp "$WORK/ordo.log" "$OUT/ordo-space.log" 2>/dev/null || true; cleanup' EXIT

export ORDO_DEMO_DATA=false
start_ordo
await_ready
api POST /api/v1/locations '{"code":"SPACE","name":"Space bench","priority":50}' > /dev/null
LOC=$(sql "SELECT id FROM location WHERE code = 'SPACE'")
t0=$(now_ms)
"$PSQL" -h 127.0.0.1 -p "$(pg_port)" -U ordo -d ordo -q -v n="$N" -v prefix="SP-$(date +%s)-" -v loc="$LOC" \
  -f "$BENCH/space-generate.sql" > /dev/null
echo "generated $N bins and SKUs in $(( $(now_ms) - t0 )) ms"
# a small warehouse whose forecasts run the forecast's code first, so that the first forecast of the day at SPACE
# measures reading its demand history, not the JVM's first use of that code
api POST /api/v1/locations '{"code":"WARM","name":"Space bench warm-up","priority":51}' > /dev/null
"$PSQL" -h 127.0.0.1 -p "$(pg_port)" -U ordo -d ordo -q -v n=200 -v prefix="SW-$(date +%s)-" \
  -v loc="$(sql "SELECT id FROM location WHERE code = 'WARM'")" -f "$BENCH/space-generate.sql" > /dev/null

cpu_ms() { # CPU time (user + system, ms) of Ordo's JVM ($1 = jvm) or of its PostgreSQL: the postmaster on its
  # data directory with its ended children, and its running backends
  local ticks=0 p pm
  if [ "$1" = jvm ]; then
    ticks=$(awk '{print $14 + $15}' "/proc/$ORDO_PID/stat")
  else
    for pm in $(pgrep -f -- "-D $WORK/data" || pgrep -f -- "$WORK/data/" | grep -vx "$ORDO_PID" || true); do
      ticks=$(( ticks + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat" 2>/dev/null || echo 0) ))
      for p in $(pgrep -P "$pm"); do
        ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
      done
    done
  fi
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}
time_get() { # label path: REPS requests, prints each time and the median in ms, and CPU ms per request
  local times=() i ms jvm0 pg0
  jvm0=$(cpu_ms jvm); pg0=$(cpu_ms pg)
  for i in $(seq 1 "$REPS"); do
    ms=$(curl -sf -m 60 -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $KEY" "$BASE$2" \
      | awk '{printf "%d", $1 * 1000}')
    times+=("$ms")
  done
  echo "$1: ${times[*]} ms; median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (REPS + 1) / 2 ))p") ms;" \
    "CPU per request: Ordo $(( ($(cpu_ms jvm) - jvm0) / REPS )) ms, PostgreSQL $(( ($(cpu_ms pg) - pg0) / REPS )) ms"
}
curl -sf -o "$OUT/space-utilisation.json" -H "Authorization: Bearer $KEY" "$BASE/api/v1/locations/SPACE/utilisation"
head -c 400 "$OUT/space-utilisation.json"; echo
time_get "utilisation of $N bins" /api/v1/locations/SPACE/utilisation
for i in 1 2 3; do
  curl -sf -o /dev/null -H "Authorization: Bearer $KEY" "$BASE/api/v1/locations/WARM/space-forecast"
done
# the first forecast of a day reads the demand history; later ones of the day reuse it (docs/warehouse-space.md)
REPS_ALL=$REPS; REPS=1
time_get "first 12-week forecast of the day, $N SKUs" /api/v1/locations/SPACE/space-forecast
REPS=$REPS_ALL
curl -sf -o "$OUT/space-forecast.json" -H "Authorization: Bearer $KEY" "$BASE/api/v1/locations/SPACE/space-forecast"
head -c 400 "$OUT/space-forecast.json"; echo
time_get "12-week forecast of $N SKUs" /api/v1/locations/SPACE/space-forecast
stop_ordo
run_check | tail -3
