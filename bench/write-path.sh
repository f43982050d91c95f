#!/usr/bin/env bash
# What PostgreSQL does per placed order (P1 at CLIENTS clients), and one node against two on the same database.
# Runs its own PostgreSQL 15 with pg_stat_statements (start_postgres), one Ordo node, NSKUS articles; warms up for
# WARMUP_S at CLIENTS clients; then, over SECONDS of P1 at CLIENTS clients:
#   - every statement's calls and execution time per order (pg_stat_statements), the total per order, and the
#     statements PostgreSQL spends most on;
#   - WAL bytes per order, and bytes per order each table grew by (heap, indexes, TOAST), with its index count;
#   - event publications per order and their serialized size;
# then starts a second node on the same database and runs CLIENTS/2 clients against each node for SECONDS:
# orders/s of the two together against the one node's. Prints it all; writes target/bench/write-path.json.
#   bench/write-path.sh
#   CLIENTS=16 SECONDS_PER_RUN=30 WARMUP_S=60 SKUS=100 TWO_NODES=false bench/write-path.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CLIENTS=${CLIENTS:-16}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-30}
WARMUP_S=${WARMUP_S:-60}
NSKUS=${SKUS:-100}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
ensure_jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
B_PID=
trap 'cp "$WORK/ordo.log" "$OUT/write-path-a.log" 2>/dev/null || true; cp "$WORK/b.log" "$OUT/write-path-b.log" 2>/dev/null || true;
  [ -z "$B_PID" ] || { kill "$B_PID" 2>/dev/null || true; wait "$B_PID" 2>/dev/null || true; }; stop_ordo; stop_postgres;
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=2000" start_postgres
pg_port() { echo "$PGPORT"; }
sql "CREATE EXTENSION pg_stat_statements"
PORT=$(free_port 19100)
start_ordo
await_ready
register_location BER
echo "PostgreSQL $(sql "SHOW server_version"), synchronous_commit=$(sql "SHOW synchronous_commit"); Ordo $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
PREFIX=WP-$(date +%s)-
stock_bench_articles "$PREFIX" "$NSKUS"
echo "Warm-up: $WARMUP_S s at $CLIENTS clients"
java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$CLIENTS" "$WARMUP_S" 3 > /dev/null || true

# --- one node, measured -------------------------------------------------------------------------------------------
TABLES="customer_order order_line order_timeline reservation stock_level stock_movement message idempotency_key inbound_document event_publication customer"
sizes() { # table bytes(total) indexes
  local t
  for t in $TABLES; do
    echo "$t $(sql "SELECT pg_total_relation_size('$t')") $(sql "SELECT count(*) FROM pg_indexes WHERE tablename = '$t'")"
  done
}
sql "CHECKPOINT" > /dev/null
sizes > "$WORK/sizes-0.txt"
WAL0=$(sql "SELECT pg_current_wal_lsn()")
EP0=$(sql "SELECT count(*) FROM event_publication")
sql "SELECT pg_stat_statements_reset()" > /dev/null
# the script's own statements (sizes, counts) are left out of the figures
OURS="query !~ 'pg_stat_statements|pg_total_relation_size|pg_indexes|octet_length|FROM event_publication\$'"
java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$CLIENTS" "$SECONDS_PER_RUN" 3 "$OUT/write-path-one.json"
PLACED=$(grep -o '"placed": [0-9]*' "$OUT/write-path-one.json" | cut -d' ' -f2)
ONE=$(grep -o '"ordersPerSecond": [0-9.]*' "$OUT/write-path-one.json" | cut -d' ' -f2)
WAL=$(sql "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$WAL0')")
sizes > "$WORK/sizes-1.txt"
EP=$(sql "SELECT count(*) - $EP0 FROM event_publication")
EP_BYTES=$(sql "SELECT coalesce(round(avg(octet_length(serialized_event))), 0) FROM (SELECT serialized_event FROM event_publication ORDER BY publication_date DESC LIMIT 2000) e")
echo
echo "Per order, $PLACED orders at $CLIENTS clients ($ONE orders/s):"
sql "SELECT round(sum(total_exec_time)::numeric / $PLACED, 3) || ' ms of statement execution, ' || round(sum(calls)::numeric / $PLACED, 1)
     || ' statements, ' || round(sum(shared_blks_dirtied)::numeric / $PLACED, 1) || ' blocks dirtied'
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo') AND $OURS"
echo "WAL: $(( WAL / PLACED )) bytes per order; event publications: $(awk -v e="$EP" -v p="$PLACED" 'BEGIN {printf "%.1f", e / p}') per order, $EP_BYTES bytes serialized each (average of the last 2,000)"
echo "Growth per order by table (heap + indexes + TOAST, bytes; indexes on it):"
join "$WORK/sizes-0.txt" "$WORK/sizes-1.txt" | awk -v p="$PLACED" '{printf "  %-20s %8.0f  (%d indexes)\n", $1, ($4 - $2) / p, $3}' | sort -k2 -nr
echo "Statements by execution time per order (ms per order, calls per order, ms per call):"
"$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -At -F ' | ' -c "
  SELECT to_char(total_exec_time / $PLACED, 'FM99990.000'), to_char(calls::numeric / $PLACED, 'FM990.00'),
         to_char(mean_exec_time, 'FM99990.000'), left(regexp_replace(query, '\s+', ' ', 'g'), 110)
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo')
    AND $OURS
  ORDER BY total_exec_time DESC LIMIT ${TOP:-25}" | sed 's/^/  /' | tee "$OUT/write-path-statements.txt"
