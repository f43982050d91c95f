package org.ordo.outsourcing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What partners reported: shipments (once per reference) and stock reports (once per reference), and unit costs. */
@Repository
public class PartnerReports {

    public record UnitCost(BigDecimal amount, String currency) {
    }

    private final JdbcClient jdbc;

    PartnerReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The shipment an earlier report with this reference made; empty when none came yet. Holds a lock on the
     * reference until the caller's transaction ends.
     */
    public Optional<UUID> shipmentOf(String location, String reference) {
        // two deliveries of one report wait here for each other: the second then finds the first one's shipment
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('partner_shipment'), hashtext(:key))")
                .param("key", location + "/" + reference).query((rs, n) -> 1).list();
        return jdbc.sql("""
                SELECT shipment_id FROM partner_shipment WHERE location_code = :location AND reference = :reference
                FOR UPDATE
                """).param("location", location).param("reference", reference).query(UUID.class).optional();
    }

    /**
     * Records the shipment a report made; false when a concurrent report with the same reference got there first
     * (the primary key decides: the caller's transaction must then roll back its shipment).
     */
    public boolean recordShipment(String location, String reference, UUID orderId, UUID shipmentId, Instant now) {
        return jdbc.sql("""
                INSERT INTO partner_shipment (location_code, reference, order_id, shipment_id, received_at)
                VALUES (:location, :reference, :order, :shipment, :now) ON CONFLICT DO NOTHING
                """).param("location", location).param("reference", reference).param("order", orderId)
                .param("shipment", shipmentId).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Claims a stock report's reference; false when it came before (its answer is then {@link #stockAnswer}). */
    public boolean claimStockReport(String location, String reference, Instant now) {
        return jdbc.sql("""
                INSERT INTO partner_stock_report (location_code, reference, received_at, answer)
                VALUES (:location, :reference, :now, '') ON CONFLICT DO NOTHING
                """).param("location", location).param("reference", reference).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public void answerStockReport(String location, String reference, String answer) {
        jdbc.sql("UPDATE partner_stock_report SET answer = :answer WHERE location_code = :location AND reference = :reference")
                .param("location", location).param("reference", reference).param("answer", answer).update();
    }

    public String stockAnswer(String location, String reference) {
        return jdbc.sql("SELECT answer FROM partner_stock_report WHERE location_code = :location AND reference = :reference")
                .param("location", location).param("reference", reference).query(String.class).single();
    }

    public void saveUnitCost(String location, String sku, BigDecimal cost, String currency, Instant now) {
        jdbc.sql("""
                INSERT INTO partner_article (location_code, sku, unit_cost, currency, updated_at)
                VALUES (:location, :sku, :cost, :currency, :now)
                ON CONFLICT (location_code, sku) DO UPDATE SET unit_cost = EXCLUDED.unit_cost,
                    currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at
                """).param("location", location).param("sku", sku).param("cost", cost).param("currency", currency)
                .param("now", Timestamp.from(now)).update();
    }

    public Map<String, UnitCost> unitCosts(String location, Collection<String> skus) {
        Map<String, UnitCost> costs = new HashMap<>();
        if (skus.isEmpty()) {
            return costs;
        }
        jdbc.sql("SELECT sku, unit_cost, currency FROM partner_article WHERE location_code = :location AND sku IN (:skus)")
                .param("location", location).param("skus", skus)
                .query(rs -> {
                    costs.put(rs.getString("sku"), new UnitCost(rs.getBigDecimal("unit_cost"), rs.getString("currency")));
                });
        return costs;
    }
}
