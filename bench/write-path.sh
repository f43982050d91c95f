#!/usr/bin/env bash
# What PostgreSQL does per placed order (P1 at CLIENTS clients), and one node against two on the same database.
# Runs its own PostgreSQL with pg_stat_statements (start_postgres), one Ordo node, NSKUS articles; optionally first
# BASE_ORDERS orders generated set-based (bench/p3-generate.sql, the P3 data: 1,000,000 is P3's size) so that the
# indexes are as deep as a year of orders makes them; warms up for WARMUP_S at CLIENTS clients; then, over
# SECONDS_PER_RUN of P1 at CLIENTS clients, per placed order:
#   - statements, rows, execution time and shared blocks dirtied (pg_stat_statements), WAL bytes, PostgreSQL's
#     CPU time (the server with all its backends, /proc) and the node's JVM CPU time;
#   - the statements PostgreSQL spends most on; bytes each table grew by (heap, indexes, TOAST), with its index count;
#   - event publications and their serialized size;
#   - the time of the statements on the promise's booking (with their lock waits), and how many sessions wait for a
#     lock on average, on the booking or on anything else (pg_stat_activity, sampled every 100 ms);
# With BEFORE_JAR=<an ordo.jar of the build to compare with>, that build is measured first and then this build on
# the same database (it migrates it on start), and both are printed side by side. With AFTER_SQL=<a .sql file> instead
# (a change that is only a migration), the node's build (JAR, default target/ordo.jar) is measured, the file is
# applied to the database, and the same node is measured again. Restarting a node
# on a 1,000,000-order database takes minutes on a busy machine: START_TIMEOUT_S (default 180) and READY_TRIES.
# Then a second node starts on the same database, and ROUNDS times, alternately, CLIENTS clients place orders
# against one node for SECONDS_PER_RUN and CLIENTS/2 against each of the two: orders/s of each and the ratio two to
# one per round and over all rounds (TWO_NODES=false: no second node).
# NODE_CPUS=<cpus> (e.g. 0.25; root and a cgroup cpu controller): after its warm-up (uncapped), each node is held to
# that many CPUs in a cgroup of its own (bench/lib.sh, cgroups_on), as if it ran on a small machine of its own, so
# that PostgreSQL has CPUs to spare and two nodes against one shows what the database lets them share; both JVMs
# then get -Xmx768m and -XX:ActiveProcessorCount=<the machine's CPUs>, so that a node's collector and pools are
# those of an uncapped run. Each round also prints the CPUs PostgreSQL and each node used, how busy the machine was
# and in how many of their CFS periods the nodes used up their budget.
# Prints it all; writes target/bench/write-path.json and the raw pg_stat_statements rows per build to
# target/bench/write-path-<build>-statements.tsv.
#   bench/write-path.sh
#   BASE_ORDERS=1000000 BEFORE_JAR=/tmp/ordo-before.jar bench/write-path.sh
#   BASE_ORDERS=1000000 JAR=/tmp/ordo-before.jar AFTER_SQL=src/main/resources/db/migration/V510__fewer_indexes_on_the_write_path.sql bench/write-path.sh
#   CLIENTS=16 SECONDS_PER_RUN=30 WARMUP_S=60 SKUS=100 ROUNDS=3 bench/write-path.sh
#   NODE_CPUS=0.25 WARMUP_S=120 bench/write-path.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cgroups_on
[ -z "${NODE_CPUS:-}" ] || export ORDO_JAVA_OPTS=${ORDO_JAVA_OPTS:--Xmx768m -XX:ActiveProcessorCount=$(nproc)}
CLIENTS=${CLIENTS:-16}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-30}
WARMUP_S=${WARMUP_S:-60}
NSKUS=${SKUS:-100}
BASE_ORDERS=${BASE_ORDERS:-0}
ROUNDS=${ROUNDS:-3}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
# The generated year of orders holds old open unpaid orders; the follow-up jobs would cancel them while the placement
# is measured (and count in its figures). They wait a day unless ORDO_FOLLOW_UP_EVERY says otherwise.
[ "$BASE_ORDERS" -eq 0 ] || export ORDO_FOLLOW_UP_EVERY=${ORDO_FOLLOW_UP_EVERY:-PT24H}
[ -n "${JAR:-}" ] || ensure_jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
B_PID=
trap 'cp "$WORK/ordo.log" "$OUT/write-path-a.log" 2>/dev/null || true; cp "$WORK/b.log" "$OUT/write-path-b.log" 2>/dev/null || true;
  [ -z "$B_PID" ] || { kill "$B_PID" 2>/dev/null || true; wait "$B_PID" 2>/dev/null || true; }; stop_ordo; stop_postgres;
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"; cgroups_off' EXIT
PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=2000 -c shared_buffers=${PG_SHARED_BUFFERS:-256MB} -c max_wal_size=4GB" start_postgres
pg_port() { echo "$PGPORT"; }
sql "CREATE EXTENSION pg_stat_statements"
PORT=$(free_port 19100)
BUILD=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
cp "${JAR:-$ROOT/target/ordo.jar}" "$WORK/ordo.jar"
if [ -n "${BEFORE_JAR:-}" ]; then cp "$BEFORE_JAR" "$WORK/ordo.jar"; fi
if [ -n "${BEFORE_JAR:-}${AFTER_SQL:-}" ]; then LABELS="before after"; else LABELS=$BUILD; fi
start_ordo
await_ready
register_location BER
echo "PostgreSQL $(sql "SHOW server_version"), synchronous_commit=$(sql "SHOW synchronous_commit"); Ordo $BUILD${BEFORE_JAR:+ against $BEFORE_JAR}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${NODE_CPUS:-}" ] || echo "Each node held to $NODE_CPUS CPUs (cgroup $CG_ROOT, period ${NODE_CPU_PERIOD_US:-10000} µs)"
PREFIX=WP-$(date +%s)-
stock_bench_articles "$PREFIX" "$NSKUS"
if [ "$BASE_ORDERS" -gt 0 ]; then
  echo "Generating $BASE_ORDERS orders (bench/p3-generate.sql) ..."
  "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -v ON_ERROR_STOP=1 -v n="$BASE_ORDERS" -v prefix="$PREFIX" \
    -v nskus="$NSKUS" -v loc="$(sql "SELECT id FROM location WHERE code = 'BER'")" -f "$BENCH/p3-generate.sql" > /dev/null
  sql "VACUUM ANALYZE" > /dev/null
  echo "Database now $(sql "SELECT pg_size_pretty(pg_database_size('ordo'))"), $(sql "SELECT count(*) FROM customer_order") orders"
