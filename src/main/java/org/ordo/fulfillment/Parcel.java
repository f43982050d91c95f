package org.ordo.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A packed parcel of one order at one location. */
public record Parcel(UUID id, UUID orderId, String location, int weightGrams, Integer lengthMm, Integer widthMm,
        Integer heightMm, String status, UUID shipmentId, Instant createdAt, List<Item> items) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "ParcelItem")
    public record Item(int lineNo, String sku, long quantity) {
    }
}
