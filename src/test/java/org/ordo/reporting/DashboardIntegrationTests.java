package org.ordo.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Warehouse;
import org.ordo.platform.InvalidInputException;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShipmentShipped;
import org.ordo.shipping.ShippingManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.assertj.core.api.Assertions;

/**
 * The dashboard's figures follow what happens to orders: shipped on time or late (counted from reporting's own
 * table, fed by shipping's events: once per order, also when an event comes twice), late orders, outcomes, stock.
 */
@IntegrationTest
class DashboardIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Reports reports;
    @Autowired
    ShippingManagement shipping;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

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

    /** Today's on-time figure once it has become {@code shipped} and {@code onTime}; fails if it never does. */
    private Dashboard awaitToday(long shipped, long onTime) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> reports.dashboard(30),
                        d -> today(d).shipped() == shipped && today(d).onTime() == onTime);
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

        Dashboard after = awaitToday(today(before).shipped() + 2, today(before).onTime() + 1);
        assertThat(after.lateOrders()).extracting(Dashboard.LateOrder::number).doesNotContain(late[1]);
        assertThat(after.outcomes().shipped()).isEqualTo(before.outcomes().shipped() + 2);
        assertThat(after.outcomes().returned()).isEqualTo(before.outcomes().returned());
    }

    @Test
    void anOrderShippedInTwoParcelsCountsOnceOnTheDayOfTheFirst() {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 2));
        order.put("paymentMethod", "marketplace");
        order.put("promisedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        String id = expect(api.placeOrder(order), 201).json().get("id").asString();
        floor.pickAll(floor.pickListAt(location));
        Dashboard before = reports.dashboard(30);

        floor.packAndShip(id, location, "DHL", Map.of(1, 1L));
        Dashboard first = awaitToday(today(before).shipped() + 1, today(before).onTime() + 1);
        floor.packAndShip(id, location, "DHL", Map.of(1, 1L));

        awaitSecondShipmentHandled(UUID.fromString(id));
        assertThat(today(reports.dashboard(30))).isEqualTo(today(first));
    }

    @Test
    void aRedeliveredShipmentEventCountsOnce() {
        String[] order = placed(Instant.now().plus(2, ChronoUnit.DAYS));
        floor.pickAll(floor.pickListAt(location));
        Dashboard before = reports.dashboard(30);
        floor.packAndShip(order[0], location, "UPS", Map.of(1, 1L));
        Dashboard counted = awaitToday(today(before).shipped() + 1, today(before).onTime() + 1);

        // What the event publication registry does when a listener's completion was not recorded (a node died
        // after the listener committed): the same event once more.
        Shipment shipment = shipping.shipmentsOf(UUID.fromString(order[0])).get(0);
        ShipmentShipped again = new ShipmentShipped(shipment.id(), shipment.orderId(), shipment.carrier(),
                shipment.trackingNumber(), shipment.trackingUrl(), shipment.shippedAt());
        transaction.executeWithoutResult(tx -> events.publishEvent(again));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled(shipment.id()) == 2);
        assertThat(today(reports.dashboard(30))).isEqualTo(today(counted));
    }

    /** How many times reporting has handled the ShipmentShipped event of this shipment. */
    private long handled(UUID shipmentId) {
        return jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE listener_id LIKE '%FirstShipmentFeed%' AND completion_date IS NOT NULL
                  AND serialized_event LIKE '%' || :shipment || '%'
                """).param("shipment", shipmentId.toString()).query(Long.class).single();
    }

    private void awaitSecondShipmentHandled(UUID orderId) {
        List<Shipment> shipments = shipping.shipmentsOf(orderId);
        assertThat(shipments).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(shipments.get(1).id()) == 1);
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
