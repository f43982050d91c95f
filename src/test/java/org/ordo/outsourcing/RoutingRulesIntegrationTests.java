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
 * article whose rule says so, 3PL first for a channel, and an article's rule over its channel's; a backorder filled
 * later by its order's channel's rule; the lowest cost only among costs in the order's currency.
 */
@IntegrationTest
class RoutingRulesIntegrationTests {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.ordo.ordering.OrderLifecycle lifecycle;

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
    void theCheckoutPromiseShipsFromWhereTheRulesWouldTakeTheGoods() {
        // the warehouses were registered just now: the promise must read them at once, not a second later
        assertThat(promisedFrom("")).as("no rule: by priority, as allocation").isEqualTo(threePl);
        expect(api.put("/api/v1/routing-rules", Map.of("article", sku, "strategy", "OWN_FIRST")), 200);
        assertThat(promisedFrom("")).as("the article's rule").isEqualTo(own);
        assertThat(promisedFrom("&channel=web")).isEqualTo(own);
        assertThat(reservedAt(placed("web"))).as("and the order placed then").isEqualTo(own);
        assertThat(api.get("/api/v1/promise?sku=" + sku + "&quantity=1&country=DE&channel=%20web").errorFields())
                .containsExactly("channel");
    }

    private String promisedFrom(String more) {
        JsonNode answer = expect(api.get("/api/v1/promise?sku=" + sku + "&quantity=1&country=DE" + more), 200).json();
        return answer.get("options").get(0).get("shipments").get(0).get("warehouse").asString();
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

    @Test
    void aBackorderFilledLaterFollowsItsOrdersChannelRule() {
        String later = fixtures.article("PHYSICAL", "10.00", "EUR", "19", true, false); // backorderable
        String channel = "email";
        expect(api.put("/api/v1/routing-rules", Map.of("channel", channel, "strategy", "OWN_FIRST")), 200);
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", later, 2));
        body.put("channel", channel);
        JsonNode order = expect(api.placeOrder(body), 201).json();
        assertThat(order.get("fulfillmentStatus").asString()).isEqualTo("BACKORDERED");

        // stock turns up at both (counted in, so nothing fills yet); the 3PL ships first by priority
        for (String location : java.util.List.of(threePl, own)) {
            expect(api.post("/api/v1/inventory/adjustments", Map.of("sku", later, "location", location, "quantity", 5,
                    "reason", "found in a count")), 201);
        }
        assertThat(lifecycle.fillBackorders(later)).isEqualTo(1);
        JsonNode filled = expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json();
        assertThat(reservedAt(filled)).as("the email channel's rule: own stock first").isEqualTo(own);
    }

    @Test
    void lowestCostComparesOnlyCostsInTheOrdersCurrency() {
        String cheapInDollars = fixtures.location(1);
        String dearInEuros = fixtures.location(2);
        String lamp = fixtures.article("30.00", "EUR", "19");
        expect(api.put("/api/v1/routing-rules", Map.of("article", lamp, "strategy", "LOWEST_COST")), 200);
        feed(cheapInDollars, lamp, "3.00", "USD");
        feed(dearInEuros, lamp, "9.00", "EUR");

        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", lamp, 1));
        body.put("channel", "web");
        assertThat(reservedAt(expect(api.placeOrder(body), 201).json()))
                .as("3.00 USD is not less than 9.00 EUR: it cannot be compared, so the known EUR cost goes first")
                .isEqualTo(dearInEuros);
    }

    /** A supplier at this location whose stock feed offers 5 units at this cost. */
    private void feed(String location, String sku, String unitCost, String currency) {
        String secret = "feed-secret-" + java.util.UUID.randomUUID();
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "DROPSHIP_SUPPLIER", "name",
                "Supplier " + location, "delivery", "FOLDER", "secret", secret)), 200);
        String report = """
                {"reference":"%s","lines":[{"sku":"%s","onHand":5,"unitCost":"%s","currency":"%s"}]}"""
                .formatted(Fixtures.unique("FEED"), sku, unitCost, currency);
        expect(api.webhook("/api/v1/fulfilment-partners/" + location + "/stock-reports", "X-Ordo-Signature", secret,
                java.time.Instant.now().getEpochSecond(), report), 200);
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
