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
import org.ordo.Warehouse;
import org.ordo.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.assertj.core.api.Assertions;

/** The dashboard's figures follow what happens to orders: shipped on time or late, late orders, outcomes, stock. */
@IntegrationTest
class DashboardIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Reports reports;

    Api api;
    Fixtures fixtures;
    Warehouse floor;
    String location;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        floor = new Warehouse(api.withNewKey("WAREHOUSE"));
        location = fixtures.location(1);
        sku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(sku, location, 100);
    }

    /** A released (marketplace-paid) order of one unit with this promise; its id and number. */
    private String[] placed(Instant promisedAt) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("paymentMethod", "marketplace");
        order.put("promisedAt", promisedAt.toString());
        var json = expect(api.placeOrder(order), 201).json();
        return new String[] {json.get("id").asString(), json.get("number").asString()};
    }

    private static Dashboard.OnTimeDay today(Dashboard d) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return d.onTime().stream().filter(o -> o.day().equals(day)).findFirst()
                .orElse(new Dashboard.OnTimeDay(day, 0, 0));
    }

    @Test
    void shippedByThePromiseCountsOnTimeAndAfterItLateOnlyOncePerOrder() {
        Dashboard before = reports.dashboard(30);
        String[] late = placed(Instant.now().minus(2, ChronoUnit.DAYS));
        String[] onTime = placed(Instant.now().plus(3, ChronoUnit.DAYS));

        Dashboard waiting = reports.dashboard(30);
        assertThat(waiting.lateOrders()).extracting(Dashboard.LateOrder::number).contains(late[1])
                .doesNotContain(onTime[1]);
        assertThat(waiting.outcomes().placed()).isEqualTo(before.outcomes().placed() + 2);

        floor.pickAll(floor.pickListAt(location));
        floor.packAndShip(late[0], location, "DHL", Map.of(1, 1L));
        floor.packAndShip(onTime[0], location, "DPD", Map.of(1, 1L));

        Dashboard after = reports.dashboard(30);
        assertThat(today(after).shipped()).isEqualTo(today(before).shipped() + 2);
        assertThat(today(after).onTime()).isEqualTo(today(before).onTime() + 1);
        assertThat(after.lateOrders()).extracting(Dashboard.LateOrder::number).doesNotContain(late[1]);
        assertThat(after.outcomes().shipped()).isEqualTo(before.outcomes().shipped() + 2);
        assertThat(after.outcomes().returned()).isEqualTo(before.outcomes().returned());
    }

    @Test
    void aSkuBelowTheThresholdIsListedAsLowStock() {
        String scarce = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(scarce, location, reports.lowStockBelow() - 1);
        assertThat(reports.dashboard(30).lowStock()).anySatisfy(l -> {
            assertThat(l.sku()).isEqualTo(scarce);
            assertThat(l.available()).isEqualTo(reports.lowStockBelow() - 1);
        });
        assertThat(reports.lowStock(500)).extracting(Dashboard.LowStock::sku).contains(scarce).doesNotContain(sku);
    }

    @Test
    void daysOutOfRangeAreRefused() {
        Assertions.assertThatThrownBy(() -> reports.dashboard(0)).isInstanceOf(InvalidInputException.class);
        Assertions.assertThatThrownBy(() -> reports.dashboard(Reports.MAX_DAYS + 1))
                .isInstanceOf(InvalidInputException.class);
    }
}
