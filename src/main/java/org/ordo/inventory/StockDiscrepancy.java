package org.ordo.inventory;

/**
 * A stock level that disagrees with its ledger, with its active reservations or with the rules of invariant 1.
 * {@code onHand} and {@code reserved} are null when there is no level row; the ledger sums are null when there is
 * no ledger row.
 */
public record StockDiscrepancy(String sku, String location, Long onHand, Long reserved, Long ledgerOnHand,
        Long ledgerReserved, long activeReservations) {

    /** The level differs from the sums of its ledger, or one of the two is missing. */
    public boolean offLedger() {
        return onHand == null || ledgerOnHand == null || !onHand.equals(ledgerOnHand)
                || !reserved.equals(ledgerReserved);
    }

    /** The level's reserved quantity differs from what its active reservations hold. */
    public boolean offReservations() {
        return (reserved == null ? 0 : reserved) != activeReservations;
    }

    public boolean negative() {
        return onHand != null && (onHand < 0 || reserved < 0);
    }

    /** More is reserved than is on hand (a negative on hand counts as {@link #negative()} instead). */
    public boolean reservedBeyondOnHand() {
        return onHand != null && onHand >= 0 && reserved > onHand;
    }

    public String describe() {
        return "%s at %s: level on_hand=%s reserved=%s, ledger on_hand=%s reserved=%s, active reservations=%d"
                .formatted(sku, location, onHand, reserved, ledgerOnHand, ledgerReserved, activeReservations);
    }
}
