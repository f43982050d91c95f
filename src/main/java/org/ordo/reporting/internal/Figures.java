package org.ordo.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.ordo.reporting.Dashboard.LateOrder;
import org.ordo.reporting.Dashboard.LowStock;
import org.ordo.reporting.Dashboard.ArticleReturns;
import org.ordo.reporting.Dashboard.Outcomes;
import org.ordo.reporting.Dashboard.ReasonReturns;
import org.ordo.reporting.Summary.AgeBucket;
import org.ordo.reporting.Summary.BacklogCount;
import org.ordo.reporting.Summary.DayCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's queries on the order and stock tables (ADR 0003). Each is a single aggregate answered from an
 * index alone (V11__reporting.sql; those by date from customer_order_placed_idx, V510), so its cost grows with the
 * rows in the window or the backlog, not with all orders ever placed. The share shipped on time comes from reporting's own table ({@link FirstShipments}).
 */
@Repository
public class Figures {

    private final JdbcClient jdbc;

    Figures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counted in a hash table, thanks to the statistics on the day expression (V21); the day needs no sort. */
    public List<DayCount> ordersPerDay(Instant since) {
        return jdbc.sql("""
                SELECT CAST(created_at AT TIME ZONE 'UTC' AS date) AS day, channel, count(*) AS orders
                FROM customer_order
                WHERE created_at >= :since
                GROUP BY 1, 2 ORDER BY 1, 2
                """).param("since", Timestamp.from(since))
                .query((rs, n) -> new DayCount(rs.getObject("day", java.time.LocalDate.class), rs.getString("channel"),
                        rs.getLong("orders")))
                .list();
    }

    /** Open and held orders by status and age; late as the queue says: promise passed, nothing shipped. */
    public List<BacklogCount> backlog(Instant now) {
        return jdbc.sql("""
                SELECT status,
                       CASE WHEN created_at > CAST(:now AS timestamptz) - interval '1 day' THEN 'UNDER_1_DAY'
                            WHEN created_at > CAST(:now AS timestamptz) - interval '3 days' THEN 'DAYS_1_TO_3'
                            WHEN created_at > CAST(:now AS timestamptz) - interval '7 days' THEN 'DAYS_3_TO_7'
                            ELSE 'OVER_7_DAYS' END AS age,
                       count(*) AS orders,
                       count(*) FILTER (WHERE promised_at < CAST(:now AS timestamptz)
                           AND fulfillment_status NOT IN ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED',
                                                          'PARTIALLY_RETURNED', 'RETURNED'))
                           AS late
                FROM customer_order
                WHERE status IN ('OPEN', 'ON_HOLD')
                GROUP BY 1, 2 ORDER BY 1, 2
                """).param("now", Timestamp.from(now))
                .query((rs, n) -> new BacklogCount(rs.getString("status"), AgeBucket.valueOf(rs.getString("age")),
                        rs.getLong("orders"), rs.getLong("late")))
                .list();
    }

    public long lowStock(long below) {
        return jdbc.sql("""
                SELECT count(*) FROM (
                    SELECT s.sku FROM stock_level s JOIN location l ON l.id = s.location_id AND l.active
                    GROUP BY s.sku HAVING sum(s.on_hand - s.reserved - s.quarantined) < :below) low
                """).param("below", below).query(Long.class).single();
    }

    /** The most overdue late orders, from the backlog index by promised date. */
    public List<LateOrder> lateOrders(Instant now, int limit) {
        return jdbc.sql("""
                SELECT number, channel, status, fulfillment_status, created_at, promised_at
                FROM customer_order
                WHERE status IN ('OPEN', 'ON_HOLD') AND promised_at < :now
                  AND fulfillment_status NOT IN ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'PARTIALLY_RETURNED',
                                                 'RETURNED')
                ORDER BY promised_at, id
                LIMIT :limit
                """).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new LateOrder(rs.getString("number"), rs.getString("channel"),
                        rs.getString("status"), rs.getString("fulfillment_status"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("promised_at").toInstant()))
                .list();
    }

