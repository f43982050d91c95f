#!/usr/bin/env bash
# Benchmark: one order file of LINES lines (default 100,000; LINES_PER_ORDER lines per order, default 100) into a
# private Ordo with demo data on a fresh data directory: the preview (read, check and stage every row) and the
# import (every order placed through the one placement path, progress counted per batch), timed apart, with the
# server's peak resident memory. Loopback only; stops by itself (docs/imports.md, docs/benchmarks.md).
#   bench/import-orders.sh [LINES] [LINES_PER_ORDER]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LINES=${1:-100000}
PER_ORDER=${2:-100}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
ensure_jar
trap 'cp "$WORK/ordo.log" "$OUT/ordo-import.log" 2>/dev/null || true; cleanup' EXIT

start_ordo
await_ready
stock_bench_articles IMP 10
FILE=$OUT/orders-$LINES.csv
# reference;sku;quantity;customer;address: PER_ORDER lines per order, the 10 articles in turn, 50 customers
awk -v lines="$LINES" -v per="$PER_ORDER" -v skus="$SKU_LIST" 'BEGIN {
  n = split(skus, sku, ",")
  print "reference;sku;quantity;customerEmail;currency;paymentMethod;shipName;shipStreet;shipPostalCode;shipCity;shipCountry"
  for (i = 0; i < lines; i++) {
    o = int(i / per)
    printf "B-%d;%s;1;buyer%d@example.com;EUR;prepayment;Erika Muster;Hauptstr. 1;10115;Berlin;DE\n", o, sku[i % n + 1], o % 50
  }
}' > "$FILE"
echo "File: $LINES lines, $(( (LINES + PER_ORDER - 1) / PER_ORDER )) orders, $(( $(stat -c %s "$FILE") / 1024 )) KiB"

t0=$(now_ms)
PREVIEW=$(curl -sf -m 1800 -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: text/csv' \
  --data-binary @"$FILE" "$BASE/api/v1/imports/orders?source=bench&fileName=orders.csv")
t1=$(now_ms)
ID=$(echo "$PREVIEW" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
echo "Preview: $(( t1 - t0 )) ms ($(echo "$PREVIEW" | grep -o '"units":[0-9]*'), $(echo "$PREVIEW" | grep -o '"rowsWithErrors":[0-9]*'))"

api POST "/api/v1/imports/orders/$ID/commit" > /dev/null
t2=$(now_ms)
PEAK_KB=0
while true; do
  STATE=$(api GET "/api/v1/imports/orders/$ID")
  RSS=$(awk '/VmHWM/ {print $2}' "/proc/$ORDO_PID/status" 2>/dev/null || echo 0)
  [ "${RSS:-0}" -le "$PEAK_KB" ] || PEAK_KB=$RSS
  echo "$STATE" | grep -q '"status":"DONE"' && break
  sleep 1
done
t3=$(now_ms)
ORDERS=$(echo "$STATE" | grep -o '"created":[0-9]*' | cut -d: -f2)
echo "Import: $(( t3 - t2 )) ms for $ORDERS orders ($(echo "$STATE" | grep -o '"failed":[0-9]*')), $(( ORDERS * 1000 / ( (t3 - t2) > 0 ? (t3 - t2) : 1 ) )) orders/s, $(( LINES * 1000 / ( (t3 - t2) > 0 ? (t3 - t2) : 1 ) )) lines/s"
echo "Ordo's peak resident memory: $(( PEAK_KB / 1024 )) MiB"
echo "Orders in the database from the file: $(sql "SELECT count(*) FROM customer_order WHERE channel = 'file'")"
