#!/usr/bin/env bash
# A change to a 400-line order (docs/order-changes.md): one private Ordo on a fresh data directory, 400 stocked
# articles, one order with a line of each, then REPS changes of one line's quantity one at a time; prints
# p50/p95/p99/max of the change request. The target is p95 under 200 ms.
#   bench/order-change.sh            LINES=400 REPS=200 bench/order-change.sh
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
LINES=${LINES:-400} REPS=${REPS:-200}
ensure_jar
trap cleanup EXIT
start_ordo
await_ready
stock_bench_articles "CHG-$(date +%s)-" "$LINES"
java "$BENCH/ChangeLatency.java" "$BASE" "$KEY" "$SKU_LIST" "$REPS"
