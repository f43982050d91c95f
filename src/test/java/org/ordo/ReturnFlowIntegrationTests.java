package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.inventory.InventoryManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Returns as stories: from a delivered order through the return request, the receipt with a damaged unit and
 * the refund to the money booked, with the stock ledger equal to the levels at every step (invariants 1, 9, 10).
 */
@IntegrationTest
class ReturnFlowIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    org.ordo.reporting.Reports reports;
    @Autowired
    org.ordo.returns.PackingSlips slips;

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

    private void booksStraight(String... skus) {
        for (String sku : skus) {
            assertThat(inventory.ledgerDiscrepancies(sku)).as("ledger of " + sku).isEmpty();
        }
    }

    private long available(String sku) {
        return expect(api.get("/api/v1/inventory/" + sku), 200).json().get("available").asLong();
    }

    private JsonNode order(JsonNode order) {
        return expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json();
    }

    private JsonNode requestReturn(JsonNode order, Object... lines) {
        return expect(api.post("/api/v1/orders/" + order.get("number").asString() + "/returns",
                Map.of("resolution", "REFUND", "lines", List.of(lines), "iban", "DE89 3704 0044 0532 0130 00"),
                "Idempotency-Key", UUID.randomUUID().toString()), 201).json();
    }

    private JsonNode settled(JsonNode ret) {
        String id = ret.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/returns/" + id).json().get("status")
                .asString().equals("REFUNDED"));
        return api.get("/api/v1/returns/" + id).json();
    }

    @Test
    void deliveredOrderToMoneyBackWithADamagedUnitThatNeverBecomesAvailable() {
        String shirt = fixtures.article("20.00", "EUR", "19");
        String mug = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(shirt, location, 5);
        fixtures.receive(mug, location, 5);
        JsonNode order = orders.delivered(location, shirt, 2, mug, 1);
        assertThat(order.get("fulfillmentStatus").asString()).isEqualTo("DELIVERED");
        assertThat(available(shirt)).isEqualTo(3);
        booksStraight(shirt, mug);

        // The customer sends both shirts back: one is fine, one arrives damaged.
        JsonNode ret = requestReturn(order, Map.of("lineNo", 1, "quantity", 2, "reason", "WRONG_SIZE"));
        assertThat(ret.get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(ret.get("number").asString()).startsWith("RMA-");
        booksStraight(shirt, mug);

        JsonNode received = expect(warehouse.post("/api/v1/returns/" + ret.get("number").asString() + "/receipts",
                Map.of("location", location, "lines", List.of(
                        Map.of("lineNo", 1, "quantity", 1, "condition", "RESELLABLE"),
                        Map.of("lineNo", 1, "quantity", 1, "condition", "DAMAGED")))), 201).json();
        assertThat(received.get("lines").get(0).get("resellable").asLong()).isEqualTo(1);
        assertThat(received.get("lines").get(0).get("quarantined").asLong()).isEqualTo(1);
        JsonNode stock = api.get("/api/v1/inventory/" + shirt).json();
        assertThat(stock.get("onHand").asLong()).isEqualTo(5);
        assertThat(available(shirt)).isEqualTo(4);
        booksStraight(shirt, mug);
        assertThat(order(order).get("fulfillmentStatus").asString()).isEqualTo("PARTIALLY_RETURNED");

        // The damaged unit is counted but nobody can buy it: five on hand, an order for five is refused.
        assertThat(api.placeOrder(Fixtures.order("EUR", shirt, 5)).status()).isEqualTo(409);
        expect(api.placeOrder(Fixtures.order("EUR", shirt, 4)), 201);
        assertThat(available(shirt)).isZero();
        booksStraight(shirt, mug);

        // The refund: both shirts at the price paid (2 x 23.80), requested from a person (paid by transfer).
        JsonNode refunded = settled(ret);
        assertThat(refunded.get("refund").get("total").get("amount").asString()).isEqualTo("47.60");
        String payments = "/api/v1/orders/" + order.get("id").asString() + "/payments";
        assertThat(api.get(payments).json().get("payments"))
                .filteredOn(p -> p.get("kind").asString().equals("REFUND")).singleElement().satisfies(p -> {
                    assertThat(p.get("status").asString()).isEqualTo("REQUESTED");
                    assertThat(p.get("reference").asString()).isEqualTo(ret.get("number").asString());
                    assertThat(p.get("note").asString()).contains("DE89370400440532013000");
                });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/api/v1/orders/"
                + order.get("id").asString() + "/credit-notes").json()).singleElement()
                .satisfies(n -> assertThat(n.get("gross").get("amount").asString()).isEqualTo("47.60")));

        // A person pays it back and books it: the order is partly refunded, and no second credit note follows.
        expect(api.post("/api/v1/payments/refunds", Map.of("order", order.get("number").asString(), "amount",
                Map.of("amount", "47.60", "currency", "EUR"), "reference", ret.get("number").asString())), 201);
        assertThat(order(order).get("paymentStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(order(order).get("timeline")).extracting(t -> t.get("reason").asString())
                .anySatisfy(r -> assertThat(r).contains(ret.get("number").asString()).contains("authorized"))
                .anySatisfy(r -> assertThat(r).contains(ret.get("number").asString()).contains("received"))
                .anySatisfy(r -> assertThat(r).contains("refund of 47.60 EUR"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/v1/orders/" + order.get("id").asString() + "/credit-notes").json()).hasSize(1));
        assertThat(available(shirt)).isZero();
        booksStraight(shirt, mug);

        // The customer was told three times, in German: the RMA and where to send it, its arrival, the refund.
        JsonNode messages = api.get("/api/v1/orders/" + order.get("id").asString() + "/messages").json();
        String rma = ret.get("number").asString();
        assertThat(messages).filteredOn(m -> m.get("kind").asString().startsWith("RETURN_"))
                .extracting(m -> m.get("kind").asString())
                .containsExactlyInAnyOrder("RETURN_AUTHORIZED", "RETURN_RECEIVED", "RETURN_REFUNDED");
        assertThat(messages).filteredOn(m -> m.get("kind").asString().equals("RETURN_AUTHORIZED")).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("subject").asString()).isEqualTo("Ihre Rücksendung " + rma + " zur Bestellung "
                            + order.get("number").asString());
                    assertThat(m.get("body").asString()).contains("2 × Artikel " + shirt, "Musterstraße 1");
                });
        assertThat(messages).filteredOn(m -> m.get("kind").asString().equals("RETURN_REFUNDED")).singleElement()
                .satisfies(m -> assertThat(m.get("body").asString()).contains("47,60"));

        // The agent sees the return on the order's page in the back office.
        org.ordo.backoffice.WebSession.Page page = org.ordo.backoffice.WebSession.login(port, "admin",
                Api.ADMIN_PASSWORD).get("/orders/" + order.get("number").asString());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(rma, "2 × " + shirt + " (Wrong size): 2 received, 1 damaged or incomplete");

        // The customer sees it on the order's page behind the link in the mails (no login), in German.
        String link = slips.returnLink(java.util.UUID.fromString(order.get("id").asString()));
        org.ordo.backoffice.WebSession.Page track = new org.ordo.backoffice.WebSession(port)
                .get(link.substring(link.indexOf("/track/")));
        assertThat(track.status()).isEqualTo(200);
        assertThat(track.body()).contains("return-" + rma, "erstattet");
    }

    @Test
    void partialReturnsAcrossTwoShipmentsEndReturned() {
        String sku = fixtures.article("12.00", "EUR", "7");
        fixtures.receive(sku, location, 3);
        JsonNode order = orders.placedAndPaid(sku, 3);
        JsonNode first = orders.ship(order, location, Map.of(1, 1L));
        orders.delivered(first);
        assertThat(order(order).get("fulfillmentStatus").asString()).isEqualTo("PARTIALLY_SHIPPED");

        // Only what has shipped can come back.
        Api.Response early = api.post("/api/v1/orders/" + order.get("id").asString() + "/returns",
                Map.of("resolution", "REFUND", "lines", List.of(Map.of("lineNo", 1, "quantity", 2,
                        "reason", "CHANGED_MIND"))), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("1 shipped");

        long returnedBefore = reports.dashboard(30).outcomes().returned();
        JsonNode one = requestReturn(order, Map.of("lineNo", 1, "quantity", 1, "reason", "CHANGED_MIND"));
        expect(warehouse.post("/api/v1/returns/" + one.get("id").asString() + "/receipts", Map.of("location",
                location, "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "condition", "RESELLABLE")))), 201);
        assertThat(order(order).get("fulfillmentStatus").asString()).isEqualTo("PARTIALLY_RETURNED");
        assertThat(reports.dashboard(30).outcomes().returned()).as("the dashboard's return rate counts it")
                .isEqualTo(returnedBefore + 1);
        booksStraight(sku);

        // The rest ships and arrives later; the order stays partly returned until everything is back.
        orders.delivered(orders.shipPicked(order, location, Map.of(1, 2L)));
        assertThat(order(order).get("fulfillmentStatus").asString()).isEqualTo("PARTIALLY_RETURNED");
        assertThat(order(order).get("lines").get(0).get("shipped").asLong()).isEqualTo(3);
        JsonNode rest = requestReturn(order, Map.of("lineNo", 1, "quantity", 2, "reason", "CHANGED_MIND"));
        expect(warehouse.post("/api/v1/returns/" + rest.get("id").asString() + "/receipts", Map.of("location",
                location, "lines", List.of(Map.of("lineNo", 1, "quantity", 2, "condition", "RESELLABLE")))), 201);
        assertThat(order(order).get("fulfillmentStatus").asString()).isEqualTo("RETURNED");
        assertThat(available(sku)).isEqualTo(3);
        booksStraight(sku);

        // The two refunds add up to exactly the line's gross: 3 x 12.84 = 38.52.
        String a = settled(one).get("refund").get("total").get("amount").asString();
        String b = settled(rest).get("refund").get("total").get("amount").asString();
        assertThat(new java.math.BigDecimal(a).add(new java.math.BigDecimal(b))).isEqualByComparingTo("38.52");
    }
}
