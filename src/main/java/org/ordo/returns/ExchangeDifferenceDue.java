package org.ordo.returns;

import java.util.UUID;

import org.ordo.platform.Money;

/**
 * Event: a dearer replacement's difference could not be charged to the card the returned order was paid with (no
 * card kept, or the provider refused it), so the customer is asked to pay it like a prepayment, by bank transfer
 * naming the replacement order.
 */
public record ExchangeDifferenceDue(UUID returnId, String rmaNumber, UUID replacementOrderId, Money due,
        boolean cardRefused) {
}
