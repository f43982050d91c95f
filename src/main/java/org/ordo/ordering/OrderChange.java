package org.ordo.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Money;

/**
 * One version of an order made by a change: who, when, why and what changed, before and after, and what the
 * change means for the money (the amount still due, or what is owed back to the customer).
 */
public record OrderChange(UUID id, UUID orderId, String orderNumber,
        @Schema(description = "the version this change made; the order's first version is 1") int version,
        Instant at, String actor, String reason, List<Difference> differences, Money grossBefore, Money grossAfter,
        @Schema(description = "what had been received when the change was made") Money paid,
        @Schema(description = "what the customer still has to pay after this change") Money amountDue,
        @Schema(description = "what the change owes back to the customer (booked as a refund to pay out once)")
        Money refundDue,
        @Schema(description = "what the customer gets back in all after this change, netted over every change of "
                + "the order: what was paid and kept beyond the new total (refunds of earlier changes not paid out "
                + "yet are withdrawn or included)") Money refundOwed) {

    /**
     * A version with what it leaves due and what it owes back, from the totals before and after and what was
     * paid. A change owes back at most what it lowered the total by: what earlier changes owed is theirs.
     */
    public static OrderChange of(UUID id, UUID orderId, String orderNumber, int version, Instant at, String actor,
            String reason, List<Difference> differences, Money grossBefore, Money grossAfter, Money paid) {
        Money zero = Money.zero(grossAfter.currency());
        Money due = grossAfter.minus(paid);
        Money surplus = paid.minus(grossAfter);
        Money lowered = grossBefore.minus(grossAfter);
        Money owed = surplus.amount().compareTo(lowered.amount()) < 0 ? surplus : lowered;
        return new OrderChange(id, orderId, orderNumber, version, at, actor, reason, List.copyOf(differences),
                grossBefore, grossAfter, paid, due.amount().signum() > 0 ? due : zero,
                owed.amount().signum() > 0 ? owed : zero, surplus.amount().signum() > 0 ? surplus : zero);
    }

    /**
     * What the customer was to get back in all before this change, netted as {@link #refundOwed}: what the mail
     * says this change's refund replaces or withdraws.
     */
    public Money refundOwedBefore() {
        Money before = paid.minus(grossBefore);
        return before.amount().signum() > 0 ? before : Money.zero(grossBefore.currency());
    }

    /** What a difference is about. */
    public enum What {
        LINE_ADDED, LINE_REMOVED, QUANTITY, SKU, SHIPPING_ADDRESS, CARRIER_SERVICE, PROMISE
    }

    /**
     * One thing that changed: {@code before} and {@code after} as values ("2 x TSHIRT-M", an address on one line,
     * an ISO-8601 instant), the same in every language; {@code unitPrice} and {@code pricedToday} for lines.
     */
    @Schema(name = "OrderChangeDifference")
    public record Difference(What what, Integer lineNo, String before, String after, Money unitPrice,
            @Schema(description = "true when the line takes today's catalog price (added or swapped); false "
                    + "when it keeps the price it was sold at") Boolean pricedToday) {
    }
}
