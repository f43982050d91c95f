package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The payment gate (invariant 3) for orders paid on a marketplace: they are PAID and released at once, so only a
 * caller an administrator allowed to act for a marketplace may place them, and their money is booked as received.
 */
@IntegrationTest
class MarketplacePaymentIntegrationTests {

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

    private static Map<String, Object> paidOnTheMarketplace(String channel, String sku) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("channel", channel);
        order.put("paymentMethod", "marketplace");
        return order;
    }

    private long reserved() {
        return expect(api.get("/api/v1/inventory/" + sku), 200).json().get("reserved").asLong();
    }

    @Test
    void aKeyNotAllowedToActForAMarketplaceCannotMarkItsOrderPaid() {
        for (String role : new String[] {"INTEGRATION", "AGENT"}) {
            Api.Response refused = api.withNewKey(role).placeOrder(paidOnTheMarketplace("marketplace", sku));

            assertThat(refused.status()).as(role).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.errorFields()).containsExactly("paymentMethod");
        }
        assertThat(reserved()).isZero();
    }

    @Test
    void aKeyBoundToAMarketplacePlacesPaidOrdersOnThatChannelAndTheirMoneyIsBooked() {
        Api.Response issued = expect(api.post("/api/v1/api-keys", Map.of("name", Fixtures.unique("amazon"), "role",
                "INTEGRATION", "marketplace", "amazon-de")), 201);
        assertThat(issued.json().get("info").get("marketplace").asString()).isEqualTo("amazon-de");
        Api marketplace = api.as(issued.json().get("key").asString());

        Api.Response wrongChannel = marketplace.placeOrder(paidOnTheMarketplace("web", sku));
        assertThat(wrongChannel.status()).isEqualTo(422);
        assertThat(wrongChannel.errorFields()).containsExactly("channel");

        JsonNode order = expect(marketplace.placeOrder(paidOnTheMarketplace("marketplace", sku)), 201).json();
        assertThat(order.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(order.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        JsonNode summary = expect(api.get("/api/v1/orders/" + order.get("id").asString() + "/payments"), 200).json();
        assertThat(summary.get("received").get("amount").asString()).isEqualTo("11.90");
        assertThat(summary.get("balance").get("amount").asString()).isEqualTo("0.00");
        assertThat(summary.get("payments")).singleElement().satisfies(p -> {
            assertThat(p.get("kind").asString()).isEqualTo("MARKETPLACE");
            assertThat(p.get("reference").asString()).isEqualTo("amazon-de");
            assertThat(p.get("status").asString()).isEqualTo("BOOKED");
        });
    }

    @Test
    void aMarketplaceNameMustBeASimpleName() {
        Api.Response refused = api.post("/api/v1/api-keys", Map.of("name", Fixtures.unique("bad"), "role",
                "INTEGRATION", "marketplace", "Amazon DE; drop"));

        assertThat(refused.status()).isBetween(400, 422);
        assertThat(refused.body()).contains("marketplace");
    }

    @Test
    void anAdministratorMayRecordAnOrderAsPaidOnAMarketplaceAndItsMoneyIsBooked() {
        JsonNode order = expect(api.placeOrder(paidOnTheMarketplace("phone", sku)), 201).json();

        assertThat(order.get("paymentStatus").asString()).isEqualTo("PAID");
        JsonNode summary = expect(api.get("/api/v1/orders/" + order.get("id").asString() + "/payments"), 200).json();
        assertThat(summary.get("balance").get("amount").asString()).isEqualTo("0.00");
        assertThat(summary.get("payments")).singleElement()
                .satisfies(p -> assertThat(p.get("kind").asString()).isEqualTo("MARKETPLACE"));
    }
}