MS_PER_ORDER=$(sql "SELECT round(sum(total_exec_time)::numeric / $PLACED, 3) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo') AND $OURS")

# --- two nodes on the same database (TWO_NODES=false: only the one node above) ------------------------------------
if [ "${TWO_NODES:-true}" != true ]; then
  run_check > "$WORK/check.txt" 2>&1 || { cat "$WORK/check.txt"; exit 1; }
  echo "Invariant check: clean"
  exit 0
fi
B_PORT=$(free_port $(( PORT + 1 )))
start_node b "$B_PORT"
B_PID=$NODE_PID
await_node "http://127.0.0.1:$B_PORT" "$B_PID" b
HALF=$(( CLIENTS / 2 ))
java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$HALF" 10 3 > /dev/null || true # node B's JIT, a little
java "$BENCH/PlaceOrders.java" "http://127.0.0.1:$B_PORT" "$KEY" "$SKU_LIST" "$HALF" "$WARMUP_S" 3 > /dev/null || true
java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$HALF" "$SECONDS_PER_RUN" 3 "$OUT/write-path-two-a.json" > "$WORK/two-a.txt" &
TWO_A=$!
java "$BENCH/PlaceOrders.java" "http://127.0.0.1:$B_PORT" "$KEY" "$SKU_LIST" "$HALF" "$SECONDS_PER_RUN" 3 "$OUT/write-path-two-b.json" > "$WORK/two-b.txt"
wait "$TWO_A" || true
RATE_A=$(grep -o '"ordersPerSecond": [0-9.]*' "$OUT/write-path-two-a.json" | cut -d' ' -f2)
RATE_B=$(grep -o '"ordersPerSecond": [0-9.]*' "$OUT/write-path-two-b.json" | cut -d' ' -f2)
TWO=$(awk -v a="$RATE_A" -v b="$RATE_B" 'BEGIN {printf "%.1f", a + b}')
RATIO=$(awk -v t="$TWO" -v o="$ONE" 'BEGIN {printf "%.2f", (o > 0 ? t / o : 0)}')
echo
echo "One node, $CLIENTS clients: $ONE orders/s; two nodes, $HALF clients each: $RATE_A + $RATE_B = $TWO orders/s ($RATIO x)"
echo "CPUs: $(nproc); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
CHECK=clean
run_check > "$WORK/check.txt" 2>&1 || { CHECK=FINDINGS; cat "$WORK/check.txt"; }
echo "Invariant check: $CHECK"
cat > "$OUT/write-path.json" <<JSON
{"commit": "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)", "clients": $CLIENTS, "placed": $PLACED,
 "oneNodeOrdersPerSecond": $ONE, "statementMsPerOrder": $MS_PER_ORDER, "walBytesPerOrder": $(( WAL / PLACED )),
 "eventPublicationsPerOrder": $(awk -v e="$EP" -v p="$PLACED" 'BEGIN {printf "%.2f", e / p}'), "eventPublicationBytes": $EP_BYTES,
 "twoNodesOrdersPerSecond": $TWO, "twoToOne": $RATIO, "cpus": $(nproc), "check": "$CHECK"}
JSON
[ "$CHECK" = clean ]