fi

# PostgreSQL's CPU time in ms: the postmaster with the children it reaped (cutime, cstime) and those still running.
pg_server_cpu_ms() {
  local master ticks pid
  master=$(head -1 "$WORK/pg/postmaster.pid")
  ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$master/stat")
  for pid in $(pgrep -P "$master"); do ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) )); done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

TABLES="customer_order order_line order_timeline reservation stock_level stock_movement message idempotency_key inbound_document event_publication customer"
sizes() { # table bytes(total) indexes
  local t
  for t in $TABLES; do
    echo "$t $(sql "SELECT pg_total_relation_size('$t')") $(sql "SELECT count(*) FROM pg_indexes WHERE tablename = '$t'")"
  done
}
# the script's own statements (sizes, counts) are left out of the figures
OURS="dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo') AND query !~ 'pg_stat_statements|pg_total_relation_size|pg_indexes|octet_length|FROM event_publication\$|pg_current_wal_lsn|pg_stat_clear_snapshot'"

# measure LABEL: warm-up, then SECONDS_PER_RUN at CLIENTS clients against the node; figures per order to
# $WORK/fig-LABEL.txt (name value lines) and printed.
measure() {
  local label=$1 f=$WORK/fig-$1.txt
  echo
  echo "== $label: warm-up $WARMUP_S s at $CLIENTS clients"
  java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$CLIENTS" "$WARMUP_S" 3 > /dev/null || true
  cap_node a
  sql "CHECKPOINT" > /dev/null
  sizes > "$WORK/sizes-$label-0.txt"
  local wal0 ep0 pg0 jvm0 placed rate wal ep ep_bytes
  wal0=$(sql "SELECT pg_current_wal_lsn()")
  ep0=$(sql "SELECT count(*) FROM event_publication")
  sql "SELECT pg_stat_statements_reset()" > /dev/null
  pg0=$(pg_server_cpu_ms); jvm0=$(cpu_ms "$ORDO_PID")
  # while the orders are placed, every 100 ms: how many sessions wait for a lock, on the promise's booking rows (their
  # statement names promise_booking) or on anything else (the stock levels' rows, mostly); means per sample
  "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -c "DO \$\$
    DECLARE booking bigint := 0; other bigint := 0; b bigint; o bigint; n int := 0;
    BEGIN
      FOR i IN 1..$(( SECONDS_PER_RUN * 10 )) LOOP
        PERFORM pg_stat_clear_snapshot();
        SELECT count(*) FILTER (WHERE query LIKE '%promise_booking%'), count(*) FILTER (WHERE query NOT LIKE '%promise_booking%')
          INTO b, o FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'ordo';
        booking := booking + b; other := other + o; n := n + 1;
        PERFORM pg_sleep(0.1);
      END LOOP;
      RAISE NOTICE 'lock_waits % %', round(booking::numeric / n, 2), round(other::numeric / n, 2);
    END \$\$" 2> "$WORK/waits-$label.txt" &
  local sampler=$!
  # requests that fail (a timeout on a busy machine) are counted by the driver; the figures are per placed order
  java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$CLIENTS" "$SECONDS_PER_RUN" 3 "$OUT/write-path-$label.json" || true
  wait "$sampler" || true
  local pg1 jvm1
  pg1=$(pg_server_cpu_ms); jvm1=$(cpu_ms "$ORDO_PID")
  placed=$(grep -o '"placed": [0-9]*' "$OUT/write-path-$label.json" | cut -d' ' -f2)
  rate=$(grep -o '"ordersPerSecond": [0-9.]*' "$OUT/write-path-$label.json" | cut -d' ' -f2)
  [ "$placed" -gt 0 ] || { echo "no order placed" >&2; return 1; }
  wal=$(sql "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal0')")
  sizes > "$WORK/sizes-$label-1.txt"
  ep=$(sql "SELECT count(*) - $ep0 FROM event_publication")
  ep_bytes=$(sql "SELECT coalesce(round(avg(octet_length(serialized_event))), 0) FROM (SELECT serialized_event FROM event_publication ORDER BY publication_date DESC LIMIT 2000) e")
  "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -A -F $'\t' -c "
    SELECT calls, rows, round(total_exec_time::numeric, 3) AS exec_ms, shared_blks_hit, shared_blks_read,
           shared_blks_dirtied, shared_blks_written, wal_records, wal_bytes, regexp_replace(query, '\s+', ' ', 'g') AS query
    FROM pg_stat_statements WHERE $OURS ORDER BY total_exec_time DESC" > "$OUT/write-path-$label-statements.tsv"
  {
    echo "orders $placed"
    echo "orders/s $rate"
    sql "SELECT 'statements ' || round(sum(calls)::numeric / $placed, 1) || E'\nrows ' || round(sum(rows)::numeric / $placed, 1)
         || E'\nexecution_ms ' || round(sum(total_exec_time)::numeric / $placed, 3)
         || E'\nblocks_dirtied ' || round(sum(shared_blks_dirtied)::numeric / $placed, 1)
         || E'\nstatement_wal_bytes ' || round(sum(wal_bytes)::numeric / $placed)
         FROM pg_stat_statements WHERE $OURS"
    echo "wal_bytes $(( wal / placed ))"
    echo "pg_cpu_ms $(awk -v c=$(( pg1 - pg0 )) -v p="$placed" 'BEGIN {printf "%.2f", c / p}')"
    echo "jvm_cpu_ms $(awk -v c=$(( jvm1 - jvm0 )) -v p="$placed" 'BEGIN {printf "%.2f", c / p}')"
    echo "event_publications $(awk -v e="$ep" -v p="$placed" 'BEGIN {printf "%.2f", e / p}')"
    echo "event_publication_bytes $ep_bytes"
    sql "SELECT 'booking_statements ' || round(coalesce(sum(calls), 0)::numeric / $placed, 2)
         || E'\nbooking_statement_ms ' || round(coalesce(sum(total_exec_time), 0)::numeric / $placed, 3)
         FROM pg_stat_statements WHERE $OURS AND query LIKE '%promise_booking%'"
    awk '/lock_waits/ {print "sessions_waiting_on_booking " $(NF-1); print "sessions_waiting_on_other_locks " $NF}' "$WORK/waits-$label.txt"
  } > "$f"
  echo "Per order, $placed orders at $CLIENTS clients ($rate orders/s):"
  sed 's/^/  /' "$f"
  echo "Growth per order by table (heap + indexes + TOAST, bytes; indexes on it):"
  join "$WORK/sizes-$label-0.txt" "$WORK/sizes-$label-1.txt" | awk -v p="$placed" '{printf "  %-20s %8.0f  (%d indexes)\n", $1, ($4 - $2) / p, $3}' \
    | sort -k2 -nr | tee "$WORK/growth-$label.txt"
  echo "Statements by execution time per order (ms per order, calls per order, rows per call, blocks dirtied per order):"
  "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -At -F ' | ' -c "
    SELECT to_char(total_exec_time / $placed, 'FM99990.000'), to_char(calls::numeric / $placed, 'FM990.00'),
           to_char(rows::numeric / greatest(calls, 1), 'FM99990.0'), to_char(shared_blks_dirtied::numeric / $placed, 'FM990.00'),
           left(regexp_replace(query, '\s+', ' ', 'g'), 110)
    FROM pg_stat_statements WHERE $OURS ORDER BY total_exec_time DESC LIMIT ${TOP:-25}" | sed 's/^/  /'
}

