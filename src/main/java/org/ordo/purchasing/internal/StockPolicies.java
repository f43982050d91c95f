package org.ordo.purchasing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.purchasing.OverDelivery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stock policies per SKU and location, as stored; the CHECK constraints keep their rules. */
@Repository
public class StockPolicies {

    /** A policy row: the supplier by id, the price without currency rounding. */
    public record Row(String sku, String location, long reorderPoint, Long targetLevel, Long reorderQuantity,
            long safetyStock, UUID supplierId, String supplierArticle, BigDecimal purchasePrice, String currency,
            long packSize, long minimumOrder, Integer leadTimeDays, Instant updatedAt, OverDelivery overDelivery,
            Integer demandWeeks) {
    }

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    StockPolicies(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    /** Writes the policy of a SKU at a location, replacing the one there was. */
    public void put(Row r) {
        jdbc.sql("""
                INSERT INTO stock_policy (sku, location, reorder_point, target_level, reorder_quantity, safety_stock,
                                          supplier_id, supplier_article, purchase_price, currency, pack_size,
                                          minimum_order, lead_time_days, updated_at, over_delivery, demand_weeks)
                VALUES (:sku, :location, :reorderPoint, :targetLevel, :reorderQuantity, :safetyStock, :supplier,
                        :supplierArticle, :price, :currency, :packSize, :minimumOrder, :leadTime, :now,
                        :overDelivery, :demandWeeks)
                ON CONFLICT (sku, location) DO UPDATE SET
                    reorder_point = excluded.reorder_point, target_level = excluded.target_level,
                    reorder_quantity = excluded.reorder_quantity, safety_stock = excluded.safety_stock,
                    supplier_id = excluded.supplier_id, supplier_article = excluded.supplier_article,
                    purchase_price = excluded.purchase_price, currency = excluded.currency,
                    pack_size = excluded.pack_size, minimum_order = excluded.minimum_order,
                    lead_time_days = excluded.lead_time_days, updated_at = excluded.updated_at,
                    over_delivery = excluded.over_delivery, demand_weeks = excluded.demand_weeks
                """).param("now", now()).param("sku", r.sku()).param("location", r.location()).param("reorderPoint", r.reorderPoint())
                .param("targetLevel", r.targetLevel()).param("reorderQuantity", r.reorderQuantity())
                .param("safetyStock", r.safetyStock()).param("supplier", r.supplierId())
                .param("supplierArticle", r.supplierArticle()).param("price", r.purchasePrice())
                .param("currency", r.currency()).param("packSize", r.packSize())
                .param("minimumOrder", r.minimumOrder()).param("leadTime", r.leadTimeDays())
                .param("overDelivery", r.overDelivery().name()).param("demandWeeks", r.demandWeeks()).update();
    }

    public Optional<Row> find(String sku, String location) {
        return jdbc.sql("SELECT * FROM stock_policy WHERE sku = :sku AND location = :location")
                .param("sku", sku).param("location", location).query(StockPolicies::map).optional();
    }

    public List<Row> of(String sku) {
        return jdbc.sql("SELECT * FROM stock_policy WHERE sku = :sku ORDER BY location")
                .param("sku", sku).query(StockPolicies::map).list();
    }

    public List<Row> ofSkus(Collection<String> skus) {
        return jdbc.sql("SELECT * FROM stock_policy WHERE sku = ANY(:skus) ORDER BY sku COLLATE \"C\", location")
                .param("skus", skus.toArray(String[]::new)).query(StockPolicies::map).list();
    }

    /** Every policy, narrowed to a supplier or location when given, by SKU then location. */
    public List<Row> all(UUID supplierId, String location) {
        return jdbc.sql("""
                SELECT * FROM stock_policy
                WHERE (CAST(:supplier AS uuid) IS NULL OR supplier_id = :supplier)
                  AND (CAST(:location AS text) IS NULL OR location = :location)
                ORDER BY sku COLLATE "C", location
                """).param("supplier", supplierId).param("location", location).query(StockPolicies::map).list();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("sku"), rs.getString("location"), rs.getLong("reorder_point"),
                (Long) rs.getObject("target_level"), (Long) rs.getObject("reorder_quantity"),
                rs.getLong("safety_stock"), rs.getObject("supplier_id", UUID.class), rs.getString("supplier_article"),
                rs.getBigDecimal("purchase_price"), rs.getString("currency") == null ? null
                        : rs.getString("currency").trim(),
                rs.getLong("pack_size"), rs.getLong("minimum_order"), (Integer) rs.getObject("lead_time_days"),
                rs.getTimestamp("updated_at").toInstant(), OverDelivery.valueOf(rs.getString("over_delivery")),
                (Integer) rs.getObject("demand_weeks"));
    }
}
