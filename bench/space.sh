#!/usr/bin/env bash
# Warehouse space at scale: a private Ordo (fresh data directory, no demo data) gets a warehouse SPACE with N bins
# (default 10,000) holding N SKUs with dimensions, stock and 16 weeks of demand history each
# (bench/space-generate.sql), then the utilisation of that warehouse and its 12-week space forecast are each
# requested REPS times (default 7) one after the other; prints every time and the median in milliseconds (target:
# under 1,000 each), and runs the invariant checker. Loopback only; stops by itself.
#   bench/space.sh [N] [REPS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-10000}
REPS=${2:-7}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
ensure_jar
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

time_get() { # label path: REPS requests, prints each time and the median in ms
  local times=() i ms
  for i in $(seq 1 "$REPS"); do
    ms=$(curl -sf -m 60 -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $KEY" "$BASE$2" \
      | awk '{printf "%d", $1 * 1000}')
    times+=("$ms")
  done
  echo "$1: ${times[*]} ms; median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (REPS + 1) / 2 ))p") ms"
}
curl -sf -o "$OUT/space-utilisation.json" -H "Authorization: Bearer $KEY" "$BASE/api/v1/locations/SPACE/utilisation"
head -c 400 "$OUT/space-utilisation.json"; echo
time_get "utilisation of $N bins" /api/v1/locations/SPACE/utilisation
curl -sf -o "$OUT/space-forecast.json" -H "Authorization: Bearer $KEY" "$BASE/api/v1/locations/SPACE/space-forecast"
head -c 400 "$OUT/space-forecast.json"; echo
time_get "12-week forecast of $N SKUs" /api/v1/locations/SPACE/space-forecast
stop_ordo
run_check | tail -3
