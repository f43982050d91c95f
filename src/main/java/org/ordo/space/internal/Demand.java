package org.ordo.space.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Goods issued per warehouse, SKU and day (table space_demand): the space forecast's demand history. */
@Repository
public class Demand {

    private final JdbcClient jdbc;

    Demand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void issued(UUID locationId, String sku, LocalDate day, long quantity) {
        jdbc.sql("""
                INSERT INTO space_demand (location_id, sku, day, issued) VALUES (:loc, :sku, :day, :q)
                ON CONFLICT (location_id, day, sku) DO UPDATE SET issued = space_demand.issued + excluded.issued
                """).param("loc", locationId).param("sku", sku).param("day", Date.valueOf(day)).param("q", quantity)
                .update();
    }

    /** Issued per SKU and week of {@code weeks} weeks from {@code from} (week 0 starts on {@code from}). */
    public Map<String, long[]> weekly(UUID locationId, LocalDate from, int weeks) {
        Map<String, long[]> bySku = new HashMap<>();
        jdbc.sql("""
                SELECT sku, (day - CAST(:from AS date)) / 7 AS week, sum(issued) AS issued FROM space_demand
                WHERE location_id = :loc AND day >= :from AND day < :to
                GROUP BY sku, week
                """).param("loc", locationId).param("from", Date.valueOf(from))
                .param("to", Date.valueOf(from.plusWeeks(weeks)))
                .query((rs, n) -> bySku.computeIfAbsent(rs.getString("sku"), k -> new long[weeks])[rs.getInt("week")] =
                        rs.getLong("issued"))
                .list();
        return bySku;
    }

    /** Issued per SKU in [from, to). */
    public Map<String, Long> total(UUID locationId, LocalDate from, LocalDate to) {
        Map<String, Long> bySku = new HashMap<>();
        jdbc.sql("""
                SELECT sku, sum(issued) AS issued FROM space_demand
                WHERE location_id = :loc AND day >= :from AND day < :to GROUP BY sku
                """).param("loc", locationId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> bySku.put(rs.getString("sku"), rs.getLong("issued"))).list();
        return bySku;
    }

    /** The SKUs with any demand recorded before {@code day}: they have history. */
    public Set<String> recordedBefore(UUID locationId, LocalDate day) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT sku FROM space_demand WHERE location_id = :loc AND day < :day
                """).param("loc", locationId).param("day", Date.valueOf(day)).query(String.class).list());
    }
}
