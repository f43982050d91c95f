package org.ordo.ordering;

import java.util.UUID;

import org.ordo.platform.Money;

/**
 * Event: an order was changed after placement and is now at {@code version}. Published in the changing
 * transaction; {@code refundDue} is what the change owes back (zero when nothing), {@code amountDue} what the
 * customer still has to pay; {@code refundOwed} what the customer gets back in all after netting every change, and
 * {@code refundOwedBefore} the same before this change (docs/order-changes.md, "Several changes are netted").
 */
public record OrderChanged(UUID orderId, String number, UUID changeId, int version, String channel,
        Money amountDue, Money refundDue, OrderView order, Money refundOwed, Money refundOwedBefore) {
}
