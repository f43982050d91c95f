package org.ordo.ordering;

import java.util.UUID;

/** Event: an order was put on hold; the warehouse must not pick it. */
public record OrderHeld(UUID orderId, String number, HoldKind kind, String reason) {
}
