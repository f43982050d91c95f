package org.ordo.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ReportingIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String location;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(sku, location, 1_000);
    }

    private JsonNode summary() {
        return expect(api.get("/api/v1/reports/summary?lowStockBelow=10"), 200).json();
    }

    private void place(String channel, Instant promisedAt) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("channel", channel);
        if (promisedAt != null) {
            order.put("promisedAt", promisedAt.toString());
        }
        expect(api.placeOrder(order), 201);
    }

    private static long today(JsonNode summary, String channel) {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        long orders = 0;
        for (JsonNode d : summary.get("ordersPerDay")) {
            if (d.get("day").asString().equals(day) && d.get("channel").asString().equals(channel)) {
                orders += d.get("orders").asLong();
            }
        }
        return orders;
    }

    private static long backlog(JsonNode summary) {
        long orders = 0;
        for (JsonNode b : summary.get("backlog")) {
            orders += b.get("orders").asLong();
        }
        return orders;
    }

    @Test
    void figuresFollowTheOrdersPlaced() {
        JsonNode before = summary();

        place("marketplace", null);
        place("marketplace", null);
        place("phone", Instant.now().minus(2, ChronoUnit.HOURS));

        JsonNode after = summary();
        assertThat(today(after, "marketplace") - today(before, "marketplace")).isEqualTo(2);
        assertThat(today(after, "phone") - today(before, "phone")).isEqualTo(1);
        assertThat(backlog(after) - backlog(before)).isEqualTo(3);
        assertThat(after.get("late").asLong() - before.get("late").asLong()).isEqualTo(1);
        assertThat(after.get("days").asInt()).isEqualTo(14);
    }

    @Test
    void countsArticlesRunningLow() {
        long before = summary().get("lowStock").asLong();

        String scarce = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(scarce, location, 9);
        assertThat(summary().get("lowStock").asLong()).isEqualTo(before + 1);

        fixtures.receive(scarce, location, 1);
        assertThat(summary().get("lowStock").asLong()).isEqualTo(before);
    }

    @Test
    void refusesDaysOutOfRange() {
        assertThat(expect(api.get("/api/v1/reports/summary?days=0"), 422).errorFields()).containsExactly("days");
        assertThat(expect(api.get("/api/v1/reports/summary?days=93"), 422).errorFields()).containsExactly("days");
    }

    @Test
    void agentsSeeTheFiguresIntegrationsAndTheWarehouseDoNot() {
        expect(api.withNewKey("AGENT").get("/api/v1/reports/summary"), 200);
        expect(api.withNewKey("INTEGRATION").get("/api/v1/reports/summary"), 403);
        expect(api.withNewKey("WAREHOUSE").get("/api/v1/reports/summary"), 403);
    }
}
