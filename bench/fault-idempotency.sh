#!/usr/bin/env bash
# Fault test: 1,000 concurrent requests with one Idempotency-Key and one body against a private Ordo on a fresh
# data directory. Expects 1,000 identical 201 answers, exactly one order, one stored document, stock reserved
# once; then runs the invariant checker. Loopback only; stops by itself.
#   bench/fault-idempotency.sh [N]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-1000}
PSQL=$(pg_tool psql)
ensure_jar
trap cleanup EXIT

start_ordo
await_ready
SKU=RETRY-$(date +%s)
REF=STORM-$(date +%s%N)
stock_article "$SKU" 100
DOCUMENTS_BEFORE=$(sql "SELECT count(*) FROM inbound_document")

OK=true
java "$BENCH/Retries.java" "$BASE" "$KEY" "$SKU" "$REF" "$N" || OK=false

ORDERS=$(sql "SELECT count(*) FROM customer_order WHERE external_ref = '$REF'")
DOCUMENTS=$(( $(sql "SELECT count(*) FROM inbound_document") - DOCUMENTS_BEFORE ))
KEYS=$(sql "SELECT count(*) FROM idempotency_key WHERE key = 'retry-$REF'")
RESERVED=$(sql "SELECT reserved FROM stock_level WHERE sku = '$SKU'")
echo "Database: $ORDERS order(s) with that reference, $DOCUMENTS new inbound document(s), $KEYS key row(s), $RESERVED of $SKU reserved"
[ "$ORDERS" = 1 ] && [ "$DOCUMENTS" = 1 ] && [ "$KEYS" = 1 ] && [ "$RESERVED" = 2 ] || OK=false

run_check || OK=false
if [ "$OK" = true ]; then echo "fault-idempotency: PASSED"; else echo "fault-idempotency: FAILED"; exit 1; fi
