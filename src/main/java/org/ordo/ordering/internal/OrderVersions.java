package org.ordo.ordering.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.ordo.ordering.OrderChange;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The versions a change made of an order: who, when, why, what changed; one row per version, never updated. */
@Repository
public class OrderVersions {

    private static final TypeReference<List<OrderChange.Difference>> DIFFERENCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Json json;

    OrderVersions(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(OrderChange change, UUID inboundDocumentId) {
        jdbc.sql("""
                INSERT INTO order_change (id, order_id, version, at, actor, reason, differences, gross_before,
                    gross_after, paid, inbound_document_id)
                VALUES (:id, :order, :version, :at, :actor, :reason, CAST(:differences AS jsonb), :before, :after,
                    :paid, :document)
                """).param("id", change.id()).param("order", change.orderId()).param("version", change.version())
                .param("at", Timestamp.from(change.at())).param("actor", change.actor())
                .param("reason", change.reason()).param("differences", json.write(change.differences()))
                .param("before", change.grossBefore().amount()).param("after", change.grossAfter().amount())
                .param("paid", change.paid().amount()).param("document", inboundDocumentId).update();
    }

    /** The changes of an order, oldest first. */
    public List<OrderChange> of(UUID orderId) {
        return jdbc.sql("""
                SELECT c.*, o.number, o.currency FROM order_change c JOIN customer_order o ON o.id = c.order_id
                WHERE c.order_id = :order ORDER BY c.version
                """).param("order", orderId)
                .query((rs, n) -> {
                    String currency = rs.getString("currency").trim();
                    Money after = new Money(rs.getBigDecimal("gross_after"), currency);
                    Money paid = new Money(rs.getBigDecimal("paid"), currency);
                    return OrderChange.of(rs.getObject("id", UUID.class), orderId, rs.getString("number"),
                            rs.getInt("version"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                            rs.getString("reason"), json.read(rs.getString("differences"), DIFFERENCES),
                            new Money(rs.getBigDecimal("gross_before"), currency), after, paid);
                })
                .list();
    }
}
