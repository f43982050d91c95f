#!/usr/bin/env bash
#| # A tour of Ordo
#|
#| One order from placement to delivery, through the HTTP API, on the demo data: stock comes in at two
#| warehouses, a card order is placed and split over both, the payment provider authorizes it, the
#| warehouses pick, pack and ship, the carriers report delivery, the provider captures the money, and the
#| order is complete, invoiced and told to the customer. A second order is paid by bank transfer and then
#| cancelled. Every step checks its answer, and no step relies on an id or order number it did not read
#| from an earlier answer, so the tour runs on any demo database, as often as you like.
#|
#| This page is generated from [`docs/tour.sh`](tour.sh), and `TourIntegrationTests` runs that script
#| against a fresh demo database in `./mvnw verify`, so the tour cannot drift from what Ordo does
#| (`TourDocumentTests` fails when this page and the script differ; `-Dordo.tour.write=true` rewrites it).
#| The API pages under [api/](api/README.md) describe each call in full.
#|
#| ## Running it
#|
#| Start Ordo with the two webhook secrets (the tour signs the provider's and the carriers' webhooks like
#| they do), and run the script in a second shell. It needs `bash`, `curl`, `jq` and `openssl`:
#|
#| ```sh
#| ORDO_PAYMENT_WEBHOOK_SECRET=whsec_demo ORDO_SHIPPING_WEBHOOK_SECRET=trk_demo ./mvnw spring-boot:run
#| ORDO_PAYMENT_WEBHOOK_SECRET=whsec_demo ORDO_SHIPPING_WEBHOOK_SECRET=trk_demo docs/tour.sh
#| ```
#|
#| `ORDO_URL` (default `http://localhost:8080`), `ORDO_API_KEY` (default: `data/admin-api-key`) and
#| `ORDO_ADMIN_PASSWORD` (default: `data/admin-password`) say where Ordo is. The script prints each step
#| and stops at the first answer that is not what the tour expects.
#|
#| ## The helpers
#|
#| `call STATUS METHOD PATH [BODY] [curl options]` sends a request with the admin key and prints the
#| answer; any other status than `STATUS` ends the tour. `check JSON FILTER` ends it unless the `jq`
#| filter is true. `eventually` repeats a check for a few seconds, for what Ordo does just after a
#| commit (download links, invoices, messages). `sign` makes a webhook signature.
set -euo pipefail
DATA=${ORDO_DATA_DIR:-data}
BASE=${ORDO_URL:-http://localhost:8080}
ORDO=$BASE/api/v1
KEY=${ORDO_API_KEY:-$(cat "$DATA/admin-api-key")}
AUTH="Authorization: Bearer $KEY"
JSON='Content-Type: application/json'
RUN=$(date +%s)$RANDOM                     # makes this run's SKU, keys and tracking numbers unique
: "${ORDO_PAYMENT_WEBHOOK_SECRET:?start Ordo and this script with ORDO_PAYMENT_WEBHOOK_SECRET}"
: "${ORDO_SHIPPING_WEBHOOK_SECRET:?start Ordo and this script with ORDO_SHIPPING_WEBHOOK_SECRET}"

step() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'TOUR FAILED: %s\n' "$*" >&2; exit 1; }
call() {
  local expect=$1 method=$2 path=$3 body=${4:-} out status
  shift $(( $# < 4 ? $# : 4 ))
  out=$(mktemp)
  status=$(curl -sS --max-time 30 -o "$out" -w '%{http_code}' -X "$method" -H "${CALL_AUTH:-$AUTH}" -H "$JSON" \
    ${body:+--data-binary "$body"} "$@" "$ORDO$path") || fail "$method $path: no answer"
  [ "$status" = "$expect" ] || fail "$method $path answered $status, expected $expect: $(cat "$out")"
  cat "$out"; rm -f "$out"
}
check() { jq -e "$2" >/dev/null <<<"$1" || fail "expected $2 in: $(head -c 2000 <<<"$1")"; printf '   ok: %s\n' "$2" >&2; }
eventually() {    # eventually PATH FILTER: GET PATH until FILTER holds, for up to 20 s
  local answer
  for _ in $(seq 1 100); do
    answer=$(call 200 GET "$1")
    if jq -e "$2" >/dev/null <<<"$answer"; then printf '   ok: %s\n' "$2" >&2; printf '%s' "$answer"; return; fi
    sleep 0.2
  done
  fail "GET $1: never $2: $answer"
}
sign() { local t; t=$(date +%s); printf 't=%s,v1=%s' "$t" "$(printf '%s.%s' "$t" "$2" | openssl dgst -sha256 -hmac "$1" | awk '{print $NF}')"; }

#| ## The demo
#|
#| Three warehouses; a lower `priority` ships first.
step "the demo's warehouses"
LOCATIONS=$(call 200 GET /locations)
check "$LOCATIONS" '[.[].code] | index("BER") != null and index("HAM") != null'

#| ## An article, and stock in two warehouses
#|
#| A floor lamp at a gross price (19 % VAT included). Four come in at Berlin, three at Hamburg.
step "register an article"
SKU=LAMP-FLOOR-$RUN
ARTICLE=$(call 201 POST /articles '{"sku":"'$SKU'","type":"PHYSICAL","name":{"en":"Floor lamp","de":"Stehlampe"},
  "price":{"amount":"89.90","currency":"EUR"},"taxRate":"19","priceIncludesTax":true,"weightGrams":4200}')
check "$ARTICLE" '.sku | startswith("LAMP-FLOOR-")'

step "receive it in Berlin and Hamburg"
call 201 POST /inventory/receipts '{"sku":"'$SKU'","location":"BER","quantity":4,"reference":"PO-2001"}' >/dev/null
call 201 POST /inventory/receipts '{"sku":"'$SKU'","location":"HAM","quantity":3,"reference":"PO-2001"}' >/dev/null
STOCK=$(call 200 GET /inventory/$SKU)
check "$STOCK" '.onHand == 7 and .reserved == 0 and .available == 7'

#| ## Placing an order
#|
#| The client sends what was bought; the server prices it from the catalog and reserves stock in the same
#| transaction. No warehouse has five lamps, so the lamps are split: four from Berlin, one from Hamburg.
#| The `Idempotency-Key` makes a retry safe: the same key and body give the same order again.
step "place a card order"
ORDER_BODY='{"channel":"web","externalRef":"SHOP-'$RUN'",
  "customer":{"email":"anna.berg@example.com","name":"Anna Berg","locale":"de"},
  "shippingAddress":{"name":"Anna Berg","street":"Ringstr. 4","postalCode":"50667","city":"Köln","country":"DE"},
  "currency":"EUR","paymentMethod":"card",
  "lines":[{"sku":"'$SKU'","quantity":5},{"sku":"MUG-CLASSIC","quantity":2},{"sku":"EBOOK-COFFEE","quantity":1}]}'
ORDER=$(call 201 POST /orders "$ORDER_BODY" -H "Idempotency-Key: tour-$RUN")
ID=$(jq -r .id <<<"$ORDER")
NUMBER=$(jq -r .number <<<"$ORDER")
check "$ORDER" '.status == "OPEN" and .paymentStatus == "PENDING" and .fulfillmentStatus == "UNFULFILLED"'
check "$ORDER" '.totals.gross.amount == "486.50" and .totals.net.amount == "409.95" and .totals.tax.amount == "76.55"'
check "$ORDER" '[.reservations[] | select(.lineNo == 1) | {location, quantity}] | sort_by(.location)
  == [{"location":"BER","quantity":4},{"location":"HAM","quantity":1}]'
check "$ORDER" '.releasedAt == null'

step "the same request again is the same order"
AGAIN=$(call 201 POST /orders "$ORDER_BODY" -H "Idempotency-Key: tour-$RUN")
check "$AGAIN" ".id == \"$ID\""

#| ## The queue
#|
#| Every order from every channel, earliest promise first; `q` finds one by number, reference or e-mail.
step "find it in the queue"
QUEUE=$(call 200 GET "/orders?q=$NUMBER")
check "$QUEUE" "[.items[].id] == [\"$ID\"]"

#| ## The payment provider authorizes the card
#|
#| The provider's webhook needs no API key: its signature proves the sender. Authorized in full, the order
#| is released to the warehouse, and its digital line gets a download link.
step "the provider's webhook: authorized"
EVENT='{"id":"evt_auth_'$RUN'","type":"payment_intent.amount_capturable_updated","data":{"object":{"id":"pi_'$RUN'",
  "amount_capturable":48650,"currency":"eur","metadata":{"order_id":"'$NUMBER'"}}}}'
