package org.ordo.purchasing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods moved from one location to another: in transit from shipping until received at the destination. */
@Schema(name = "StockTransfer")
public record Transfer(UUID id, @Schema(example = "TR-2026-000001") String number,
        @Schema(example = "BER") String from, @Schema(example = "HAM") String to, Status status, String note,
        List<Line> lines, String shippedBy, Instant shippedAt, String receivedBy, Instant receivedAt) {

    /** One SKU of a transfer: how many were shipped, and how many of them arrived so far. */
    @Schema(name = "StockTransferLine")
    public record Line(int line, @Schema(example = "TSHIRT-M") String sku, @Schema(example = "12") long quantity,
            @Schema(example = "8", description = "arrived at the destination so far; the rest is in transit") long received) {
    }

    /** Where a transfer stands; IN_TRANSIT (also when partly received) becomes RECEIVED once all arrived. */
    @Schema(name = "StockTransferStatus")
    public enum Status {
        /** left the source: what has not arrived yet is on no location's on hand */
        IN_TRANSIT,
        /** arrived and on hand at the destination; final */
        RECEIVED
    }
}
