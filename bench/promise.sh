#!/usr/bin/env bash
# The delivery promise API's latency (docs/promise.md): p50/p95/p99 of GET /api/v1/promise (one SKU, as a product
# page asks) and POST /api/v1/promise (a checkout of three lines), one request at a time, on a fresh Ordo with
# the demo data. SKUs in stock, one backorderable without stock (BACKORDER); the issue's target is p95 < 10 ms.
#   bench/promise.sh                 REPS=2000 bench/promise.sh
# Results: target/bench/promise.json and the table on stdout. P3_ORDERS=1000000 first builds the P3 database in
# its PostgreSQL (bench/p3-generate.sql: a year of orders at warehouse P3A, P3_SKUS articles, and a year of
# booked days there) and asks for P3's articles; the POST still asks for the three articles of the plain run.
#   P3_ORDERS=1000000 REPS=2000 bench/promise.sh
# Then, figures a loaded machine does not distort (docs/promise.md, "Measured"): SQL statements per quote (from
# pg_stat_statements: the script runs its own PostgreSQL for that, see start_postgres in lib.sh) and the CPU time
# per quote of Ordo's JVM and of PostgreSQL, over STATS_REPS (default 500) GET quotes with the caches warm.
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
REPS=${REPS:-1000}
STATS_REPS=${STATS_REPS:-500}
P3_ORDERS=${P3_ORDERS:-0}
P3_SKUS=${P3_SKUS:-200}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
trap 'stop_ordo; stop_postgres; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
ensure_jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=2000" start_postgres
pg_port() { echo "$PGPORT"; }
sql "CREATE EXTENSION pg_stat_statements"
start_ordo
await_ready
register_location BER # its own PostgreSQL has no demo data
prefix=PR-$(date +%s)-
stock_article "${prefix}A" 1000
stock_article "${prefix}B" 1000
api POST /api/v1/articles "{\"sku\":\"${prefix}C\",\"type\":\"PHYSICAL\",\"name\":{\"en\":\"Bench ${prefix}C\"},\"price\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"taxRate\":\"19\",\"backorderable\":true}" > /dev/null
if [ "$P3_ORDERS" -gt 0 ]; then
  # The P3 database: bench/p3-generate.sql's orders at warehouse P3A over a year, and a year of booked days there
  # (the promise reads the days booked from yesterday on); the quotes then ask for P3's articles at P3A.
  api POST /api/v1/locations "{\"code\":\"P3A\",\"name\":\"P3 warehouse\",\"priority\":0,\"address\":{\"name\":\"P3\",\"street\":\"Hauptstr. 1\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"}}" > /dev/null
  p3=P3-$(date +%s)-
  for i in $(seq 0 $(( P3_SKUS - 1 ))); do
    sku=$p3$(printf %04d "$i")
    api POST /api/v1/articles "{\"sku\":\"$sku\",\"type\":\"PHYSICAL\",\"name\":{\"en\":\"P3 $sku\"},\"price\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"taxRate\":\"19\"}" > /dev/null
    api POST /api/v1/inventory/receipts "{\"sku\":\"$sku\",\"location\":\"P3A\",\"quantity\":100000000,\"reference\":\"p3\"}" > /dev/null
  done
  echo "Generating the P3 database: $P3_ORDERS orders ..."
  "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -v ON_ERROR_STOP=1 -v n="$P3_ORDERS" -v prefix="$p3" \
    -v nskus="$P3_SKUS" -v loc="$(sql "SELECT id FROM location WHERE code = 'P3A'")" -f "$BENCH/p3-generate.sql"
  sql "INSERT INTO promise_booking_stripe (location, day, stripe, booked, capacity)
       SELECT 'P3A', d::date, 0, CASE WHEN d < now() THEN 480 ELSE 480 - 30 * (d::date - current_date) END, 500
       FROM generate_series(now() - interval '365 days', now() + interval '14 days', interval '1 day') d
       ON CONFLICT DO NOTHING;
       INSERT INTO promise_booking_day (location, day, capacity, found_full)
       SELECT location, day, sum(capacity), sum(booked) >= sum(capacity) FROM promise_booking_stripe
       WHERE location = 'P3A' GROUP BY location, day ON CONFLICT DO NOTHING; ANALYZE" > /dev/null
  echo "P3 database: $(sql "SELECT count(*) FROM customer_order") orders, $(sql "SELECT pg_size_pretty(pg_database_size('ordo'))")"
fi
paths=$WORK/promise-get.txt
: > "$paths"
if [ "$P3_ORDERS" -gt 0 ]; then
  for i in 0 1 2 3 4 5; do
    echo "/api/v1/promise?sku=${p3}000$i&quantity=1&country=$( ((i < 4)) && echo DE || echo AT)&postalCode=1011$i" >> "$paths"
  done
else
  for code in 10115 80331 50667 20095; do
    echo "/api/v1/promise?sku=${prefix}A&quantity=1&country=DE&postalCode=$code" >> "$paths"
  done
  echo "/api/v1/promise?sku=${prefix}B&quantity=2&country=AT" >> "$paths"
  echo "/api/v1/promise?sku=${prefix}C&quantity=1&country=KR" >> "$paths"
fi
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

# --- statements and CPU per quote, caches warm ------------------------------------------------------------------
pg_cpu() { # CPU ms of this script's PostgreSQL and its backends
  local master total=0 pid
  master=$(head -1 "$WORK/pg/postmaster.pid")
  for pid in "$master" $(pgrep -P "$master"); do total=$(( total + $(cpu_ms "$pid") )); done
  echo "$total"
}
OURS="query !~ 'pg_stat_statements'"
sql "SELECT pg_stat_statements_reset()" > /dev/null
JVM0=$(cpu_ms); PG0=$(pg_cpu)
java "$BENCH/ReadLatency.java" "$BASE" "$KEY" "$STATS_REPS" "$OUT/promise-stats.json" "promise-get=@$paths" > /dev/null
JVM1=$(cpu_ms); PG1=$(pg_cpu)
# ReadLatency warms up with a fifth as many requests first: they count here too
QUOTES=$(( STATS_REPS + STATS_REPS / 5 ))
echo
echo "Per GET quote, $QUOTES quotes with the caches warm (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
sql "SELECT round(sum(calls)::numeric / $QUOTES, 2) || ' SQL statements, ' || round(sum(rows)::numeric / $QUOTES, 1)
     || ' rows, ' || round(sum(total_exec_time)::numeric / $QUOTES, 3) || ' ms of statement execution'
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo') AND $OURS"
awk -v j=$(( JVM1 - JVM0 )) -v p=$(( PG1 - PG0 )) -v n="$QUOTES" 'BEGIN {
  printf "CPU: %.2f ms in Ordo'"'"'s JVM, %.2f ms in PostgreSQL (HTTP client and server included)\n", j / n, p / n }'
echo "Statements per quote (calls per quote, ms per call):"
"$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -At -F ' | ' -c "
  SELECT to_char(calls::numeric / $QUOTES, 'FM990.00'), to_char(mean_exec_time, 'FM99990.000'),
         left(regexp_replace(query, '\s+', ' ', 'g'), 110)
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo') AND $OURS
  ORDER BY calls DESC LIMIT 15" | sed 's/^/  /'
