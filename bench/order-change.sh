#!/usr/bin/env bash
# A change to a 400-line order (docs/order-changes.md): one private Ordo on a fresh data directory, 400 stocked
# articles, one order with a line of each, then REPS changes of one line's quantity one at a time; prints
# p50/p95/p99/max of the change request (the target is p95 under 200 ms, on a quiet machine) and, per change, what
# load does not distort: CPU time of Ordo's JVM and of PostgreSQL, rows read and written (by table), transactions,
# and the event publications with their serialized size.
#   bench/order-change.sh            LINES=400 REPS=200 bench/order-change.sh
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
LINES=${LINES:-400} REPS=${REPS:-200}
PSQL=$(pg_tool psql)
ensure_jar
trap cleanup EXIT
start_ordo
await_ready
stock_bench_articles "CHG-$(date +%s)-" "$LINES"
echo "Ordo $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
counts() { # transactions, rows returned, rows fetched; then per table: inserted, updated, deleted
  sql "SELECT xact_commit + xact_rollback, tup_returned, tup_fetched FROM pg_stat_database WHERE datname = current_database()"
  sql "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables ORDER BY relname"
}
EP0=$(sql "SELECT count(*) FROM event_publication")
counts > "$WORK/counts-0.txt"
CPU0=$(cpu_ms); PG0=$(pg_cpu_ms)
java "$BENCH/ChangeLatency.java" "$BASE" "$KEY" "$SKU_LIST" "$REPS"
CPU1=$(cpu_ms); PG1=$(pg_cpu_ms)
sleep 2 # statistics reach pg_stat_* at the end of each backend's transaction, sent at most every 500 ms
counts > "$WORK/counts-1.txt"
CHANGES=$(sql "SELECT count(*) FROM order_change")
EP=$(sql "SELECT count(*) - $EP0 FROM event_publication")
EP_BYTES=$(sql "SELECT coalesce(round(avg(octet_length(serialized_event))), 0) FROM (SELECT serialized_event FROM event_publication ORDER BY publication_date DESC LIMIT 200) e")
echo "Per change ($CHANGES changes of a $LINES-line order, the one placement included):"
echo "  CPU: Ordo $(( (CPU1 - CPU0) / CHANGES )) ms, PostgreSQL $(( (PG1 - PG0) / CHANGES )) ms"
paste -d' ' <(head -1 "$WORK/counts-0.txt" | tr '|' ' ') <(head -1 "$WORK/counts-1.txt" | tr '|' ' ') \
  | awk -v c="$CHANGES" '{printf "  transactions %.1f, rows returned %.0f, rows fetched %.0f\n", ($4-$1)/c, ($5-$2)/c, ($6-$3)/c}'
echo "  event publications $(awk -v e="$EP" -v c="$CHANGES" 'BEGIN {printf "%.1f", e / c}'), $EP_BYTES bytes serialized each"
echo "  rows written by table (inserted/updated/deleted):"
join -t'|' <(tail -n +2 "$WORK/counts-0.txt" | sort) <(tail -n +2 "$WORK/counts-1.txt" | sort) \
  | awk -F'|' -v c="$CHANGES" '{i=($5-$2)/c; u=($6-$3)/c; d=($7-$4)/c; if (i+u+d > 0.05) printf "    %-24s %6.1f %6.1f %6.1f\n", $1, i, u, d}'
