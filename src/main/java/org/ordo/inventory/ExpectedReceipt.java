package org.ordo.inventory;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods expected to come into a location on a date, e.g. the open quantity of a purchase order line. */
public record ExpectedReceipt(
        @Schema(example = "BER") String location,
        @Schema(example = "40") long quantity,
        @Schema(example = "2026-12-14") LocalDate expectedOn,
        @Schema(example = "PO-2026-000001/1", description = "the document line it is expected from") String reference) {
}
