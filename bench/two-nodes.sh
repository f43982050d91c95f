#!/usr/bin/env bash
# Two Ordo processes (nodes A and B) on one PostgreSQL and nothing else shared: each its own data directory and
# port, both started at the same moment on an empty database (Flyway runs once; with DEMO_DATA=true the demo data
# is loaded once as well), a mail
# server (bench/SmtpSink.java) that records every mail it receives. Then, with requests going alternately to
# both nodes, as a load balancer would send them:
#   - P1 order placement from CLIENTS clients per node for LOAD_S seconds;
#   - a flash sale: one SKU with FLASH_STOCK units, 16 clients on each node at once;
#   - a story, ROUNDS times: four prepayment orders, three paid by bank transfer on the other node, a pick list,
#     each line picked, each paid order packed and shipped (node by node, in turn); the fourth stays unpaid
#     and is due for a payment reminder after ORDO_PAYMENT_REMINDER_AFTER (PT20S here);
#   - back-office sessions: logged in on one node, used on the other;
# and kill -9 of node A after KILL_AFTER_S seconds (requests it refuses go to B, like a load balancer's retry of
# a refused connection). After the messages have settled (the killed node's claimed mails are claimed again after
# LEASE, its unhandled events resubmitted by B after a minute) it shows, or fails:
#   - no oversell: the flash sale placed exactly FLASH_STOCK units, no stock level has more reserved than on hand;
#   - every order answered 2xx exists once with its reservations; every order of the run has exactly one
#     confirmation; no message stays QUEUED or SENDING; every SENT mail arrived, none twice (a mail the killed node
#     was sending when it died may arrive twice: delivery is at least once; the script counts those apart: each
#     node mails through its own port of the sink, so a mail counts as in flight on the killed node when its first
#     copy came from A within the lease before the kill and its one other copy from B);
#   - sessions valid on both nodes, and on B after A died;
#   - the scheduled follow-up job ran once per order on two nodes: each unpaid story order got one reminder;
#   - the invariant checker finds nothing.
# Prints the figures and writes target/bench/two-nodes.json. Loopback only; every wait is bounded.
#   bench/two-nodes.sh
#   CLIENTS=4 LOAD_S=40 KILL_AFTER_S=20 ROUNDS=8 DEMO_DATA=true bench/two-nodes.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CLIENTS=${CLIENTS:-4}
LOAD_S=${LOAD_S:-40}
KILL_AFTER_S=${KILL_AFTER_S:-20}
ROUNDS=${ROUNDS:-8}
FLASH_STOCK=${FLASH_STOCK:-40}
SETTLE_WAIT_S=${SETTLE_WAIT_S:-300}
export REQUEST_TIMEOUT_S=${REQUEST_TIMEOUT_S:-10}
LEASE_S=${LEASE_S:-30}
export ORDO_NOTIFICATION_LEASE=PT${LEASE_S}S
export ORDO_PAYMENT_REMINDER_AFTER=PT20S ORDO_FOLLOW_UP_EVERY=PT2S
# DEMO_DATA=true: both nodes also find the database empty of demo data at once, and one loads it (minutes on 2 cores)
export ORDO_DEMO_DATA=${DEMO_DATA:-false}
ADMIN_PASSWORD=two-nodes-$(date +%s%N)
export ORDO_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD
OUT=$ROOT/target/bench
mkdir -p "$OUT"
ensure_jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
cp "$ROOT/target/ordo.jar" "$WORK/ordo.jar"
export START_TIMEOUT_S=${START_TIMEOUT_S:-900} # two JVMs starting at once on 2 busy cores
A_PID= B_PID= SINK=
finish() {
  cp "$WORK/a.log" "$OUT/two-nodes-a.log" 2>/dev/null || true
  cp "$WORK/b.log" "$OUT/two-nodes-b.log" 2>/dev/null || true
  local pid
  for pid in $A_PID $B_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $A_PID $B_PID; do wait "$pid" 2>/dev/null || true; done
  [ -z "$SINK" ] || { kill "$SINK" 2>/dev/null || true; wait "$SINK" 2>/dev/null || true; }
  stop_postgres
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap finish EXIT

start_postgres
pg_port() { echo "$PGPORT"; }
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT, max_connections=$(sql "SHOW max_connections")"
# one port of the mail sink per node: the sink records which node sent each copy of a mail
SMTP_A=$(free_port 25025)
SMTP_B=$(free_port $(( SMTP_A + 1 )))
java "$BENCH/SmtpSink.java" "$SMTP_A,$SMTP_B" "$WORK/smtp.log" > "$WORK/smtp.out" 2>&1 &
SINK=$!
export ORDO_SMTP_HOST=127.0.0.1

# --- two nodes, started together on the empty database ------------------------------------------------------------
A_PORT=$(free_port 18900)
B_PORT=$(free_port $(( A_PORT + 1 )))
A=http://127.0.0.1:$A_PORT B=http://127.0.0.1:$B_PORT
BASES=("$A" "$B")
t0=$(now_ms)
export ORDO_SMTP_PORT=$SMTP_A; start_node a "$A_PORT"; A_PID=$NODE_PID
export ORDO_SMTP_PORT=$SMTP_B; start_node b "$B_PORT"; B_PID=$NODE_PID
await_node "$A" "$A_PID" a
await_node "$B" "$B_PID" b
echo "Nodes A ($A) and B ($B) ready $(( $(now_ms) - t0 )) ms after both started on the empty database;" \
  "demo data loaded $(grep -c 'Loaded demo data' "$WORK/a.log" "$WORK/b.log" | awk -F: '{s += $2} END {print s}') time(s)"

# --- data ---------------------------------------------------------------------------------------------------------
BASE=$A
register_location BER
RUN=$(date +%s)
PREFIX=TWO-$RUN-
stock_load_articles "$PREFIX"
STORY=STORY-$RUN FLASH=FLASH-$RUN
stock_article "$STORY" 100000
stock_article "$FLASH" "$FLASH_STOCK"
RUN_START=$(sql "SELECT now()")
touch "$WORK/unpaid.txt" "$WORK/smtp.log"

# --- sessions: log in on one node, use the session on the other ---------------------------------------------------
login() { # login BASE JAR
  local csrf
  csrf=$(curl -sS -c "$2" "$1/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -sS -b "$2" -c "$2" -o /dev/null --data-urlencode username=admin --data-urlencode "password=$ADMIN_PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$1/login"
}
page() { # page BASE JAR: the status of a page that needs a login (302 to the login form without one)
  curl -s -o /dev/null -m 10 -w '%{http_code}' -b "$2" "$1/dashboard/orders-per-day.csv" || true
}
login "$A" "$WORK/jar-a"
login "$B" "$WORK/jar-b"
SESSIONS="A->A:$(page "$A" "$WORK/jar-a") A->B:$(page "$B" "$WORK/jar-a") B->B:$(page "$B" "$WORK/jar-b") B->A:$(page "$A" "$WORK/jar-b")"
NO_LOGIN="$(page "$B" /dev/null)"
echo "Back-office sessions (logged in on -> used on: status): $SESSIONS; without a session: $NO_LOGIN"

# --- the story: orders, bank transfers, pick, pack, ship, alternately on both nodes -------------------------------
node_call() { # node_call N METHOD PATH [BODY [curl options]]: to node N % 2; a refused connection goes to the other
  local n=$1 method=$2 path=$3 body=${4:-} code rc base
  shift $(( $# < 4 ? $# : 4 ))
  for base in "${BASES[$(( n % 2 ))]}" "${BASES[$(( (n + 1) % 2 ))]}"; do
    rc=0
    code=$(curl -sS -m 20 -o "$WORK/story.out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $KEY" \
      -H 'Content-Type: application/json' ${body:+-d "$body"} "$@" "$base$path" 2> /dev/null) || rc=$?
    [ "$rc" = 7 ] || break # 7: refused, nothing was sent
  done
  if [ "$rc" != 0 ] || [ "${code:0:1}" != 2 ]; then
    echo "$method $path: curl $rc, HTTP $code $(head -c 300 "$WORK/story.out" 2>/dev/null)" >> "$WORK/story-errors.log"
    return 1
  fi
  cat "$WORK/story.out"
}
story() {
  local r i n=0 k=0 order id number gross list line parcels parcel placed=0 paid=0 picked=0 shipped=0 ids
  for r in $(seq 1 "$ROUNDS"); do
    ids=()
    for i in 1 2 3 4; do
      n=$(( n + 1 ))
      order=$(node_call "$n" POST /api/v1/orders '{"channel":"phone","externalRef":"STORY-'$RUN-$n'",
        "customer":{"email":"story'$n'@example.com","name":"Story Customer","locale":"en"},
        "shippingAddress":{"name":"Story Customer","street":"Ringstr. 4","postalCode":"50667","city":"Köln","country":"DE"},
        "currency":"EUR","paymentMethod":"prepayment","lines":[{"sku":"'$STORY'","quantity":2}]}' \
        -H "Idempotency-Key: story-$RUN-$n") || continue
      placed=$(( placed + 1 ))
      id=$(jq -r .id <<< "$order") number=$(jq -r .number <<< "$order") gross=$(jq -r .totals.gross.amount <<< "$order")
      [ "$i" != 4 ] || { echo "$id" >> "$WORK/unpaid.txt"; continue; }
      node_call $(( n + 1 )) POST /api/v1/payments/bank-transfers '{"order":"'$number'",
        "amount":{"amount":"'$gross'","currency":"EUR"},"reference":"story '$RUN-$n'"}' > /dev/null || continue
      paid=$(( paid + 1 ))
      ids+=("$id")
    done
    list=$(node_call "$r" POST /api/v1/fulfillment/pick-lists '{"location":"BER","maxOrders":500}') || continue
    for line in $(jq -c '.lines[] | select(.status != "PICKED")' <<< "$list"); do
      k=$(( k + 1 ))
      node_call "$k" POST "/api/v1/fulfillment/pick-lists/$(jq -r .id <<< "$list")/lines/$(jq -r .lineNo <<< "$line")/pick" \
        "$(jq -c '{sku, quantity}' <<< "$line")" > /dev/null && picked=$(( picked + 1 )) || true
    done
    for id in "${ids[@]}"; do
      line=$(jq -c "[.lines[] | select(.orderId == \"$id\") | {lineNo: .orderLineNo, quantity}]" <<< "$list")
      [ "$line" != "[]" ] || continue
      n=$(( n + 1 ))
      parcels=$(node_call "$n" POST "/api/v1/fulfillment/orders/$id/parcels" \
        '{"location":"BER","parcels":[{"weightGrams":900,"items":'"$line"'}]}') || continue
      parcel=$(jq -r '[.[] | select(.status == "PACKED")][0].id' <<< "$parcels")
      node_call $(( n + 1 )) POST "/api/v1/fulfillment/orders/$id/shipments" \
        '{"parcels":["'$parcel'"],"carrier":"DHL","trackingNumber":"TWO'$RUN$n'"}' > /dev/null && shipped=$(( shipped + 1 )) || true
    done
  done
  echo "$placed $paid $picked $shipped" > "$WORK/story.txt"
}

# --- load on both nodes; kill -9 of A in the middle ---------------------------------------------------------------
# The load drivers are compiled before the load starts: four drivers compiled from source at once took longer than
# KILL_AFTER_S on a loaded machine, so node A was killed before its driver had sent an order.
mkdir -p "$WORK/drivers"
javac -d "$WORK/drivers" "$BENCH/PlaceOrders.java" "$BENCH/FlashSale.java"
echo "Load: $CLIENTS P1 clients per node for $LOAD_S s, a flash sale of $FLASH_STOCK units from 16 clients per node," \
  "$ROUNDS story rounds; kill -9 of node A after $KILL_AFTER_S s"
java -cp "$WORK/drivers" PlaceOrders "$A" "$KEY" "$SKU_LIST" "$CLIENTS" "$LOAD_S" 3 - "$WORK/answers-a.log" > "$WORK/load-a.txt" 2>&1 &
LOAD_A=$!
java -cp "$WORK/drivers" PlaceOrders "$B" "$KEY" "$SKU_LIST" "$CLIENTS" "$LOAD_S" 3 - "$WORK/answers-b.log" > "$WORK/load-b.txt" 2>&1 &
LOAD_B=$!
java -cp "$WORK/drivers" FlashSale "$A" "$KEY" "$FLASH" "$FLASH_STOCK" 16 300 > "$WORK/flash-a.txt" 2>&1 &
FLASH_A=$!
java -cp "$WORK/drivers" FlashSale "$B" "$KEY" "$FLASH" "$FLASH_STOCK" 16 300 > "$WORK/flash-b.txt" 2>&1 &
FLASH_B=$!
story &
STORY_PID=$!
sleep "$KILL_AFTER_S"
kill -9 "$A_PID"
KILLED_AT=$(now_ms)
wait "$A_PID" 2>/dev/null || true
A_PID=
echo "Killed node A after $KILL_AFTER_S s"
AFTER_KILL="A->B:$(page "$B" "$WORK/jar-a") B->B:$(page "$B" "$WORK/jar-b")"
echo "Sessions on B after A died: $AFTER_KILL"
wait "$LOAD_A" "$LOAD_B" || true
wait "$FLASH_A" "$FLASH_B" || true
wait "$STORY_PID" || true
echo "P1 on node A (killed): $(grep '^P1' "$WORK/load-a.txt" || true)"
echo "P1 on node B:          $(grep '^P1' "$WORK/load-b.txt" || true)"
[ -f "$WORK/story.txt" ] || echo "0 0 0 0" > "$WORK/story.txt"
read -r S_PLACED S_PAID S_PICKED S_SHIPPED < "$WORK/story.txt"
echo "Story: $S_PLACED orders placed, $S_PAID paid, $S_PICKED pick lines picked, $S_SHIPPED shipped;" \
  "$(cat "$WORK/story-errors.log" 2>/dev/null | wc -l) calls failed (on the dying node)"
FLASH_PLACED=$(cat "$WORK/flash-a.txt" "$WORK/flash-b.txt" | grep -o '[0-9]* placed' | awk '{s += $1} END {print s + 0}')
FLASH_LEVEL=$(sql "SELECT on_hand || '/' || reserved FROM stock_level WHERE sku = '$FLASH'")
echo "Flash sale: $FLASH_PLACED placed (answered 201) of $FLASH_STOCK units; stock on hand/reserved: $FLASH_LEVEL"

# --- settle and verify --------------------------------------------------------------------------------------------
cat "$WORK/answers-a.log" "$WORK/answers-b.log" > "$WORK/answers.log"
verify() { # one line of figures, named in the echo below
  "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U ordo -d ordo -X -q -At -F ' ' -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE answered (at bigint, status int, ref text, key text, ms int);
\copy answered FROM '$WORK/answers.log' WITH (FORMAT text, DELIMITER ' ')
CREATE TEMP TABLE received (message_id text, at bigint, port int);
\copy received FROM '$WORK/smtp.log' WITH (FORMAT text, DELIMITER ' ')
CREATE TEMP TABLE unpaid (id uuid);
\copy unpaid FROM '$WORK/unpaid.txt' WITH (FORMAT text)
CREATE TEMP TABLE ok AS SELECT DISTINCT ref FROM answered WHERE status BETWEEN 200 AND 299;
CREATE TEMP TABLE run_orders AS SELECT id FROM customer_order WHERE created_at >= '$RUN_START';
CREATE TEMP TABLE mails AS SELECT '<' || id || '@ordo>' AS message_id, status FROM message WHERE channel = 'EMAIL';
WITH found AS (
    SELECT ok.ref, count(o.id) AS orders,
           bool_and(coalesce((SELECT count(*) = 3 AND bool_and(l.reserved = l.quantity) FROM order_line l
                              WHERE l.order_id = o.id), false)) AS complete
    FROM ok LEFT JOIN customer_order o ON o.channel = 'api' AND o.external_ref = ok.ref
    GROUP BY ok.ref),
confirmations AS (
    SELECT r.id, count(m.id) AS n FROM run_orders r
    LEFT JOIN message m ON m.order_id = r.id AND m.kind = 'ORDER_CONFIRMATION' GROUP BY r.id),
reminders AS (
    SELECT u.id, count(m.id) AS n FROM unpaid u
    LEFT JOIN message m ON m.order_id = u.id AND m.kind = 'PAYMENT_REMINDER' GROUP BY u.id),
arrivals AS (SELECT message_id, count(*) AS n FROM received GROUP BY message_id)
SELECT (SELECT count(*) FROM ok),
       (SELECT count(*) FROM found WHERE orders = 1 AND complete),
       (SELECT count(*) FROM found WHERE orders > 1),
       (SELECT count(*) FROM run_orders),
       (SELECT count(*) FROM confirmations WHERE n = 1),
       (SELECT count(*) FROM confirmations WHERE n <> 1),
       (SELECT count(*) FROM message WHERE status IN ('QUEUED', 'SENDING')),
       (SELECT count(*) FROM event_publication WHERE completion_date IS NULL),
       (SELECT count(*) FROM mails WHERE status = 'SENT'),
       (SELECT count(*) FROM mails m WHERE status = 'SENT' AND NOT EXISTS (SELECT 1 FROM received r WHERE r.message_id = m.message_id)),
       (SELECT count(*) FROM arrivals WHERE n > 1),
       (SELECT count(*) FROM arrivals a
         JOIN LATERAL (SELECT r.at, r.port FROM received r WHERE r.message_id = a.message_id ORDER BY r.at, r.port
                       LIMIT 1) first ON true
         WHERE a.n = 2 AND first.port = $SMTP_A AND first.at >= $KILLED_AT - $LEASE_S * 1000
           AND (SELECT count(*) FROM received r WHERE r.message_id = a.message_id AND r.port = $SMTP_B) = 1),
       (SELECT count(*) FROM reminders WHERE n = 1),
       (SELECT count(*) FROM reminders WHERE n <> 1),
       (SELECT count(*) FROM message m WHERE m.kind = 'PAYMENT_REMINDER' AND m.order_id IN (SELECT id FROM run_orders)),
       (SELECT count(*) FROM stock_level WHERE reserved > on_hand),
       (SELECT count(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id
         WHERE l.sku = '$FLASH' AND o.status <> 'CANCELLED');
SQL
}
echo "Waiting (at most $SETTLE_WAIT_S s) until every message is sent, every event handled, every reminder due is sent ..."
deadline=$(( $(date +%s) + SETTLE_WAIT_S ))
while true; do
  read -r ANSWERED FOUND DUPLICATES ORDERS CONFIRMED UNCONFIRMED PENDING INCOMPLETE SENT LOST TWICE TWICE_AT_KILL \
    REMINDED UNREMINDED REMINDERS OVERSOLD FLASH_LINES < <(verify)
  [ "$UNCONFIRMED" = 0 ] && [ "$PENDING" = 0 ] && [ "$INCOMPLETE" = 0 ] && [ "$UNREMINDED" = 0 ] && break
  [ "$(date +%s)" -lt "$deadline" ] || break
  sleep 5
done
SETTLED_S=$(( ($(now_ms) - KILLED_AT) / 1000 ))
echo "Orders answered 2xx by either node: $ANSWERED; found once with all lines reserved: $FOUND; twice: $DUPLICATES"
echo "Orders of the run in the database: $ORDERS; with exactly one confirmation: $CONFIRMED; without or with more: $UNCONFIRMED"
echo "Mails: $SENT sent; $LOST sent but not received; $TWICE received twice ($TWICE_AT_KILL of them first sent by node A" \
  "within the lease before its kill, then once by B: in flight on the killed node); still queued or sending: $PENDING; incomplete events: $INCOMPLETE (${SETTLED_S} s after the kill)"
echo "Payment reminders (scheduled job on both nodes): $REMINDED unpaid story orders with exactly one, $UNREMINDED without or with more;" \
  "$REMINDERS reminders for the run's orders in all"
echo "Oversell: stock levels with more reserved than on hand: $OVERSOLD; flash-sale units ordered: $FLASH_LINES of $FLASH_STOCK"

OK=true
[ "$ANSWERED" -gt 0 ] && [ "$FOUND" = "$ANSWERED" ] && [ "$DUPLICATES" = 0 ] || { echo "FAILED: orders" >&2; OK=false; }
[ "$UNCONFIRMED" = 0 ] && [ "$PENDING" = 0 ] && [ "$INCOMPLETE" = 0 ] || { echo "FAILED: messages or events" >&2; OK=false; }
[ "$LOST" = 0 ] && [ "$TWICE" = "$TWICE_AT_KILL" ] || { echo "FAILED: mails lost or sent twice" >&2; OK=false; }
[ "$UNREMINDED" = 0 ] && [ "$REMINDED" -gt 0 ] || { echo "FAILED: reminders" >&2; OK=false; }
[ "$OVERSOLD" = 0 ] && [ "$FLASH_LINES" = "$FLASH_STOCK" ] && [ "$FLASH_PLACED" -le "$FLASH_STOCK" ] \
  && [ "$FLASH_LEVEL" = "$FLASH_STOCK/$FLASH_STOCK" ] || { echo "FAILED: oversell" >&2; OK=false; }
[ "$SESSIONS" = "A->A:200 A->B:200 B->B:200 B->A:200" ] && [ "$NO_LOGIN" = 302 ] \
  && [ "$AFTER_KILL" = "A->B:200 B->B:200" ] || { echo "FAILED: sessions" >&2; OK=false; }
[ "$S_SHIPPED" -gt 0 ] || { echo "FAILED: nothing shipped" >&2; OK=false; }
CHECK=clean
ORDO_DATA_DIR=$WORK/b java -jar "$WORK/ordo.jar" check > "$WORK/check.txt" 2>&1 || { CHECK=FINDINGS; OK=false; cat "$WORK/check.txt"; }
echo "Invariant check: $CHECK"
cat > "$OUT/two-nodes.json" <<JSON
{"answered2xx": $ANSWERED, "foundOnce": $FOUND, "duplicates": $DUPLICATES, "ordersOfTheRun": $ORDERS,
 "confirmedOnce": $CONFIRMED, "unconfirmed": $UNCONFIRMED, "pendingMessages": $PENDING, "incompleteEvents": $INCOMPLETE,
 "mailsSent": $SENT, "mailsLost": $LOST, "mailsTwice": $TWICE, "mailsTwiceInFlightAtKill": $TWICE_AT_KILL,
 "remindedOnce": $REMINDED, "unreminded": $UNREMINDED, "oversoldLevels": $OVERSOLD, "flashPlaced": $FLASH_PLACED,
 "flashStock": $FLASH_STOCK, "story": {"placed": $S_PLACED, "paid": $S_PAID, "picked": $S_PICKED, "shipped": $S_SHIPPED},
 "sessions": "$SESSIONS", "sessionsAfterKill": "$AFTER_KILL", "settledSecondsAfterKill": $SETTLED_S, "check": "$CHECK", "ok": $OK}
JSON
if [ "$OK" = true ]; then echo "two-nodes: PASSED"; else echo "two-nodes: FAILED"; exit 1; fi