# plans LABEL: EXPLAIN (ANALYZE, BUFFERS) of the reads that use customer_order's indexes (the queue, its search,
# the dashboard's figures, the follow-up jobs, the invariant checker's order rules) to
# target/bench/write-path-plans-LABEL.txt; prints per query the indexes it used and its execution time.
plans() {
  local f=$OUT/write-path-plans-$1.txt email deep_at deep_id q
  email=$(sql "SELECT customer_email FROM customer_order ORDER BY created_at DESC LIMIT 1 OFFSET 1000")
  deep_at=$(sql "SELECT created_at FROM customer_order ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 5000")
  deep_id=$(sql "SELECT id FROM customer_order ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 5000")
  local cols="id, number, channel, external_ref, customer_email, customer_name, status, payment_status, fulfillment_status, gross, currency, promised_at, created_at"
  : > "$f"
  echo "Plans ($1), $(sql "SELECT count(*) FROM customer_order") orders: index used | execution ms | query"
  while IFS= read -r q; do
    [ -n "$q" ] || continue
    echo "== $q" >> "$f"
    sql "EXPLAIN (ANALYZE, BUFFERS) $q" > "$WORK/plan.txt"
    cat "$WORK/plan.txt" >> "$f"
    printf '  %s | %s | %s\n' \
      "$(grep -o -E '(Index Only Scan|Index Scan|Bitmap Index Scan)( Backward)? (using|on) [a-z_0-9]+' "$WORK/plan.txt" | awk '{print $NF}' | sort -u | paste -sd, - | sed 's/^$/no index/')" \
      "$(grep -o 'Execution Time: [0-9.]*' "$WORK/plan.txt" | awk '{print $3}')" "${q:0:90}"
  done <<SQL
SELECT $cols FROM customer_order WHERE true AND status IN ('OPEN') ORDER BY promised_at, id LIMIT 50
SELECT $cols FROM customer_order WHERE true ORDER BY created_at DESC, id DESC LIMIT 50
SELECT $cols FROM customer_order WHERE true AND (created_at, id) < ('$deep_at', '$deep_id') ORDER BY created_at DESC, id DESC LIMIT 50
SELECT $cols FROM customer_order WHERE true AND status IN ('OPEN') ORDER BY created_at DESC, id DESC LIMIT 50
SELECT $cols FROM customer_order WHERE true AND created_at >= now() - interval '7 days' AND created_at < now() - interval '1 day' ORDER BY promised_at, id LIMIT 50
SELECT $cols FROM customer_order WHERE true AND (number = '$email' OR external_ref = '$email' OR lower(number) LIKE '%$email%' OR lower(customer_email) LIKE '%$email%' OR lower(customer_name) LIKE '$email%' OR lower(customer_name) LIKE '% $email%' OR EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = customer_order.id AND lower(l.sku) LIKE '$email%')) ORDER BY promised_at, id LIMIT 50
SELECT CAST(created_at AT TIME ZONE 'UTC' AS date) AS day, channel, count(*) AS orders FROM customer_order WHERE created_at >= now() - interval '30 days' GROUP BY 1, 2 ORDER BY 1, 2
SELECT count(*) AS placed, count(*) FILTER (WHERE fulfillment_status IN ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'PARTIALLY_RETURNED', 'RETURNED')) AS shipped, count(*) FILTER (WHERE payment_status IN ('PARTIALLY_REFUNDED', 'REFUNDED')) AS refunded, count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled FROM customer_order WHERE created_at >= now() - interval '30 days'
SELECT status, CASE WHEN created_at > now() - interval '1 day' THEN 'UNDER_1_DAY' ELSE 'OLDER' END AS age, count(*), count(*) FILTER (WHERE promised_at < now()) FROM customer_order WHERE status IN ('OPEN', 'ON_HOLD') GROUP BY 1, 2 ORDER BY 1, 2
SELECT number FROM customer_order WHERE status IN ('OPEN', 'ON_HOLD') AND promised_at < now() AND fulfillment_status NOT IN ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'PARTIALLY_RETURNED', 'RETURNED') ORDER BY promised_at, id LIMIT 50
WITH window_orders AS (SELECT id FROM customer_order WHERE created_at >= now() - interval '30 days') SELECT l.sku, sum(l.shipped) FROM order_line l JOIN window_orders o ON o.id = l.order_id WHERE l.shipped > 0 GROUP BY l.sku
SELECT id FROM customer_order WHERE payment_method = 'prepayment' AND payment_status = 'PENDING' AND status = 'OPEN' AND payment_reminded_at IS NULL AND gross > paid AND (paid_by_return IS NULL OR paid > 0) AND created_at < now() - interval '3 days' ORDER BY created_at LIMIT 100
SELECT id FROM customer_order WHERE status = 'OPEN' AND payment_status = 'PENDING' AND released_at IS NULL AND paid = 0 AND payment_method NOT IN ('invoice', 'cash_on_delivery', 'marketplace') AND paid_by_return IS NULL AND (payment_method <> 'prepayment' OR payment_reminded_at IS NOT NULL) AND created_at < now() - interval '14 days' ORDER BY created_at LIMIT 100
SELECT $cols FROM customer_order WHERE true AND customer_id = (SELECT customer_id FROM customer_order ORDER BY created_at DESC LIMIT 1) ORDER BY created_at DESC, id DESC LIMIT 50
SQL
  echo "  Indexes of the written tables: size, and scans since PostgreSQL started (start-up, load, these plans):"
  sql "SELECT i.relname || ' ' || i.indexrelname || ' ' || pg_size_pretty(pg_relation_size(i.indexrelid)) || ' ' || i.idx_scan
       FROM pg_stat_user_indexes i
       WHERE i.relname IN ('customer_order', 'order_line', 'order_timeline', 'reservation', 'stock_level', 'stock_movement',
                           'message', 'idempotency_key', 'inbound_document', 'event_publication')
       ORDER BY i.relname, i.indexrelname" | tee "$OUT/write-path-indexes-$1.txt" | awk '{printf "    %-16s %-48s %7s %-3s %s scans\n", $1, $2, $3, $4, $5}'
  local t0 ok=clean
  t0=$(now_ms)
  run_check > "$WORK/check-$1.txt" 2>&1 || ok=FINDINGS
  echo "  the invariant checker: $(( $(now_ms) - t0 )) ms, $ok"
}

