package org.ordo.ordering;

import java.util.UUID;

import org.ordo.platform.Money;

/**
 * Event: an order was accepted and its stock reserved or backordered. {@code order} is the order as placed, read
 * in the placing transaction before the placement rules (automatic holds, release) ran, so that listeners need
 * not read it again.
 */
public record OrderPlaced(UUID orderId, String number, String channel, UUID customerId, Money total,
        boolean backordered, OrderView order) {
}
