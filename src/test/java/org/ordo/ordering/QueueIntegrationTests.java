package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class QueueIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        String loc = fixtures.location(1);
        sku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(sku, loc, 100);
    }

    private String placeFor(Map<String, Object> customer, String channel, Instant promisedAt) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("customer", customer);
        order.put("channel", channel);
        if (promisedAt != null) {
            order.put("promisedAt", promisedAt.toString());
        }
        return expect(api.placeOrder(order), 201).json().get("id").asString();
    }

    @Test
    void pagesThroughTheQueueByDeadlineWithoutGapsOrRepeats() {
        Map<String, Object> customer = Map.of("email", Fixtures.unique("q").toLowerCase() + "@example.com",
                "name", "Queue Tester");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(placeFor(customer, "web", base.plus(5 - i, ChronoUnit.HOURS)));
        }
        java.util.Collections.reverse(expected); // earliest deadline first
        String q = URLEncoder.encode((String) customer.get("email"), StandardCharsets.UTF_8);

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = expect(api.get("/api/v1/orders?q=" + q + "&limit=2"
                    + (after == null ? "" : "&after=" + after)), 200).json();
            page.get("items").forEach(o -> seen.add(o.get("id").asString()));
            after = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (after != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersByStatusChannelCustomerAndTimeAndShowsLateOrders() {
        Map<String, Object> customer = Map.of("email", Fixtures.unique("f").toLowerCase() + "@example.com",
                "name", "Filter Tester");
        Instant before = Instant.now().minusSeconds(1);
        String late = placeFor(customer, "marketplace", Instant.now().minus(1, ChronoUnit.DAYS));
        String cancelled = placeFor(customer, "phone", null);
        expect(api.post("/api/v1/orders/" + cancelled + "/cancel", Map.of("reason", "test")), 200);
        String q = URLEncoder.encode((String) customer.get("email"), StandardCharsets.UTF_8);

        JsonNode marketplace = api.get("/api/v1/orders?q=" + q + "&channel=marketplace").json();
        assertThat(marketplace.get("items")).hasSize(1);
        assertThat(marketplace.get("items").get(0).get("id").asString()).isEqualTo(late);
        assertThat(marketplace.get("items").get(0).get("late").asBoolean()).isTrue();

        JsonNode cancelledOnly = api.get("/api/v1/orders?q=" + q + "&status=CANCELLED").json();
        assertThat(cancelledOnly.get("items")).hasSize(1);
        assertThat(cancelledOnly.get("items").get(0).get("id").asString()).isEqualTo(cancelled);
        assertThat(cancelledOnly.get("items").get(0).get("late").asBoolean()).isFalse();

        JsonNode open = api.get("/api/v1/orders?q=" + q + "&status=OPEN&status=ON_HOLD").json();
        assertThat(open.get("items")).hasSize(1);

        String customerId = api.get("/api/v1/orders/" + late).json().get("customer").get("id").asString();
        assertThat(api.get("/api/v1/orders?customer=" + customerId + "&sort=newest").json().get("items"))
                .hasSize(2).first().satisfies(o -> assertThat(o.get("id").asString()).isEqualTo(cancelled));
        assertThat(api.get("/api/v1/orders?q=" + q + "&createdFrom=" + before).json().get("items")).hasSize(2);
        assertThat(api.get("/api/v1/orders?q=" + q + "&createdTo=" + before).json().get("items")).isEmpty();

        String number = api.get("/api/v1/orders/" + late).json().get("number").asString();
        assertThat(api.get("/api/v1/orders?q=" + number).json().get("items")).hasSize(1);
    }
}
