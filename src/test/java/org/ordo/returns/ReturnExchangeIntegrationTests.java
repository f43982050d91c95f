package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Exchanges: the replacement placed and reserved at once, paid by the returned goods, the difference once. */
@IntegrationTest
class ReturnExchangeIntegrationTests {

    @LocalServerPort
    int port;

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

    private Api.Response exchange(JsonNode order, String sku, long quantity) {
        return api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", Map.of("resolution", "EXCHANGE",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "WRONG_SIZE")),
                "exchange", List.of(Map.of("sku", sku, "quantity", quantity))),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private JsonNode order(JsonNode ret) {
        return expect(api.get("/api/v1/orders/" + ret.get("replacement").get("orderId").asString()), 200).json();
    }

    private JsonNode receivedAndSettled(JsonNode ret) {
        String id = ret.get("id").asString();
        expect(warehouse.post("/api/v1/returns/" + id + "/receipts", Map.of("location", location, "lines",
                List.of(Map.of("lineNo", 1, "quantity", 1, "condition", "RESELLABLE")))), 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/returns/" + id).json().get("status")
                .asString().equals("REFUNDED"));
        return api.get("/api/v1/returns/" + id).json();
    }

    private List<JsonNode> payments(String orderId, String kind) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api.get("/api/v1/orders/" + orderId + "/payments").json().get("payments").forEach(p -> {
            if (p.get("kind").asString().equals(kind)) {
                found.add(p);
            }
        });
        return found;
    }

    @Test
    void anExchangeReservesTheReplacementAtOnceAndTheReturnedGoodsPayIt() {
        String small = stocked("19.99", 5);
        String large = stocked("19.99", 1);
        JsonNode order = orders.delivered(location, small, 1);
        JsonNode ret = expect(exchange(order, large, 1), 201).json();
        assertThat(ret.get("resolution").asString()).isEqualTo("EXCHANGE");
        JsonNode replacement = order(ret);
        assertThat(replacement.get("externalRef").asString()).isEqualTo("EXCHANGE-" + ret.get("number").asString());
        assertThat(replacement.get("lines").get(0).get("reserved").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/inventory/" + large).json().get("available").asLong()).isZero();
        // Not shipped before the goods are back: it waits for its payment.
        assertThat(replacement.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(replacement.get("releasedAt").isNull()).isTrue();

        // The last unit is taken: a second exchange for it is refused whole, no oversell and no return made.
        JsonNode other = orders.delivered(location, small, 1);
        Api.Response short_ = exchange(other, large, 1);
        assertThat(short_.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/orders/" + other.get("id").asString() + "/returns").json()).isEmpty();

        JsonNode settled = receivedAndSettled(ret);
        assertThat(settled.get("refund").get("total").get("amount").asString()).isEqualTo("0.00");
        assertThat(settled.get("refund").get("deductions")).anySatisfy(d -> assertThat(d.get("reason").asString())
                .contains(replacement.get("number").asString()));
        JsonNode paid = order(ret);
        assertThat(paid.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(paid.get("releasedAt").isNull()).isFalse();
        // No money went back for the exchanged line: its 23.79 moved to the replacement, once.
        String id = order.get("id").asString();
        assertThat(payments(id, "REFUND")).singleElement().satisfies(p -> {
            assertThat(p.get("status").asString()).isEqualTo("BOOKED");
            assertThat(p.get("amount").get("amount").asString()).isEqualTo("23.79");
        });
        expect(api.post("/api/v1/returns/" + ret.get("id").asString() + "/refund", Map.of()), 200);
        assertThat(payments(id, "REFUND")).hasSize(1);
        assertThat(payments(paid.get("id").asString(), "EXCHANGE_CREDIT")).hasSize(1);
    }

    @Test
    void aTrustedCustomersReplacementGoesToTheWarehouseAtOnceAndTheReturnedGoodsStillPayItOnce() {
        String small = stocked("19.99", 5);
        String large = stocked("19.99", 5);
        JsonNode order = orders.delivered(location, small, 1);
        String customerId = order.get("customer").get("id").asString();
        JsonNode customer = expect(api.get("/api/v1/customers/" + customerId), 200).json();
        assertThat(customer.get("trusted").asBoolean()).isFalse();
        JsonNode trusted = expect(api.put("/api/v1/customers/" + customerId, Map.of("email",
                customer.get("email").asString(), "name", customer.get("name").asString(), "trusted", true)), 200)
                .json();
        assertThat(trusted.get("trusted").asBoolean()).isTrue();

        JsonNode ret = expect(exchange(order, large, 1), 201).json();
        JsonNode replacement = order(ret);
        // Sent before anything came back, and still owed: the returned goods pay it when they arrive.
        assertThat(replacement.get("releasedAt").isNull()).isFalse();
        assertThat(replacement.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        assertThat(replacement.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(replacement.get("lines").get(0).get("reserved").asLong()).isEqualTo(1);
        assertThat(expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json().get("timeline")
                .toString()).contains("sent at once (trusted customer)");

        JsonNode settled = receivedAndSettled(ret);
        assertThat(settled.get("refund").get("total").get("amount").asString()).isEqualTo("0.00");
        assertThat(order(ret).get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(payments(replacement.get("id").asString(), "EXCHANGE_CREDIT")).hasSize(1);
    }

    @Test
    void aDearerReplacementWaitsForTheDifferenceAndACheaperOneRefundsItOnce() {
        String shirt = stocked("19.99", 5);
        String dearer = stocked("29.99", 5);
        String cheaper = stocked("9.99", 5);

        JsonNode up = receivedAndSettled(expect(exchange(orders.delivered(location, shirt, 1), dearer, 1), 201)
                .json());
        JsonNode owing = order(up);
        assertThat(owing.get("paymentStatus").asString()).isNotEqualTo("PAID");
        // 35.69 gross, 23.79 paid by the returned shirt: 11.90 is charged.
        assertThat(api.get("/api/v1/orders/" + owing.get("id").asString() + "/payments").json().get("balance")
                .get("amount").asString()).isEqualTo("11.90");

        JsonNode order = orders.delivered(location, shirt, 1);
        JsonNode down = receivedAndSettled(expect(exchange(order, cheaper, 1), 201).json());
        // 23.79 back, 11.89 to the replacement: 11.90 refunded, once.
        assertThat(down.get("refund").get("total").get("amount").asString()).isEqualTo("11.90");
        assertThat(order(down).get("paymentStatus").asString()).isEqualTo("PAID");
        expect(api.post("/api/v1/returns/" + down.get("id").asString() + "/refund", Map.of()), 200);
        assertThat(payments(order.get("id").asString(), "REFUND")).extracting(p -> p.get("status").asString()
                + " " + p.get("amount").get("amount").asString())
                .containsExactlyInAnyOrder("BOOKED 11.89", "REQUESTED 11.90");
    }

    @Test
    void aWithdrawnExchangeCancelsItsReplacementAndReleasesItsStock() {
        String shirt = stocked("19.99", 5);
        String other = stocked("19.99", 1);
        JsonNode ret = expect(exchange(orders.delivered(location, shirt, 1), other, 1), 201).json();
        expect(api.post("/api/v1/returns/" + ret.get("id").asString() + "/cancel", Map.of("reason", "kept it")),
                200);
        assertThat(order(ret).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/inventory/" + other).json().get("available").asLong()).isEqualTo(1);
    }

    @Test
    void anExchangeWithoutArticlesOrWithAnUnknownOneIsRefusedNamingIt() {
        String shirt = stocked("19.99", 5);
        JsonNode order = orders.delivered(location, shirt, 1);
        Api.Response none = api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", Map.of(
                "resolution", "EXCHANGE", "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason",
                        "WRONG_SIZE"))), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.errorFields()).containsExactly("exchange");
        Api.Response unknown = exchange(order, "NO-SUCH-" + UUID.randomUUID(), 1);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("exchange[0].sku");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString() + "/returns").json()).isEmpty();
    }
}
