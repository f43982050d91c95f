package org.ordo.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.inventory.InventoryManagement;
import org.ordo.ordering.OrderFollowUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Unpaid orders expire (issue 22 item 5): reminded, then cancelled after ORDO_UNPAID_CANCEL_AFTER (14 days here)
 * through the one cancel path, with a mail in the customer's language; time is the injected clock, moved back to
 * place the orders. Money that comes after that is booked and waits in the review queue to reopen or refund.
 */
@IntegrationTest
class UnpaidOrdersExpireIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    OrderFollowUps followUps;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    CancellationRefunds cancellationRefunds;

    Api api;
    Fixtures fixtures;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
    }

    /** An article at 10.00 EUR + 19 % with {@code stock} on hand. */
    private String article(long stock) {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, stock);
        return sku;
    }

    /** One unit of {@code sku} (11.90 EUR), placed {@code daysAgo} days ago by the application's clock. */
    private JsonNode placedDaysAgo(int daysAgo, String sku, String method, String locale) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("paymentMethod", method);
        order.put("customer", Map.of("email", Fixtures.unique("x").toLowerCase() + "@example.com",
                "name", "Erika Muster", "locale", locale));
        AtomicReference<JsonNode> placed = new AtomicReference<>();
        TestClock.movedBy(Duration.ofDays(-daysAgo), () -> placed.set(expect(api.placeOrder(order), 201).json()));
        return placed.get();
    }

    private JsonNode order(JsonNode order) {
        return expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json();
    }

    private long reserved(String sku) {
        return expect(api.get("/api/v1/inventory/" + sku), 200).json().get("reserved").asLong();
    }

    private List<JsonNode> messages(JsonNode order, String kind) {
        List<JsonNode> found = new ArrayList<>();
        expect(api.get("/api/v1/orders/" + order.get("id").asString() + "/messages"), 200).json().forEach(m -> {
            if (m.get("kind").asString().equals(kind)) {
                found.add(m);
            }
        });
        return found;
    }

    /** Reminds the order a week before its expiry, then lets the clock reach today and the job run. */
    private void remindedThenExpired() {
        TestClock.movedBy(Duration.ofDays(-7).minusHours(1), () -> followUps.remindUnpaid());
        followUps.expireUnpaid();
    }

    /** The open review entry of kind LATE_PAYMENT about this order. */
    private JsonNode lateEntry(JsonNode order) {
        JsonNode open = expect(api.get("/api/v1/review-entries?kind=LATE_PAYMENT&limit=200"), 200).json();
        for (JsonNode item : open.get("items")) {
            if (item.get("reason").asString().contains(order.get("number").asString())) {
                return item;
            }
        }
        throw new AssertionError("no late-payment entry for " + order.get("number"));
    }

    @Test
    void anUnpaidOrderIsRemindedThenCancelledAfterFourteenDaysWithAMailInItsLanguage() {
        String sku = article(10);
        JsonNode prepayment = placedDaysAgo(15, sku, "prepayment", "de");
        JsonNode card = placedDaysAgo(15, sku, "card", "es");
        JsonNode invoice = placedDaysAgo(15, sku, "invoice", "en");
        JsonNode recent = placedDaysAgo(13, sku, "prepayment", "en");
        JsonNode partlyPaid = placedDaysAgo(15, sku, "prepayment", "en");
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", partlyPaid.get("number").asString(),
                "amount", Map.of("amount", "5.00", "currency", "EUR"))), 201);
        TestClock.movedBy(Duration.ofDays(-2), () -> followUps.expireUnpaid());
        assertThat(order(prepayment).get("status").asString()).as("not reminded yet").isEqualTo("OPEN");
        long before = reserved(sku);

        remindedThenExpired();
        followUps.expireUnpaid();

        JsonNode cancelled = order(prepayment);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("timeline").toString()).contains("unpaid after 14 days: cancelled automatically");
        assertThat(order(card).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order(invoice).get("status").asString()).as("ships before payment").isNotEqualTo("CANCELLED");
        assertThat(order(recent).get("status").asString()).isEqualTo("OPEN");
        assertThat(order(partlyPaid).get("status").asString()).as("money came: a person decides").isEqualTo("OPEN");
        assertThat(reserved(sku)).as("the reservations of the two are released").isEqualTo(before - 2);
        assertThat(messages(prepayment, "UNPAID_ORDER_CANCELLED")).singleElement().satisfies(m -> {
            assertThat(m.get("subject").asString()).isEqualTo("Ihre Bestellung " + prepayment.get("number")
                    .asString() + " wurde storniert: keine Zahlung eingegangen");
            assertThat(m.get("body").asString()).contains("11,90\u00a0€");
        });
        assertThat(messages(card, "UNPAID_ORDER_CANCELLED")).singleElement().satisfies(m -> assertThat(
                m.get("subject").asString()).startsWith("Hemos cancelado su pedido"));
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void aBankTransferAfterTheExpiryIsBookedAndReviewedAndReopensTheOrderWhileStockLasts() {
        String sku = article(1);
        JsonNode expired = placedDaysAgo(15, sku, "prepayment", "en");
        remindedThenExpired();
        assertThat(order(expired).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(reserved(sku)).isZero();

        JsonNode booked = expect(api.post("/api/v1/payments/bank-transfers", Map.of("order",
                expired.get("number").asString(), "amount", Map.of("amount", "11.90", "currency", "EUR"),
                "reference", expired.get("number").asString())), 201).json();

        assertThat(booked.get("received").get("amount").asString()).isEqualTo("11.90");
        assertThat(order(expired).get("status").asString()).as("a person decides").isEqualTo("CANCELLED");
        JsonNode entry = lateEntry(expired);
        assertThat(entry.get("reason").asString()).contains("11.90 EUR").contains("reopen");
        String id = entry.get("id").asString();
        expect(api.post("/api/v1/review-entries/" + id + "/reject", Map.of("reason", "no")), 409);

        JsonNode reopened = expect(api.post("/api/v1/payments/late-payments/" + id + "/reopen", Map.of()), 200).json();

        assertThat(reopened.get("paymentStatus").asString()).isEqualTo("PAID");
        JsonNode now = order(expired);
        assertThat(now.get("status").asString()).isEqualTo("OPEN");
        assertThat(now.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        assertThat(reserved(sku)).isEqualTo(1);
        assertThat(expect(api.get("/api/v1/review-entries/" + id), 200).json().get("status").asString())
                .isEqualTo("RESOLVED");
        expect(api.post("/api/v1/payments/late-payments/" + id + "/refund", Map.of()), 409);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void aCardPaymentAfterTheExpiryWhoseStockIsGoneCannotReopenAndIsRefunded() {
        String sku = article(1);
        JsonNode expired = placedDaysAgo(15, sku, "card", "en");
        followUps.expireUnpaid();
        assertThat(order(expired).get("status").asString()).isEqualTo("CANCELLED");
        Map<String, Object> other = new HashMap<>(Fixtures.order("EUR", sku, 1));
        expect(api.placeOrder(other), 201);

        JsonNode outcome = expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.succeeded",
                expired.get("id").asString(), "amount_received", 1190, "EUR"), 200).json();
        assertThat(outcome.get("status").asString()).isEqualTo("processed");
        String id = lateEntry(expired).get("id").asString();

        expect(api.post("/api/v1/payments/late-payments/" + id + "/reopen", Map.of()), 409);
        assertThat(order(expired).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(reserved(sku)).as("no oversell").isEqualTo(1);

        JsonNode refunded = expect(api.post("/api/v1/payments/late-payments/" + id + "/refund", Map.of()), 200)
                .json();

        assertThat(refunded.get("received").get("amount").asString()).isEqualTo("11.90");
        assertThat(refunds(refunded)).singleElement().satisfies(r -> assertThat(r).startsWith("REQUESTED 11.9"));
        assertThat(expect(api.get("/api/v1/review-entries/" + id), 200).json().get("status").asString())
                .isEqualTo("RESOLVED");
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    /** The "STATUS amount" of each refund in a payment summary. */
    private static List<String> refunds(JsonNode summary) {
        List<String> refunds = new ArrayList<>();
        summary.get("payments").forEach(p -> {
            if (p.get("kind").asString().equals("REFUND")) {
                refunds.add(p.get("status").asString() + " " + p.get("amount").get("amount").asString());
            }
        });
        return refunds;
    }

    /** A card order of 11.90 EUR that expired unpaid, and whose money the provider then took after all. */
    private JsonNode expiredAndPaidLate() {
        JsonNode expired = placedDaysAgo(15, article(1), "card", "en");
        followUps.expireUnpaid();
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.succeeded", expired.get("id").asString(),
                "amount_received", 1190, "EUR"), 200);
        return expired;
    }

    /** The expiry's cancellation handled by its refund listener now, as a delayed or repeated delivery would. */
    private void cancellationHandledNow(JsonNode expired) {
        cancellationRefunds.on(new org.ordo.ordering.OrderCancelled(
                java.util.UUID.fromString(expired.get("id").asString()), expired.get("number").asString(), "unpaid",
                "system", org.ordo.ordering.PaymentStatus.PENDING));
    }

    @Test
    void theExpiryHandledAfterALatePaymentGivesNothingBackThatAPersonMustDecideOn() {
        JsonNode expired = expiredAndPaidLate();
        String id = lateEntry(expired).get("id").asString();

        cancellationHandledNow(expired);

        JsonNode refunded = expect(api.post("/api/v1/payments/late-payments/" + id + "/refund", Map.of()), 200)
                .json();
        assertThat(refunds(refunded)).as("given back once, as the person decided").singleElement()
                .satisfies(r -> assertThat(r).startsWith("REQUESTED 11.9"));
    }

    @Test
    void theExpiryHandledAfterTheOrderWasReopenedGivesNothingBack() {
        JsonNode expired = expiredAndPaidLate();
        expect(api.post("/api/v1/payments/late-payments/" + lateEntry(expired).get("id").asString() + "/reopen",
                Map.of()), 200);

        cancellationHandledNow(expired);

        assertThat(order(expired).get("status").asString()).isEqualTo("OPEN");
        assertThat(refunds(expect(api.get("/api/v1/orders/" + expired.get("id").asString() + "/payments"), 200)
                .json())).as("the reopened order keeps its money").isEmpty();
    }
}
