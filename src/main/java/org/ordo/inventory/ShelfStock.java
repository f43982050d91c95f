package org.ordo.inventory;

import java.util.UUID;

/**
 * Stock inside a location, bin by bin (the space module). Inventory tells every such bean of each change of on
 * hand, in the transaction of that change and after the level changed, so that the bins can never disagree with
 * the location's total, which stays authoritative; inventory need not know the module that keeps bins.
 */
public interface ShelfStock {

    /** On hand of {@code sku} at a location changed by {@code delta} (positive: came in, negative: went out). */
    void follow(OnHandChange change);

    /**
     * One change of on hand, as the ledger recorded it; {@code bin} is the bin a person named (scanned) for it, or
     * null when the bins' own rules choose (putaway by space, taking out along the pick path).
     */
    record OnHandChange(String sku, UUID locationId, long delta, MovementKind kind, String documentType,
            String documentRef, String bin) {

        public OnHandChange(String sku, UUID locationId, long delta, MovementKind kind, String documentType,
                String documentRef) {
            this(sku, locationId, delta, kind, documentType, documentRef, null);
        }
    }
}