HOOK=$(call 200 POST /payments/webhooks/stripe "$EVENT" -H "Stripe-Signature: $(sign "$ORDO_PAYMENT_WEBHOOK_SECRET" "$EVENT")")
check "$HOOK" '.status == "processed"'
ORDER=$(call 200 GET /orders/$ID)
check "$ORDER" '.paymentStatus == "AUTHORIZED" and .fulfillmentStatus == "RELEASED" and .releasedAt != null'
eventually /orders/$ID/downloads 'length == 1 and .[0].sku == "EBOOK-COFFEE"' >/dev/null

#| ## Picking, packing and shipping, in each warehouse that holds goods for it
#|
#| A warehouse key (role `WAREHOUSE`) makes a pick list per warehouse. The picker confirms each of the
#| order's lines with the SKU scanned and the quantity found; the goods are packed into a parcel and handed
#| to a carrier with a tracking number.
step "a key for the warehouse"
WH="Authorization: Bearer $(call 201 POST /api-keys '{"name":"scanner-'$RUN'","role":"WAREHOUSE"}' | jq -r .key)"

CARRIERS=(DHL DPD)
n=0
for LOCATION in $(jq -r '[.reservations[] | select(.status == "ACTIVE") | .location] | unique | .[]' <<<"$ORDER"); do
  step "pick, pack and ship at $LOCATION"
  LIST=$(CALL_AUTH=$WH call 201 POST /fulfillment/pick-lists '{"location":"'$LOCATION'","maxOrders":500}')
  LINES=$(jq -c "[.lines[] | select(.orderId == \"$ID\")]" <<<"$LIST")
  check "$LINES" 'length > 0'
  for LINE in $(jq -c '.[]' <<<"$LINES"); do
    PICKED=$(CALL_AUTH=$WH call 200 POST "/fulfillment/pick-lists/$(jq -r .id <<<"$LIST")/lines/$(jq -r .lineNo <<<"$LINE")/pick" \
      "$(jq -c '{sku, quantity}' <<<"$LINE")")
    check "$PICKED" "[.lines[] | select(.lineNo == $(jq .lineNo <<<"$LINE")) | .status] == [\"PICKED\"]"
  done
  ITEMS=$(jq -c '[.[] | {lineNo: .orderLineNo, quantity}]' <<<"$LINES")
  PARCELS=$(CALL_AUTH=$WH call 201 POST /fulfillment/orders/$ID/parcels \
    '{"location":"'$LOCATION'","parcels":[{"weightGrams":4500,"items":'"$ITEMS"'}]}')
  PARCEL=$(jq -r "[.[] | select(.location == \"$LOCATION\" and .status == \"PACKED\")][0].id" <<<"$PARCELS")
  SHIPMENT=$(CALL_AUTH=$WH call 201 POST /fulfillment/orders/$ID/shipments \
    '{"parcels":["'$PARCEL'"],"carrier":"'${CARRIERS[$n]}'","trackingNumber":"TOUR'$RUN$n'"}')
  check "$SHIPMENT" '.status == "SHIPPED" and (.trackingUrl | startswith("https://"))'
  n=$((n + 1))
