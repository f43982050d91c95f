package org.ordo.purchasing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods moved from one location to another: in transit from shipping until received at the destination. */
@Schema(name = "StockTransfer")
public record Transfer(UUID id, @Schema(example = "TR-2026-000001") String number,
        @Schema(example = "BER") String from, @Schema(example = "HAM") String to, Status status, String note,
        List<Line> lines, String shippedBy, Instant shippedAt, String receivedBy, Instant receivedAt,
        @Schema(description = "who closed it short") String closedBy, Instant closedAt,
        @Schema(example = "pallet damaged on the way", description = "why it was closed short") String closeReason,
        @Schema(description = "closed short: what was still in transit was lost (written off at the source), not back there") Boolean lost) {

    /** One SKU of a transfer: how many were shipped, and how many of them arrived so far. */
    @Schema(name = "StockTransferLine")
    public record Line(int line, @Schema(example = "TSHIRT-M") String sku, @Schema(example = "12") long quantity,
            @Schema(example = "8", description = "arrived at the destination so far; the rest is in transit") long received) {
    }

    /**
     * Where a transfer stands; IN_TRANSIT (also when partly received) becomes RECEIVED once all arrived, or
     * CLOSED_SHORT when a person closes it before.
     */
    @Schema(name = "StockTransferStatus")
    public enum Status {
        /** left the source: what has not arrived yet is on no location's on hand */
        IN_TRANSIT,
        /** arrived and on hand at the destination; final */
        RECEIVED,
        /**
         * closed short with a reason: what had not arrived is back on hand at the source, or written off there when
         * it was lost; final
         */
        CLOSED_SHORT
    }
}
