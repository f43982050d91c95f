package org.ordo.promise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Whether promises were kept, per warehouse and carrier service, for the shipments shipped since {@code since}
 * (docs/promise.md, "Promises kept"): how many shipped by their ship-by day and were delivered by their deliver-by
 * day, in the warehouse's time zone.
 */
public record PromisesKept(LocalDate since, String warehouse, String carrier, String service, long shipped,
        long shippedOnTime, long delivered, long deliveredOnTime) {

    /** Shipped by ship-by, of those shipped (0 to 1, four places); null when none shipped. */
    public BigDecimal shippedOnTimeShare() {
        return share(shippedOnTime, shipped);
    }

    /** Delivered by deliver-by, of those delivered; null when none was delivered. */
    public BigDecimal deliveredOnTimeShare() {
        return share(deliveredOnTime, delivered);
    }

    /** The shares as percent with one place, for people; null when there is nothing to share. */
    public BigDecimal shippedOnTimePercent() {
        return percent(shippedOnTimeShare());
    }

    public BigDecimal deliveredOnTimePercent() {
        return percent(deliveredOnTimeShare());
    }

    private static BigDecimal percent(BigDecimal share) {
        return share == null ? null : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
