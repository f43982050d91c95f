package org.ordo.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.backoffice.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A validly signed provider event is still only believed when its amount and currency fit the order (invariant
 * 9): one that does not is kept as rejected with the reason, shown to agents, and books nothing.
 */
@IntegrationTest
class ProviderAmountsIntegrationTests {

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
        fixtures.receive(sku, location, 20);
    }

    /** A card order of one article: 11.90 EUR due. */
    private String cardOrder() {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("paymentMethod", "card");
        return expect(api.placeOrder(order), 201).json().get("id").asString();
    }

    /** A signed event with the amount field written exactly as given (a JSON number as text). */
    private Api.Response signed(String type, String orderId, String field, String amount, String currency) {
        String body = """
                {"id":"%s","type":"%s","data":{"object":{"id":"ch_%s","payment_intent":"pi_%s",\
                "%s":%s,"currency":"%s","metadata":{"order_id":"%s"}}}}""".formatted(Fixtures.unique("evt"), type,
                orderId, orderId, field, amount, currency, orderId);
        return api.webhook("/api/v1/payments/webhooks/stripe", "Stripe-Signature", Api.PAYMENT_SECRET,
                Instant.now().getEpochSecond(), body);
    }

    private JsonNode payments(String orderId) {
        return expect(api.get("/api/v1/orders/" + orderId + "/payments"), 200).json();
    }

    private static void rejected(Api.Response answer, String reasonPart) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("rejected");
        assertThat(answer.json().get("detail").asString()).contains(reasonPart);
    }

    @Test
    void aRefundOfTenTimesWhatWasCapturedIsRejectedAndBooksNothing() {
        String id = cardOrder();
        expect(signed("payment_intent.succeeded", id, "amount_received", "1190", "eur"), 200);

        Api.Response tenfold = signed("charge.refunded", id, "amount_refunded", "11900", "eur");

        rejected(tenfold, "exceed what was received");
        JsonNode summary = payments(id);
        assertThat(summary.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(summary.get("refunded").get("amount").asString()).isEqualTo("0.00");
        assertThat(summary.get("payments")).hasSize(1);
        assertThat(summary.get("rejectedProviderEvents")).singleElement().satisfies(r -> {
            assertThat(r.get("type").asString()).isEqualTo("charge.refunded");
            assertThat(r.get("reason").asString()).contains("119.00 EUR").contains("11.90 EUR");
        });

        // A signed event that tries to book money that does not fit is also in the security log, for admins.
        JsonNode log = expect(api.get("/api/v1/audit/security-events?limit=20"), 200).json();
        assertThat(log.path("items")).anySatisfy(e -> {
            assertThat(e.path("kind").asString()).isEqualTo("WEBHOOK_REJECTED");
            assertThat(e.path("detail").asString()).contains("exceed what was received");
        });

        // The provider's running total that fits is booked as before.
        expect(signed("charge.refunded", id, "amount_refunded", "1190", "eur"), 200);
        assertThat(payments(id).get("refunded").get("amount").asString()).isEqualTo("11.90");
        assertThat(payments(id).get("paymentStatus").asString()).isEqualTo("REFUNDED");
    }

    @Test
    void receivedAmountsThatAreNotWholeMinorUnitsOrExceedTheOrderAreRejected() {
        String id = cardOrder();
        rejected(signed("payment_intent.succeeded", id, "amount_received", "1e30", "eur"), "whole");
        rejected(signed("payment_intent.succeeded", id, "amount_received", "1.5", "eur"), "whole");
        rejected(signed("payment_intent.succeeded", id, "amount_received", "-1190", "eur"), "non-negative");
        rejected(signed("payment_intent.succeeded", id, "amount_received", "100000000000000000000", "eur"), "whole");
        rejected(signed("payment_intent.succeeded", id, "amount_received", "11900", "eur"), "order's total");
        rejected(signed("payment_intent.amount_capturable_updated", id, "amount_capturable", "11900", "eur"),
                "order's total");

        JsonNode summary = payments(id);
        assertThat(summary.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(summary.get("received").get("amount").asString()).isEqualTo("0.00");
        assertThat(summary.get("payments")).isEmpty();
        assertThat(summary.get("rejectedProviderEvents")).hasSize(6);
        assertThat(expect(api.get("/api/v1/orders/" + id), 200).json().get("releasedAt").isNull()).isTrue();
    }

    @Test
    void anAmountInAnotherCurrencyIsRejectedAndAgentsSeeWhy() {
        String id = cardOrder();
        rejected(signed("payment_intent.succeeded", id, "amount_received", "1190", "usd"), "the order is in EUR");

        assertThat(payments(id).get("received").get("amount").asString()).isEqualTo("0.00");
        String page = WebSession.login(port, "admin", Api.ADMIN_PASSWORD).get("/orders/" + id).body();
        assertThat(page).contains("id=\"rejected-provider-events\"").contains("currency USD, the order is in EUR");
    }
}
