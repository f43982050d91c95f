#!/usr/bin/env bash
# Fault test: kill -9 Ordo in the middle of P1 load and start it again on the same data directory (it takes over
# the embedded PostgreSQL the killed process left running). Then, against the log of every answer the load
# driver got:
#   - every order answered 2xx exists, once, with all its lines reserved by reservations;
#   - every order in the database (answered or not: the kill may come between commit and answer) gets exactly
#     one order confirmation, and no message stays QUEUED or SENDING: events the killed process had not handed
#     on are resubmitted by the restarted one (after a minute; see EventResubmission), none twice, and messages the
#     killed process had claimed (SENDING) are claimed again once their lease has run out (LEASE, default PT30S
#     here, so that this happens within the wait; Ordo's default is five minutes);
#   - the restarted Ordo places orders again;
# and ends with the invariant checker. Loopback only; every wait is bounded.
#   bench/fault-kill.sh
#   CLIENTS=16 KILL_AFTER_S=8 LOAD_S=15 MESSAGE_WAIT_S=240 bench/fault-kill.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CLIENTS=${CLIENTS:-16}
KILL_AFTER_S=${KILL_AFTER_S:-8}
LOAD_S=${LOAD_S:-15}
MESSAGE_WAIT_S=${MESSAGE_WAIT_S:-240}
export REQUEST_TIMEOUT_S=${REQUEST_TIMEOUT_S:-10}
export ORDO_NOTIFICATION_LEASE=${LEASE:-PT30S}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PSQL=$(pg_tool psql)
ensure_jar
trap 'cp "$WORK/ordo.log" "$OUT/fault-kill-ordo.log" 2>/dev/null || true; cleanup' EXIT

PORT=${PORT:-$(free_port 18800)}
start_ordo
await_ready
PREFIX=KILL-$(date +%s)-
stock_load_articles "$PREFIX"
ANSWERS=$WORK/answers.log

echo "Load: $CLIENTS clients for $LOAD_S s; kill -9 after $KILL_AFTER_S s"
java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$CLIENTS" "$LOAD_S" 3 - "$ANSWERS" > "$WORK/load.txt" 2>&1 &
LOAD=$!
sleep "$KILL_AFTER_S"
BEFORE_KILL=$(awk '$2 >= 200 && $2 < 300' "$ANSWERS" | wc -l)
KILLED_PID=$ORDO_PID
kill -9 "$KILLED_PID"
KILLED_AT=$(now_ms)
wait "$KILLED_PID" 2>/dev/null || true
ORDO_PID=
echo "Killed Ordo (pid $KILLED_PID) after $BEFORE_KILL orders answered 2xx"
wait "$LOAD" || true
cat "$WORK/load.txt"

t0=$(now_ms)
start_ordo
echo "Restarted on the same data directory: answering after ${STARTUP_MS} ms ($(( $(now_ms) - KILLED_AT )) ms after the kill)"
await_ready
java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" 4 3 3 - "$WORK/answers-after.log" > "$WORK/load-after.txt" 2>&1 || true
AFTER_RESTART=$(awk '$2 == 201' "$WORK/answers-after.log" | wc -l)
echo "After the restart: $AFTER_RESTART orders placed in 3 s"

