#!/usr/bin/env bash
# P4, EDI intake: one EDIFACT interchange of N ORDERS messages (3 lines each, default 10,000) posted to a private
# Ordo with demo data on a fresh data directory; orders/s is the placed orders over the request's wall time (each
# order also gets its ORDRSP, and the interchange its CONTRL). Right after it, the raw-SQL floor (bench/floor.sql:
# the rows of one three-line order written directly) runs N transactions from one client, as one interchange is
# taken by one request, and the batched floor (bench/floor-batched.sql: the same rows written BATCH orders per
# transaction, one statement per table, one stock update per SKU), the ceiling for orders written in batches.
# Besides orders/s it prints what a loaded machine does not distort: the CPU time of Ordo's JVM and of PostgreSQL
# per order during the request, and with PROFILE=true (Ordo on a PostgreSQL of the script's own with
# pg_stat_statements and the demo data, instead of the embedded one) the statements, rows and execution time per
# order, statement by statement; and the sequential scans of customer_order during the request (a foreign-key check
# planned while the table was nearly empty scans it whole, docs/benchmarks.md). Loopback only; stops by itself.
#   bench/p4.sh [N]
#   PROFILE=true BATCH=200 bench/p4.sh 1000
#   JAR=/tmp/ordo-before.jar PROFILE=true bench/p4.sh 1000
#   P4_TIMEOUT_S (14400): how long the one request may take
#   JFR=/tmp/p4.jfr bench/p4.sh 1000: Java Flight Recorder (profile settings) over the request alone; then
#     java bench/JfrHot.java /tmp/p4.jfr prints where the JVM's CPU went
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-10000}
NSKUS=20
BATCH=${BATCH:-200}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
PGBENCH=$(pg_tool pgbench)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
# JAR=path: measure that build (e.g. a copy of an earlier one) instead of target/ordo.jar
if [ -n "${JAR:-}" ]; then cp "$JAR" "$WORK/ordo.jar"; else ensure_jar; fi
trap 'cp "$WORK/ordo.log" "$OUT/ordo-p4.log" 2>/dev/null || true; stop_ordo; stop_postgres;
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT

if [ "${PROFILE:-false}" = true ]; then
  PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=2000 -c pg_stat_statements.track=all" start_postgres
  pg_port() { echo "$PGPORT"; }
  sql "CREATE EXTENSION pg_stat_statements"
  PG_PID_FILE=$WORK/pg/postmaster.pid
  # the demo data too, so that this database holds what the embedded one does: on a nearly empty customer_order the
  # foreign-key checks' cached plan is a sequential scan, whose cost grows with every order placed
  export ORDO_DEMO_DATA=${ORDO_DEMO_DATA:-true}  # ORDO_DEMO_DATA=false: without, as the earlier profiles
else
  PG_PID_FILE=$WORK/data/postgres/postmaster.pid
fi
# CPU of the PostgreSQL server with all its backends (Ordo's pool keeps its connections open over the request)
db_cpu_ms() {
  local master total=0 pid
  master=$(head -1 "$PG_PID_FILE")
  for pid in "$master" $(pgrep -P "$master"); do total=$(( total + $(cpu_ms "$pid") )); done
  echo "$total"
}
# deep enough stacks that the recording sees from the request down to the JDBC driver
[ -z "${JFR:-}" ] || ORDO_JAVA_OPTS="${ORDO_JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=512"
start_ordo
await_ready
register_location BER # the demo data has it; a PostgreSQL of our own (PROFILE) without the demo data not
prefix=P4-$(date +%s)-

