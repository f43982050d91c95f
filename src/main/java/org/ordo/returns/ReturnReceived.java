package org.ordo.returns;

import java.util.UUID;

/** Event: a return's goods arrived and were inspected; its refund is due (computed after this commits). */
public record ReturnReceived(UUID returnId, UUID orderId, String number) {
}
