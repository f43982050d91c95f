package org.ordo.purchasing;

import java.util.UUID;

/**
 * Event: a revision of a purchase order is to go to its supplier (placed, changed or cancelled), its PDF stored
 * as {@code documentId}; published in the transaction of the change, so the mail is written with it.
 */
public record PurchaseOrderSent(UUID purchaseOrderId, String number, int revision, UUID documentId, Cause cause,
        String reason) {

    public enum Cause {
        PLACED, CHANGED, CANCELLED
    }
}
