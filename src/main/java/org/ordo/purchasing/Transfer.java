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

    /** One SKU of a transfer. */
    @Schema(name = "StockTransferLine")
    public record Line(int line, @Schema(example = "TSHIRT-M") String sku, @Schema(example = "12") long quantity) {
    }

    /** Where a transfer stands; IN_TRANSIT becomes RECEIVED once, and nothing else. */
    @Schema(name = "StockTransferStatus")
    public enum Status {
        /** left the source: on no location's on hand */
        IN_TRANSIT,
        /** arrived and on hand at the destination; final */
        RECEIVED
    }
}
