#!/usr/bin/env bash
# How much could group commit (several orders in one transaction) gain here? Runs the raw-SQL floor
# (bench/floor.sql: the rows of one order) against Ordo's embedded PostgreSQL two ways and prints orders/s:
#  1. one order per transaction at each concurrency in CLIENTS (what Ordo does now);
#  2. G orders per transaction, for each G in ORDERS_PER_TXN, from one connection: one committer, as a group
#     commit has. Two committers would deadlock, since the orders of one transaction lock their SKUs in no
#     common order (tried: each deadlock costs PostgreSQL's deadlock_timeout, and throughput collapses).
# The statements stay the same; only BEGIN/COMMIT and the commit's WAL flush are shared. The ratio of the best
# grouped rate to the best ungrouped one is the most group commit could give Ordo's database work here.
#   bench/group-commit-bound.sh
#   ORDERS_PER_TXN="2 4 8 16" CLIENTS="1 4 16" SECONDS_PER_RUN=15 SKUS=100 bench/group-commit-bound.sh
# Results: target/bench/group-commit-bound.txt
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
read -r -a GROUP_SIZES <<< "${ORDERS_PER_TXN:-2 4 8 16}"
read -r -a CONCURRENCY <<< "${CLIENTS:-1 4 16}"
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
NSKUS=${SKUS:-100}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
PGBENCH=$(pg_tool pgbench)
RESULTS=$OUT/group-commit-bound.txt
: > "$RESULTS"
trap cleanup EXIT
trap 'echo "bench/group-commit-bound.sh: failed at line $LINENO" >&2' ERR

ensure_jar
start_ordo
for i in $(seq 1 100); do await_ready && break; done
PREFIX=G-$(date +%s)-
stock_bench_articles "$PREFIX" "$NSKUS"
# the floor takes its customers from the 500 that placed orders create (found by e-mail)
for i in $(seq 1 20); do
  [ "$(sql "SELECT count(*) FROM customer WHERE email LIKE 'bench%@example.com'")" -lt 500 ] || break
  java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" 16 5 3 > /dev/null || true
done
LOCATION=$(sql "SELECT id FROM location WHERE code = 'BER'")

# floor.sql without its BEGIN and COMMIT, G times in one transaction.
grouped() { # $1 = G: writes the script and prints its path
  local f=$WORK/floor-$1.sql i
  {
    grep '^\\set' "$BENCH/floor.sql"
    echo 'BEGIN;'
    for i in $(seq 1 "$1"); do
      grep -v '^--\|^\\set\|^BEGIN;$\|^COMMIT;$' "$BENCH/floor.sql"
      # new SKUs and customer for the next order of the group
      [ "$i" -eq "$1" ] || grep '^\\set' "$BENCH/floor.sql"
    done
    echo 'COMMIT;'
  } > "$f"
  echo "$f"
}

floor_run() { # $1 clients, $2 orders per transaction: prints orders/s
  local script out=$WORK/floor-$1-$2.txt tps
  script=$(grouped "$2")
  "$PGBENCH" -h 127.0.0.1 -p "$(pg_port)" -U ordo -n -M prepared -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" \
    -T "$SECONDS_PER_RUN" -f "$script" -D prefix="$PREFIX" -D nskus="$NSKUS" -D loc="$LOCATION" \
    ordo > "$out" 2>&1 || { cat "$out" >&2; return 1; }
  tps=$(awk '/^tps = / {print $3}' "$out")
  awk -v t="$tps" -v g="$2" 'BEGIN {printf "%.1f", t * g}'
}

printf '%-34s %10s %8s\n' "how" "orders/s" "ratio" | tee -a "$RESULTS"
best=0
for c in "${CONCURRENCY[@]}"; do
  o=$(floor_run "$c" 1)
  best=$(awk -v a="$o" -v b="$best" 'BEGIN {print (a > b ? a : b)}')
  printf '%-34s %10s\n' "1 order/txn, $c clients" "$o" | tee -a "$RESULTS"
done
for g in "${GROUP_SIZES[@]}"; do
  o=$(floor_run 1 "$g")
  printf '%-34s %10s %8s\n' "$g orders/txn, one committer" "$o" \
    "$(awk -v a="$o" -v b="$best" 'BEGIN {printf "%.2f", a / b}')" | tee -a "$RESULTS"
done
echo "ratio: orders/s over the best ungrouped rate ($best)" | tee -a "$RESULTS"
run_check
