#!/usr/bin/env bash
# Two builds of Ordo side by side on one PostgreSQL of its own (with pg_stat_statements), asked the same checkout
# promise quotes (GET /api/v1/promise, one SKU, six destinations in turn) in alternating rounds, so that load from
# elsewhere on the machine falls on both alike (docs/promise.md, "Measured"). Per build it prints what load does
# not distort: CPU milliseconds of its JVM per quote (HTTP server included; the client is another process), SQL
# statements and rows per quote, and the ratio of the two, then each build's statements by calls per quote (its
# last round: a quote's own statements are whole or sixth parts per quote, the scheduled jobs' polling the rest);
# then p50/p95 per build over all rounds, for the record.
#   bench/promise-compare.sh BEFORE.jar [AFTER.jar]       (AFTER: target/ordo.jar)
#   ROUNDS=10 QUOTES=500 bench/promise-compare.sh /tmp/ordo-before.jar
# Make BEFORE.jar from an older commit: git worktree add /tmp/before <commit> && (cd /tmp/before &&
# ./mvnw -B -q -DskipTests package) && cp /tmp/before/target/ordo.jar /tmp/ordo-before.jar. Both builds must
# accept the same schema (the older one is started first and migrates the database).
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
BEFORE_JAR=${1:?usage: bench/promise-compare.sh BEFORE.jar [AFTER.jar]}
AFTER_JAR=${2:-$ROOT/target/ordo.jar}
ROUNDS=${ROUNDS:-6}
QUOTES=${QUOTES:-500}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
export START_TIMEOUT_S=${START_TIMEOUT_S:-900}
export ORDO_DEMO_DATA=false
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
A_PID= B_PID=
finish() {
  local pid
  for pid in $A_PID $B_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $A_PID $B_PID; do wait "$pid" 2>/dev/null || true; done
  stop_postgres
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap finish EXIT
PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=2000" start_postgres
"$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -c "CREATE EXTENSION pg_stat_statements"
psql_at() { "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -At -c "$1"; }

# the older build first, alone: it migrates the empty database; then the newer one
mkdir -p "$WORK/before" "$WORK/after"
cp "$BEFORE_JAR" "$WORK/before/ordo.jar"
cp "$AFTER_JAR" "$WORK/after/ordo.jar"
A_PORT=$(free_port 18200)
SERVER_PORT=$A_PORT ORDO_DATA_DIR=$WORK/before ORDO_BOOTSTRAP_API_KEY=$KEY java ${ORDO_JAVA_OPTS:--Xmx768m} \
  -jar "$WORK/before/ordo.jar" >> "$WORK/before.log" 2>&1 &
A_PID=$!
await_node "http://127.0.0.1:$A_PORT" "$A_PID" before
B_PORT=$(free_port 18600)
SERVER_PORT=$B_PORT ORDO_DATA_DIR=$WORK/after ORDO_BOOTSTRAP_API_KEY=$KEY java ${ORDO_JAVA_OPTS:--Xmx768m} \
  -jar "$WORK/after/ordo.jar" >> "$WORK/after.log" 2>&1 &
B_PID=$!
await_node "http://127.0.0.1:$B_PORT" "$B_PID" after

BASE=http://127.0.0.1:$A_PORT
register_location BER
prefix=PC-$(date +%s)-
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

OURS="dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo') AND query !~ 'pg_stat_statements'"
declare -A CPU=([before]=0 [after]=0) CALLS=([before]=0 [after]=0) ROWS=([before]=0 [after]=0) N=([before]=0 [after]=0)
round() { # round NAME PORT PID ROUND: QUOTES quotes (and the driver's warm-up of a fifth as many) to one build
  local name=$1 port=$2 pid=$3 r=$4 cpu0 cpu1 stats
  psql_at "SELECT pg_stat_statements_reset()" > /dev/null
  cpu0=$(cpu_ms "$pid")
  java "$BENCH/ReadLatency.java" "http://127.0.0.1:$port" "$KEY" "$QUOTES" "$WORK/$name-$r.json" \
    "promise-get=@$paths" > "$WORK/$name-$r.txt"
  cpu1=$(cpu_ms "$pid")
  stats=$(psql_at "SELECT coalesce(sum(calls), 0) || ' ' || coalesce(sum(rows), 0) FROM pg_stat_statements WHERE $OURS")
  # the statements by calls per quote, kept from the build's last round: a quote's own statements come in whole
  # numbers per quote (or per sixth, the backordered SKU's), the scheduled jobs' polling in fractions
  "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -At -F ' | ' -c "
    SELECT to_char(calls::numeric / $(( QUOTES + QUOTES / 5 )), 'FM990.000'),
           left(regexp_replace(query, '\s+', ' ', 'g'), 110)
    FROM pg_stat_statements WHERE $OURS ORDER BY calls DESC, query LIMIT 25" > "$WORK/$name-statements.txt"
  CPU[$name]=$(( ${CPU[$name]} + cpu1 - cpu0 ))
  CALLS[$name]=$(( ${CALLS[$name]} + ${stats% *} ))
  ROWS[$name]=$(( ${ROWS[$name]} + ${stats#* } ))
  N[$name]=$(( ${N[$name]} + QUOTES + QUOTES / 5 ))
  printf '  round %d %-6s %7.2f ms CPU/quote %6.2f statements/quote  (%s)\n' "$r" "$name" \
    "$(awk -v c=$(( cpu1 - cpu0 )) -v n=$(( QUOTES + QUOTES / 5 )) 'BEGIN { print c / n }')" \
    "$(awk -v c="${stats% *}" -v n=$(( QUOTES + QUOTES / 5 )) 'BEGIN { print c / n }')" \
    "$(awk 'NR == 2 { print "p50 " $3 " ms, p95 " $4 " ms" }' "$WORK/$name-$r.txt")"
}
echo "Warm-up of both builds ..."
round before "$A_PORT" "$A_PID" 0 > /dev/null
round after "$B_PORT" "$B_PID" 0 > /dev/null
CPU=([before]=0 [after]=0) CALLS=([before]=0 [after]=0) ROWS=([before]=0 [after]=0) N=([before]=0 [after]=0)
echo "$ROUNDS rounds of $QUOTES quotes per build, alternating (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 )); then
    round before "$A_PORT" "$A_PID" "$r"; round after "$B_PORT" "$B_PID" "$r"
  else
    round after "$B_PORT" "$B_PID" "$r"; round before "$A_PORT" "$A_PID" "$r"
  fi
done
echo
echo "Per GET quote over all rounds (load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
for name in before after; do
  awk -v c="${CPU[$name]}" -v s="${CALLS[$name]}" -v w="${ROWS[$name]}" -v n="${N[$name]}" -v name="$name" 'BEGIN {
    printf "  %-6s %6.2f ms JVM CPU, %5.2f SQL statements, %6.1f rows\n", name, c / n, s / n, w / n }'
done
awk -v a="${CPU[after]}" -v b="${CPU[before]}" -v na="${N[after]}" -v nb="${N[before]}" 'BEGIN {
  printf "  JVM CPU per quote, after / before: %.2f\n", (a / na) / (b / nb) }'
for name in before after; do
  echo
  echo "Statements of $name's last round, calls per quote:"
  sed 's/^/  /' "$WORK/$name-statements.txt"
done
cat > "$OUT/promise-compare.json" <<JSON
{"rounds": $ROUNDS, "quotes": $QUOTES,
 "before": {"cpuMs": ${CPU[before]}, "statements": ${CALLS[before]}, "rows": ${ROWS[before]}, "quotes": ${N[before]}},
 "after": {"cpuMs": ${CPU[after]}, "statements": ${CALLS[after]}, "rows": ${ROWS[after]}, "quotes": ${N[after]}}}
JSON
