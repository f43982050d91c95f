package org.ordo.returns;

import java.util.UUID;

import org.ordo.platform.Money;

/** Event: a return's refund was sent to the provider or requested from a person, and credited. */
public record ReturnRefunded(UUID returnId, UUID orderId, String number, Money amount) {
}
