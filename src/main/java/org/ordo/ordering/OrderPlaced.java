package org.ordo.ordering;

import java.util.UUID;

import org.ordo.platform.Money;

/** Event: an order was accepted and its stock reserved or backordered. */
public record OrderPlaced(UUID orderId, String number, String channel, UUID customerId, Money total,
        boolean backordered) {
}
