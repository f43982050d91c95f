package org.ordo.ordering.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.OrderQuery;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderSummary;
import org.ordo.ordering.PaymentStatus;
import org.ordo.platform.Cursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order queue: filtered, deadline- or age-sorted pages over all orders, for people and dashboards. */
@Repository
public class OrderQueue {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One page of the queue, keyset-paginated on (sort key, id). */
    public List<OrderSummary> page(OrderQuery query, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, number, channel, external_ref, customer_email, customer_name, status, payment_status,
                       fulfillment_status, gross, currency, promised_at, created_at
                FROM customer_order WHERE true
                """);
        Map<String, Object> params = new HashMap<>();
        in(sql, params, "status", names(query.status()));
        in(sql, params, "payment_status", names(query.paymentStatus()));
        in(sql, params, "fulfillment_status", names(query.fulfillmentStatus()));
        in(sql, params, "channel", query.channel());
        if (query.customerId() != null) {
            sql.append(" AND customer_id = :customerId");
            params.put("customerId", query.customerId());
        }
        if (query.ids() != null) {
            sql.append(" AND id = ANY(:ids)");
            params.put("ids", query.ids().toArray(UUID[]::new));
        }
        if (query.createdFrom() != null) {
            sql.append(" AND created_at >= :createdFrom");
            params.put("createdFrom", Timestamp.from(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            sql.append(" AND created_at < :createdTo");
            params.put("createdTo", Timestamp.from(query.createdTo()));
        }
        if (query.toDo()) {
            // Exactly the predicate of customer_order_to_do_idx (V18): the deadline sort reads it in order.
            sql.append(" AND status IN ('OPEN', 'ON_HOLD')"
                    + " AND fulfillment_status IN ('UNFULFILLED', 'BACKORDERED', 'RELEASED')");
        }
        if (query.q() != null && !query.q().isBlank()) {
            // what people type: part of the number ("100013"), any part of the e-mail, the start of the first
            // name or the surname, the start of an ordered SKU in any case
            sql.append(" AND (number = :q OR external_ref = :q OR lower(number) LIKE :contains"
                    + " OR lower(customer_email) LIKE :contains OR lower(customer_name) LIKE :namePrefix"
                    + " OR lower(customer_name) LIKE :wordPrefix OR EXISTS (SELECT 1 FROM order_line l"
                    + " WHERE l.order_id = customer_order.id AND lower(l.sku) LIKE :namePrefix))");
            String q = query.q().trim();
            String lower = q.toLowerCase(java.util.Locale.ROOT);
            params.put("q", q);
            params.put("namePrefix", likePrefix(lower));
            params.put("wordPrefix", "% " + likePrefix(lower));
            params.put("contains", "%" + likePrefix(lower));
        }
        boolean newest = query.sort() == OrderQuery.Sort.NEWEST;
        if (after != null) {
            sql.append(newest ? " AND (created_at, id) < (:afterAt, :afterId)"
                    : " AND (promised_at, id) > (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.at()));
            params.put("afterId", after.id());
        }
        sql.append(newest ? " ORDER BY created_at DESC, id DESC" : " ORDER BY promised_at, id");
        sql.append(" LIMIT :limit");
        params.put("limit", limit);
        Instant now = clock.instant();
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            String currency = rs.getString("currency").trim();
            FulfillmentStatus fulfillment = FulfillmentStatus.valueOf(rs.getString("fulfillment_status"));
            OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
            Instant promised = rs.getTimestamp("promised_at").toInstant();
            boolean late = promised.isBefore(now) && !fulfillment.hasShipped() && status != OrderStatus.CANCELLED
                    && status != OrderStatus.COMPLETED;
            return new OrderSummary(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("channel"),
                    rs.getString("external_ref"), rs.getString("customer_email"), rs.getString("customer_name"),
                    status, PaymentStatus.valueOf(rs.getString("payment_status")), fulfillment,
                    Orders.money(rs, "gross", currency), promised, rs.getTimestamp("created_at").toInstant(), late);
        }).list();
    }

    private static void in(StringBuilder sql, Map<String, Object> params, String column, List<String> values) {
        if (values != null && values.size() == 1) {
            // Equality, not = ANY: only then does PostgreSQL read (status, promised_at, id) in index order and stop
            // after one page; with = ANY it sorted all open orders or scanned the deadline index (bench/p3.sh).
            sql.append(" AND ").append(column).append(" = :").append(column);
            params.put(column, values.get(0));
        } else if (values != null && !values.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ANY(:").append(column).append(")");
            params.put(column, values.toArray(String[]::new));
        }
    }

    /** A LIKE pattern matching what starts with {@code text}, its own % and _ taken literally. */
    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }
}