FIRST=${LABELS%% *}
measure "$FIRST"
[ "$BASE_ORDERS" -eq 0 ] || plans "$FIRST"
if [ -n "${BEFORE_JAR:-}${AFTER_SQL:-}" ]; then
  if [ -n "${BEFORE_JAR:-}" ]; then
    stop_ordo
    cp "${JAR:-$ROOT/target/ordo.jar}" "$WORK/ordo.jar"
    start_ordo
    await_ready
  else
    echo
    echo "Applying $AFTER_SQL to the running node's database"
    "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -v ON_ERROR_STOP=1 -f "$AFTER_SQL"
    sql "VACUUM ANALYZE customer_order" > /dev/null
  fi
  measure after
  [ "$BASE_ORDERS" -eq 0 ] || plans after
  echo
  echo "Per order, before (${BEFORE_JAR:-${JAR:-$BUILD}}) and after (${AFTER_SQL:-$BUILD}), same database, $CLIENTS clients:"
  join <(sort "$WORK/fig-before.txt") <(sort "$WORK/fig-after.txt") | awk '{printf "  %-24s %12s %12s\n", $1, $2, $3}'
  echo "Growth per order by table, before and after:"
  join <(awk '{print $1, $2}' "$WORK/growth-before.txt" | sort) <(awk '{print $1, $2, $3}' "$WORK/growth-after.txt" | sort) \
    | awk '{printf "  %-20s %8s %8s  %s indexes after\n", $1, $2, $3, substr($4, 2)}'