    /** SKUs with less than {@code below} available over the active locations, fewest first. */
    public List<LowStock> lowStockItems(long below, int limit) {
        return jdbc.sql("""
                SELECT s.sku, sum(s.on_hand) AS on_hand, sum(s.reserved) AS reserved,
                       sum(s.on_hand - s.reserved - s.quarantined) AS available
                FROM stock_level s JOIN location l ON l.id = s.location_id AND l.active
                GROUP BY s.sku HAVING sum(s.on_hand - s.reserved - s.quarantined) < :below
                ORDER BY available, s.sku COLLATE "C"
                LIMIT :limit
                """).param("below", below).param("limit", limit)
                .query((rs, n) -> new LowStock(rs.getString("sku"), rs.getLong("on_hand"), rs.getLong("reserved"),
                        rs.getLong("available")))
                .list();
    }

    /**
     * Units back per article: for the orders placed since then, units shipped per SKU and of them returned (the
     * announced units of returns still on their way, the received units of those that arrived; withdrawn ones
     * count for nothing). Only articles with returns, highest rate first, at most {@code limit}.
     */
    public List<ArticleReturns> returnsByArticle(Instant since, int limit) {
        return jdbc.sql("""
                WITH window_orders AS (SELECT id FROM customer_order WHERE created_at >= :since),
                shipped AS (
                    SELECT l.sku, sum(l.shipped) AS shipped
                    FROM order_line l JOIN window_orders o ON o.id = l.order_id
                    WHERE l.shipped > 0 GROUP BY l.sku),
                back AS (
                    SELECT rl.sku, sum(CASE WHEN r.status = 'AUTHORIZED' THEN rl.quantity ELSE rl.received END) AS returned
                    FROM return_request r JOIN window_orders o ON o.id = r.order_id
                    JOIN return_line rl ON rl.return_id = r.id
                    WHERE r.status <> 'CANCELLED' GROUP BY rl.sku)
                SELECT s.sku, s.shipped, b.returned
                FROM shipped s JOIN back b ON b.sku = s.sku
                WHERE b.returned > 0
                ORDER BY b.returned::numeric / s.shipped DESC, s.sku LIMIT :limit
                """).param("since", Timestamp.from(since)).param("limit", limit)
                .query((rs, n) -> new ArticleReturns(rs.getString("sku"), rs.getLong("shipped"),
                        rs.getLong("returned")))
                .list();
    }

    /** Units returned from the orders placed since then, per reason, most first (as {@link #returnsByArticle}). */
    public List<ReasonReturns> returnsByReason(Instant since) {
        return jdbc.sql("""
                SELECT rl.reason, sum(CASE WHEN r.status = 'AUTHORIZED' THEN rl.quantity ELSE rl.received END) AS units,
                       count(DISTINCT r.id) AS returns
                FROM return_request r JOIN customer_order o ON o.id = r.order_id
                JOIN return_line rl ON rl.return_id = r.id
                WHERE o.created_at >= :since AND r.status <> 'CANCELLED' AND rl.reason IS NOT NULL
                GROUP BY rl.reason
                ORDER BY units DESC, rl.reason
                """).param("since", Timestamp.from(since))
                .query((rs, n) -> new ReasonReturns(rs.getString("reason"), rs.getLong("units"),
                        rs.getLong("returns")))
                .list();
    }

    /** What became of the orders placed since then, from the window's index alone (V510). */
    public Outcomes outcomes(Instant since) {
        return jdbc.sql("""
                SELECT count(*) AS placed,
                       count(*) FILTER (WHERE fulfillment_status IN ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED',
                           'PARTIALLY_RETURNED', 'RETURNED')) AS shipped,
                       count(*) FILTER (WHERE fulfillment_status IN ('PARTIALLY_RETURNED', 'RETURNED')) AS returned,
                       count(*) FILTER (WHERE payment_status IN ('PARTIALLY_REFUNDED', 'REFUNDED')) AS refunded,
                       count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
                FROM customer_order
                WHERE created_at >= :since
                """).param("since", Timestamp.from(since))
                .query((rs, n) -> new Outcomes(rs.getLong("placed"), rs.getLong("shipped"), rs.getLong("returned"),
                        rs.getLong("refunded"), rs.getLong("cancelled")))
                .single();
    }
}
