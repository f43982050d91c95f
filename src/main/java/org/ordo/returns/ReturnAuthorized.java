package org.ordo.returns;

import java.util.UUID;

/** Event: a return was authorized and has its RMA number; the customer is told how to send the goods. */
public record ReturnAuthorized(UUID returnId, UUID orderId, String number) {
}
