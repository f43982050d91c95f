package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The same booking request sent several times at once, as an impatient client or a retrying proxy does: whatever
 * the interleaving on PostgreSQL, it takes effect once. Purchase-order placement (one order to the supplier, one
 * mail) and an order file's commit (each order placed once) had only sequential retries tested.
 */
@IntegrationTest
class ConcurrentRetriesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** Sends {@code request} from {@code n} threads released at the same moment; the answers' statuses. */
    static List<Api.Response> atOnce(int n, Supplier<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPurchaseOrderSentSixTimesAtOnceWithOneKeyIsPlacedAndMailedOnce() throws Exception {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        String supplier = Fixtures.unique("SUP");
        String email = supplier.toLowerCase() + "@supplier.example";
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Garnwerk " + supplier, "email", email,
                "leadTimeDays", 5, "currency", "EUR", "locale", "de")), 201);
        Map<String, Object> body = Map.of("supplier", supplier, "location", location, "lines",
                List.of(Map.of("sku", sku, "quantity", 12, "unitPrice", "4.20")));
        String key = Fixtures.unique("po-key");

        List<Api.Response> answers = atOnce(6, () -> api.post("/api/v1/purchase-orders", body, "Idempotency-Key", key));

        assertThat(answers).extracting(Api.Response::status).containsOnly(201);
        assertThat(answers).extracting(r -> r.json().get("number").asString()).as("one purchase order for all")
                .containsOnly(answers.get(0).json().get("number").asString());
        assertThat(answers).filteredOn(r -> "false".equals(r.replayed())).as("placed by exactly one").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_order p JOIN supplier s ON s.id = p.supplier_id "
                + "WHERE s.code = :code").param("code", supplier).query(Long.class).single()).isEqualTo(1);
        assertThat(expect(api.get("/api/v1/inventory/" + sku), 200).json().get("onOrder").asLong()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE recipient = :r").param("r", email)
                .query(Long.class).single()).as("the supplier is mailed once").isEqualTo(1);
    }

    @Test
    void anOrderFileCommittedFourTimesAtOncePlacesEachOrderOnce() throws Exception {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(sku, location, 100);
        String source = Fixtures.unique("shop").toLowerCase();
        String a = Fixtures.unique("A"), b = Fixtures.unique("B");
        String file = "reference,sku,quantity,customerEmail,customerName,currency,paymentMethod,shipName,shipStreet,"
                + "shipPostalCode,shipCity,shipCountry\n" + row(a, sku, 2) + row(b, sku, 3);
        JsonNode preview = expect(api.postBytes("/api/v1/imports/orders?source=" + source + "&fileName=orders.csv",
                file.getBytes(StandardCharsets.UTF_8), "text/csv"), 201).json();
        String id = preview.get("id").asString();

        List<Api.Response> answers = atOnce(4, () -> api.post("/api/v1/imports/orders/" + id + "/commit", ""));

        assertThat(answers).extracting(Api.Response::status).containsOnly(202, 409);
        assertThat(answers).filteredOn(r -> r.status() == 202).as("one commit runs").hasSize(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                expect(api.get("/api/v1/imports/orders/" + id), 200).json().get("status").asString()));
        JsonNode done = expect(api.get("/api/v1/imports/orders/" + id), 200).json();
        assertThat(done.get("created").asInt()).isEqualTo(2);
        for (String reference : List.of(a, b)) {
            assertThat(expect(api.get("/api/v1/orders?q=" + source + "/" + reference), 200).json().get("items")
                    .size()).as("orders with reference " + reference).isEqualTo(1);
        }
        assertThat(expect(api.get("/api/v1/inventory/" + sku), 200).json().get("reserved").asLong())
                .as("each order reserved once").isEqualTo(5);
    }

    private static String row(String reference, String sku, int quantity) {
        return reference + "," + sku + "," + quantity + "," + reference.toLowerCase() + "@example.com,Erika Muster,"
                + "EUR,prepayment,Erika Muster,Hauptstr. 1,10115,Berlin,DE\n";
    }
}
