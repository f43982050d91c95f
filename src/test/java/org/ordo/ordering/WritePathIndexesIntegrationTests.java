package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every placed order writes an entry into each index of customer_order and inbound_document (V510, issue 19 item 4
 * in docs/benchmarks.md). These tests keep that list to the indexes a query needs, and show that the one index by
 * date serves the reads the three it replaced served: the queue newest first, the dashboard's window, the follow-ups.
 */
@IntegrationTest
class WritePathIndexesIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void ordersAndInboundDocumentsCarryOnlyTheIndexesAQueryNeeds() {
        // A new index here costs every order a write: add it with the query it serves (docs/benchmarks.md).
        assertThat(indexes("customer_order")).containsExactly(
                "customer_order_backlog_idx",
                "customer_order_customer_idx",
                "customer_order_deadline_idx",
                "customer_order_delay_due_idx",
                "customer_order_external_ref_key",
                "customer_order_number_key",
                "customer_order_pkey",
                "customer_order_placed_idx",
                "customer_order_released_idx",
                "customer_order_reminder_due_idx",
                "customer_order_status_deadline_idx",
                "customer_order_to_do_idx");
        assertThat(indexes("inbound_document")).doesNotContain("inbound_document_produced_idx")
                .contains("inbound_document_pkey", "inbound_document_status_idx");
    }

    @Test
    void theQueueNewestFirstReadsTheIndexByDateBackwardsWithoutSorting() throws Exception {
        String plan = plan("""
                SELECT id, number, status FROM customer_order WHERE true
                  AND (created_at, id) < (now(), '00000000-0000-0000-0000-000000000000')
                ORDER BY created_at DESC, id DESC LIMIT 50""");

        assertThat(plan).contains("Index Scan Backward using customer_order_placed_idx").doesNotContain("Sort");
    }

    @Test
    void theDashboardsWindowIsCountedFromTheIndexByDateAlone() throws Exception {
        // as autovacuum leaves a live table: the visibility map set, so that an index-only scan reads no heap. Without
        // it, on a table every test has just written to, the planner may scan a narrower index of all rows instead.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) customer_order");
        }
        String perDay = plan("""
                SELECT CAST(created_at AT TIME ZONE 'UTC' AS date) AS day, channel, count(*) FROM customer_order
                WHERE created_at >= now() - interval '30 days' GROUP BY 1, 2 ORDER BY 1, 2""");
        String outcomes = plan("""
                SELECT count(*), count(*) FILTER (WHERE fulfillment_status IN ('SHIPPED', 'RETURNED')),
                       count(*) FILTER (WHERE payment_status = 'REFUNDED'), count(*) FILTER (WHERE status = 'CANCELLED')
                FROM customer_order WHERE created_at >= now() - interval '30 days'""");

        assertThat(perDay).contains("Index Only Scan using customer_order_placed_idx");
        assertThat(outcomes).contains("Index Only Scan using customer_order_placed_idx");
    }

    @Test
    void theFollowUpsFindTheOldestUnpaidOrdersByIndexWithoutSorting() throws Exception {
        String plan = plan("""
                SELECT id FROM customer_order
                WHERE status = 'OPEN' AND payment_status = 'PENDING' AND released_at IS NULL AND paid = 0
                  AND payment_method NOT IN ('invoice', 'cash_on_delivery', 'marketplace') AND paid_by_return IS NULL
                  AND created_at < now() - interval '14 days'
                ORDER BY created_at LIMIT 100""");

        assertThat(plan).containsPattern("Index Scan using customer_order_(placed|backlog)_idx").doesNotContain("Sort");
    }

    @Test
    void backorderedLinesOfASkuAreFoundWithoutReadingEveryLine() throws Exception {
        String plan = plan("SELECT order_id, line_no FROM order_line WHERE sku = 'ANY' AND backordered > 0");

        assertThat(plan).contains("using order_line_backordered_sku_idx");
    }

    private List<String> indexes(String table) {
        return jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = :table ORDER BY indexname")
                .param("table", table).query(String.class).list();
    }

    /** The plan PostgreSQL makes when a scan of the whole table and a sort are its last resort: what an index can do. */
    private String plan(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try {
                s.execute("SET enable_seqscan = off");
                s.execute("SET enable_bitmapscan = off");
                s.execute("SET enable_sort = off");
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                s.execute("RESET ALL");
            }
        }
    }
}
