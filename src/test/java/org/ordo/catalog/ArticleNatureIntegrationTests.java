package org.ordo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Receipt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An article does not change its nature (physical or digital) or its currency while stock, reservations or open
 * orders hold it: the stock would be stranded, and orders of the "digital" article would skip the stock check.
 */
@IntegrationTest
class ArticleNatureIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    TransactionTemplate transaction;

    Api api;
    Fixtures fixtures;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
    }

    private static Map<String, Object> as(String type, String currency) {
        return Map.of("type", type, "name", Map.of("en", "Article"), "price", Map.of("amount", "10.00", "currency",
                currency), "taxRate", "19", "weightGrams", 100);
    }

    @Test
    void anArticleWithStockAndReservationsDoesNotTurnDigital() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201);

        Api.Response refused = api.put("/api/v1/articles/" + sku, as("DIGITAL", "EUR"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("cannot become DIGITAL")
                .contains("5 on hand (2 reserved) at " + location).contains("open orders SO-");
        assertThat(api.get("/api/v1/articles/" + sku).json().get("type").asString()).isEqualTo("PHYSICAL");
        // so ten thousand units are still checked against the stock
        assertThat(api.placeOrder(Fixtures.order("EUR", sku, 10_000)).status()).isEqualTo(409);
    }

    @Test
    void anArticleOnOpenOrdersKeepsItsCurrency() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 1);
        String order = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json().get("id").asString();

        Api.Response refused = api.put("/api/v1/articles/" + sku, as("PHYSICAL", "USD"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("change its currency from EUR to USD");
        expect(api.post("/api/v1/orders/" + order + "/cancel", Map.of("reason", "test")), 200);
        expect(api.post("/api/v1/inventory/adjustments", Map.of("sku", sku, "location", location, "quantity", -1,
                "reason", "count")), 201);
        // Nothing holds it any more: now it may.
        assertThat(expect(api.put("/api/v1/articles/" + sku, as("PHYSICAL", "USD")), 200).json().get("price")
                .get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void anArticleNothingHoldsMayChangeItsNatureAndOtherChangesAreNotHeldUp() {
        String unused = fixtures.article("10.00", "EUR", "19");
        assertThat(expect(api.put("/api/v1/articles/" + unused, as("DIGITAL", "EUR")), 200).json().get("type")
                .asString()).isEqualTo("DIGITAL");

        String stocked = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(stocked, location, 3);
        Map<String, Object> cheaper = Map.of("type", "PHYSICAL", "name", Map.of("en", "Article"), "price",
                Map.of("amount", "8.00", "currency", "EUR"), "taxRate", "19", "weightGrams", 100);
        assertThat(expect(api.put("/api/v1/articles/" + stocked, cheaper), 200).json().get("price").get("amount")
                .asString()).isEqualTo("8.00");
    }

    @Test
    void aChangeOfNatureWaitsForAReceiptInProgressAndThenSeesItsStock() throws Exception {
        String sku = fixtures.article("10.00", "EUR", "19");
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> receipt = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            inventory.receive(new Receipt(sku, location, 4L, Fixtures.unique("PO"), null));
            received.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Api.Response> change = CompletableFuture.supplyAsync(
                () -> api.put("/api/v1/articles/" + sku, as("DIGITAL", "EUR")));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> !change.isDone());
        commit.countDown();
        receipt.get(30, TimeUnit.SECONDS);

        Api.Response answer = change.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("detail").asString()).contains("4 on hand at " + location);
        assertThat(api.get("/api/v1/articles/" + sku).json().get("type").asString()).isEqualTo("PHYSICAL");
    }
}
