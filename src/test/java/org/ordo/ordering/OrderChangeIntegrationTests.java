package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Warehouse;
import org.ordo.inventory.InventoryManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Orders changed after placement (docs/order-changes.md), through the API as an agent changes them. */
@IntegrationTest
class OrderChangeIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    org.ordo.audit.InvariantChecker checker;

    @Autowired
    InventoryManagement inventory;
    @Autowired
    OrderManagement orders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.ordo.billing.Billing billing;
    @Autowired
    CustomerChanges customerChanges;

    Api api;
    Fixtures fixtures;
    String loc;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        loc = fixtures.location(1);
    }

    private Api.Response change(String orderId, Object version, Map<String, Object> body) {
        return api.post("/api/v1/orders/" + orderId + "/changes", body, "Idempotency-Key",
                UUID.randomUUID().toString(), "If-Match", "\"" + version + "\"");
    }

    private static Map<String, Object> line(Integer lineNo, String sku, Long quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        if (lineNo != null) {
            line.put("lineNo", lineNo);
        }
        if (sku != null) {
            line.put("sku", sku);
        }
        if (quantity != null) {
            line.put("quantity", quantity);
        }
        return line;
    }

    private static Map<String, Object> lines(String reason, Map<?, ?>... lines) {
        return Map.of("reason", reason, "lines", List.of(lines));
    }

    private JsonNode order(String id) {
        return expect(api.get("/api/v1/orders/" + id), 200).json();
    }

    private String placed(String paymentMethod, Object... skuAndQuantity) {
        Map<String, Object> body = Fixtures.order("EUR", skuAndQuantity);
        body.put("paymentMethod", paymentMethod);
        return expect(api.placeOrder(body), 201).json().get("id").asString();
    }

    private long reserved(String sku) {
        return api.get("/api/v1/inventory/" + sku).json().get("reserved").asLong();
    }

    private void payInFull(String id) {
        JsonNode o = order(id);
        String due = o.get("totals").get("gross").get("amount").asString();
        String paid = o.get("paid").get("amount").asString();
        String rest = new java.math.BigDecimal(due).subtract(new java.math.BigDecimal(paid)).toPlainString();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", o.get("number").asString(),
                "amount", Map.of("amount", rest, "currency", "EUR"), "reference", Fixtures.unique("TR"))), 201);
    }

    @Test
    void anAgentChangesLinesAddressAndPromiseInOneVersionAndKeptLinesKeepTheirPrice() {
        String shirt = fixtures.article("10.00", "EUR", "19");
        String shirtLarge = fixtures.article("12.00", "EUR", "19");
        String mug = fixtures.article("5.00", "EUR", "19");
        String cap = fixtures.article("8.00", "EUR", "19");
        for (String sku : List.of(shirt, shirtLarge, mug, cap)) {
            fixtures.receive(sku, loc, 20);
        }
        String id = placed("prepayment", shirt, 2L, mug, 1L, cap, 1L);
        assertThat(order(id).get("version").asInt()).isEqualTo(1);
        // The catalog price of the shirt rises after the order was placed: the kept line keeps 10.00.
        expect(api.put("/api/v1/articles/" + shirt, Map.of("sku", shirt, "type", "PHYSICAL", "name",
                Map.of("en", "Shirt"), "price", Map.of("amount", "11.00", "currency", "EUR"), "taxRate", "19",
                "priceIncludesTax", false, "backorderable", false, "weightGrams", 250)), 200);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "customer called: one more shirt, the mug in large, no cap, a new address");
        body.put("lines", List.of(line(1, null, 3L), line(2, shirtLarge, null), line(3, null, 0L),
                line(null, mug, 2L)));
        body.put("shippingAddress", Map.of("name", "Erika Muster", "street", "Neue Str. 5", "postalCode", "80331",
                "city", "München", "country", "DE"));
        body.put("carrierService", "express");
        body.put("promisedAt", "2030-01-15T10:00:00Z");
        JsonNode changed = expect(change(id, 1, body), 201).json();

        JsonNode version = changed.get("change");
        assertThat(version.get("version").asInt()).isEqualTo(2);
        assertThat(version.get("reason").asString()).startsWith("customer called");
        assertThat(version.get("differences")).extracting(d -> d.get("what").asString()).containsExactly(
                "QUANTITY", "SKU", "LINE_REMOVED", "LINE_ADDED", "SHIPPING_ADDRESS", "CARRIER_SERVICE", "PROMISE");
        JsonNode quantity = version.get("differences").get(0);
        assertThat(quantity.get("before").asString()).isEqualTo("2 x " + shirt);
        assertThat(quantity.get("after").asString()).isEqualTo("3 x " + shirt);
        assertThat(quantity.get("pricedToday").asBoolean()).isFalse();
        assertThat(version.get("differences").get(1).get("pricedToday").asBoolean()).isTrue();
        assertThat(version.get("differences").get(3).get("lineNo").asInt()).isEqualTo(4);

        JsonNode now = changed.get("order");
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(now.get("lines")).extracting(l -> l.get("lineNo").asInt() + ":" + l.get("sku").asString() + ":"
                + l.get("quantity").asLong() + ":" + l.get("unitPrice").get("amount").asString())
                .containsExactly("1:" + shirt + ":3:10.00", "2:" + shirtLarge + ":1:12.00", "4:" + mug + ":2:5.00");
        // 30.00 + 12.00 + 10.00 = 52.00 net, 19 % per line: 5.70 + 2.28 + 1.90 = 9.88
        assertThat(now.get("totals").get("net").get("amount").asString()).isEqualTo("52.00");
        assertThat(now.get("totals").get("tax").get("amount").asString()).isEqualTo("9.88");
        assertThat(now.get("totals").get("gross").get("amount").asString()).isEqualTo("61.88");
        assertThat(now.get("shippingAddress").get("city").asString()).isEqualTo("München");
        assertThat(now.get("carrierService").asString()).isEqualTo("express");
        assertThat(now.get("promisedAt").asString()).startsWith("2030-01-15T10:00");
        assertThat(now.get("timeline")).anySatisfy(t -> assertThat(t.get("reason").asString())
                .startsWith("order changed (version 2): customer called"));

        assertThat(reserved(shirt)).isEqualTo(3);
        assertThat(reserved(shirtLarge)).isEqualTo(1);
        assertThat(reserved(mug)).isEqualTo(2);
        assertThat(reserved(cap)).isZero();
        for (String sku : List.of(shirt, shirtLarge, mug, cap)) {
            assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
        }
        assertThat(orders.openLinesNotCovered()).noneMatch(p -> p.startsWith(now.get("number").asString() + " "));

        // the new confirmation is stored beside the first one
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(expect(api.get("/api/v1/orders/" + id + "/documents"), 200).json())
                        .extracting(d -> d.get("number").asString())
                        .contains(now.get("number").asString(), now.get("number").asString() + "-v2"));

        JsonNode history = expect(api.get("/api/v1/orders/" + id + "/changes"), 200).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("differences")).hasSize(7);
    }

    @Test
    void aChangeNeedsIfMatchAndARetryWithTheSameKeyGetsTheFirstAnswer() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String id = placed("prepayment", sku, 1L);

        Api.Response missing = api.post("/api/v1/orders/" + id + "/changes", lines("more", line(1, null, 2L)),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(missing.status()).isEqualTo(428);

        String key = UUID.randomUUID().toString();
        Api.Response first = api.post("/api/v1/orders/" + id + "/changes", lines("more", line(1, null, 2L)),
                "Idempotency-Key", key, "If-Match", "\"1\"");
        Api.Response retry = api.post("/api/v1/orders/" + id + "/changes", lines("more", line(1, null, 2L)),
                "Idempotency-Key", key, "If-Match", "\"1\"");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(retry.json().get("change").get("id").asString())
                .isEqualTo(first.json().get("change").get("id").asString());
        assertThat(reserved(sku)).isEqualTo(2);

        Api.Response stale = change(id, 1, lines("even more", line(1, null, 3L)));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(order(id).get("lines").get(0).get("quantity").asLong()).isEqualTo(2);

        Api.Response invalid = change(id, 2, lines("", line(9, null, 1L), line(null, "NO-SUCH-SKU", 0L)));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorFields()).contains("reason", "lines[1].quantity");
    }

    @Test
    void twoAgentsChangingOneOrderAtOnceOneWinsTheOtherGets412AndNothingIsHalfApplied() throws Exception {
        String sku = fixtures.article("10.00", "EUR", "19");
        String other = fixtures.article("4.00", "EUR", "19");
        fixtures.receive(sku, loc, 50);
        fixtures.receive(other, loc, 50);
        String id = placed("prepayment", sku, 1L);

        List<Integer> statuses = NoOversellIntegrationTests.concurrently(2, 1, i -> i == 0
                ? change(id, 1, lines("agent one", line(1, null, 5L)))
                : change(id, 1, lines("agent two", line(1, null, 2L), line(null, other, 3L))));

        assertThat(statuses).containsExactlyInAnyOrder(201, 412);
        JsonNode now = order(id);
        assertThat(now.get("version").asInt()).isEqualTo(2);
        boolean oneWon = statuses.get(0) == 201;
        if (oneWon) {
            assertThat(now.get("lines")).hasSize(1);
            assertThat(reserved(sku)).isEqualTo(5);
            assertThat(reserved(other)).isZero();
            assertThat(now.get("totals").get("gross").get("amount").asString()).isEqualTo("59.50");
        } else {
            assertThat(now.get("lines")).hasSize(2);
            assertThat(reserved(sku)).isEqualTo(2);
            assertThat(reserved(other)).isEqualTo(3);
            assertThat(now.get("totals").get("gross").get("amount").asString()).isEqualTo("38.08");
        }
        assertThat(expect(api.get("/api/v1/orders/" + id + "/changes"), 200).json()).hasSize(1);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
        assertThat(inventory.ledgerDiscrepancies(other)).isEmpty();
    }

    @Test
    void aQuantityIncreaseRacingNewOrdersForTheLastUnitsNeverOversells() throws Exception {
        String sku = fixtures.article("1.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        List<String> changing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            changing.add(placed("prepayment", sku, 1L));
        }
        // 6 units left; four changes want 3 more each, eight new orders 1 each: 20 wanted, 6 there.
        List<Integer> statuses = NoOversellIntegrationTests.concurrently(12, 1, i -> i < 4
                ? change(changing.get(i), 1, lines("three more", line(1, null, 4L)))
                : api.placeOrder(Fixtures.order("EUR", sku, 1)));

        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        long ordered = jdbc.sql("""
                SELECT coalesce(sum(l.quantity), 0) FROM order_line l JOIN customer_order o ON o.id = l.order_id
                WHERE l.sku = :sku AND o.status <> 'CANCELLED'
                """).param("sku", sku).query(Long.class).single();
        assertThat(reserved(sku)).isEqualTo(ordered).isLessThanOrEqualTo(10);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
        assertThat(orders.openLinesNotCovered()).noneMatch(p -> p.contains("(" + sku + ")"));
        // every refused change left its order as it was
        for (int i = 0; i < 4; i++) {
            JsonNode o = order(changing.get(i));
            assertThat(o.get("lines").get(0).get("quantity").asLong()).isEqualTo(statuses.get(i) == 201 ? 4 : 1);
            assertThat(o.get("version").asInt()).isEqualTo(statuses.get(i) == 201 ? 2 : 1);
        }
    }

    @Test
    void aChangeThatMakesAnAmountDueTakesAReleasedOrderBackUntilItIsPaid() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String id = placed("prepayment", sku, 1L);
        payInFull(id);
        JsonNode paid = order(id);
        assertThat(paid.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(paid.get("releasedAt").isNull()).isFalse();

        JsonNode changed = expect(change(id, 1, lines("two more", line(1, null, 3L))), 201).json();
        assertThat(changed.get("change").get("amountDue").get("amount").asString()).isEqualTo("23.80");
        JsonNode behind = changed.get("order");
        assertThat(behind.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(behind.get("releasedAt").isNull()).isTrue();
        assertThat(behind.get("fulfillmentStatus").asString()).isEqualTo("UNFULFILLED");
        Api.Response pickList = api.post("/api/v1/fulfillment/pick-lists", Map.of("location", loc));
        assertThat(pickList.status()).isEqualTo(409);
        // The customer (German) is told what is still due, and how to pay it.
        JsonNode mail = null;
        for (JsonNode m : expect(api.get("/api/v1/orders/" + id + "/messages"), 200).json()) {
            if (m.get("kind").asString().equals("ORDER_CHANGED")) {
                mail = m;
            }
        }
        assertThat(mail).isNotNull();
        assertThat(mail.get("subject").asString()).isEqualTo("Ihre Bestellung " + behind.get("number").asString()
                + " wurde geändert");
        assertThat(expect(api.get("/api/v1/messages/" + mail.get("id").asString()), 200).json().get("body")
                .asString()).contains("Noch zu zahlen: 23,80", "Verwendungszweck: " + behind.get("number").asString());

        payInFull(id);
        JsonNode released = order(id);
        assertThat(released.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(released.get("releasedAt").isNull()).isFalse();
        assertThat(released.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
    }

    @Test
    void aChangeThatLowersAPaidOrderBooksTheRefundOnce() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String id = placed("prepayment", sku, 3L);
        payInFull(id);

        JsonNode changed = expect(change(id, 1, lines("one less", line(1, null, 2L))), 201).json();
        assertThat(changed.get("change").get("refundDue").get("amount").asString()).isEqualTo("11.90");
        assertThat(changed.get("order").get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(changed.get("order").get("releasedAt").isNull()).isFalse();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/orders/" + id + "/payments").json().get("payments"))
                        .filteredOn(p -> p.get("kind").asString().equals("REFUND"))
                        .singleElement().satisfies(p -> {
                            assertThat(p.get("amount").get("amount").asString()).isEqualTo("11.90");
                            assertThat(p.get("status").asString()).isEqualTo("REQUESTED");
                        }));
    }

    /** The change refunds of the order that stand (requested, not withdrawn), by reference, once events settled. */
    private Map<String, String> standingRefunds(String id, Map<String, String> expected) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, String> standing = new java.util.TreeMap<>();
            api.get("/api/v1/orders/" + id + "/payments").json().get("payments").forEach(p -> {
                if (p.get("kind").asString().equals("REFUND") && p.get("status").asString().equals("REQUESTED")) {
                    standing.put(p.get("reference").asString(), p.get("amount").get("amount").asString());
                }
            });
            assertThat(standing).isEqualTo(new java.util.TreeMap<>(expected));
        });
        return expected;
    }

    @Test
    void refundsOfSeveralChangesAreNettedAndOnlyWhatWasPaidOutStands() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String id = placed("prepayment", sku, 3L);
        payInFull(id); // 35.70

        String first = expect(change(id, 1, lines("two less", line(1, null, 1L))), 201).json().get("change")
                .get("id").asString();
        standingRefunds(id, Map.of("CHG-" + first, "23.80"));

        // One back: the 23.80 not paid out yet is withdrawn and 11.90 requested instead, not 23.80 paid back.
        JsonNode second = expect(change(id, 2, lines("one back", line(1, null, 2L))), 201).json();
        assertThat(second.get("change").get("amountDue").get("amount").asString()).isEqualTo("0.00");
        String secondId = second.get("change").get("id").asString();
        standingRefunds(id, Map.of("CHG-" + secondId, "11.90"));
        assertThat(api.get("/api/v1/orders/" + id + "/payments").json().get("payments"))
                .filteredOn(p -> p.get("reference") != null && p.get("reference").asString().equals("CHG-" + first))
                .singleElement().satisfies(p -> {
                    assertThat(p.get("status").asString()).isEqualTo("WITHDRAWN");
                    assertThat(p.get("note").asString()).contains("netted against order");
                });

        // All three again: nothing is owed back any more, nothing is due.
        JsonNode third = expect(change(id, 3, lines("all three after all", line(1, null, 3L))), 201).json();
        assertThat(third.get("order").get("paymentStatus").asString()).isEqualTo("PAID");
        standingRefunds(id, Map.of());

        // Paid out by a person: that refund stands when the total is raised again; it is not withdrawn.
        String fourth = expect(change(id, 4, lines("two less again", line(1, null, 1L))), 201).json()
                .get("change").get("id").asString();
        standingRefunds(id, Map.of("CHG-" + fourth, "23.80"));
        expect(api.post("/api/v1/payments/refunds", Map.of("order", order(id).get("number").asString(), "amount",
                Map.of("amount", "23.80", "currency", "EUR"), "reference", "CHG-" + fourth)), 201);
        JsonNode fifth = expect(change(id, 5, lines("three once more", line(1, null, 3L))), 201).json();
        standingRefunds(id, Map.of("CHG-" + fourth, "23.80"));
        // Only 11.90 of the 35.70 received was kept, so the 23.80 paid back is due again and the order waits for it
        // (before, the change compared the new total with everything ever received and found nothing due).
        assertThat(fifth.get("change").get("amountDue").get("amount").asString()).isEqualTo("23.80");
        assertThat(fifth.get("order").get("paymentStatus").asString()).isEqualTo("PENDING");
        String number = order(id).get("number").asString();
        assertThat(checker.check().findings()).noneMatch(f -> f.message().startsWith(number + " "));
    }

    @Test
    void raisingTheTotalOfAnAuthorizedCardPaymentIsReauthorizedAtTheProviderAndReleasedAgain() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String id = placed("card", sku, 2L);
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.amount_capturable_updated", id,
                "amount_capturable", 2380, "EUR"), 200);
        assertThat(order(id).get("fulfillmentStatus").asString()).isEqualTo("RELEASED");

        JsonNode changed = expect(change(id, 1, lines("one more", line(1, null, 3L))), 201).json();
        String changeId = changed.get("change").get("id").asString();
        // Until the provider authorized 35.70, the order waits behind the payment gate.
        assertThat(changed.get("order").get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(changed.get("order").get("releasedAt").isNull()).isTrue();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(org.ordo.FakePaymentProvider.callsFor("pi_" + id)).singleElement().satisfies(call -> {
                assertThat(call.path()).isEqualTo("/v1/payment_intents/pi_" + id + "/increment_authorization");
                assertThat(call.body()).isEqualTo("amount=3570");
                assertThat(call.idempotencyKey()).isEqualTo("ordo-reauth-" + changeId);
            });
            JsonNode now = order(id);
            assertThat(now.get("paymentStatus").asString()).isEqualTo("AUTHORIZED");
            assertThat(now.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        });
        // the reason is kept as a code, so the back office says it in the reader's language
        assertThat(orders.require(java.util.UUID.fromString(id)).timeline())
                .anySatisfy(t -> assertThat(t.reasonCode()).isEqualTo("reauthorized-for-change"));
        assertThat(api.get("/api/v1/orders/" + id + "/payments").json().get("payments"))
                .filteredOn(p -> p.get("kind").asString().equals("AUTHORIZATION"))
                .extracting(p -> p.get("amount").get("amount").asString() + " " + p.get("status").asString())
                .containsExactly("23.80 BOOKED", "35.70 BOOKED");

        // Lowered again within what is authorized: no call, the order stays with the warehouse.
        JsonNode lowered = expect(change(id, 2, lines("one less after all", line(1, null, 2L))), 201).json();
        assertThat(lowered.get("order").get("paymentStatus").asString()).isEqualTo("AUTHORIZED");
        assertThat(lowered.get("order").get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        assertThat(org.ordo.FakePaymentProvider.callsFor("pi_" + id)).hasSize(1);
    }

    @Test
    void theCarrierServiceAgreedInAChangeIsTheOneTheParcelsGoWith() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String id = placed("prepayment", sku, 1L);
        expect(change(id, 1, Map.of("reason", "customer pays for express", "carrierService", "express")), 201);
        payInFull(id);
        Api warehouseApi = api.withNewKey("WAREHOUSE");
        org.ordo.Warehouse floor = new org.ordo.Warehouse(warehouseApi);
        floor.pickAll(floor.pickListAt(loc));
        JsonNode parcels = expect(warehouseApi.post("/api/v1/fulfillment/orders/" + id + "/parcels",
                Map.of("location", loc, "parcels", List.of(Map.of("weightGrams", 300, "lengthMm", 300,
                        "widthMm", 200, "heightMm", 100, "items", List.of(Map.of("lineNo", 1, "quantity", 1)))))),
                201).json();
        String parcel = parcels.get(0).get("id").asString();

        Api.Response other = warehouseApi.post("/api/v1/fulfillment/orders/" + id + "/shipments", Map.of("parcels",
                List.of(parcel), "carrier", "DHL", "service", "Paket", "trackingNumber", "EXP" + UUID.randomUUID()
                        .toString().substring(0, 8)));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body()).contains("carrier-service-differs", "express");

        JsonNode shipment = expect(warehouseApi.post("/api/v1/fulfillment/orders/" + id + "/shipments",
                Map.of("parcels", List.of(parcel), "carrier", "DHL", "trackingNumber", "EXP" + UUID.randomUUID()
                        .toString().substring(0, 8))), 201).json();
        assertThat(shipment.get("service").asString()).isEqualTo("express");
    }

    @Test
    void changingAnInvoicedOrderCreditsItsInvoiceAndInvoicesItAgainWithoutGaps() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String id = placed("prepayment", sku, 1L);
        payInFull(id);
        // invoiced when paid, as ordo.billing.invoice-on=paid does
        org.ordo.billing.Invoice first = billing.invoice(UUID.fromString(id), "INV");

        expect(change(id, 1, lines("two more", line(1, null, 3L))), 201);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode invoices = expect(api.get("/api/v1/orders/" + id + "/invoices"), 200).json();
            assertThat(invoices).hasSize(2);
            assertThat(invoices.get(1).get("gross").get("amount").asString()).isEqualTo("35.70");
            JsonNode notes = expect(api.get("/api/v1/orders/" + id + "/credit-notes"), 200).json();
            assertThat(notes).singleElement().satisfies(n -> {
                assertThat(n.get("invoiceNumber").asString()).isEqualTo(first.number());
                assertThat(n.get("reason").asString()).isEqualTo("ORDER_CHANGE");
                assertThat(n.get("gross").get("amount").asString()).isEqualTo("11.90");
            });
        });
        assertThat(billing.numberingGaps()).isEmpty();
    }

    @Test
    void aChangeAfterPickingStartedIsRefusedSayingWhy() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String id = placed("prepayment", sku, 2L);
        payInFull(id);
        Warehouse floor = new Warehouse(api.withNewKey("WAREHOUSE"));
        floor.pickAll(floor.pickListAt(loc));

        Api.Response refused = change(id, 1, lines("one more", line(1, null, 3L)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("title").asString()).isEqualTo("Picking has started");
        assertThat(order(id).get("version").asInt()).isEqualTo(1);

        String cancelled = placed("prepayment", sku, 1L);
        expect(api.post("/api/v1/orders/" + cancelled + "/cancel", Map.of("reason", "test")), 200);
        Api.Response late = change(cancelled, 1, lines("one more", line(1, null, 2L)));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("is cancelled");
    }

    private String articleAs(String sku, String price) {
        expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("en", "Shirt " + sku),
                "price", Map.of("amount", price, "currency", "EUR"), "taxRate", "19", "priceIncludesTax", false,
                "backorderable", false, "weightGrams", 200)), 201);
        fixtures.receive(sku, loc, 5);
        return sku;
    }

    @Test
    void theCustomersWindowOffersEveryLinesOtherSizesAndTheTrackingPageAsksOnlyWhetherItIsOpen() {
        String shirt = Fixtures.unique("SHIRT") + "-";
        String cap = Fixtures.unique("CAP") + "-";
        articleAs(shirt + "M", "19.99");
        articleAs(shirt + "L", "19.99");
        articleAs(shirt + "L-SLIM", "19.99"); // another cut, not another size
        articleAs(shirt + "XL", "24.99"); // another price: an agent's swap
        articleAs(cap + "S", "9.99");
        articleAs(cap + "M", "9.99");
        String plain = articleAs(Fixtures.unique("PLAIN").replace("-", ""), "5.00"); // no stem: no sizes
        UUID id = UUID.fromString(placed("prepayment", shirt + "M", 1L, plain, 1L, cap + "M", 1L));

        CustomerChanges.Window window = customerChanges.windowOf(id);
        assertThat(window.open()).isTrue();
        assertThat(window.sizes()).containsOnlyKeys(1, 3);
        assertThat(window.sizes().get(1)).extracting(CustomerChanges.Size::sku).containsExactly(shirt + "M",
                shirt + "L");
        assertThat(window.sizes().get(3)).extracting(CustomerChanges.Size::sku).containsExactly(cap + "M",
                cap + "S");
        assertThat(customerChanges.isOpen(orders.require(id))).isTrue();

        expect(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "test")), 200);
        assertThat(customerChanges.isOpen(orders.require(id))).isFalse();
        assertThat(customerChanges.windowOf(id).closedBy()).isEqualTo("state");
    }
}
