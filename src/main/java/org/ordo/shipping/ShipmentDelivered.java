package org.ordo.shipping;

import java.util.UUID;

/** Event: the carrier delivered a shipment. */
public record ShipmentDelivered(UUID shipmentId, UUID orderId) {
}
