package org.ordo.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A wave of picking at one location. */
public record PickList(UUID id, String number, String location, String status, String createdBy,
        Instant createdAt, Instant completedAt, List<Line> lines) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "PickListLine")
    public record Line(int lineNo, UUID orderId, String orderNumber, int orderLineNo, String sku, long quantity,
            long picked, long missing, String status, String pickedBy, Instant pickedAt) {
    }
}
