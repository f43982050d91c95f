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
        where(query, sql, params, "");
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

    /**
     * How many orders each view holds, in one statement: a scalar count per view, so each one is planned on its own
     * (a to-do view reads its partial index). Cursor, sort and limit of the views do not matter here.
     */
    public List<Long> counts(List<OrderQuery> views) {
        if (views.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < views.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM customer_order WHERE true");
            where(views.get(i), sql, params, "v" + i + "_");
            sql.append(") AS v").append(i);
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            List<Long> counts = new java.util.ArrayList<>();
            for (int i = 0; i < views.size(); i++) {
                counts.add(rs.getLong(i + 1));
            }
            return counts;
        }).single();
    }

    /**
     * The filter of a view as SQL conditions appended to {@code sql}, its parameters named with {@code p} before
     * them, so that several views fit in one statement ({@link #counts}).
     */
    private static void where(OrderQuery query, StringBuilder sql, Map<String, Object> params, String p) {
        in(sql, params, p, "status", names(query.status()));
        in(sql, params, p, "payment_status", names(query.paymentStatus()));
        in(sql, params, p, "fulfillment_status", names(query.fulfillmentStatus()));
        in(sql, params, p, "channel", query.channel());
        if (query.customerId() != null) {
            sql.append(" AND customer_id = :" + p + "customerId");
            params.put(p + "customerId", query.customerId());
        }
        if (query.ids() != null) {
            sql.append(" AND id = ANY(:" + p + "ids)");
            params.put(p + "ids", query.ids().toArray(UUID[]::new));
        }
        if (query.createdFrom() != null) {
            sql.append(" AND created_at >= :" + p + "createdFrom");
            params.put(p + "createdFrom", Timestamp.from(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            sql.append(" AND created_at < :" + p + "createdTo");
            params.put(p + "createdTo", Timestamp.from(query.createdTo()));
        }
        if (query.toDo()) {
            // Exactly the predicate of customer_order_to_do_idx (V18): the deadline sort reads it in order.
            sql.append(" AND status IN ('OPEN', 'ON_HOLD')"
                    + " AND fulfillment_status IN ('UNFULFILLED', 'BACKORDERED', 'RELEASED')");
        }
        if (query.q() != null && !query.q().isBlank()) {
            // what people type: part of the number ("100013"), any part of the e-mail, the start of the first
            // name or the surname, the start of an ordered SKU in any case
            sql.append((" AND (number = :#q OR external_ref = :#q OR lower(number) LIKE :#contains"
                    + " OR lower(customer_email) LIKE :#contains OR lower(customer_name) LIKE :#namePrefix"
                    + " OR lower(customer_name) LIKE :#wordPrefix OR EXISTS (SELECT 1 FROM order_line l"
                    + " WHERE l.order_id = customer_order.id AND lower(l.sku) LIKE :#namePrefix))").replace("#", p));
            String q = query.q().trim();
            String lower = q.toLowerCase(java.util.Locale.ROOT);
            params.put(p + "q", q);
            params.put(p + "namePrefix", likePrefix(lower));
            params.put(p + "wordPrefix", "% " + likePrefix(lower));
            params.put(p + "contains", "%" + likePrefix(lower));
        }
    }

    private static void in(StringBuilder sql, Map<String, Object> params, String p, String column,
            List<String> values) {
        if (values != null && values.size() == 1) {
            // Equality, not = ANY: only then does PostgreSQL read (status, promised_at, id) in index order and stop
            // after one page; with = ANY it sorted all open orders or scanned the deadline index (bench/p3.sh).
            sql.append(" AND ").append(column).append(" = :").append(p).append(column);
            params.put(p + column, values.get(0));
        } else if (values != null && !values.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ANY(:").append(p).append(column).append(")");
            params.put(p + column, values.toArray(String[]::new));
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