# 20 articles with GTINs (prefix 20, GS1's range for internal numbers) and plenty of stock at BER
gtin() { # GTIN-13 for the 12 digits $1, with its check digit
  local body=$1 sum=0 i w=3
  for (( i = ${#body} - 1; i >= 0; i-- )); do sum=$(( sum + ${body:i:1} * w )); w=$(( 4 - w )); done
  echo "$body$(( (10 - sum % 10) % 10 ))"
}
GTINS=()
for i in $(seq 0 $(( NSKUS - 1 ))); do
  g=$(gtin "20$(date +%s | tail -c 7)$(printf %04d "$i")")
  GTINS+=("$g")
  api POST /api/v1/articles "{\"sku\":\"$prefix$(printf %04d "$i")\",\"type\":\"PHYSICAL\",\"name\":{\"en\":\"P4 $i\"},\"price\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"taxRate\":\"19\",\"gtin\":\"$g\"}" > /dev/null
  api POST /api/v1/inventory/receipts "{\"sku\":\"$prefix$(printf %04d "$i")\",\"location\":\"BER\",\"quantity\":1000000000,\"reference\":\"p4\"}" > /dev/null
done
customer=$(api POST /api/v1/customers '{"email":"p4-buyer@example.com","name":"P4 Buyer","type":"BUSINESS","company":"P4 GmbH","shipBeforePayment":true}' \
  | sed 's/.*"id":"\([^"]*\)".*/\1/')
api POST /api/v1/edi/partners "{\"code\":\"P4\",\"name\":\"P4\",\"customerId\":\"$customer\",\"standard\":\"EDIFACT\",\"version\":\"D96A\",\"senderQualifier\":\"14\",\"senderId\":\"5400000000009\",\"recipientQualifier\":\"14\",\"recipientId\":\"4000000000006\",\"articleNumbers\":\"GTIN\",\"currency\":\"EUR\",\"paymentMethod\":\"invoice\",\"shipTo\":{\"name\":\"P4 Lager\",\"street\":\"Hafenstr. 1\",\"postalCode\":\"20457\",\"city\":\"Hamburg\",\"country\":\"DE\"}}" > /dev/null

awk -v n="$N" -v gtins="${GTINS[*]}" 'BEGIN {
  split(gtins, g, " "); k = length(g); srand(4);
  printf "UNB+UNOC:3+5400000000009:14+4000000000006:14+261205:1000+P4'"'"'\n";
  for (m = 1; m <= n; m++) {
    printf "UNH+%d+ORDERS:D:96A:UN:EAN008'"'"'BGM+220+P4-%d+9'"'"'DTM+137:20261205:102'"'"'NAD+BY+5400000000009::9'"'"'", m, m;
    a = int(rand() * k); b = (a + 1 + int(rand() * (k - 2))) % k; c = a;
    while (c == a || c == b) c = int(rand() * k);
    printf "LIN+1++%s:SRV'"'"'QTY+21:1'"'"'LIN+2++%s:SRV'"'"'QTY+21:2'"'"'LIN+3++%s:SRV'"'"'QTY+21:1'"'"'", g[a + 1], g[b + 1], g[c + 1];
    printf "UNS+S'"'"'CNT+2:3'"'"'UNT+13+%d'"'"'\n", m;
  }
  printf "UNZ+%d+P4'"'"'\n", n;
}' > "$WORK/p4.edi"
echo "interchange: $N messages, $(wc -c < "$WORK/p4.edi") bytes"

QUIET_WAIT_S=${QUIET_WAIT_S:-30} await_quiet || true
[ "${PROFILE:-false}" != true ] || sql "SELECT pg_stat_statements_reset()" > /dev/null
[ -z "${JFR:-}" ] || jcmd "$ORDO_PID" JFR.start name=p4 settings=profile filename="$JFR" > /dev/null
# sequential scans of customer_order and the rows they read (a foreign-key check's cached plan may be one)
order_scans() { sql "SELECT seq_scan || ' ' || seq_tup_read FROM pg_stat_user_tables WHERE relname = 'customer_order'"; }
scans0=$(order_scans)
jvm0=$(cpu_ms); db0=$(db_cpu_ms)
t0=$(now_ms)
curl -sf -m "${P4_TIMEOUT_S:-14400}" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/EDIFACT' \
  --data-binary @"$WORK/p4.edi" "$BASE/api/v1/edi/interchanges" > "$WORK/p4.json"
ms=$(( $(now_ms) - t0 ))
jvm=$(( $(cpu_ms) - jvm0 )); db=$(( $(db_cpu_ms) - db0 ))
[ -z "${JFR:-}" ] || { jcmd "$ORDO_PID" JFR.stop name=p4 > /dev/null; echo "flight recording: $JFR"; }
sleep 1 # the backends report their table statistics at most once a second
scans1=$(order_scans)
placed=$(grep -o '"outcome":"PLACED"' "$WORK/p4.json" | wc -l)
other=$(grep -o '"outcome":"[A-Z]*"' "$WORK/p4.json" | grep -vc PLACED || true)
p4=$(awk -v p="$placed" -v ms="$ms" 'BEGIN {printf "%.1f", p * 1000 / ms}')
echo "P4: $placed orders placed ($other not) in $ms ms: $p4 orders/s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "sequential scans of customer_order during the request: $(( ${scans1% *} - ${scans0% *} )), reading" \
  "$(( ${scans1#* } - ${scans0#* } )) rows"
echo "CPU per order during the request: Ordo's JVM $(awk -v c="$jvm" -v p="$placed" 'BEGIN {printf "%.2f", c / p}') ms," \
  "PostgreSQL $(awk -v c="$db" -v p="$placed" 'BEGIN {printf "%.2f", c / p}') ms"
if [ "${PROFILE:-false}" = true ]; then
  # the script's own statements (the reset, the queries below) are left out
  OURS="query !~ 'pg_stat_statements'"
  echo "Per order ($placed orders), from pg_stat_statements:"
  sql "SELECT round(sum(calls)::numeric / $placed, 1) || ' statements, ' || round(sum(rows)::numeric / $placed, 1)
       || ' rows, ' || round(sum(total_exec_time)::numeric / $placed, 3) || ' ms of execution, '
       || round(sum(shared_blks_dirtied)::numeric / $placed, 1) || ' blocks dirtied, '
       || round(sum(wal_bytes)::numeric / $placed) || ' bytes of WAL'
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo') AND $OURS"
  echo "Statements by calls per order (calls, rows, ms of execution per order; the statement):"
  "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -At -F ' | ' -c "
    SELECT to_char(calls::numeric / $placed, 'FM990.000'), to_char(rows::numeric / $placed, 'FM990.00'),
           to_char(total_exec_time / $placed, 'FM99990.000'), left(regexp_replace(query, '\s+', ' ', 'g'), 120)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo') AND $OURS
    ORDER BY calls DESC, total_exec_time DESC LIMIT ${TOP:-40}" | sed 's/^/  /' | tee "$OUT/p4-statements.txt"
fi

# the floor's customers: 500 found by e-mail, as bench/floor.sql expects them
for i in $(seq 0 499); do
  api POST /api/v1/customers "{\"email\":\"bench$i@example.com\",\"name\":\"Bench $i\"}" > /dev/null
done
"$PGBENCH" -h 127.0.0.1 -p "$(pg_port)" -U ordo -n -M prepared -c 1 -t "$N" -f "$BENCH/floor.sql" \
  -D prefix="$prefix" -D nskus="$NSKUS" -D loc="$(sql "SELECT id FROM location WHERE code = 'BER'")" \
  ordo > "$WORK/floor.txt" 2>&1 || { cat "$WORK/floor.txt" >&2; exit 1; }
tps=$(awk '/^tps = / {printf "%.1f", $3}' "$WORK/floor.txt")
ratio=$(awk -v a="$p4" -v b="$tps" 'BEGIN {printf "%.2f", a / b}')
echo "floor (1 client, $N transactions): $tps orders/s; P4 / floor = $ratio"
"$PGBENCH" -h 127.0.0.1 -p "$(pg_port)" -U ordo -n -M extended -c 1 -t $(( (N + BATCH - 1) / BATCH )) \
  -f "$BENCH/floor-batched.sql" -D prefix="$prefix" -D nskus="$NSKUS" -D batch="$BATCH" -D partner=P4 \
  -D customer="$customer" -D loc="$(sql "SELECT id FROM location WHERE code = 'BER'")" \
  ordo > "$WORK/floor-batched.txt" 2>&1 || { cat "$WORK/floor-batched.txt" >&2; exit 1; }
batched=$(awk -v b="$BATCH" '/^tps = / {printf "%.1f", $3 * b}' "$WORK/floor-batched.txt")
echo "batched floor (1 client, $BATCH orders per transaction): $batched orders/s; P4 / batched floor =" \
  "$(awk -v a="$p4" -v b="$batched" 'BEGIN {printf "%.3f", a / b}')"
echo "target: >= 1000 orders/s: $(awk -v a="$p4" 'BEGIN {print (a >= 1000 ? "met" : "NOT met")}');" \
  "the batched floor itself $(awk -v b="$batched" 'BEGIN {print (b >= 1000 ? "reaches" : "does NOT reach")}') it"
run_check
