package org.ordo.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ordo.reporting.Summary.BacklogCount;
import org.ordo.reporting.Summary.DayCount;

/**
 * Every figure of the back office's dashboard at one moment, from one read-only snapshot. Days are UTC calendar
 * days, oldest first, the last {@code days} of them (today included).
 *
 * @param ordersPerDay orders placed per day and channel; a day and channel without orders is left out
 * @param onTime per day of the first shipment: orders shipped, and of them shipped by their promised date
 * @param backlog open and held orders by status and age (as in {@link Summary})
 * @param lateOrders the most overdue late orders (promise passed, nothing shipped), oldest promise first
 * @param lowStock SKUs with fewer than {@code lowStockBelow} available over all active locations, fewest first
 * @param outcomes what became of the orders placed in the window: cancelled, refunded, returned
 * @param returnsByArticle per article of the window's orders with units back: units shipped and returned,
 *        highest return rate first
 * @param returnsByReason units returned from the window's orders per reason, most first
 */
public record Dashboard(Instant at, int days, List<DayCount> ordersPerDay, List<OnTimeDay> onTime,
        List<BacklogCount> backlog, List<LateOrder> lateOrders, List<LowStock> lowStock, long lowStockBelow,
        Outcomes outcomes, List<ArticleReturns> returnsByArticle, List<ReasonReturns> returnsByReason) {

    /**
     * An article's returns: units of it shipped on the window's orders, and of them returned (announced and on
     * their way, or received; withdrawn returns count for nothing).
     */
    public record ArticleReturns(String sku, long shipped, long returned) {

        /** Returned per shipped unit, 0 to 1 (more only when more came back than was announced). */
        public double rate() {
            return shipped == 0 ? 0 : (double) returned / shipped;
        }
    }

    /** Units returned for one reason ({@code WRONG_SIZE}, ...), and in how many returns. */
    public record ReasonReturns(String reason, long units, long returns) {
    }

    /** Orders whose first parcel left on this day, and how many of them left by their promised date. */
    public record OnTimeDay(LocalDate day, long shipped, long onTime) {

        /** Share shipped on time, 0 to 1; 0 on a day without shipments. */
        public double share() {
            return shipped == 0 ? 0 : (double) onTime / shipped;
        }
    }

    /** An open or held order whose promised date has passed with nothing shipped. */
    public record LateOrder(String number, String channel, String status, String fulfillmentStatus,
            Instant createdAt, Instant promisedAt) {
    }

    /** A SKU running low: on hand, reserved and available summed over the active locations. */
    public record LowStock(String sku, long onHand, long reserved, long available) {
    }

    /**
     * What became of the orders placed in the window. {@code returned} counts orders with goods back from the
     * customer (PARTIALLY_RETURNED or RETURNED); the return rate is returned per shipped order. {@code refunded} counts orders refunded in part or
     * whole, {@code cancelled} those cancelled.
     */
    public record Outcomes(long placed, long shipped, long returned, long refunded, long cancelled) {

        public double returnRate() {
            return shipped == 0 ? 0 : (double) returned / shipped;
        }

        public double refundRate() {
            return placed == 0 ? 0 : (double) refunded / placed;
        }

        public double cancellationRate() {
            return placed == 0 ? 0 : (double) cancelled / placed;
        }
    }
}
