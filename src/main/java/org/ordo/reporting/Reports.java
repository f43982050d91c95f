package org.ordo.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import org.ordo.reporting.internal.Figures;
import org.ordo.reporting.internal.FirstShipments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures, computed on request from the orders and stock as they are; the share shipped on time
 * from reporting's own record of first shipments, which follows shipping's events a moment after they commit.
 */
@Service
public class Reports {

    public static final int MAX_DAYS = 92;
    /** The highest low-stock threshold a summary takes: more units than any level can hold. */
    public static final long MAX_LOW_STOCK_BELOW = 1_000_000_000L;
    /** How many late orders and low-stock SKUs the dashboard lists at most. */
    public static final int LIST_LIMIT = 50;
    /** Articles in the return rate per article (the page shows the first ten, the CSV all of them). */
    public static final int RETURNS_LIMIT = 500;

    private final Figures figures;
    private final FirstShipments firstShipments;
    private final long lowStockBelow;
    private final Clock clock;

    Reports(Figures figures, FirstShipments firstShipments,
            @Value("${ordo.reporting.low-stock-below:10}") long lowStockBelow, Clock clock) {
        this.figures = figures;
        this.firstShipments = firstShipments;
        this.lowStockBelow = lowStockBelow;
        this.clock = clock;
    }

    /**
     * Below how many available units a SKU counts as running low ({@code ordo.reporting.low-stock-below},
     * default 10). The catalog keeps no reorder point per article, so one threshold applies to every SKU.
     */
    public long lowStockBelow() {
        return lowStockBelow;
    }

    /**
     * The summary over the last {@code days} UTC days (today included), all figures from one read-only snapshot
     * so that they add up. Locks nothing; refuses days outside 1 to {@value #MAX_DAYS} and a negative threshold.
     */
    @Transactional(readOnly = true)
    public Summary summary(int days, long lowStockBelow) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", Wording.of("platform.must_be_between_1_and", MAX_DAYS));
        }
        if (lowStockBelow < 0) {
            throw new InvalidInputException("lowStockBelow", Wording.of("reporting.must_not_be_negative"));
        }
        Instant now = clock.instant();
        Instant since = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        var backlog = figures.backlog(now);
        long late = backlog.stream().mapToLong(Summary.BacklogCount::late).sum();
        return new Summary(now, days, figures.ordersPerDay(since), backlog, late, figures.lowStock(lowStockBelow),
                lowStockBelow);
    }

    /**
     * The back office's dashboard over the last {@code days} UTC days (today included), in one read-only
     * transaction; low stock by the configured threshold. The share shipped on time counts a shipment once
     * reporting has handled its {@code ShipmentShipped} event, a moment after the shipment committed. Locks
     * nothing; refuses days outside 1 to {@value #MAX_DAYS}.
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", Wording.of("platform.must_be_between_1_and", MAX_DAYS));
        }
        Instant now = clock.instant();
        Instant since = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        return new Dashboard(now, days, figures.ordersPerDay(since), firstShipments.perDay(since),
                figures.backlog(now), figures.lateOrders(now, LIST_LIMIT),
                figures.lowStockItems(lowStockBelow, LIST_LIMIT), lowStockBelow, figures.outcomes(since),
                figures.returnsByArticle(since, RETURNS_LIMIT), figures.returnsByReason(since));
    }

    /** SKUs running low (below {@link #lowStockBelow()}), fewest available first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public java.util.List<Dashboard.LowStock> lowStock(int limit) {
        return figures.lowStockItems(lowStockBelow, Math.max(1, Math.min(limit, 500)));
    }
}
