package org.ordo.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A wave of picking at one location. */
public record PickList(UUID id, String number, String location, String status, String createdBy,
        Instant createdAt, Instant completedAt, List<Line> lines) {

    /**
     * A line to pick. Lines are numbered in the order of the bins' pick path ({@code bin}: the first bin on the path
     * holding the SKU when the list was made); lines whose SKU no bin holds come last, by SKU.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PickListLine")
    public record Line(int lineNo, UUID orderId, String orderNumber, int orderLineNo, String sku, long quantity,
            long picked, long missing, String status, String pickedBy, Instant pickedAt,
            @io.swagger.v3.oas.annotations.media.Schema(example = "A-01-03", description = "the bin to pick from; empty when the warehouse keeps no bins or no bin holds the SKU") String bin) {
    }
}
