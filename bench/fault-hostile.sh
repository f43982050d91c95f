#!/usr/bin/env bash
# Fault test: 10,000 generated hostile requests (bench/Hostile.java) against a private Ordo with demo data on a
# fresh data directory. Expects no 5xx answer and no changed row in any table (counts and contents compared
# before and after); then runs the invariant checker. Loopback only; stops by itself.
#   bench/fault-hostile.sh [N] [SEED]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-10000}
SEED=${2:-42}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
ensure_jar
trap 'cp "$WORK/ordo.log" "$OUT/ordo-hostile.log" 2>/dev/null || true; cleanup' EXIT

start_ordo
await_ready
WAREHOUSE_KEY=$(api POST /api/v1/api-keys "{\"name\":\"hostile-warehouse\",\"role\":\"WAREHOUSE\"}" \
  | grep -o '"key":"[^"]*"' | cut -d'"' -f4)

TABLES="api_key article customer supplier location stock_level stock_movement reservation customer_order order_line
  order_timeline inbound_document idempotency_key event_publication flyway_schema_history edi_partner
  edi_partner_article edi_message"
snapshot() {
  local t
  for t in $TABLES; do
    echo "$t $(sql "SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM $t t")"
  done
}
snapshot > "$OUT/hostile-before.txt"

OK=true
java "$BENCH/Hostile.java" "$BASE" "$KEY" "$WAREHOUSE_KEY" "$N" "$SEED" "$OUT/hostile-report.txt" || OK=false

snapshot > "$OUT/hostile-after.txt"
if diff "$OUT/hostile-before.txt" "$OUT/hostile-after.txt" > "$OUT/hostile-diff.txt"; then
  echo "Rows: unchanged in all $(echo $TABLES | wc -w) tables"
else
  echo "Rows CHANGED:"; cat "$OUT/hostile-diff.txt"; OK=false
fi
echo "ERROR lines in Ordo's log: $(grep -c ' ERROR ' "$WORK/ordo.log" || true)"

run_check || OK=false
if [ "$OK" = true ]; then echo "fault-hostile: PASSED"; else echo "fault-hostile: FAILED"; exit 1; fi
