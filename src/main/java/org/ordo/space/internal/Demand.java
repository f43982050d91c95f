package org.ordo.space.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Goods issued per warehouse, SKU and day (table space_demand): the space forecast's demand history. What a
 * forecast from a day reads of it lies wholly before that day, and goods are recorded as issued today, so it stays
 * the same all day: it is read in one query and kept per location until the day changes (a backdated entry, which
 * only a moved clock makes, drops what was kept).
 */
@Repository
public class Demand {

    /**
     * What a forecast from {@code from} reads: per SKU the goods issued in each of the {@code weeks} weeks a year
     * before (52 weeks back, same weekdays), the SKUs with history that old, and the goods issued in the
     * {@code recentDays} days before {@code from}.
     */
    public record History(LocalDate from, int weeks, int recentDays, Map<String, long[]> lastYear,
            Set<String> withHistory, Map<String, Long> recent) {
    }

    private final JdbcClient jdbc;
    private final Map<UUID, History> kept = new ConcurrentHashMap<>();

    Demand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void issued(UUID locationId, String sku, LocalDate day, long quantity) {
        jdbc.sql("""
                INSERT INTO space_demand (location_id, sku, day, issued) VALUES (:loc, :sku, :day, :q)
                ON CONFLICT (location_id, day, sku) DO UPDATE SET issued = space_demand.issued + excluded.issued
                """).param("loc", locationId).param("sku", sku).param("day", Date.valueOf(day)).param("q", quantity)
                .update();
        History history = kept.get(locationId);
        if (history != null && day.isBefore(history.from())) {
            forget(locationId);
        }
    }

    /** The history a forecast from {@code from} reads: kept from an earlier forecast of the day, else one query. */
    public History history(UUID locationId, LocalDate from, int weeks, int recentDays) {
        History known = kept.get(locationId);
        if (known != null && known.from().equals(from) && known.weeks() == weeks && known.recentDays() == recentDays) {
            return known;
        }
        LocalDate lastYear = from.minusWeeks(52);
        Map<String, long[]> weekly = new HashMap<>();
        Set<String> withHistory = new HashSet<>();
        Map<String, Long> recent = new HashMap<>();
        // week >= 0: last year's weeks; -1: the recent days; -2: a SKU with demand before last year's weeks
        jdbc.sql("""
                SELECT sku, (day - CAST(:lastYear AS date)) / 7 AS week, sum(issued) AS issued FROM space_demand
                WHERE location_id = :loc AND day >= :lastYear AND day < :lastYearEnd
                GROUP BY sku, week
                UNION ALL
                SELECT sku, -1, sum(issued) FROM space_demand
                WHERE location_id = :loc AND day >= :recentFrom AND day < :from
                GROUP BY sku
                UNION ALL
                SELECT DISTINCT sku, -2, 0 FROM space_demand WHERE location_id = :loc AND day < :lastYear
                """).param("loc", locationId).param("lastYear", Date.valueOf(lastYear))
                .param("lastYearEnd", Date.valueOf(lastYear.plusWeeks(weeks)))
                .param("recentFrom", Date.valueOf(from.minusDays(recentDays))).param("from", Date.valueOf(from))
                .query((rs, n) -> {
                    String sku = rs.getString(1);
                    int week = rs.getInt(2);
                    if (week >= 0) {
                        weekly.computeIfAbsent(sku, k -> new long[weeks])[week] = rs.getLong(3);
                        withHistory.add(sku);
                    } else if (week == -1) {
                        recent.put(sku, rs.getLong(3));
                    } else {
                        withHistory.add(sku);
                    }
                    return null;
                }).list();
        History read = new History(from, weeks, recentDays, weekly, withHistory, recent);
        kept.put(locationId, read);
        return read;
    }

    /** Drops what was kept of a location, now and again once the caller's transaction commits. */
    private void forget(UUID locationId) {
        kept.remove(locationId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kept.remove(locationId);
                }
            });
        }
    }
}
