#!/usr/bin/env bash
# Before and after on a shared machine: runs two builds of Ordo alternately, ROUNDS times each, and for each run
# places orders (P1) at CLIENTS clients and right after it runs the raw-SQL floor (bench/floor.sql) at the same
# concurrency against the same database, then times the order detail one request at a time. Each run is one
# fresh Ordo (java -jar, embedded PostgreSQL) on its own data directory, warmed up first. Medians per build.
#   bench/compare.sh OLD.jar NEW.jar
#   ROUNDS=3 CLIENTS=16 SECONDS_PER_RUN=15 WARMUP_S=20 SKUS=100 DETAIL_REPS=300 bench/compare.sh OLD.jar NEW.jar
# One build against itself with other settings: OLD_OPTS and NEW_OPTS are JVM options for each side, e.g.
#   OLD_OPTS=-Dordo.db.pool-size=20 NEW_OPTS=-Dordo.db.pool-size=8 bench/compare.sh target/ordo.jar target/ordo.jar
# Results: target/bench/compare.txt (one line per run) and the medians on stdout.
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
OLD=$(realpath "$1"); NEW=$(realpath "$2")
ROUNDS=${ROUNDS:-3} CLIENTS=${CLIENTS:-16} SECONDS_PER_RUN=${SECONDS_PER_RUN:-15} WARMUP_S=${WARMUP_S:-20}
NSKUS=${SKUS:-100} DETAIL_REPS=${DETAIL_REPS:-300}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
PGBENCH=$(pg_tool pgbench)
RESULTS=$OUT/compare.txt
: > "$RESULTS"
trap cleanup EXIT
trap 'echo "bench/compare.sh: failed at line $LINENO" >&2' ERR

one_run() { # $1 label, $2 jar, $3 JVM options
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-compare.XXXXXX")
  cp "$2" "$WORK/ordo.jar"
  PORT=
  ORDO_JAVA_OPTS=$3 start_ordo
  local i
  for i in $(seq 1 100); do await_ready && break; done  # demo data (location BER) loaded; slow on a busy machine
  local prefix=C-$(date +%s%N)- list i
  stock_bench_articles "$prefix" "$NSKUS"
  list=$SKU_LIST
  java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$list" "$CLIENTS" "$WARMUP_S" 3 > /dev/null || true
  # the floor takes its customers from the 500 the orders create (found by e-mail after that)
  for i in $(seq 1 20); do
    [ "$(sql "SELECT count(*) FROM customer WHERE email LIKE 'bench%@example.com'")" -lt 500 ] || break
    java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$list" "$CLIENTS" 5 3 > /dev/null || true
  done
  local load0 p1 tps ratio
  load0=$(cut -d' ' -f1 /proc/loadavg)
  java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$list" "$CLIENTS" "$SECONDS_PER_RUN" 3 "$WORK/p1.json" > /dev/null \
    || echo "$1: P1 had errors" >&2
  "$PGBENCH" -h 127.0.0.1 -p "$(pg_port)" -U ordo -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" \
    -f "$BENCH/floor.sql" -D prefix="$prefix" -D nskus="$NSKUS" -D loc="$(sql "SELECT id FROM location WHERE code = 'BER'")" \
    ordo > "$WORK/floor.txt" 2>&1 || { cat "$WORK/floor.txt" >&2; return 1; }
  sql "SELECT '/api/v1/orders/' || id FROM customer_order ORDER BY random() LIMIT 200" > "$WORK/details.txt"
  java "$BENCH/ReadLatency.java" "$BASE" "$KEY" "$DETAIL_REPS" "$WORK/detail.json" "detail=@$WORK/details.txt" \
    > /dev/null || echo "$1: detail had errors" >&2
  p1=$(grep -o '"ordersPerSecond": [0-9.]*' "$WORK/p1.json" | cut -d' ' -f2)
  tps=$(awk '/^tps = / {printf "%.1f", $3}' "$WORK/floor.txt")
  ratio=$(awk -v a="$p1" -v b="$tps" 'BEGIN {printf "%.2f", a / b}')
  echo "$1 p1=$p1 p95=$(grep -o '"p95Ms": [0-9.]*' "$WORK/p1.json" | head -1 | cut -d' ' -f2) floor=$tps ratio=$ratio" \
       "detail_p50=$(grep -o '"p50Ms": [0-9.]*' "$WORK/detail.json" | head -1 | cut -d' ' -f2)" \
       "detail_p95=$(grep -o '"p95Ms": [0-9.]*' "$WORK/detail.json" | head -1 | cut -d' ' -f2)" \
       "load=$load0-$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RESULTS"
  stop_ordo
  rm -rf "$WORK"; WORK=
}

for r in $(seq 1 "$ROUNDS"); do
  one_run old "$OLD" "${OLD_OPTS:-}"
  one_run new "$NEW" "${NEW_OPTS:-}"
done
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
for v in old new; do
  line="$v medians:"
  for f in p1 p95 floor ratio detail_p50 detail_p95; do
    line="$line $f=$(grep "^$v " "$RESULTS" | grep -o " $f=[0-9.]*" | cut -d= -f2 | median)"
  done
  echo "$line"
done
