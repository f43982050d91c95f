package org.ordo.space;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What one bin holds, per SKU (what a person counting the bin counts against), and its latest bin ledger rows, newest
 * first: every booking into or out of the bin with why and the document.
 */
@Schema(name = "BinContents")
public record BinContents(@Schema(example = "BER") String location, @Schema(example = "A-01-03") String bin,
        @Schema(example = "10") int pickSequence, boolean overflow, List<Item> items,
        @Schema(description = "the latest bookings of the bin, newest first (at most 50)") List<Booking> bookings) {

    /** One row of the bin ledger. */
    @Schema(name = "BinBooking")
    public record Booking(long id, @Schema(example = "TSHIRT-M") String sku,
            @Schema(example = "12", description = "units into (positive) or out of (negative) the bin") long quantity,
            @Schema(example = "RECEIPT", description = "the stock ledger's movement kind, MOVE between bins, or OPENING") String kind,
            @Schema(example = "PURCHASE_ORDER") String documentType,
            @Schema(example = "PO-2026-000001/1") String documentRef, String actor, java.time.Instant at) {
    }

    /** A SKU's units in the bin. */
    @Schema(name = "BinContentsItem")
    public record Item(@Schema(example = "TSHIRT-M") String sku, @Schema(example = "12") long quantity) {
    }

    /** Units of a SKU in the bin (0 when it holds none). */
    public long of(String sku) {
        return items.stream().filter(i -> i.sku().equals(sku)).mapToLong(Item::quantity).sum();
    }
}
