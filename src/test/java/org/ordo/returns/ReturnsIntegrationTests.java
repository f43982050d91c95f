package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.FakePaymentProvider;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.Warehouse;
import org.ordo.inventory.InventoryManagement;
import org.ordo.platform.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Return requests, receiving and refunds through the API: the rules of the policy and of paying once. */
@IntegrationTest
class ReturnsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ReturnManagement returns;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    org.ordo.ordering.OrderManagement orderManagement;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;
    Api warehouse;
    Fixtures fixtures;
    DeliveredOrders orders;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        warehouse = api.withNewKey("WAREHOUSE");
        fixtures = new Fixtures(api);
        orders = new DeliveredOrders(api, warehouse);
        location = fixtures.location(1);
    }

    private String stocked(String price, long units) {
        String sku = fixtures.article(price, "EUR", "19");
        fixtures.receive(sku, location, units);
        return sku;
    }

    private static Map<String, Object> line(int lineNo, long quantity, String reason) {
        return Map.of("lineNo", lineNo, "quantity", quantity, "reason", reason);
    }

    private static Map<String, Object> refundOf(Object... lines) {
        return Map.of("resolution", "REFUND", "lines", List.of(lines));
    }

    private Api.Response request(JsonNode order, Object body, String key) {
        return api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", body, "Idempotency-Key", key);
    }

    private JsonNode requested(JsonNode order, Object... lines) {
        return expect(request(order, refundOf(lines), UUID.randomUUID().toString()), 201).json();
    }

    private Api.Response receipt(JsonNode ret, Object... lines) {
        return warehouse.post("/api/v1/returns/" + ret.get("id").asString() + "/receipts",
                Map.of("location", location, "lines", List.of(lines)));
    }

    private static Map<String, Object> arrived(int lineNo, long quantity, String condition) {
        return Map.of("lineNo", lineNo, "quantity", quantity, "condition", condition);
    }

    private JsonNode stock(String sku) {
        return expect(api.get("/api/v1/inventory/" + sku), 200).json();
    }

    private JsonNode refunded(JsonNode ret) {
        String id = ret.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> !api.get("/api/v1/returns/" + id).json().get("status")
                .asString().equals("RECEIVED"));
        return api.get("/api/v1/returns/" + id).json();
    }

    @Test
    void aReturnGetsTheNextRmaNumberOfTheYearAndARetriedRequestTheSameAnswer() {
        String sku = stocked("19.99", 5);
        JsonNode order = orders.delivered(location, sku, 2);
        String key = UUID.randomUUID().toString();
        Api.Response first = expect(request(order, refundOf(line(1, 1, "WRONG_SIZE")), key), 201);
        JsonNode ret = first.json();
        assertThat(ret.get("number").asString()).matches("RMA-\\d{4}-\\d{6}");
        assertThat(ret.get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(ret.get("lines").get(0).get("quantity").asLong()).isEqualTo(1);

        Api.Response again = expect(request(order, refundOf(line(1, 1, "WRONG_SIZE")), key), 201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.json().get("number").asString()).isEqualTo(ret.get("number").asString());
        assertThat(expect(api.get("/api/v1/orders/" + order.get("id").asString() + "/returns"), 200).json())
                .hasSize(1);
        Api.Response otherBody = request(order, refundOf(line(1, 1, "CHANGED_MIND")), key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.errorFields()).containsExactly("Idempotency-Key");

        // The next return of the year takes the next number, without a gap.
        JsonNode next = requested(order, line(1, 1, "CHANGED_MIND"));
        long first6 = Long.parseLong(ret.get("number").asString().substring(9));
        assertThat(Long.parseLong(next.get("number").asString().substring(9))).isGreaterThan(first6);
        assertThat(expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json().get("timeline"))
                .anySatisfy(t -> assertThat(t.get("reason").asString()).contains(ret.get("number").asString()));
        // ... kept as a code with its arguments, so the back office says it in the reader's language
        assertThat(orderManagement.require(java.util.UUID.fromString(order.get("id").asString())).timeline())
                .anySatisfy(t -> {
                    assertThat(t.reasonCode()).isEqualTo("return-authorized");
                    assertThat(t.reasonArguments()).first().isEqualTo(ret.get("number").asString());
                });
    }

    @Test
    void moreThanShippedOrThanIsLeftToReturnIsRefusedNamingTheLineAndNothingChanges() {
        String shirt = stocked("19.99", 5);
        String mug = stocked("9.50", 5);
        JsonNode order = orders.delivered(location, shirt, 2, mug, 1);
        Api.Response tooMany = request(order, refundOf(line(1, 1, "WRONG_SIZE"), line(2, 2, "DAMAGED")),
                UUID.randomUUID().toString());
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.errorFields()).containsExactly("lines[1].quantity");
        assertThat(tooMany.body()).contains("line 2");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString() + "/returns").json()).isEmpty();

        requested(order, line(1, 2, "WRONG_SIZE"));
        Api.Response nothingLeft = request(order, refundOf(line(1, 1, "WRONG_SIZE")), UUID.randomUUID().toString());
        assertThat(nothingLeft.status()).isEqualTo(422);
        assertThat(nothingLeft.errorFields()).containsExactly("lines[0].quantity");
        assertThat(nothingLeft.body()).contains("only 0 can be returned");

        Api.Response bad = request(order, Map.of("resolution", "MONEY", "lines", List.of(Map.of("lineNo", 9,
                "quantity", 1, "reason", "WRONG_SIZE"))), UUID.randomUUID().toString());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).contains("resolution", "lines[0].lineNo");

        // an IBAN of the right shape whose check digits do not match would send the refund nowhere
        Api.Response noSuchAccount = request(order, Map.of("resolution", "REFUND", "lines",
                List.of(line(2, 1, "DAMAGED")), "iban", "DE00 0000 0000 0000 0000 00"), UUID.randomUUID().toString());
        assertThat(noSuchAccount.status()).isEqualTo(422);
        assertThat(noSuchAccount.errorFields()).containsExactly("iban");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString() + "/returns").json()).hasSize(1);
    }

    @Test
    void anArticleFlaggedNotReturnableInTheCatalogIsRefusedNamingItsLine() {
        String shirt = stocked("19.99", 5);
        String soap = Fixtures.unique("SOAP");
        expect(api.post("/api/v1/articles", Map.of("sku", soap, "type", "PHYSICAL", "name", Map.of("en", "Soap"),
                "price", Map.of("amount", "4.50", "currency", "EUR"), "taxRate", "19", "weightGrams", 100,
                "returnable", false)), 201);
        assertThat(api.get("/api/v1/articles/" + soap).json().get("returnable").asBoolean()).isFalse();
        fixtures.receive(soap, location, 5);
        JsonNode order = orders.delivered(location, shirt, 1, soap, 1);

        Api.Response refused = request(order, refundOf(line(1, 1, "WRONG_SIZE"), line(2, 1, "CHANGED_MIND")),
                UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("lines[1].lineNo");
        assertThat(refused.body()).contains("line 2 (" + soap + ") is an article that cannot be returned");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString() + "/returns").json()).isEmpty();
        requested(order, line(1, 1, "WRONG_SIZE"));
    }

    @Test
    void aReturnOutsideTheWindowIsRefusedWithTheReason() {
        String sku = stocked("19.99", 5);
        JsonNode order = orders.delivered(location, sku, 1);
        TestClock.movedBy(Duration.ofDays(31), () -> {
            Api.Response late = request(order, refundOf(line(1, 1, "CHANGED_MIND")), UUID.randomUUID().toString());
            assertThat(late.status()).isEqualTo(422);
            assertThat(late.errorFields()).containsExactly("lines[0].lineNo");
            assertThat(late.body()).contains("outside the return window").contains("30 days");
        });
        TestClock.movedBy(Duration.ofDays(29), () -> requested(order, line(1, 1, "CHANGED_MIND")));
    }

    @Test
    void aSecondReceiptIsRefusedAndMoreThanAnnouncedIsKeptAsADiscrepancy() {
        String sku = stocked("19.99", 5);
        JsonNode order = orders.delivered(location, sku, 3);
        JsonNode ret = requested(order, line(1, 1, "WRONG_SIZE"));
        JsonNode received = expect(receipt(ret, arrived(1, 2, "RESELLABLE")), 201).json();
        assertThat(received.get("lines").get(0).get("received").asLong()).isEqualTo(2);
        assertThat(received.get("lines").get(0).get("discrepancy").asLong()).isEqualTo(1);
        assertThat(stock(sku).get("available").asLong()).isEqualTo(4);

        Api.Response twice = receipt(ret, arrived(1, 2, "RESELLABLE"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(stock(sku).get("onHand").asLong()).isEqualTo(4);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
        // Only what was announced is refunded: one unit at the price paid, 19.99 and 19 % tax.
        assertThat(refunded(ret).get("refund").get("total").get("amount").asString()).isEqualTo("23.79");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString()).json().get("fulfillmentStatus")
                .asString()).isEqualTo("PARTIALLY_RETURNED");
    }

    @Test
    void aDamagedUnitIsQuarantinedNeverReservedAndOnlyAPersonWithAReasonReleasesIt() {
        String sku = stocked("19.99", 1);
        JsonNode order = orders.delivered(location, sku, 1);
        JsonNode ret = requested(order, line(1, 1, "DAMAGED"));
        expect(receipt(ret, arrived(1, 1, "DAMAGED")), 201);
        JsonNode level = stock(sku);
        assertThat(level.get("onHand").asLong()).isEqualTo(1);
        assertThat(level.get("available").asLong()).isZero();
        assertThat(api.get("/api/v1/inventory/" + sku + "/quarantine").json().get(location).asLong()).isEqualTo(1);
        assertThat(api.placeOrder(Fixtures.order("EUR", sku, 1)).status()).isEqualTo(409);
        // Even SQL that skips the service's conditional updates cannot reserve the quarantined unit.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "UPDATE stock_level SET reserved = 1 WHERE sku = :sku").param("sku", sku).update())
                .hasMessageContaining("stock_quarantine_never_reserved");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString()).json().get("fulfillmentStatus")
                .asString()).isEqualTo("RETURNED");

        Api.Response noReason = warehouse.post("/api/v1/inventory/quarantine/releases", Map.of("sku", sku,
                "location", location, "quantity", 1, "action", "RELEASE"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.errorFields()).containsExactly("reason");
        Api.Response integration = api.withNewKey("INTEGRATION").post("/api/v1/inventory/quarantine/releases",
                Map.of("sku", sku, "location", location, "quantity", 1, "action", "RELEASE", "reason", "fine"));
        assertThat(integration.status()).isEqualTo(403);
        assertThat(stock(sku).get("available").asLong()).isZero();

        JsonNode released = expect(warehouse.post("/api/v1/inventory/quarantine/releases", Map.of("sku", sku,
                "location", location, "quantity", 1, "action", "RELEASE", "reason", "only the box was damaged")),
                201).json();
        assertThat(released.get("kind").asString()).isEqualTo("QUARANTINE_RELEASE");
        assertThat(stock(sku).get("available").asLong()).isEqualTo(1);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
        JsonNode movements = api.get("/api/v1/inventory/" + sku + "/movements").json().get("items");
        assertThat(movements).anySatisfy(m -> {
            assertThat(m.get("kind").asString()).isEqualTo("RETURN");
            assertThat(m.get("documentRef").asString()).isEqualTo(ret.get("number").asString());
            assertThat(m.get("quarantinedDelta").asLong()).isEqualTo(1);
        });
    }

    @Test
    void theSameRefundAttemptedConcurrentlyAndByAReplayedWebhookPaysOnce() throws Exception {
        String sku = stocked("25.00", 5);
        // A card order: authorized, captured when shipped, the capture confirmed by the provider.
        java.util.HashMap<String, Object> body = new java.util.HashMap<>(Fixtures.order("EUR", sku, 2));
        body.put("paymentMethod", "card");
        JsonNode order = expect(api.placeOrder(body), 201).json();
        String id = order.get("id").asString();
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.amount_capturable_updated", id,
                "amount_capturable", 5950, "EUR"), 200);
        Warehouse floor = new Warehouse(warehouse);
        floor.pickAll(floor.pickListAt(location));
        orders.delivered(floor.packAndShip(id, location, "DHL", Map.of(1, 2L)));
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.succeeded", id, "amount_received", 5950,
                "EUR"), 200);

        JsonNode ret = requested(order, line(1, 1, "NOT_AS_DESCRIBED"));
        UUID returnId = UUID.fromString(ret.get("id").asString());
        expect(receipt(ret, arrived(1, 1, "RESELLABLE")), 201);
        // The listener refunds after the receipt commits; four more attempts race it.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReturnView>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<ReturnView> attempt = () -> {
                start.await();
                return Actor.as("agent:test", () -> returns.refund(returnId));
            };
            attempts.add(pool.submit(attempt));
        }
        start.countDown();
        for (Future<ReturnView> f : attempts) {
            assertThat(f.get().status()).isEqualTo(ReturnStatus.REFUNDED);
        }
        pool.shutdown();
        expect(api.post("/api/v1/returns/" + returnId + "/refund", Map.of()), 200);

        // 29.75 = one of two units of a line of 59.50 gross; one provider call, one requested refund.
        JsonNode done = refunded(ret);
        assertThat(done.get("refund").get("total").get("amount").asString()).isEqualTo("29.75");
        assertThat(FakePaymentProvider.callsFor("pi_" + id)).filteredOn(c -> c.path().equals("/v1/refunds"))
                .singleElement().satisfies(c -> {
                    assertThat(c.idempotencyKey()).isEqualTo("ordo-return-" + returnId);
                    assertThat(c.body()).contains("amount=2975");
                });
        JsonNode payments = api.get("/api/v1/orders/" + id + "/payments").json();
        assertThat(payments.get("payments")).filteredOn(p -> p.get("kind").asString().equals("REFUND")).hasSize(1);

        // The provider confirms the refund; the same webhook again, and again under a new id, books nothing more.
        String event = Fixtures.unique("evt");
        for (String eventId : List.of(event, event, Fixtures.unique("evt"))) {
            expect(api.paymentEvent(eventId, "charge.refunded", id, "amount_refunded", 2975, "EUR"), 200);
        }
        JsonNode after = api.get("/api/v1/orders/" + id + "/payments").json();
        assertThat(after.get("refunded").get("amount").asString()).isEqualTo("29.75");
        assertThat(after.get("paymentStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        // One credit note for the return; the booking credits nothing more.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/orders/" + id + "/credit-notes").json()).singleElement()
                .satisfies(n -> assertThat(n.get("gross").get("amount").asString()).isEqualTo("29.75")));
        assertThat(returns.refundsBeyondReceived()).noneMatch(v -> v.contains(order.get("number").asString()));
    }

    @Test
    void aRefundAboveTheApprovalAmountWaitsForAnAgent() {
        String sku = stocked("600.00", 2);
        JsonNode order = orders.delivered(location, sku, 1);
        JsonNode ret = requested(order, line(1, 1, "DAMAGED"));
        expect(receipt(ret, arrived(1, 1, "DAMAGED")), 201);
        JsonNode waiting = refunded(ret);
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString() + "/payments").json().get("payments"))
                .noneMatch(p -> p.get("kind").asString().equals("REFUND"));
        assertThat(warehouse.post("/api/v1/returns/" + ret.get("id").asString() + "/approval", Map.of()).status())
                .isEqualTo(403);

        JsonNode approved = expect(api.post("/api/v1/returns/" + ret.get("id").asString() + "/approval", Map.of()),
                200).json();
        assertThat(approved.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(approved.get("refund").get("total").get("amount").asString()).isEqualTo("714.00");
        assertThat(approved.get("approvedBy").asString()).isNotBlank();
        // Paid by bank transfer and no provider: recorded for a person to pay back.
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString() + "/payments").json().get("payments"))
                .filteredOn(p -> p.get("kind").asString().equals("REFUND")).singleElement()
                .satisfies(p -> assertThat(p.get("status").asString()).isEqualTo("REQUESTED"));
        assertThat(api.post("/api/v1/returns/" + ret.get("id").asString() + "/approval", Map.of()).status())
                .isEqualTo(409);
    }

    @Test
    void anAgentFindsAWaitingRefundInTheBackOfficeAndApprovesItOnce() {
        String sku = stocked("600.00", 2);
        JsonNode order = orders.delivered(location, sku, 1);
        JsonNode ret = requested(order, line(1, 1, "NOT_AS_DESCRIBED"));
        String number = ret.get("number").asString();
        expect(receipt(ret, arrived(1, 1, "RESELLABLE")), 201);
        assertThat(refunded(ret).get("status").asString()).isEqualTo("AWAITING_APPROVAL");

        org.ordo.backoffice.WebSession agent = org.ordo.backoffice.WebSession.login(port, "admin",
                Api.ADMIN_PASSWORD);
        org.ordo.backoffice.WebSession.Page waiting = agent.get("/returns?status=AWAITING_APPROVAL");
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body()).contains("return-" + number, order.get("number").asString());
        assertThat(agent.get("/returns?status=CANCELLED").body()).doesNotContain("return-" + number);

        agent.post("/returns/" + ret.get("id").asString() + "/approval", Map.of());
        assertThat(api.get("/api/v1/returns/" + number).json().get("status").asString()).isEqualTo("REFUNDED");
        agent.get("/returns");
        agent.post("/returns/" + ret.get("id").asString() + "/approval", Map.of());
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString() + "/payments").json().get("payments"))
                .filteredOn(p -> p.get("kind").asString().equals("REFUND")).hasSize(1);
    }

    @Test
    void aReturnIsWithdrawnOnlyBeforeItsGoodsArriveAndListsFilterByStatus() {
        String sku = stocked("19.99", 5);
        JsonNode order = orders.delivered(location, sku, 2);
        JsonNode kept = requested(order, line(1, 1, "WRONG_SIZE"));
        JsonNode withdrawn = requested(order, line(1, 1, "WRONG_SIZE"));
        assertThat(api.post("/api/v1/returns/" + withdrawn.get("id").asString() + "/cancel", Map.of()).errorFields())
                .containsExactly("reason");
        JsonNode cancelled = expect(api.post("/api/v1/returns/" + withdrawn.get("number").asString() + "/cancel",
                Map.of("reason", "kept it after all")), 200).json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        expect(receipt(kept, arrived(1, 1, "RESELLABLE")), 201);
        assertThat(api.post("/api/v1/returns/" + kept.get("id").asString() + "/cancel",
                Map.of("reason", "too late")).status()).isEqualTo(409);

        JsonNode page = expect(api.get("/api/v1/returns?status=CANCELLED&limit=1"), 200).json();
        assertThat(page.get("items")).singleElement()
                .satisfies(r -> assertThat(r.get("status").asString()).isEqualTo("CANCELLED"));
        assertThat(api.get("/api/v1/returns?status=NOPE").status()).isEqualTo(400);
    }
}
