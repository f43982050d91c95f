package org.ordo.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's figures at one moment. Days are UTC calendar days, oldest first; a day and channel without
 * orders is left out. The backlog is every open or held order, by how long ago it was placed; an order is late
 * when its promised date has passed and nothing of it has shipped (as in the queue). Low stock counts the SKUs
 * whose available quantity (on hand minus reserved, over all locations) is below {@code lowStockBelow}.
 */
public record Summary(Instant at, int days, List<DayCount> ordersPerDay, List<BacklogCount> backlog, long late,
        long lowStock, long lowStockBelow) {

    /** Orders placed on one day through one channel. */
    public record DayCount(LocalDate day, String channel, long orders) {
    }

    /** Open or held orders of one status placed within one age bucket ({@link AgeBucket}). */
    public record BacklogCount(String status, AgeBucket age, long orders, long late) {
    }

    /** How long ago an order in the backlog was placed. */
    public enum AgeBucket {
        UNDER_1_DAY, DAYS_1_TO_3, DAYS_3_TO_7, OVER_7_DAYS
    }
}