fi
LAST=${LABELS##* }
val() { awk -v k="$1" '$1 == k {print $2}' "$WORK/fig-$LAST.txt"; }

# --- two nodes on the same database, alternately with one (TWO_NODES=false: only the one node above) --------------
TWO=null; RATIO=null; ONE=$(val orders/s)
if [ "${TWO_NODES:-true}" = true ]; then
  B_PORT=$(free_port $(( PORT + 1 )))
  start_node b "$B_PORT"
  B_PID=$NODE_PID
  await_node "http://127.0.0.1:$B_PORT" "$B_PID" b
  HALF=$(( CLIENTS / 2 ))
  echo
  echo "== two nodes: warm-up of node b, $WARMUP_S s at $HALF clients"
  java "$BENCH/PlaceOrders.java" "http://127.0.0.1:$B_PORT" "$KEY" "$SKU_LIST" "$HALF" "$WARMUP_S" 3 > /dev/null || true
  cap_node b
  SUM_ONE=0; SUM_TWO=0
  # usage: what PostgreSQL, the two nodes and the whole machine used while a measurement ran (CPUs, from /proc), and
  # how long the nodes' cgroups held them back (NODE_CPUS); usage_start before, usage_end after, printed by usage_line
  usage_start() { U_T0=$(now_ms); U_PG0=$(pg_server_cpu_ms); U_A0=$(cpu_ms "$ORDO_PID"); U_B0=$(cpu_ms "$B_PID")
    U_PA0=($(node_periods a)); U_PB0=($(node_periods b)); U_TICKS0=$(cpu_ticks); }
  usage_line() {
    local ms=$(( $(now_ms) - U_T0 )) pa=($(node_periods a)) pb=($(node_periods b))
    awk -v ms="$ms" -v pg=$(( $(pg_server_cpu_ms) - U_PG0 )) -v a=$(( $(cpu_ms "$ORDO_PID") - U_A0 )) \
        -v b=$(( $(cpu_ms "$B_PID") - U_B0 )) -v na=$(( pa[0] - U_PA0[0] )) -v ta=$(( pa[1] - U_PA0[1] )) \
        -v nb=$(( pb[0] - U_PB0[0] )) -v tb=$(( pb[1] - U_PB0[1] )) -v busy="$(busy_since "$U_TICKS0")" -v n="$(nproc)" \
      'BEGIN {printf "PostgreSQL %.2f CPUs, node a %.2f, node b %.2f; machine %d%% of %d CPUs busy", pg / ms, a / ms, b / ms, busy, n
              if (na + nb > 0) printf "; budget used up in %.0f%% (a) and %.0f%% (b) of the periods", (na > 0 ? 100 * ta / na : 0), (nb > 0 ? 100 * tb / nb : 0)
              printf "\n"}'
  }
  for r in $(seq 1 "$ROUNDS"); do
    usage_start
    java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$CLIENTS" "$SECONDS_PER_RUN" 3 "$OUT/write-path-one-$r.json" > /dev/null || true
    U1=$(usage_line)
    R1=$(grep -o '"ordersPerSecond": [0-9.]*' "$OUT/write-path-one-$r.json" | cut -d' ' -f2)
    usage_start
    java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$HALF" "$SECONDS_PER_RUN" 3 "$OUT/write-path-two-a-$r.json" > /dev/null &
    TWO_A=$!
    java "$BENCH/PlaceOrders.java" "http://127.0.0.1:$B_PORT" "$KEY" "$SKU_LIST" "$HALF" "$SECONDS_PER_RUN" 3 "$OUT/write-path-two-b-$r.json" > /dev/null || true
    wait "$TWO_A" || true
    U2=$(usage_line)
    RA=$(grep -o '"ordersPerSecond": [0-9.]*' "$OUT/write-path-two-a-$r.json" | cut -d' ' -f2)
    RB=$(grep -o '"ordersPerSecond": [0-9.]*' "$OUT/write-path-two-b-$r.json" | cut -d' ' -f2)
    R2=$(awk -v a="$RA" -v b="$RB" 'BEGIN {printf "%.1f", a + b}')
    echo "Round $r: one node, $CLIENTS clients: $R1 orders/s; two nodes, $HALF clients each: $RA + $RB = $R2 orders/s ($(awk -v t="$R2" -v o="$R1" 'BEGIN {printf "%.2f", (o > 0 ? t / o : 0)}') x)"
    echo "  one node:  $U1"
    echo "  two nodes: $U2"
    SUM_ONE=$(awk -v s="$SUM_ONE" -v x="$R1" 'BEGIN {print s + x}'); SUM_TWO=$(awk -v s="$SUM_TWO" -v x="$R2" 'BEGIN {print s + x}')
  done
  ONE=$(awk -v s="$SUM_ONE" -v n="$ROUNDS" 'BEGIN {printf "%.1f", s / n}')
  TWO=$(awk -v s="$SUM_TWO" -v n="$ROUNDS" 'BEGIN {printf "%.1f", s / n}')
  RATIO=$(awk -v t="$TWO" -v o="$ONE" 'BEGIN {printf "%.2f", (o > 0 ? t / o : 0)}')
  echo "Two nodes against one over $ROUNDS rounds: $TWO against $ONE orders/s, $RATIO x (target 1.6 x where PostgreSQL has cores to spare)"
fi
echo "CPUs: $(nproc); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
CHECK=clean
run_check > "$WORK/check.txt" 2>&1 || { CHECK=FINDINGS; cat "$WORK/check.txt"; }
echo "Invariant check: $CHECK"
cat > "$OUT/write-path.json" <<JSON
{"commit": "$BUILD", "clients": $CLIENTS, "baseOrders": $BASE_ORDERS, "placed": $(val orders),
 "oneNodeOrdersPerSecond": $ONE, "statementsPerOrder": $(val statements), "rowsPerOrder": $(val rows),
 "statementMsPerOrder": $(val execution_ms), "blocksDirtiedPerOrder": $(val blocks_dirtied),
 "walBytesPerOrder": $(val wal_bytes), "postgresCpuMsPerOrder": $(val pg_cpu_ms), "jvmCpuMsPerOrder": $(val jvm_cpu_ms),
 "eventPublicationsPerOrder": $(val event_publications), "eventPublicationBytes": $(val event_publication_bytes),
 "twoNodesOrdersPerSecond": $TWO, "twoToOne": $RATIO, "cpus": $(nproc), "nodeCpus": ${NODE_CPUS:-null}, "check": "$CHECK"}
JSON
[ "$CHECK" = clean ]
