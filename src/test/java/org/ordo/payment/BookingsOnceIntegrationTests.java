package org.ordo.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Money booked by hand counts once (issue 22 item 6, invariant 9): the same business reference again is the same
 * booking, another amount under it is refused, and an Idempotency-Key gives the first answer to a retry.
 */
@IntegrationTest
class BookingsOnceIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 50);
    }

    /** A prepayment order of two articles (23.80 EUR), paid in full by bank transfer; its number. */
    private String paidOrder() {
        Map<String, Object> order = new java.util.HashMap<>(Fixtures.order("EUR", sku, 2));
        order.put("paymentMethod", "prepayment");
        String number = expect(api.placeOrder(order), 201).json().get("number").asString();
        expect(transfer(number, "23.80", number + " paid"), 201);
        return number;
    }

    private Api.Response refund(String order, String amount, String reference, String... headers) {
        return api.post("/api/v1/payments/refunds", Map.of("order", order,
                "amount", Map.of("amount", amount, "currency", "EUR"), "reference", reference), headers);
    }

    private Api.Response transfer(String order, String amount, String reference, String... headers) {
        return api.post("/api/v1/payments/bank-transfers", Map.of("order", order,
                "amount", Map.of("amount", amount, "currency", "EUR"), "reference", reference), headers);
    }

    private JsonNode summary(String order) {
        return expect(api.get("/api/v1/orders/" + order + "/payments"), 200).json();
    }

    private static long count(JsonNode summary, String kind) {
        long n = 0;
        for (JsonNode p : summary.get("payments")) {
            n += p.get("kind").asString().equals(kind) ? 1 : 0;
        }
        return n;
    }

    @Test
    void threeRefundsOfFiveWithTwoOfThemReferencedR1RefundTen() {
        String order = paidOrder();

        expect(refund(order, "5.00", "R1"), 201);
        Api.Response again = expect(refund(order, "5.00", "R1"), 200);
        expect(refund(order, "5.00", "R2"), 201);

        assertThat(again.json().get("refunded").get("amount").asString()).isEqualTo("5.00");
        JsonNode after = summary(order);
        assertThat(after.get("refunded").get("amount").asString()).isEqualTo("10.00");
        assertThat(after.get("paymentStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(count(after, "REFUND")).isEqualTo(2);
    }

    @Test
    void theSameRefundReferenceWithAnotherAmountIsRefusedAndBooksNothing() {
        String order = paidOrder();
        expect(refund(order, "5.00", "R1"), 201);

        Api.Response other = expect(refund(order, "6.00", "R1"), 409);

        assertThat(other.body()).contains("5.00").contains("another amount needs another reference");
        assertThat(summary(order).get("refunded").get("amount").asString()).isEqualTo("5.00");
    }

    @Test
    void aRefundBeyondWhatWasReceivedIsStillRefusedWithItsField() {
        String order = paidOrder();

        Api.Response beyond = expect(refund(order, "23.81", "R9"), 422);

        assertThat(beyond.errorFields()).containsExactly("amount.amount");
        assertThat(summary(order).get("refunded").get("amount").asString()).isEqualTo("0.00");
    }

    @Test
    void aBankTransferBookedAgainUnderItsReferenceIsTheSameBookingAndAnotherAmountIsRefused() {
        Map<String, Object> placed = new java.util.HashMap<>(Fixtures.order("EUR", sku, 2));
        placed.put("paymentMethod", "prepayment");
        String order = expect(api.placeOrder(placed), 201).json().get("number").asString();

        expect(transfer(order, "10.00", "T-1"), 201);
        expect(transfer(order, "10.00", "T-1"), 200);
        expect(transfer(order, "9.00", "T-1"), 409);
        expect(transfer(order, "13.80", "T-2"), 201);

        JsonNode after = summary(order);
        assertThat(after.get("received").get("amount").asString()).isEqualTo("23.80");
        assertThat(after.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(count(after, "BANK_TRANSFER")).isEqualTo(2);
    }

    @Test
    void anIdempotencyKeyGivesTheFirstAnswerAgainAndRefusesAnotherBody() {
        String order = paidOrder();
        String key = UUID.randomUUID().toString();

        Api.Response first = expect(refund(order, "4.00", "K1", "Idempotency-Key", key), 201);
        Api.Response retry = expect(refund(order, "4.00", "K1", "Idempotency-Key", key), 201);
        Api.Response other = expect(refund(order, "4.00", "K2", "Idempotency-Key", key), 422);

        assertThat(first.replayed()).isEqualTo("false");
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");
        String transferKey = UUID.randomUUID().toString();
        expect(transfer(order, "1.00", "extra", "Idempotency-Key", transferKey), 201);
        assertThat(expect(transfer(order, "1.00", "extra", "Idempotency-Key", transferKey), 201).replayed())
                .isEqualTo("true");
        JsonNode after = summary(order);
        assertThat(after.get("refunded").get("amount").asString()).isEqualTo("4.00");
        assertThat(after.get("received").get("amount").asString()).isEqualTo("24.80");
    }

    @Test
    void theSameRefundReplayedTenTimesAtOnceBooksOnce() throws Exception {
        String withKey = paidOrder();
        String withReference = paidOrder();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return refund(withKey, "7.50", "RMA-like 1", "Idempotency-Key", key);
                }, pool));
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return refund(withReference, "7.50", "R-at-once");
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Api.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).allMatch(s -> s == 200 || s == 201);
        } finally {
            pool.shutdownNow();
        }
        for (String order : List.of(withKey, withReference)) {
            JsonNode after = summary(order);
            assertThat(after.get("refunded").get("amount").asString()).as(order).isEqualTo("7.50");
            assertThat(count(after, "REFUND")).as(order).isEqualTo(1);
        }
    }

    @Test
    void aStockAdjustmentRetriedWithItsIdempotencyKeyTakesStockOutOnce() {
        String location = fixtures.location(1);
        String counted = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(counted, location, 10);
        String key = UUID.randomUUID().toString();
        Map<String, Object> damaged = Map.of("sku", counted, "location", location, "quantity", -2, "reason",
                "damaged");

        Api.Response first = expect(api.post("/api/v1/inventory/adjustments", damaged, "Idempotency-Key", key), 201);
        Api.Response again = expect(api.post("/api/v1/inventory/adjustments", damaged, "Idempotency-Key", key), 201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(api.get("/api/v1/inventory/" + counted).json().get("onHand").asLong()).isEqualTo(8);

        Api.Response other = api.post("/api/v1/inventory/adjustments", Map.of("sku", counted, "location", location,
                "quantity", -3, "reason", "damaged"), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.errorFields()).contains("Idempotency-Key");
        assertThat(api.get("/api/v1/inventory/" + counted).json().get("onHand").asLong()).isEqualTo(8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
