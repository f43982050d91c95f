package org.ordo.outsourcing;

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
 * Routing rules decide where an order's stock is reserved: by priority without a rule, own stock first for an
 * article whose rule says so, 3PL first for a channel, and an article's rule over its channel's.
 */
@IntegrationTest
class RoutingRulesIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String own, threePl, sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        own = fixtures.location(5);
        threePl = fixtures.location(1); // the 3PL ships first by priority
        expect(api.put("/api/v1/fulfilment-partners/" + threePl, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil", "delivery", "FOLDER", "secret", "routing-secret-0123456789")), 200);
        sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, own, 10);
        fixtures.receive(sku, threePl, 10);
    }

    @Test
    void withoutARuleStockComesFromTheLocationFirstByPriority() {
        assertThat(reservedAt(placed("web"))).isEqualTo(threePl);
    }

    @Test
    void anArticlesRuleTakesOwnStockFirstAndWinsOverItsChannelsRule() {
        // rules are shared by every test: a channel's rule only matters where a partner holds the SKU, as here
        String channel = "phone";
        expect(api.put("/api/v1/routing-rules", Map.of("article", sku, "strategy", "OWN_FIRST")), 200);
        expect(api.put("/api/v1/routing-rules", Map.of("channel", channel, "strategy", "THIRD_PARTY_FIRST")), 200);
        assertThat(reservedAt(placed(channel))).isEqualTo(own);
        assertThat(reservedAt(placed("web"))).isEqualTo(own);
        assertThat(api.put("/api/v1/routing-rules", Map.of("channel", "carrier-pigeon", "strategy", "OWN_FIRST"))
                .errorFields()).containsExactly("channel");

        JsonNode rules = expect(api.get("/api/v1/routing-rules"), 200).json();
        assertThat(rules.toString()).contains(sku).contains(channel);
        assertThat(api.put("/api/v1/routing-rules", Map.of("article", sku, "channel", channel, "strategy",
                "OWN_FIRST")).errorFields()).containsExactly("channel");
        assertThat(api.put("/api/v1/routing-rules", Map.of("article", "NO-SUCH-SKU", "strategy", "OWN_FIRST"))
                .errorFields()).containsExactly("article");
    }

    @Test
    void aChannelsRuleRoutesItsOrders() {
        String other = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(other, own, 10);
        fixtures.receive(other, threePl, 10);
        String channel = "email";
        expect(api.put("/api/v1/routing-rules", Map.of("channel", channel, "strategy", "OWN_FIRST")), 200);
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", other, 1));
        order.put("channel", channel);
        assertThat(reservedAt(expect(api.placeOrder(order), 201).json())).isEqualTo(own);
    }

    private JsonNode placed(String channel) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("channel", channel);
        return expect(api.placeOrder(order), 201).json();
    }

    private static String reservedAt(JsonNode order) {
        return order.get("reservations").get(0).get("location").asString();
    }
}
