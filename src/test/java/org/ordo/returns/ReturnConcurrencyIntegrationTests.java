package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.inventory.InventoryManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The same return request and the same receipt sent several times at once: one return, one receipt. */
@IntegrationTest
class ReturnConcurrencyIntegrationTests {

    private static final int AT_ONCE = 4;

    @LocalServerPort
    int port;
    @Autowired
    InventoryManagement inventory;

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

    /** Sends the same request from {@link #AT_ONCE} threads released together; the answers in any order. */
    private static List<Api.Response> atOnce(Supplier<Api.Response> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return send.get();
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : sent) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private JsonNode deliveredOrderOf(long units) {
        String sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 10);
        return orders.delivered(location, sku, units);
    }

    private static Map<String, Object> returnOf(long units) {
        return Map.of("resolution", "REFUND", "lines", List.of(Map.of("lineNo", 1, "quantity", units, "reason",
                "WRONG_SIZE")));
    }

    private long returnMovements(String sku) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/inventory/" + sku + "/movements").json().get("items").forEach(m -> {
            if (m.get("kind").asString().equals("RETURN")) {
                found.add(m);
            }
        });
        return found.size();
    }

    @Test
    void theSameRequestWithTheSameKeySentFourTimesAtOnceMakesOneReturn() throws Exception {
        JsonNode order = deliveredOrderOf(2);
        String path = "/api/v1/orders/" + order.get("id").asString() + "/returns";
        String key = UUID.randomUUID().toString();
        List<Api.Response> answers = atOnce(() -> api.post(path, returnOf(2), "Idempotency-Key", key));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(answers).extracting(a -> a.json().get("number").asString()).containsOnly(
                answers.get(0).json().get("number").asString());
        assertThat(answers).filteredOn(a -> "false".equals(a.replayed())).hasSize(1);
        assertThat(expect(api.get(path), 200).json()).hasSize(1);
    }

    @Test
    void theSameReceiptWithTheSameKeyScannedFourTimesAtOnceIsBookedOnce() throws Exception {
        JsonNode order = deliveredOrderOf(2);
        String sku = order.get("lines").get(0).get("sku").asString();
        JsonNode ret = expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", returnOf(2),
                "Idempotency-Key", UUID.randomUUID().toString()), 201).json();
        long onHand = api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong();
        String key = UUID.randomUUID().toString();
        Map<String, Object> receipt = Map.of("location", location, "lines", List.of(
                Map.of("lineNo", 1, "quantity", 1, "condition", "RESELLABLE"),
                Map.of("lineNo", 1, "quantity", 1, "condition", "DAMAGED")));
        List<Api.Response> answers = atOnce(() -> warehouse.post("/api/v1/returns/" + ret.get("id").asString()
                + "/receipts", receipt, "Idempotency-Key", key));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(answers).filteredOn(a -> "false".equals(a.replayed())).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.json().get("lines").get(0).get("received").asLong())
                .isEqualTo(2));
        JsonNode level = api.get("/api/v1/inventory/" + sku).json();
        assertThat(level.get("onHand").asLong()).isEqualTo(onHand + 2);
        assertThat(api.get("/api/v1/inventory/" + sku + "/quarantine").json().get(location).asLong()).isEqualTo(1);
        // Booked once: one movement back to stock and one into quarantine.
        assertThat(returnMovements(sku)).isEqualTo(2);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void theSameReceiptWithoutAKeyScannedFourTimesAtOnceIsBookedOnceAndTheOthersAreRefused() throws Exception {
        JsonNode order = deliveredOrderOf(1);
        String sku = order.get("lines").get(0).get("sku").asString();
        JsonNode ret = expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", returnOf(1),
                "Idempotency-Key", UUID.randomUUID().toString()), 201).json();
        long onHand = api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong();
        List<Api.Response> answers = atOnce(() -> warehouse.post("/api/v1/returns/" + ret.get("id").asString()
                + "/receipts", Map.of("location", location, "lines", List.of(Map.of("lineNo", 1, "quantity", 1,
                        "condition", "RESELLABLE")))));

        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409, 409, 409);
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong()).isEqualTo(onHand + 1);
        assertThat(returnMovements(sku)).isEqualTo(1);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }
}