verify() { # prints: answered2xx found complete duplicates orders confirmed_once unconfirmed pending incomplete_events
  "$PSQL" -h 127.0.0.1 -p "$(pg_port)" -U ordo -d ordo -X -q -At -F ' ' -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE answered (at bigint, status int, ref text, key text, ms int);
\copy answered FROM '$ANSWERS' WITH (FORMAT text, DELIMITER ' ')
CREATE TEMP TABLE ok AS SELECT DISTINCT ref FROM answered WHERE status BETWEEN 200 AND 299;
WITH found AS (
    SELECT ok.ref, count(o.id) AS orders,
           bool_and(coalesce((SELECT count(*) = 3 AND bool_and(l.reserved = l.quantity) FROM order_line l
                              WHERE l.order_id = o.id), false)
                    AND coalesce((SELECT sum(r.quantity) = 3 FROM reservation r
                                  WHERE r.order_id = o.id AND r.status = 'ACTIVE'), false)) AS complete
    FROM ok LEFT JOIN customer_order o ON o.channel = 'api' AND o.external_ref = ok.ref
    GROUP BY ok.ref),
confirmations AS (
    SELECT o.id, count(m.id) AS n FROM customer_order o
    LEFT JOIN message m ON m.order_id = o.id AND m.kind = 'ORDER_CONFIRMATION'
    WHERE o.external_ref LIKE 'BENCH-%' GROUP BY o.id)
SELECT (SELECT count(*) FROM ok),
       (SELECT count(*) FROM found WHERE orders = 1),
       (SELECT count(*) FROM found WHERE orders = 1 AND complete),
       (SELECT count(*) FROM found WHERE orders > 1),
       (SELECT count(*) FROM confirmations),
       (SELECT count(*) FROM confirmations WHERE n = 1),
       (SELECT count(*) FROM confirmations WHERE n <> 1),
       (SELECT count(*) FROM message WHERE status IN ('QUEUED', 'SENDING')),
       (SELECT count(*) FROM event_publication WHERE completion_date IS NULL);
SQL
}

echo "Waiting (at most $MESSAGE_WAIT_S s) until every order has its confirmation and every event is handled ..."
deadline=$(( $(date +%s) + MESSAGE_WAIT_S ))
while true; do
  read -r ANSWERED FOUND COMPLETE DUPLICATES ORDERS CONFIRMED UNCONFIRMED PENDING INCOMPLETE < <(verify)
  [ "$UNCONFIRMED" = 0 ] && [ "$PENDING" = 0 ] && [ "$INCOMPLETE" = 0 ] && break
  [ "$(date +%s)" -lt "$deadline" ] || break
  sleep 5
done
SETTLED_S=$(( ($(now_ms) - KILLED_AT) / 1000 ))
NOT_ANSWERED=$(( ORDERS - FOUND - AFTER_RESTART ))
echo "Answered 2xx before/around the kill: $ANSWERED; found in the database: $FOUND, with all lines reserved: $COMPLETE, twice: $DUPLICATES"
echo "Orders in the database from the load: $ORDERS ($NOT_ANSWERED committed without the client getting the answer)"
echo "Confirmations: $CONFIRMED orders with exactly one, $UNCONFIRMED without or with more; messages still queued or sending: $PENDING; incomplete events: $INCOMPLETE (${SETTLED_S} s after the kill)"

OK=true
[ "$ANSWERED" -gt 0 ] && [ "$FOUND" = "$ANSWERED" ] && [ "$COMPLETE" = "$ANSWERED" ] && [ "$DUPLICATES" = 0 ] || OK=false
[ "$UNCONFIRMED" = 0 ] && [ "$PENDING" = 0 ] && [ "$INCOMPLETE" = 0 ] && [ "$AFTER_RESTART" -gt 0 ] || OK=false
run_check || OK=false
cat > "$OUT/fault-kill.json" <<JSON
{"answered2xx": $ANSWERED, "found": $FOUND, "complete": $COMPLETE, "duplicates": $DUPLICATES, "ordersInDatabase": $ORDERS,
 "committedWithoutAnswer": $NOT_ANSWERED, "confirmedOnce": $CONFIRMED, "unconfirmed": $UNCONFIRMED, "pendingMessages": $PENDING,
 "incompleteEvents": $INCOMPLETE, "settledSecondsAfterKill": $SETTLED_S, "restartMs": $STARTUP_MS, "placedAfterRestart": $AFTER_RESTART, "ok": $OK}
JSON
if [ "$OK" = true ]; then echo "fault-kill: PASSED"; else echo "fault-kill: FAILED"; exit 1; fi
