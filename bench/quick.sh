#!/usr/bin/env bash
# Rough first figures: start-up time of the embedded default (first start with demo data, then a restart)
# and orders/s of a simple concurrent placement loop. Everything runs on loopback and stops by itself.
#   bench/quick.sh [clients...]     e.g. bench/quick.sh 1 4 16
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18181}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
CLIENTS=("${@:-1 4 16}")
[ -f target/ordo.jar ] || ./mvnw -B -q -DskipTests package
WORK=$(mktemp -d /tmp/ordo-bench.XXXXXX)
KEY=bench_admin_key_$(date +%s)
PID=

start() {
  local t0 now
  t0=$(date +%s%N)
  SERVER_PORT=$PORT ORDO_DATA_DIR=$WORK/data ORDO_BOOTSTRAP_API_KEY=$KEY \
    java -jar target/ordo.jar > "$WORK/ordo.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null -H "Authorization: Bearer $KEY" "http://localhost:$PORT/api/v1/locations"; do
    kill -0 $PID 2>/dev/null || { echo "Ordo died, see $WORK/ordo.log"; exit 1; }
    sleep 0.05
  done
  now=$(date +%s%N)
  echo "$1: first answered request after $(( (now - t0) / 1000000 )) ms"
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }
trap 'kill $PID 2>/dev/null || true' EXIT

start "first start (initdb, migrations, demo data)"
sleep 3; stop
start "restart (existing data)"

# Stock enough of three SKUs in one warehouse for the whole run.
SKUS=()
for i in 1 2 3; do
  sku="BENCH-$(date +%s%N)-$i"
  curl -sf -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"sku\":\"$sku\",\"type\":\"PHYSICAL\",\"name\":{\"en\":\"Bench $i\"},\"price\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"taxRate\":\"19\"}" \
    "http://localhost:$PORT/api/v1/articles"
  curl -sf -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"sku\":\"$sku\",\"location\":\"BER\",\"quantity\":1000000000,\"reference\":\"bench\"}" \
    "http://localhost:$PORT/api/v1/inventory/receipts"
  SKUS+=("$sku")
done
LIST=$(IFS=,; echo "${SKUS[*]}")
for c in ${CLIENTS[@]}; do
  java bench/PlaceOrders.java "http://localhost:$PORT" "$KEY" "$LIST" "$c" "$SECONDS_PER_RUN" 3
done
RSS=$(ps -o rss= -p "$PID")
echo "Ordo RSS after the runs: $((RSS / 1024)) MiB"
stop
rm -rf "$WORK"
