#!/usr/bin/env bash
# Schema-driven fault run: hostile requests derived from the live OpenAPI document (bench/SchemaHostile.java) for
# every operation, against a private Ordo with demo data on a fresh data directory. Expects every answer to be a
# 4xx problem (no 2xx, no 5xx) and no changed row in any table (counts and contents compared before and after);
# then runs the invariant checker. Loopback only; stops by itself.
#   bench/fault-schema.sh [N] [SEED]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-2000}
SEED=${2:-42}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
ensure_jar
trap 'cp "$WORK/ordo.log" "$OUT/ordo-schema.log" 2>/dev/null || true; cleanup' EXIT

start_ordo
await_ready

TABLES="api_key article customer supplier location stock_level stock_movement reservation customer_order order_line
  order_timeline inbound_document idempotency_key payment edi_partner edi_partner_article edi_message carrier
  parcel return_request digital_asset quote pick_list shipment provider_event document"
snapshot() {
  local t
  for t in $TABLES; do
    echo "$t $(sql "SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM $t t" 2>/dev/null || echo 'no such table')"
  done
}
snapshot > "$OUT/schema-before.txt"

OK=true
java "$BENCH/SchemaHostile.java" "$BASE" "$KEY" "$N" "$SEED" | tee "$OUT/schema-report.txt" || OK=false

snapshot > "$OUT/schema-after.txt"
if diff "$OUT/schema-before.txt" "$OUT/schema-after.txt" > "$OUT/schema-diff.txt"; then
  echo "Rows: unchanged in all $(echo $TABLES | wc -w) tables"
else
  echo "Rows CHANGED:"; cat "$OUT/schema-diff.txt"; OK=false
fi
echo "ERROR lines in Ordo's log: $(grep -c ' ERROR ' "$WORK/ordo.log" || true)"

run_check || OK=false
if [ "$OK" = true ]; then echo "fault-schema: PASSED"; else echo "fault-schema: FAILED"; exit 1; fi