done
ORDER=$(call 200 GET /orders/$ID)
check "$ORDER" '.fulfillmentStatus == "SHIPPED" and ([.lines[] | select(.type == "PHYSICAL") | .shipped == .quantity] | all)'

#| The first shipment invoices the order (a moment after it commits):
eventually /orders/$ID/invoices 'length == 1 and .[0].gross.amount == "486.50"' >/dev/null

#| ## The carriers report delivery; the provider captures the money
#|
#| Tracking events come through a signed webhook as well. Delivered and paid, the order is complete.
step "tracking: delivered"
for SHIPPED in $(call 200 GET /orders/$ID/shipments | jq -c '.[] | {carrier, trackingNumber}'); do
  EVENT=$(jq -c --arg id "trk-$RUN-$(jq -r .carrier <<<"$SHIPPED")" '. + {eventId: $id, status: "delivered"}' <<<"$SHIPPED")
  TRACKED=$(call 200 POST /shipping/webhooks/tracking "$EVENT" \
    -H "X-Ordo-Signature: $(sign "$ORDO_SHIPPING_WEBHOOK_SECRET" "$EVENT")")
  check "$TRACKED" '.status == "processed"'
done
check "$(call 200 GET /orders/$ID)" '.fulfillmentStatus == "DELIVERED"'

step "the provider's webhook: captured"
EVENT='{"id":"evt_capture_'$RUN'","type":"payment_intent.succeeded","data":{"object":{"id":"pi_'$RUN'",
  "amount_received":48650,"currency":"eur","metadata":{"order_id":"'$NUMBER'"}}}}'
