package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invariant 2: one order per Idempotency-Key, the same answer for the same request, a refusal for another. */
@IntegrationTest
class IdempotencyIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneOrderAndTheSameAnswer() throws Exception {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 100);
        Map<String, Object> order = Fixtures.order("EUR", sku, 1);
        String body = Api.JSON.writeValueAsString(order);
        String key = Fixtures.unique("IDEM");

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            futures.add(pool.submit((Callable<Api.Response>) () -> {
                start.await();
                return api.post("/api/v1/orders", body, "Idempotency-Key", key);
            }));
        }
        start.countDown();
        List<Api.Response> responses = new ArrayList<>();
        for (var f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        Set<String> bodies = new HashSet<>();
        responses.forEach(r -> bodies.add(r.body()));
        assertThat(bodies).hasSize(1);
        assertThat(responses.stream().filter(r -> "false".equals(r.replayed())).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM customer_order WHERE external_ref = :ref")
                .param("ref", order.get("externalRef")).query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("reserved").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM inbound_document WHERE produced_id = CAST(:id AS uuid)")
                .param("id", responses.get(0).json().get("id").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String key = Fixtures.unique("IDEM");
        Api.Response first = api.post("/api/v1/orders", Fixtures.order("EUR", sku, 1), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);

        Api.Response other = api.post("/api/v1/orders", Fixtures.order("EUR", sku, 2), "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("reserved").asLong()).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheOrderChangedGetsTheFirstAnswerByteForByte() {
        // docs/api/conventions.md: a replay is the answer as first given, not the order as it is now
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String body = Api.JSON.writeValueAsString(Fixtures.order("EUR", sku, 1));
        String key = Fixtures.unique("IDEM");
        Api.Response first = api.post("/api/v1/orders", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "changed since")).status())
                .isEqualTo(200);

        Api.Response retry = api.post("/api/v1/orders", body, "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.get("/api/v1/orders/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void keysBelongToTheirApiClient() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        String key = Fixtures.unique("IDEM");
        Api shop = api.withNewKey("INTEGRATION");
        Api marketplace = api.withNewKey("INTEGRATION");

        Api.Response a = shop.post("/api/v1/orders", Fixtures.order("EUR", sku, 1), "Idempotency-Key", key);
        Api.Response b = marketplace.post("/api/v1/orders", Fixtures.order("EUR", sku, 1), "Idempotency-Key", key);

        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(a.json().get("id").asString()).isNotEqualTo(b.json().get("id").asString());
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        String key = Fixtures.unique("IDEM");
        Map<String, Object> order = Fixtures.order("EUR", sku, 1);
        assertThat(api.post("/api/v1/orders", order, "Idempotency-Key", key).status()).isEqualTo(409);

        fixtures.receive(sku, loc, 1);

        assertThat(api.post("/api/v1/orders", order, "Idempotency-Key", key).status()).isEqualTo(201);
    }

    @Test
    void theKeyIsRequired() {
        String sku = fixtures.article("10.00", "EUR", "19");
        Api.Response response = api.post("/api/v1/orders", Fixtures.order("EUR", sku, 1));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("Idempotency-Key");
    }
}
