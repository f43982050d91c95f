package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.FakePaymentProvider;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.ordering.OrderFollowUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A dearer replacement of an exchange is charged the way the returned order was paid (issue 16 item 5): to the card
 * the provider keeps for it, off-session, once per return; else the customer is asked by mail to transfer the
 * difference. A replacement waiting for its returned goods is never reminded or expired as unpaid.
 */
@IntegrationTest
class ReturnExchangeChargeIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    OrderFollowUps followUps;

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

    private String stocked(String price) {
        String sku = fixtures.article(price, "EUR", "19");
        fixtures.receive(sku, location, 5);
        return sku;
    }

    /** The provider's signed event of a payment intent of the order, with whatever else {@code fields} adds. */
    private Api.Response providerEvent(String eventId, String type, String intent, String order, long minor,
            String fields) {
        String body = """
                {"id":"%s","type":"%s","data":{"object":{"id":"%s","object":"payment_intent","amount_received":%d,\
                "currency":"eur"%s,"metadata":{"order_id":"%s"}}}}""".formatted(eventId, type, intent, minor,
                fields, order);
        return api.webhook("/api/v1/payments/webhooks/stripe", "Stripe-Signature", Api.PAYMENT_SECRET,
                Instant.now().getEpochSecond(), body);
    }

    /** One unit of {@code sku} paid at the checkout with a card the provider saved for later, shipped, delivered. */
    private JsonNode deliveredPaidByCard(String sku, String paymentMethod) {
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", sku, 1));
        body.put("paymentMethod", "card");
        JsonNode order = expect(api.placeOrder(body), 201).json();
        String id = order.get("id").asString();
        long minor = new BigDecimal(order.get("totals").get("gross").get("amount").asString()).movePointRight(2)
                .longValueExact();
        expect(providerEvent(Fixtures.unique("evt"), "payment_intent.succeeded", "pi_" + id, id, minor,
                ",\"customer\":\"cus_" + id.substring(0, 8) + "\",\"payment_method\":\"" + paymentMethod
                        + "\",\"setup_future_usage\":\"off_session\""), 200);
        orders.delivered(orders.ship(order, location, Map.of(1, 1L)));
        return expect(api.get("/api/v1/orders/" + id), 200).json();
    }

    private JsonNode exchanged(JsonNode order, String sku) {
        return expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", Map.of("resolution",
                "EXCHANGE", "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "WRONG_SIZE")),
                "exchange", List.of(Map.of("sku", sku, "quantity", 1))), "Idempotency-Key",
                UUID.randomUUID().toString()), 201).json();
    }

    private void received(JsonNode ret) {
        expect(warehouse.post("/api/v1/returns/" + ret.get("id").asString() + "/receipts", Map.of("location",
                location, "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "condition", "RESELLABLE")))), 201);
    }

    private JsonNode refunded(JsonNode ret) {
        String id = ret.get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/returns/" + id).json().get("status")
                .asString().equals("REFUNDED"));
        return api.get("/api/v1/returns/" + id).json();
    }

    private JsonNode replacement(JsonNode ret) {
        return expect(api.get("/api/v1/orders/" + ret.get("replacement").get("orderId").asString()), 200).json();
    }

    private List<JsonNode> payments(JsonNode order, String kind) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/orders/" + order.get("id").asString() + "/payments").json().get("payments").forEach(p -> {
            if (p.get("kind").asString().equals(kind)) {
                found.add(p);
            }
        });
        return found;
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

    private static List<FakePaymentProvider.Call> charges(JsonNode ret) {
        String key = "ordo-exchange-" + ret.get("id").asString();
        return FakePaymentProvider.CALLS.stream().filter(c -> key.equals(c.idempotencyKey())).toList();
    }

    @Test
    void aCardCustomersDearerReplacementIsChargedToTheSavedCardOnceAndShipsWhenTheProviderConfirms() {
        String shirt = stocked("19.99");
        String dearer = stocked("29.99");
        String method = "pm_" + Fixtures.unique("card").replace("-", "_");
        JsonNode order = deliveredPaidByCard(shirt, method);
        JsonNode ret = exchanged(order, dearer);
        received(ret);
        JsonNode done = refunded(ret);
        assertThat(done.get("refund").get("total").get("amount").asString()).isEqualTo("0.00");

        // 35.69 gross less 23.79 paid by the returned shirt: 11.90 charged off-session to the kept card.
        JsonNode replacement = replacement(ret);
        String number = replacement.get("number").asString();
        assertThat(charges(ret)).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/v1/payment_intents");
            assertThat(c.authorization()).isEqualTo("Bearer " + FakePaymentProvider.KEY);
            assertThat(c.body()).contains("amount=1190", "currency=eur", "customer=cus_"
                    + order.get("id").asString().substring(0, 8), "payment_method=" + method, "off_session=true",
                    "confirm=true", "order_id%5D=" + number);
        });
        String intent = FakePaymentProvider.CHARGES.get("ordo-exchange-" + ret.get("id").asString());
        assertThat(payments(replacement, "CAPTURE")).singleElement().satisfies(p -> {
            assertThat(p.get("status").asString()).isEqualTo("REQUESTED");
            assertThat(p.get("amount").get("amount").asString()).isEqualTo("11.90");
        });
        // Not shipped on a request: the provider's confirmation books the money, once, and releases it.
        assertThat(replacement.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(replacement.get("releasedAt").isNull()).isTrue();
        String event = Fixtures.unique("evt");
        expect(providerEvent(event, "payment_intent.succeeded", intent, number, 1190, ""), 200);
        assertThat(providerEvent(event, "payment_intent.succeeded", intent, number, 1190, "").json().get("status")
                .asString()).isEqualTo("duplicate");
        JsonNode paid = replacement(ret);
        assertThat(paid.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(paid.get("releasedAt").isNull()).isFalse();
        assertThat(payments(paid, "CAPTURE")).filteredOn(p -> p.get("status").asString().equals("BOOKED"))
                .singleElement().satisfies(p -> assertThat(p.get("amount").get("amount").asString())
                        .isEqualTo("11.90"));
        assertThat(messages(paid, "EXCHANGE_DIFFERENCE_DUE")).isEmpty();

        // Asking again charges nothing more.
        expect(api.post("/api/v1/returns/" + ret.get("id").asString() + "/refund", Map.of()), 200);
        assertThat(charges(ret)).hasSize(1);
    }

    @Test
    void aDeclinedCardLeavesTheDifferenceOwedAndTheCustomerIsAskedToTransferIt() {
        String shirt = stocked("19.99");
        String dearer = stocked("29.99");
        JsonNode order = deliveredPaidByCard(shirt, "pm_declined_" + Fixtures.unique("c").replace("-", "_"));
        JsonNode ret = exchanged(order, dearer);
        received(ret);
        refunded(ret);

        JsonNode replacement = replacement(ret);
        assertThat(charges(ret)).hasSize(1);
        assertThat(payments(replacement, "CAPTURE")).isEmpty();
        assertThat(payments(replacement, "FAILURE")).singleElement().satisfies(p -> {
            assertThat(p.get("status").asString()).isEqualTo("FAILED");
            assertThat(p.get("note").asString()).contains("refused");
        });
        assertThat(replacement.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(api.get("/api/v1/orders/" + replacement.get("id").asString() + "/payments").json()
                .get("balance").get("amount").asString()).isEqualTo("11.90");
        assertThat(messages(replacement, "EXCHANGE_DIFFERENCE_DUE")).singleElement().satisfies(m -> assertThat(
                m.get("subject").asString()).contains(replacement.get("number").asString()));
    }

    @Test
    void aChargeWhoseAnswerWasLostIsRetriedUnderTheSameKeyAndChargesOnce() {
        String shirt = stocked("19.99");
        String dearer = stocked("29.99");
        JsonNode order = deliveredPaidByCard(shirt, "pm_flaky_" + Fixtures.unique("c").replace("-", "_"));
        JsonNode ret = exchanged(order, dearer);
        received(ret);
        // The provider took the money but its answer was lost: the refund rolled back and the return waits.
        await().atMost(Duration.ofSeconds(30)).until(() -> !charges(ret).isEmpty());
        // The retry (an agent's, or the event's resubmission) asks again under the same key.
        await().atMost(Duration.ofSeconds(30)).until(() -> expect(api.post("/api/v1/returns/"
                + ret.get("id").asString() + "/refund", Map.of()), 200).json().get("status").asString()
                .equals("REFUNDED"));

        assertThat(charges(ret)).hasSize(2).extracting(FakePaymentProvider.Call::body).containsOnly(
                charges(ret).get(0).body());
        assertThat(FakePaymentProvider.CHARGES).containsKey("ordo-exchange-" + ret.get("id").asString());
        JsonNode replacement = replacement(ret);
        assertThat(payments(replacement, "CAPTURE")).singleElement().satisfies(p -> assertThat(
                p.get("providerRef").asString()).isEqualTo(FakePaymentProvider.CHARGES.get("ordo-exchange-"
                        + ret.get("id").asString())));
        assertThat(payments(replacement, "EXCHANGE_CREDIT")).hasSize(1);
        assertThat(payments(order, "REFUND")).hasSize(1);
    }

    @Test
    void withoutACardKeptTheDifferenceIsAskedForByMail() {
        String shirt = stocked("19.99");
        String dearer = stocked("29.99");
        JsonNode ret = exchanged(orders.delivered(location, shirt, 1), dearer);
        received(ret);
        refunded(ret);
        JsonNode replacement = replacement(ret);
        assertThat(charges(ret)).isEmpty();
        assertThat(api.get("/api/v1/orders/" + replacement.get("id").asString() + "/payments").json()
                .get("balance").get("amount").asString()).isEqualTo("11.90");
        assertThat(messages(replacement, "EXCHANGE_DIFFERENCE_DUE")).hasSize(1);
    }

    @Test
    void aReplacementWaitingForItsReturnedGoodsIsNeitherRemindedNorExpiredAsUnpaid() {
        String shirt = stocked("19.99");
        String other = stocked("19.99");
        AtomicReference<JsonNode> ret = new AtomicReference<>();
        AtomicReference<JsonNode> unpaid = new AtomicReference<>();
        // Sixteen days ago: a paid order shipped and exchanged, and a prepayment order that was never paid.
        TestClock.movedBy(Duration.ofDays(-16), () -> {
            JsonNode order = orders.placedAndPaid(shirt, 1);
            orders.ship(order, location, Map.of(1, 1L));
            ret.set(exchanged(order, other));
            unpaid.set(expect(api.placeOrder(Fixtures.order("EUR", shirt, 1)), 201).json());
        });
        TestClock.movedBy(Duration.ofDays(-7).minusHours(1), () -> followUps.remindUnpaid());
        followUps.expireUnpaid();

        JsonNode expired = expect(api.get("/api/v1/orders/" + unpaid.get().get("id").asString()), 200).json();
        assertThat(expired.get("status").asString()).isEqualTo("CANCELLED");
        JsonNode replacement = replacement(ret.get());
        assertThat(replacement.get("status").asString()).isEqualTo("OPEN");
        assertThat(replacement.get("lines").get(0).get("reserved").asLong()).isEqualTo(1);
        assertThat(messages(replacement, "PAYMENT_REMINDER")).isEmpty();
        assertThat(messages(replacement, "UNPAID_ORDER_CANCELLED")).isEmpty();

        // When the goods arrive, they pay it and it ships.
        received(ret.get());
        refunded(ret.get());
        assertThat(replacement(ret.get()).get("paymentStatus").asString()).isEqualTo("PAID");
    }
}
