package org.ordo.ordering;

import java.util.UUID;

/** Event: an order is paid in full. */
public record OrderPaid(UUID orderId, String number) {
}
