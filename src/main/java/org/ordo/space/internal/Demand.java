package org.ordo.space.internal;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
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
 * Goods issued per warehouse, SKU and calendar week (Monday to Sunday, table space_demand_week), and the first day
 * each SKU was issued there (space_demand_since): the space forecast's demand history. Both are kept where goods
 * are issued, so a forecast reads only the weeks it uses and, for older history, one row per SKU that has it,
 * never every day of the past (docs/warehouse-space.md). What a forecast from a day reads lies wholly in weeks
 * before that day's week, and goods are recorded as issued today, so it stays the same all day: it is read in one
 * query and kept per location until the day changes (a backdated entry, which only a moved clock makes, drops what
 * was kept).
 */
@Repository
public class Demand {

    /**
     * What a forecast from {@code from} reads: per SKU the goods issued in each calendar week a year before the
     * forecast's days (52 weeks back, from the week of {@code firstWeek} on), the SKUs with history that old, and
     * the goods issued in the {@code recentWeeks} calendar weeks before the week of {@code from}.
     */
    public record History(LocalDate from, int weeks, int recentWeeks, LocalDate firstWeek,
            Map<String, long[]> lastYear, Set<String> withHistory, Map<String, Long> recent) {

        /** The goods a SKU was issued in the calendar week 52 weeks before {@code day}, if it has history. */
        public long lastYearsWeek(long[] weekly, LocalDate day) {
            int slot = (int) ChronoUnit.WEEKS.between(firstWeek, monday(day.minusWeeks(52)));
            return slot >= 0 && slot < weekly.length ? weekly[slot] : 0;
        }
    }

    private final JdbcClient jdbc;
    private final Map<UUID, History> kept = new ConcurrentHashMap<>();

    Demand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void issued(UUID locationId, String sku, LocalDate day, long quantity) {
        jdbc.sql("""
                INSERT INTO space_demand_week (location_id, sku, week, issued) VALUES (:loc, :sku, :week, :q)
                ON CONFLICT (location_id, week, sku) DO UPDATE SET issued = space_demand_week.issued + excluded.issued
                """).param("loc", locationId).param("sku", sku).param("week", Date.valueOf(monday(day)))
                .param("q", quantity).update();
        // once per SKU and warehouse; an earlier day (only a moved clock makes one) moves the first day back
        jdbc.sql("""
                INSERT INTO space_demand_since (location_id, sku, first_day) VALUES (:loc, :sku, :day)
                ON CONFLICT (location_id, sku) DO UPDATE SET first_day = excluded.first_day
                WHERE space_demand_since.first_day > excluded.first_day
                """).param("loc", locationId).param("sku", sku).param("day", Date.valueOf(day)).update();
        History history = kept.get(locationId);
        if (history != null && day.isBefore(history.from())) {
            forget(locationId);
        }
    }

    /** The history a forecast from {@code from} reads: kept from an earlier forecast of the day, else one query. */
    public History history(UUID locationId, LocalDate from, int weeks, int recentWeeks) {
        History known = kept.get(locationId);
        if (known != null && known.from().equals(from) && known.weeks() == weeks
                && known.recentWeeks() == recentWeeks) {
            return known;
        }
        LocalDate firstDay = from.minusWeeks(52);
        LocalDate firstWeek = monday(firstDay);
        LocalDate lastWeek = monday(firstDay.plusDays(weeks * 7L - 1));
        int slots = (int) ChronoUnit.WEEKS.between(firstWeek, lastWeek) + 1;
        LocalDate thisWeek = monday(from);
        Map<String, long[]> weekly = new HashMap<>();
        Set<String> withHistory = new HashSet<>();
        Map<String, Long> recent = new HashMap<>();
        // slot >= 0: last year's weeks; -1: the recent weeks; -2: a SKU first issued before last year's days
        jdbc.sql("""
                SELECT sku, (week - CAST(:firstWeek AS date)) / 7 AS slot, issued FROM space_demand_week
                WHERE location_id = :loc AND week >= :firstWeek AND week <= :lastWeek
                UNION ALL
                SELECT sku, -1, sum(issued) FROM space_demand_week
                WHERE location_id = :loc AND week >= :recentFrom AND week < :thisWeek
                GROUP BY sku
                UNION ALL
                SELECT sku, -2, 0 FROM space_demand_since WHERE location_id = :loc AND first_day < :firstDay
                """).param("loc", locationId).param("firstWeek", Date.valueOf(firstWeek))
                .param("lastWeek", Date.valueOf(lastWeek)).param("firstDay", Date.valueOf(firstDay))
                .param("recentFrom", Date.valueOf(thisWeek.minusWeeks(recentWeeks)))
                .param("thisWeek", Date.valueOf(thisWeek))
                .query((rs, n) -> {
                    String sku = rs.getString(1);
                    int slot = rs.getInt(2);
                    if (slot >= 0) {
                        weekly.computeIfAbsent(sku, k -> new long[slots])[slot] = rs.getLong(3);
                        withHistory.add(sku);
                    } else if (slot == -1) {
                        recent.put(sku, rs.getLong(3));
                    } else {
                        withHistory.add(sku);
                    }
                    return null;
                }).list();
        History read = new History(from, weeks, recentWeeks, firstWeek, weekly, withHistory, recent);
        kept.put(locationId, read);
        return read;
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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
