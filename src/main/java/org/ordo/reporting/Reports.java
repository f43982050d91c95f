package org.ordo.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.ordo.platform.InvalidInputException;
import org.ordo.reporting.internal.Figures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard's figures, computed on request from the orders and stock as they are. */
@Service
public class Reports {

    public static final int MAX_DAYS = 92;

    private final Figures figures;

    Reports(Figures figures) {
        this.figures = figures;
    }

    /**
     * The summary over the last {@code days} UTC days (today included), all figures from one read-only snapshot
     * so that they add up. Locks nothing; refuses days outside 1 to {@value #MAX_DAYS} and a negative threshold.
     */
    @Transactional(readOnly = true)
    public Summary summary(int days, long lowStockBelow) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS);
        }
        if (lowStockBelow < 0) {
            throw new InvalidInputException("lowStockBelow", "must not be negative");
        }
        Instant now = Instant.now();
        Instant since = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        var backlog = figures.backlog(now);
        long late = backlog.stream().mapToLong(Summary.BacklogCount::late).sum();
        return new Summary(now, days, figures.ordersPerDay(since), backlog, late, figures.lowStock(lowStockBelow),
                lowStockBelow);
    }
}
