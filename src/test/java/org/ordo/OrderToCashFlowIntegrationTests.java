package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.inventory.InventoryManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The order lifecycle as stories: from placement through payment, release, picking, packing and shipping to
 * delivery, with the stock ledger equal to the levels at every step (invariants 1, 3 and 5).
 */
@IntegrationTest
class OrderToCashFlowIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InventoryManagement inventory;

    Api api;
    Api warehouse;
    Warehouse floor;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        warehouse = api.withNewKey("WAREHOUSE");
        floor = new Warehouse(warehouse);
        fixtures = new Fixtures(api);
    }

    private void booksStraight(String... skus) {
        for (String sku : skus) {
            assertThat(inventory.ledgerDiscrepancies(sku)).as("ledger of " + sku).isEmpty();
        }
    }

    private JsonNode order(String id) {
        return expect(api.get("/api/v1/orders/" + id), 200).json();
    }

    private static Map<String, Object> paidBy(String method, Map<String, Object> order) {
        Map<String, Object> copy = new HashMap<>(order);
        copy.put("paymentMethod", method);
        return copy;
    }

    /** Places an EUR order of one line with this payment method; returns its id. */
    private String placed(String paymentMethod, String sku, long quantity) {
        return expect(api.placeOrder(paidBy(paymentMethod, Fixtures.order("EUR", sku, quantity))), 201).json()
                .get("id").asString();
    }

    private Api.Response tracking(String carrier, String trackingNumber, String status) {
        String body = """
                {"eventId":"%s","carrier":"%s","trackingNumber":"%s","status":"%s","at":"%s","description":"scan"}"""
                .formatted(Fixtures.unique("EV"), carrier, trackingNumber, status, Instant.now());
        return api.webhook("/api/v1/shipping/webhooks/tracking", "X-Ordo-Signature", Api.TRACKING_SECRET,
                Instant.now().getEpochSecond(), body);
    }

    @Test
    void cardOrderFromAuthorizationToDelivery() {
        String loc = fixtures.location(1);
        String shirt = fixtures.article("19.99", "EUR", "19");
        String mug = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(shirt, loc, 10);
        fixtures.receive(mug, loc, 10);
        JsonNode placed = expect(api.placeOrder(paidBy("card", Fixtures.order("EUR", shirt, 2, mug, 1))), 201).json();
        String id = placed.get("id").asString();
        assertThat(placed.get("fulfillmentStatus").asString()).isEqualTo("UNFULFILLED");
        assertThat(placed.get("releasedAt").isNull()).isTrue();
        booksStraight(shirt, mug);

        // The provider authorizes the full amount: the order goes to the warehouse.
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.amount_capturable_updated", id,
                "amount_capturable", 6246, "EUR"), 200);
        JsonNode authorized = order(id);
        assertThat(authorized.get("paymentStatus").asString()).isEqualTo("AUTHORIZED");
        assertThat(authorized.get("timeline")).anySatisfy(t -> {
            assertThat(t.get("to").asString()).isEqualTo("AUTHORIZED");
            assertThat(t.get("actor").asString()).isEqualTo("webhook:stripe");
        });
        assertThat(authorized.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");

        JsonNode pickList = floor.pickListAt(loc);
        assertThat(pickList.get("lines")).hasSize(2)
                .allSatisfy(l -> assertThat(l.get("orderId").asString()).isEqualTo(id));
        floor.pickAll(pickList);
        JsonNode stock = api.get("/api/v1/inventory/" + shirt).json();
        assertThat(stock.get("onHand").asLong()).isEqualTo(8);
        assertThat(stock.get("reserved").asLong()).isZero();
        booksStraight(shirt, mug);

        JsonNode shipment = floor.packAndShip(id, loc, "DHL", Map.of(1, 2L, 2, 1L));
        // Shipping the first parcel captures the authorized payment at the provider, once.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FakePaymentProvider.callsFor("pi_" + id))
                .singleElement().satisfies(call -> {
                    assertThat(call.path()).isEqualTo("/v1/payment_intents/pi_" + id + "/capture");
                    assertThat(call.body()).contains("amount_to_capture=6246");
                    assertThat(call.authorization()).isEqualTo("Bearer " + FakePaymentProvider.KEY);
                    assertThat(call.idempotencyKey()).isEqualTo("ordo-capture-" + id);
                }));
        assertThat(shipment.get("trackingUrl").asString())
                .startsWith("https://www.dhl.de/").endsWith(shipment.get("trackingNumber").asString());
        assertThat(order(id).get("fulfillmentStatus").asString()).isEqualTo("SHIPPED");
        assertThat(order(id).get("lines").get(0).get("shipped").asLong()).isEqualTo(2);

        String tracking = shipment.get("trackingNumber").asString();
        expect(tracking("DHL", tracking, "in_transit"), 200);
        expect(tracking("DHL", tracking, "out_for_delivery"), 200);
        assertThat(api.get("/api/v1/orders/" + id + "/shipments").json().get(0).get("status").asString())
                .isEqualTo("OUT_FOR_DELIVERY");
        expect(tracking("DHL", tracking, "delivered"), 200);
        assertThat(order(id).get("fulfillmentStatus").asString()).isEqualTo("DELIVERED");

        // The capture is confirmed: paid and delivered is complete.
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.succeeded", id, "amount_received", 6246,
                "EUR"), 200);
        JsonNode done = order(id);
        assertThat(done.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("timeline")).extracting(t -> t.get("to").asString())
                .containsSubsequence("OPEN", "AUTHORIZED", "RELEASED", "SHIPPED", "DELIVERED", "PAID", "COMPLETED");
        booksStraight(shirt, mug);

        // The customer was told at each step (kept here: the tests configure no SMTP server).
        // The invoice follows the shipment on its own, so it may come before or after the delivery notice.
        JsonNode messages = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/orders/" + id + "/messages").json(), all -> all.size() == 4);
        assertThat(messages).extracting(m -> m.get("kind").asString())
                .containsSubsequence("ORDER_CONFIRMATION", "SHIPPING_NOTICE", "DELIVERY_NOTICE")
                .containsSubsequence("SHIPPING_NOTICE", "INVOICE");
        assertThat(messages.get(1).get("body").asString()).contains(shipment.get("trackingUrl").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/orders/" + id + "/messages").json(),
                all -> java.util.stream.StreamSupport.stream(all.spliterator(), false)
                        .allMatch(m -> m.get("status").asString().equals("KEPT")));
    }

    @Test
    void bankTransferOrderWaitsUntilPaidInFull() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("40.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String id = placed("prepayment", sku, 1);
        String number = order(id).get("number").asString();

        assertThat(warehouse.post("/api/v1/fulfillment/pick-lists", Map.of("location", loc)).status())
                .isEqualTo(409);

        JsonNode partly = expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", number,
                "amount", Map.of("amount", "30.00", "currency", "EUR"), "reference", number + " part")), 201).json();
        assertThat(partly.get("balance").get("amount").asString()).isEqualTo("17.60");
        assertThat(order(id).get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(order(id).get("paid").get("amount").asString()).isEqualTo("30.00");
        assertThat(warehouse.post("/api/v1/fulfillment/pick-lists", Map.of("location", loc)).status())
                .isEqualTo(409);

        String statement = "date;amount;currency;reference\n2026-11-25;20,00;EUR;Rest " + number
                + "\n2026-11-25;99.00;EUR;no order named here\n";
        JsonNode imported = expect(api.postBytes("/api/v1/payments/bank-statements",
                statement.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv"), 200).json();
        assertThat(imported.get("matched")).hasSize(1);
        assertThat(imported.get("unmatched")).hasSize(1);
        assertThat(api.get("/api/v1/inbound-documents/" + imported.get("documentId").asString()).json()
                .get("status").asString()).isEqualTo("REVIEW");

        JsonNode paid = order(id);
        assertThat(paid.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(paid.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        JsonNode summary = api.get("/api/v1/orders/" + id + "/payments").json();
        assertThat(summary.get("balance").get("amount").asString()).isEqualTo("-2.40"); // over-paid, visible
        assertThat(floor.pickListAt(loc).get("lines").get(0).get("orderId").asString()).isEqualTo(id);

        // The same statement imported again books nothing twice.
        JsonNode again = expect(api.postBytes("/api/v1/payments/bank-statements",
                statement.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv"), 200).json();
        assertThat(again.get("matched")).isEmpty();
        assertThat(again.get("unmatched").get(0).get("reason").asString()).contains("already booked");
        // Sending back what was paid too much leaves the order paid in full.
        JsonNode refunded = expect(api.post("/api/v1/payments/refunds", Map.of("order", number,
                "amount", Map.of("amount", "2.40", "currency", "EUR"), "reference", "over-payment")), 201).json();
        assertThat(refunded.get("balance").get("amount").asString()).isEqualTo("0.00");
        assertThat(order(id).get("paymentStatus").asString()).isEqualTo("PAID");
    }

    @Test
    void heldOrdersNeverReachAPickList() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String email = Fixtures.unique("b2b").toLowerCase() + "@example.com";
        String customer = expect(api.post("/api/v1/customers", Map.of("email", email, "name", "Büro Schmidt",
                "type", "BUSINESS", "company", "Büro Schmidt GmbH", "shipBeforePayment", true,
                "creditLimit", "30")), 201).json().get("id").asString();
        Map<String, Object> body = new HashMap<>(paidBy("invoice", Fixtures.order("EUR", sku, 2)));
        body.remove("customer");
        body.put("customerId", customer);
        JsonNode placed = expect(api.placeOrder(body), 201).json();
        String id = placed.get("id").asString();
        assertThat(placed.get("fulfillmentStatus").asString()).isEqualTo("RELEASED"); // terms allow shipping first

        JsonNode held = expect(api.post("/api/v1/orders/" + id + "/hold", Map.of("kind", "FRAUD",
                "reason", "address looks odd")), 200).json();
        assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(held.get("hold").get("kind").asString()).isEqualTo("FRAUD");
        assertThat(held.get("fulfillmentStatus").asString()).isEqualTo("UNFULFILLED");
        assertThat(warehouse.post("/api/v1/fulfillment/pick-lists", Map.of("location", loc)).status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/orders?status=ON_HOLD&q=" + email).json().get("items")).hasSize(1);

        expect(api.post("/api/v1/orders/" + id + "/release-hold", Map.of("reason", "called the customer")), 200);
        assertThat(order(id).get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        assertThat(floor.pickListAt(loc).get("lines").get(0).get("orderId").asString()).isEqualTo(id);

        // Over the credit limit: the next invoice order is held for payment instead of released.
        Map<String, Object> big = new HashMap<>(body);
        big.put("externalRef", Fixtures.unique("SHOP"));
        big.put("lines", List.of(Map.of("sku", sku, "quantity", 1)));
        JsonNode second = expect(api.placeOrder(big), 201).json();
        assertThat(second.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(second.get("hold").get("kind").asString()).isEqualTo("PAYMENT");
        assertThat(second.get("hold").get("reason").asString()).contains("credit limit");
        // A person who releases the hold takes the credit risk: the order goes to the warehouse.
        JsonNode approved = expect(api.post("/api/v1/orders/" + second.get("id").asString() + "/release-hold",
                Map.of("reason", "approved by finance")), 200).json();
        assertThat(approved.get("status").asString()).isEqualTo("OPEN");
        assertThat(approved.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
    }

    @Test
    void aHoldBetweenPickListAndPickKeepsTheGoodsOnTheShelf() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String id = placed("marketplace", sku, 2);
        JsonNode pickList = floor.pickListAt(loc);
        expect(api.post("/api/v1/orders/" + id + "/hold", Map.of("kind", "FRAUD", "reason", "chargeback risk")), 200);

        Api.Response pick = warehouse.post("/api/v1/fulfillment/pick-lists/" + pickList.get("id").asString()
                + "/lines/1/pick", Map.of("sku", sku, "quantity", 2));

        assertThat(pick.status()).isEqualTo(409);
        JsonNode stock = api.get("/api/v1/inventory/" + sku).json();
        assertThat(stock.get("onHand").asLong()).isEqualTo(5);
        assertThat(stock.get("reserved").asLong()).isEqualTo(2);
        booksStraight(sku);
    }

    @Test
    void stockFreedByACancellationFillsBackorders() {
        String loc = fixtures.location(1);
        String book = fixtures.article("PHYSICAL", "14.00", "EUR", "7", true, true);
        fixtures.receive(book, loc, 2);
        String first = placed("prepayment", book, 2);
        String waiting = placed("marketplace", book, 2);
        assertThat(order(waiting).get("lines").get(0).get("backordered").asLong()).isEqualTo(2);

        expect(api.post("/api/v1/orders/" + first + "/cancel", Map.of("reason", "changed mind")), 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                order(waiting).get("lines").get(0).get("reserved").asLong()).isEqualTo(2));
        assertThat(order(waiting).get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        booksStraight(book);
    }

    @Test
    void automaticHoldsForLargeFirstOrdersAndCountryMismatch() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("600.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        JsonNode large = expect(api.placeOrder(paidBy("card", Fixtures.order("EUR", sku, 2))), 201).json();
        assertThat(large.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(large.get("hold").get("kind").asString()).isEqualTo("FRAUD");

        String small = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(small, loc, 5);
        Map<String, Object> abroad = new HashMap<>(Fixtures.order("EUR", small, 1));
        abroad.put("billingAddress", Fixtures.address("Erika Muster", "AT"));
        JsonNode mismatch = expect(api.placeOrder(abroad), 201).json();
        assertThat(mismatch.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(mismatch.get("hold").get("kind").asString()).isEqualTo("ADDRESS");
    }

    @Test
    void splitOrderShipsFromTwoWarehouses() {
        String first = fixtures.location(1);
        String second = fixtures.location(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, first, 2);
        fixtures.receive(sku, second, 3);
        String id = placed("marketplace", sku, 5);
        assertThat(order(id).get("fulfillmentStatus").asString()).isEqualTo("RELEASED"); // paid on the marketplace

        floor.pickAll(floor.pickListAt(first));
        floor.packAndShip(id, first, "DPD", Map.of(1, 2L));
        assertThat(order(id).get("fulfillmentStatus").asString()).isEqualTo("PARTIALLY_SHIPPED");
        floor.pickAll(floor.pickListAt(second));
        floor.packAndShip(id, second, "GLS", Map.of(1, 3L));
        assertThat(order(id).get("fulfillmentStatus").asString()).isEqualTo("SHIPPED");
        assertThat(api.get("/api/v1/orders/" + id + "/shipments").json()).hasSize(2);
        booksStraight(sku);
    }

    @Test
    void receivedStockFillsBackordersEarliestPromiseFirst() {
        String loc = fixtures.location(1);
        String book = fixtures.article("PHYSICAL", "14.00", "EUR", "7", true, true);
        Map<String, Object> later = new HashMap<>(paidBy("marketplace", Fixtures.order("EUR", book, 2)));
        later.put("promisedAt", Instant.now().plus(Duration.ofDays(5)).toString());
        Map<String, Object> sooner = new HashMap<>(paidBy("marketplace", Fixtures.order("EUR", book, 2)));
        sooner.put("promisedAt", Instant.now().plus(Duration.ofDays(1)).toString());
        String laterId = expect(api.placeOrder(later), 201).json().get("id").asString();
        String soonerId = expect(api.placeOrder(sooner), 201).json().get("id").asString();
        assertThat(order(soonerId).get("fulfillmentStatus").asString()).isEqualTo("BACKORDERED");

        fixtures.receive(book, loc, 3);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(order(soonerId).get("lines").get(0).get("reserved").asLong()).isEqualTo(2);
            assertThat(order(laterId).get("lines").get(0).get("reserved").asLong()).isEqualTo(1);
        });
        assertThat(order(soonerId).get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        assertThat(order(laterId).get("lines").get(0).get("backordered").asLong()).isEqualTo(1);
        booksStraight(book);
    }

    @Test
    void digitalLinkWorksThenExpiresOrRunsOut() {
        String ebook = fixtures.article("DIGITAL", "9.99", "EUR", "7", false, false);
        expect(api.send("PUT", "/api/v1/digital/assets/" + ebook + "?filename=book.pdf",
                "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "application/pdf"), 204);
        Map<String, Object> body = new HashMap<>(paidBy("card", Fixtures.order("EUR", ebook, 1)));
        body.remove("shippingAddress");
        String id = expect(api.placeOrder(body), 201).json().get("id").asString();
        assertThat(api.get("/api/v1/orders/" + id + "/downloads").json()).isEmpty(); // not paid: no link

        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.succeeded", id, "amount_received", 1069,
                "EUR"), 200);
        JsonNode link = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/orders/" + id + "/downloads").json(), l -> l.size() == 1).get(0);
        String url = link.get("url").asString();
        assertThat(url).matches("/download/[A-Za-z0-9_-]{43}");
        JsonNode mail = api.get("/api/v1/orders/" + id + "/messages").json().get(1);
        assertThat(mail.get("kind").asString()).isEqualTo("DOWNLOAD_LINKS");
        assertThat(mail.get("body").asString()).contains(url + "\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> order(id).get("fulfillmentStatus").asString(),
                "DELIVERED"::equals);

        Api anonymous = api.as(null);
        // past its end the link is refused as expired though no download was used: the clock moves (no row is
        // rewritten), and the refusal counts nothing
        Instant expiresAt = Instant.parse(link.get("expiresAt").asString());
        Api.Response[] expired = new Api.Response[1];
        TestClock.movedBy(Duration.between(Instant.now(), expiresAt).plusMinutes(1),
                () -> expired[0] = anonymous.get(url));
        assertThat(expired[0].status()).isEqualTo(410);
        assertThat(expired[0].json().get("detail").asString()).contains("expired");
        // before its end it serves its downloads, and no more
        for (int i = 0; i < link.get("maxDownloads").asInt(); i++) {
            Api.Response download = anonymous.get(url);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.body()).isEqualTo("%PDF-1.4 test");
        }
        assertThat(anonymous.get(url).status()).isEqualTo(410);
        assertThat(api.get("/api/v1/orders/" + id + "/downloads").json().get(0).get("downloads").asInt())
                .isEqualTo(link.get("maxDownloads").asInt());
        assertThat(anonymous.get("/download/" + "x".repeat(43)).status()).isEqualTo(404);
    }

    @Test
    void forgedStaleAndReplayedWebhooksChangeNothing() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String id = expect(api.placeOrder(paidBy("card", Fixtures.order("EUR", sku, 1))), 201).json().get("id")
                .asString();
        String body = """
                {"id":"evt_forged","type":"payment_intent.succeeded","data":{"object":{"id":"pi_x",\
                "amount_received":1190,"currency":"eur","metadata":{"order_id":"%s"}}}}""".formatted(id);

        Api.Response forged = api.webhook("/api/v1/payments/webhooks/stripe", "Stripe-Signature", "wrong-secret",
                Instant.now().getEpochSecond(), body);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.errorFields()).containsExactly("Stripe-Signature");
        Api.Response stale = api.webhook("/api/v1/payments/webhooks/stripe", "Stripe-Signature", Api.PAYMENT_SECRET,
                Instant.now().minus(Duration.ofHours(1)).getEpochSecond(), body);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(api.as(null).post("/api/v1/payments/webhooks/stripe", body).status()).isEqualTo(400);
        assertThat(order(id).get("paymentStatus").asString()).isEqualTo("PENDING");

        String eventId = Fixtures.unique("evt");
        expect(api.paymentEvent(eventId, "payment_intent.succeeded", id, "amount_received", 1190, "EUR"), 200);
        Api.Response replay = api.paymentEvent(eventId, "payment_intent.succeeded", id, "amount_received", 1190, "EUR");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("status").asString()).isEqualTo("duplicate");
        JsonNode summary = api.get("/api/v1/orders/" + id + "/payments").json();
        assertThat(summary.get("received").get("amount").asString()).isEqualTo("11.90");
        assertThat(summary.get("payments")).hasSize(1);

        Api.Response forgedTracking = api.webhook("/api/v1/shipping/webhooks/tracking", "X-Ordo-Signature",
                "nope", Instant.now().getEpochSecond(), "{\"eventId\":\"e\"}");
        assertThat(forgedTracking.status()).isEqualTo(400);
        assertThat(forgedTracking.errorFields()).containsExactly("X-Ordo-Signature");
    }

    @Test
    void shortPicksAreReallocatedOrBackorderedAndWrongScansRefused() {
        String first = fixtures.location(1);
        String second = fixtures.location(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, first, 3);
        fixtures.receive(sku, second, 1);
        String id = placed("marketplace", sku, 3);
        JsonNode pickList = floor.pickListAt(first);
        String path = "/api/v1/fulfillment/pick-lists/" + pickList.get("id").asString() + "/lines/1/pick";

        Api.Response wrongScan = warehouse.post(path, Map.of("sku", "SOMETHING-ELSE", "quantity", 3));
        assertThat(wrongScan.status()).isEqualTo(422);
        assertThat(wrongScan.errorFields()).containsExactly("sku");
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("reserved").asLong()).isEqualTo(3);

        expect(warehouse.post(path, Map.of("sku", sku, "quantity", 1)), 200); // two were not on the shelf
        assertThat(warehouse.post(path, Map.of("sku", sku, "quantity", 1)).status()).isEqualTo(409);

        JsonNode line = order(id).get("lines").get(0);
        assertThat(line.get("reserved").asLong()).isEqualTo(2); // 1 picked + 1 reserved again at the second
        assertThat(line.get("backordered").asLong()).isEqualTo(1);
        JsonNode stock = api.get("/api/v1/inventory/" + sku).json();
        assertThat(stock.get("onHand").asLong()).isEqualTo(1); // 3 - 1 picked - 2 written off + 1 at second
        assertThat(stock.get("reserved").asLong()).isEqualTo(1);
        assertThat(order(id).get("timeline")).anySatisfy(t -> assertThat(t.get("reason").asString())
                .contains("short pick"));
        booksStraight(sku);
    }

    @Test
    void cancellingAPaidCardOrderRefundsAtTheProvider() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String id = expect(api.placeOrder(paidBy("card", Fixtures.order("EUR", sku, 1))), 201).json().get("id")
                .asString();
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.succeeded", id, "amount_received", 1190,
                "EUR"), 200);
        expect(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "out of budget")), 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FakePaymentProvider.callsFor("pi_" + id))
                .singleElement().satisfies(call -> {
                    assertThat(call.path()).isEqualTo("/v1/refunds");
                    assertThat(call.body()).contains("amount=1190").contains("payment_intent=pi_" + id);
                }));
        // The refund counts once the provider confirms it.
        assertThat(order(id).get("paymentStatus").asString()).isEqualTo("PAID");
        String refunded = """
                {"id":"%s","type":"charge.refunded","data":{"object":{"id":"ch_1","payment_intent":"pi_%s",\
                "amount_refunded":1190,"currency":"eur","metadata":{"order_id":"%s"}}}}"""
                .formatted(Fixtures.unique("evt"), id, id);
        expect(api.webhook("/api/v1/payments/webhooks/stripe", "Stripe-Signature", Api.PAYMENT_SECRET,
                Instant.now().getEpochSecond(), refunded), 200);
        assertThat(order(id).get("paymentStatus").asString()).isEqualTo("REFUNDED");
        assertThat(api.get("/api/v1/orders/" + id + "/payments").json().get("balance").get("amount").asString())
                .isEqualTo("0.00");
    }

    @Test
    void illegalTransitionsAreAnswered409() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String id = placed("marketplace", sku, 1);
        assertThat(api.post("/api/v1/orders/" + id + "/release-hold", Map.of("reason", "x")).status())
                .isEqualTo(409);
        floor.pickAll(floor.pickListAt(loc));
        assertThat(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "too late")).status())
                .isEqualTo(409); // picking has started
        assertThat(api.post("/api/v1/orders/" + id + "/hold", Map.of("kind", "MANUAL", "reason", "x")).status())
                .isEqualTo(409);
        floor.packAndShip(id, loc, "UPS", Map.of(1, 1L));
        Api.Response cancel = api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "too late"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("detail").asString()).contains("return");

        String other = placed("prepayment", sku, 1);
        expect(api.post("/api/v1/orders/" + other + "/cancel", Map.of("reason", "changed mind")), 200);
        assertThat(api.post("/api/v1/orders/" + other + "/hold", Map.of("kind", "MANUAL", "reason", "x")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/payments/bank-transfers", Map.of("order", other,
                "amount", Map.of("amount", "11.90", "currency", "EUR"))).status()).isEqualTo(409);
    }

    @Test
    void cancellingAnAuthorizedOrderVoidsThePayment() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String id = expect(api.placeOrder(paidBy("card", Fixtures.order("EUR", sku, 1))), 201).json().get("id")
                .asString();
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.amount_capturable_updated", id,
                "amount_capturable", 1190, "EUR"), 200);
        expect(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "customer asked")), 200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(order(id).get("paymentStatus").asString()).isEqualTo("PENDING");
            assertThat(api.get("/api/v1/orders/" + id + "/payments").json().get("payments"))
                    .anySatisfy(p -> assertThat(p.get("kind").asString()).isEqualTo("VOID"));
        });
        assertThat(FakePaymentProvider.callsFor("pi_" + id)).extracting(FakePaymentProvider.Call::path)
                .containsExactly("/v1/payment_intents/pi_" + id + "/cancel");
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("reserved").asLong()).isZero();
    }
}
