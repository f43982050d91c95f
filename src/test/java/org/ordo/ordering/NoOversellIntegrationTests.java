package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.ordo.inventory.InventoryManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invariant 1 under load: many clients at once never get more than the stock, and the books stay straight. */
@IntegrationTest
class NoOversellIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InventoryManagement inventory;
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
    void manyClientsOrderingAScarceSkuGetExactlyTheStock() throws Exception {
        String first = fixtures.location(1);
        String second = fixtures.location(2);
        String sku = fixtures.article("9.99", "EUR", "19");
        fixtures.receive(sku, first, 7);
        fixtures.receive(sku, second, 5);

        List<Integer> statuses = concurrently(24, 3, i -> api.placeOrder(Fixtures.order("EUR", sku, 1)));

        long accepted = statuses.stream().filter(s -> s == 201).count();
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        Map<String, Object> totals = jdbc.sql("""
                SELECT sum(on_hand) AS on_hand, sum(reserved) AS reserved FROM stock_level WHERE sku = :sku
                """).param("sku", sku).query().singleRow();
        long reserved = ((Number) totals.get("reserved")).longValue();
        long ordered = jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM order_line WHERE sku = :sku")
                .param("sku", sku).query(Long.class).single();
        assertThat(accepted).isEqualTo(12);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(72 - 12);
        assertThat(reserved).isEqualTo(ordered).isEqualTo(12);
        assertThat(((Number) totals.get("on_hand")).longValue()).isEqualTo(12);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void ordersLockingSkusInOppositeOrderDoNotDeadlock() throws Exception {
        String loc = fixtures.location(1);
        String a = fixtures.article("1.00", "EUR", "19");
        String b = fixtures.article("1.00", "EUR", "19");
        fixtures.receive(a, loc, 30);
        fixtures.receive(b, loc, 30);

        List<Integer> statuses = concurrently(16, 3, i -> i % 2 == 0
                ? api.placeOrder(Fixtures.order("EUR", a, 1, b, 1))
                : api.placeOrder(Fixtures.order("EUR", b, 1, a, 1)));

        assertThat(statuses).hasSize(48).allMatch(s -> s == 201 || s == 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(30);
        assertThat(inventory.ledgerDiscrepancies(a)).isEmpty();
        assertThat(inventory.ledgerDiscrepancies(b)).isEmpty();
        assertThat(api.get("/api/v1/inventory/" + a).json().get("available").asLong()).isZero();
    }

    @Test
    void cancellationsRacingPlacementsKeepTheBooksStraight() throws Exception {
        String loc = fixtures.location(1);
        String sku = fixtures.article("1.00", "EUR", "19");
        fixtures.receive(sku, loc, 10);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(api.placeOrder(Fixtures.order("EUR", sku, 2)).json().get("id").asString());
        }

        List<Integer> statuses = concurrently(10, 1, i -> i < 5
                ? api.post("/api/v1/orders/" + placed.get(i) + "/cancel", Map.of("reason", "race"))
                : api.placeOrder(Fixtures.order("EUR", sku, 2)));

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 409);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
        long reserved = api.get("/api/v1/inventory/" + sku).json().get("reserved").asLong();
        assertThat(reserved).isEqualTo(2L * statuses.stream().filter(s -> s == 201).count());
    }

    interface Call {
        Api.Response run(int index);
    }

    /** Runs {@code threads} x {@code perThread} calls released at the same moment; returns their statuses. */
    static List<Integer> concurrently(int threads, int perThread, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<List<Integer>>) () -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Api.Response response = call.run(thread * perThread + i);
                        if (response.status() >= 500) {
                            throw new AssertionError("Server error: " + response);
                        }
                        statuses.add(response.status());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (var f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
