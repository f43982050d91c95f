package org.ordo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.ordering.OrderFollowUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Payment reminders and delay notices: the follow-up job, run directly here, writes each at most once per order,
 * only to the orders the rule names. "Eight days ago" is made by moving an order's creation time back in SQL.
 */
@IntegrationTest
class FollowUpIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    OrderFollowUps followUps;

    Api api;
    Fixtures fixtures;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
    }

    /** Places a one-line order of an article at 10.00 EUR + 19 %; {@code stock} units are on hand. */
    private JsonNode placed(String locale, String paymentMethod, Instant promisedAt, long stock,
            Map<String, Object> contact) {
        String sku = fixtures.article("PHYSICAL", "10.00", "EUR", "19", true, false);
        if (stock > 0) {
            fixtures.receive(sku, location, stock);
        }
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        Map<String, Object> customer = new HashMap<>(Map.of("email", Fixtures.unique("f").toLowerCase()
                + "@example.com", "name", "Erika Muster", "locale", locale));
        customer.putAll(contact);
        order.put("customer", customer);
        order.put("paymentMethod", paymentMethod);
        if (promisedAt != null) {
            order.put("promisedAt", promisedAt.toString());
        }
        return expect(api.placeOrder(order), 201).json();
    }

    private JsonNode placedPrepayment(String locale) {
        return placed(locale, "prepayment", null, 5, Map.of());
    }

    /** Places the order with the application's clock moved back, as if it had come in {@code days} ago. */
    private static JsonNode placedDaysAgo(int days, Supplier<JsonNode> placing) {
        AtomicReference<JsonNode> placed = new AtomicReference<>();
        TestClock.movedBy(Duration.ofDays(-days), () -> placed.set(placing.get()));
        return placed.get();
    }

    private void pay(JsonNode order, String amount) {
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                "amount", Map.of("amount", amount, "currency", "EUR"))), 201);
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

    private JsonNode timeline(JsonNode order) {
        return expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json().get("timeline");
    }

    @Test
    void anUnpaidPrepaymentOrderIsRemindedOnceAfterSevenDays() {
        JsonNode order = placedDaysAgo(8, () -> placedPrepayment("en"));
        JsonNode partlyPaid = placedDaysAgo(8, () -> placedPrepayment("de"));
        pay(partlyPaid, "4.00");
        JsonNode recent = placedDaysAgo(6, () -> placedPrepayment("en"));

        assertThat(followUps.remindUnpaid()).isGreaterThanOrEqualTo(2);
        assertThat(followUps.remindUnpaid()).as("a second run finds nothing new for these").isZero();

        String number = order.get("number").asString();
        assertThat(messages(order, "PAYMENT_REMINDER")).singleElement().satisfies(m -> {
            assertThat(m.get("channel").asString()).isEqualTo("EMAIL");
            assertThat(m.get("subject").asString()).isEqualTo("Payment reminder for your order " + number);
            assertThat(m.get("body").asString()).contains("Amount due: €11.90")
                    .contains("Payment reference: " + number)
                    .contains("Account holder: Ordo Demo GmbH").contains("IBAN: DE02120300000000202051")
                    .contains("BIC: BYLADEM1001");
        });
        assertThat(messages(partlyPaid, "PAYMENT_REMINDER")).singleElement().satisfies(m -> assertThat(
                m.get("body").asString()).contains("Offener Betrag: 7,90\u00a0€")
                .contains("Verwendungszweck: " + partlyPaid.get("number").asString()));
        assertThat(messages(recent, "PAYMENT_REMINDER")).as("placed six days ago").isEmpty();
        assertThat(timeline(order)).anySatisfy(t -> {
            assertThat(t.get("dimension").asString()).isEqualTo("payment");
            assertThat(t.get("reason").asString()).isEqualTo("payment reminder sent: 11.90 EUR due");
            assertThat(t.get("actor").asString()).isEqualTo("system");
        });
    }

    @Test
    void twoNodesRunningTheJobAtOnceRemindEachOrderOnce() throws Exception {
        List<JsonNode> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(placedDaysAgo(10, () -> placedPrepayment("en")));
        }
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return followUps.remindUnpaid();
                }));
            }
            for (java.util.concurrent.Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        followUps.remindUnpaid();
        for (JsonNode order : orders) {
            assertThat(messages(order, "PAYMENT_REMINDER")).as(order.get("number").asString()).hasSize(1);
            assertThat(timeline(order)).filteredOn(t -> t.get("reason").asString().startsWith("payment reminder"))
                    .hasSize(1);
        }
    }

    @Test
    void paidCancelledAndNonPrepaymentOrdersAreNotReminded() {
        JsonNode paid = placedDaysAgo(30, () -> placedPrepayment("en"));
        pay(paid, "11.90");
        JsonNode cancelled = placedDaysAgo(30, () -> placedPrepayment("en"));
        expect(api.post("/api/v1/orders/" + cancelled.get("id").asString() + "/cancel",
                Map.of("reason", "customer changed their mind")), 200);
        JsonNode card = placedDaysAgo(30, () -> placed("en", "card", null, 5, Map.of()));

        followUps.remindUnpaid();

        for (JsonNode order : List.of(paid, cancelled, card)) {
            assertThat(messages(order, "PAYMENT_REMINDER")).as(order.get("number").asString()).isEmpty();
        }
    }

    @Test
    void aReleasedOrderWhosePromiseHasPassedGetsOneDelayNotice() {
        JsonNode order = placed("es", "prepayment", Instant.now().minus(1, ChronoUnit.HOURS), 5, Map.of());
        pay(order, "11.90");

        followUps.noticeDelays();
        followUps.noticeDelays();

        assertThat(messages(order, "DELAY_NOTICE")).singleElement().satisfies(m -> {
            assertThat(m.get("subject").asString()).isEqualTo("Su pedido " + order.get("number").asString()
                    + " se retrasa");
            assertThat(m.get("body").asString()).contains("No hemos podido enviarlo a tiempo.");
        });
        assertThat(timeline(order)).anySatisfy(t -> {
            assertThat(t.get("dimension").asString()).isEqualTo("fulfillment");
            assertThat(t.get("reason").asString()).startsWith("delay notice sent: promised for ");
        });
    }

    @Test
    void aBackorderedOrderPromisedForTomorrowGetsADelayNoticeAndAnSmsWithConsent() {
        JsonNode order = placed("ko", "prepayment", Instant.now().plus(2, ChronoUnit.HOURS), 0,
                Map.of("phone", "+821099998888", "smsConsent", true));
        pay(order, "11.90");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString()).json().get("fulfillmentStatus")
                .asString()).isEqualTo("BACKORDERED");

        followUps.noticeDelays();

        String article = order.get("lines").get(0).get("name").asString();
        assertThat(messages(order, "DELAY_NOTICE")).hasSize(2).anySatisfy(m -> {
            assertThat(m.get("channel").asString()).isEqualTo("EMAIL");
            assertThat(m.get("body").asString()).contains("일부 상품의 재고가 아직 입고되지 않았습니다: " + article);
        }).anySatisfy(m -> {
            assertThat(m.get("channel").asString()).isEqualTo("SMS");
            assertThat(m.get("recipient").asString()).isEqualTo("+821099998888");
            assertThat(m.get("body").asString()).startsWith("죄송합니다. 주문 " + order.get("number").asString());
        });
    }

    @Test
    void ordersOnTimeUnpaidOrCancelledGetNoDelayNotice() {
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
        JsonNode onTime = placed("en", "prepayment", Instant.now().plus(2, ChronoUnit.DAYS), 5, Map.of());
        pay(onTime, "11.90");
        JsonNode backorderedLater = placed("en", "prepayment", Instant.now().plus(3, ChronoUnit.DAYS), 0, Map.of());
        pay(backorderedLater, "11.90");
        JsonNode unpaid = placed("en", "prepayment", past, 5, Map.of());
        JsonNode cancelled = placed("en", "prepayment", past, 5, Map.of());
        pay(cancelled, "11.90");
        expect(api.post("/api/v1/orders/" + cancelled.get("id").asString() + "/cancel",
                Map.of("reason", "out of time")), 200);

        followUps.noticeDelays();

        for (JsonNode order : List.of(onTime, backorderedLater, unpaid, cancelled)) {
            assertThat(messages(order, "DELAY_NOTICE")).as(order.get("number").asString()).isEmpty();
        }
    }
}
