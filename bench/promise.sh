#!/usr/bin/env bash
# The delivery promise API's latency (docs/promise.md): p50/p95/p99 of GET /api/v1/promise (one SKU, as a product
# page asks) and POST /api/v1/promise (a checkout of three lines), one request at a time, on a fresh Ordo with
# the demo data. SKUs in stock, one backorderable without stock (BACKORDER); the issue's target is p95 < 10 ms.
#   bench/promise.sh                 REPS=2000 bench/promise.sh
# Results: target/bench/promise.json and the table on stdout. For the P3 database, run it against bench/p3.sh's
# data (KEEP_WORK=1 there) with BASE and KEY set.
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
REPS=${REPS:-1000}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
trap cleanup EXIT
ensure_jar
start_ordo
await_ready
prefix=PR-$(date +%s)-
stock_article "${prefix}A" 1000
stock_article "${prefix}B" 1000
api POST /api/v1/articles "{\"sku\":\"${prefix}C\",\"type\":\"PHYSICAL\",\"name\":{\"en\":\"Bench ${prefix}C\"},\"price\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"taxRate\":\"19\",\"backorderable\":true}" > /dev/null
paths=$WORK/promise-get.txt
: > "$paths"
for code in 10115 80331 50667 20095; do
  echo "/api/v1/promise?sku=${prefix}A&quantity=1&country=DE&postalCode=$code" >> "$paths"
done
echo "/api/v1/promise?sku=${prefix}B&quantity=2&country=AT" >> "$paths"
echo "/api/v1/promise?sku=${prefix}C&quantity=1&country=KR" >> "$paths"
echo "GET (one SKU), $REPS requests:"
java "$BENCH/ReadLatency.java" "$BASE" "$KEY" "$REPS" "$OUT/promise.json" "promise-get=@$paths"
# POST: time a checkout of three lines with curl (one at a time, kept simple: curl's own time is in the figure)
body="{\"country\":\"DE\",\"postalCode\":\"80331\",\"lines\":[{\"sku\":\"${prefix}A\",\"quantity\":1},{\"sku\":\"${prefix}B\",\"quantity\":3},{\"sku\":\"${prefix}C\",\"quantity\":1}]}"
times=$WORK/promise-post.txt
: > "$times"
for i in $(seq 1 $(( REPS / 5 ))); do  # warm-up, not counted
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$body" "$BASE/api/v1/promise"
done
for i in $(seq 1 "$REPS"); do
  curl -sf -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' -d "$body" "$BASE/api/v1/promise" >> "$times"
done
sort -n "$times" | awk '{ v[NR] = $1 * 1000 } END {
  printf "%-22s %6d %9.2f %9.2f %9.2f %9.2f\n", "promise-post/curl", NR, v[int(NR * 0.5)], v[int(NR * 0.95)],
    v[int(NR * 0.99)], v[NR] }'
