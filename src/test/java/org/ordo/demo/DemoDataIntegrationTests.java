package org.ordo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ordo.audit.InvariantChecker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A first start on an empty embedded database: the demo data shows the whole product, sixty days of it, every
 * state a shop sees, and it keeps every invariant. Its own database (the shared test database has no demo data);
 * the context is closed afterwards so that its PostgreSQL does not run on beside the shared one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ordo.data-dir=target/demo-data",
        "ordo.db.embedded-clean=true",
        "ordo.demo-data=true",
        "ordo.orders.follow-up-every=PT24H",
        "ordo.billing.quote-expiry-every=PT24H",
        "logging.level.org.ordo.platform.web=WARN"})
@DirtiesContext
class DemoDataIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvariantChecker checker;

    @Autowired
    DemoData demoData;

    @Autowired
    DataSource dataSource;

    @Test
    void theDemoShowsSixtyDaysOfAShopInEveryState() {
        long days = jdbc.sql("SELECT count(DISTINCT CAST(created_at AT TIME ZONE 'UTC' AS date)) FROM customer_order")
                .query(Long.class).single();
        assertThat(days).as("days with orders").isGreaterThanOrEqualTo(50);
        assertThat(count("SELECT count(*) FROM customer_order")).isBetween(150L, 500L);
        assertThat(values("SELECT DISTINCT channel FROM customer_order"))
                .contains("web", "marketplace", "api", "phone", "email", "edi");
        assertThat(values("SELECT DISTINCT status FROM customer_order"))
                .contains("OPEN", "ON_HOLD", "CANCELLED", "COMPLETED");
        assertThat(values("SELECT DISTINCT hold_kind FROM customer_order WHERE hold_kind IS NOT NULL"))
                .containsExactlyInAnyOrder("FRAUD", "ADDRESS", "PAYMENT", "MANUAL");
        assertThat(values("SELECT DISTINCT payment_status FROM customer_order")).contains("PENDING", "PAID");
        assertThat(values("SELECT DISTINCT fulfillment_status FROM customer_order")).contains("UNFULFILLED",
                "BACKORDERED", "RELEASED", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED");
        assertThat(values("SELECT DISTINCT locale FROM customer_order")).contains("de", "en", "es", "ko");
        assertThat(values("SELECT DISTINCT location FROM shipment")).contains("BER", "HAM", "MAD");
        assertThat(count("SELECT count(*) FROM customer_order WHERE status = 'OPEN' AND promised_at < now()"
                + " AND fulfillment_status IN ('RELEASED', 'BACKORDERED')")).as("late orders").isPositive();
        assertThat(values("SELECT DISTINCT status FROM pick_list")).contains("OPEN");
        assertThat(values("SELECT DISTINCT status FROM quote")).contains("OPEN", "SENT", "ACCEPTED", "DECLINED");
        assertThat(count("SELECT count(*) FROM return_request")).isPositive();
        assertThat(count("SELECT count(*) FROM message")).isPositive();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(count("SELECT count(*) FROM invoice")).isGreaterThan(100));
        // shipments on past days, not all today: the dashboard's curves
        assertThat(count("SELECT count(DISTINCT CAST(shipped_at AT TIME ZONE 'UTC' AS date)) FROM shipment"))
                .isGreaterThanOrEqualTo(40);
        assertThat(count("SELECT count(*) FROM stock_level WHERE on_hand - reserved < 10")).as("low stock")
                .isPositive();
        // payments, invoices and messages carry the day they happened on, not the day of loading
        assertThat(days("payment", "at")).as("days with payments").isGreaterThanOrEqualTo(30);
        assertThat(days("invoice", "issued_at")).as("days with invoices").isGreaterThanOrEqualTo(30);
        assertThat(days("message", "created_at")).as("days with messages").isGreaterThanOrEqualTo(30);
        // ... and nothing is dated after the moment it was loaded, whatever the hour (today's day is squeezed into
        // the hours already past)
        for (String stamped : List.of("customer_order.created_at", "order_timeline.at", "payment.at",
                "shipment.shipped_at", "message.created_at", "pick_list.created_at")) {
            String[] column = stamped.split("\\.");
            assertThat(count("SELECT count(*) FROM " + column[0] + " WHERE " + column[1] + " > now()"))
                    .as(stamped + " after loading").isZero();
        }
    }

    /** The first start applies every migration in one transaction, with one commit: they share its start time. */
    @Test
    void theFirstStartMigratesTheEmptyDatabaseInOneTransaction() {
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL AND success"))
                .isGreaterThan(90);
        assertThat(count("SELECT count(DISTINCT installed_on) FROM flyway_schema_history WHERE version IS NOT NULL"))
                .isEqualTo(1);
    }

    private long days(String table, String column) {
        return count("SELECT count(DISTINCT CAST(" + column + " AT TIME ZONE 'UTC' AS date)) FROM " + table);
    }

    @Test
    void theDemoKeepsEveryInvariant() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var report = checker.check();
            assertThat(report.findings()).isEmpty();
        });
    }

    /**
     * Two nodes starting together on an empty database: the one that loads holds the demo-data lock, and the other
     * waits for it, then finds the data and loads nothing (it used to load a second time and fail on the location
     * codes). Here this test holds the lock, as a loading node would.
     */
    @Test
    void aNodeStartingWhileAnotherLoadsWaitsAndLoadsNothing() throws Exception {
        long orders = count("SELECT count(*) FROM customer_order");
        long locations = count("SELECT count(*) FROM location");
        CompletableFuture<Void> secondNode;
        try (Connection connection = dataSource.getConnection(); Statement lock = connection.createStatement()) {
            connection.setAutoCommit(true);
            lock.execute("SELECT pg_advisory_lock(hashtext('ordo.demo-data'))");
            secondNode = CompletableFuture.runAsync(() -> {
                try {
                    demoData.run(null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(secondNode).as("waits for the loading node").isNotDone());
            lock.execute("SELECT pg_advisory_unlock(hashtext('ordo.demo-data'))");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(secondNode).isDone());
        secondNode.get();
        assertThat(count("SELECT count(*) FROM location")).isEqualTo(locations);
        assertThat(count("SELECT count(*) FROM customer_order")).isEqualTo(orders);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> values(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }
}