call 200 POST /payments/webhooks/stripe "$EVENT" -H "Stripe-Signature: $(sign "$ORDO_PAYMENT_WEBHOOK_SECRET" "$EVENT")" >/dev/null
ORDER=$(call 200 GET /orders/$ID)
check "$ORDER" '.status == "COMPLETED" and .paymentStatus == "PAID" and .paid.amount == "486.50"'

#| The timeline records every change, with who, when, from, to and why:
check "$ORDER" '[.timeline[] | .to] | index("AUTHORIZED") < index("PAID") and .[-1] == "COMPLETED"'

#| The customer heard of it in their language (messages are kept, and readable, until an SMTP server is set):
eventually /orders/$ID/messages '[.[].kind] | index("ORDER_CONFIRMATION") != null and index("SHIPPING_NOTICE") != null' >/dev/null

#| ## A bank transfer, and a cancellation
#|
#| A prepayment order waits until the transfer arrives. Cancelled after payment, its reservation is
#| released and a refund is recorded for a person to carry out (or sent to the provider, when configured).
step "a prepayment order"
SECOND=$(call 201 POST /orders '{"channel":"phone","customer":{"email":"max.weber@example.com","name":"Max Weber"},
  "shippingAddress":{"name":"Max Weber","street":"Marktplatz 3","postalCode":"80331","city":"München","country":"DE"},
  "currency":"EUR","paymentMethod":"prepayment","lines":[{"sku":"'$SKU'","quantity":1}]}' -H "Idempotency-Key: tour-$RUN-2")
SECOND_ID=$(jq -r .id <<<"$SECOND")
check "$SECOND" '.releasedAt == null and .totals.gross.amount == "89.90"'
PAID=$(call 201 POST /payments/bank-transfers \
  '{"order":"'"$(jq -r .number <<<"$SECOND")"'","amount":{"amount":"89.90","currency":"EUR"},"reference":"transfer '$RUN'"}')
check "$PAID" '.paymentStatus == "PAID" and .balance.amount == "0.00"'
check "$(call 200 GET /orders/$SECOND_ID)" '.fulfillmentStatus == "RELEASED"'

step "cancel it"
CANCELLED=$(call 200 POST /orders/$SECOND_ID/cancel '{"reason":"customer changed their mind"}')
check "$CANCELLED" '.status == "CANCELLED" and ([.reservations[].status] | all(. == "RELEASED"))'
eventually /orders/$SECOND_ID/payments '[.payments[] | select(.kind == "REFUND") | .status] == ["REQUESTED"]' >/dev/null

#| ## The stock and its ledger
#|
#| Five lamps left, one came back: two are on hand in Hamburg, none reserved. Every change is a ledger row.
step "stock and ledger"
STOCK=$(call 200 GET /inventory/$SKU)
check "$STOCK" '.onHand == 2 and .reserved == 0'
LEDGER=$(call 200 GET "/inventory/$SKU/movements?limit=100")
check "$LEDGER" '([.items[].onHandDelta] | add) == 2 and ([.items[].kind] | unique) == ["ISSUE","RECEIPT","RELEASE","RESERVATION"]'

#| ## The back office, from a script
#|
#| People log in with a user name and password; forms carry a CSRF token. Log in once, keep the session
#| cookie, and read a dashboard figure as CSV:
step "log in to the back office"
PASSWORD=${ORDO_ADMIN_PASSWORD:-$(cat "$DATA/admin-password")}
JAR=$(mktemp)
CSRF=$(curl -sS -c "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
[ -n "$CSRF" ] || fail "no CSRF token on the login page"
curl -sS -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"
CSV=$(curl -sS -f -b "$JAR" "$BASE/dashboard/orders-per-day.csv") || fail "the dashboard's CSV needs a login"
rm -f "$JAR"
[ "$(head -1 <<<"$CSV" | tr -d '\r')" = "day,channel,orders" ] || fail "unexpected CSV: $CSV"
printf '   ok: %s\n' "orders per day as CSV" >&2

#| ## The invariants still hold
#|
#| The checker compares stock with its ledger, reservations with levels, orders with their timelines.
step "check the invariants"
check "$(call 200 GET /admin/invariants)" '.ok == true'

printf '\nThe tour ran: %s placed, shipped from two warehouses, delivered, paid and invoiced.\n' "$NUMBER" >&2
