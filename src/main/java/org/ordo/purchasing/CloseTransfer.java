package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_REASON;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Closing a transfer short: nothing more of it will arrive. What is still in transit goes back on hand at the source,
 * or, when it was lost on the way, is written off there.
 */
@Schema(name = "CloseTransfer")
public record CloseTransfer(
        @Schema(example = "pallet damaged on the way", requiredMode = REQUIRED, maxLength = MAX_REASON) String reason,
        @Schema(description = "true: what is still in transit was lost and is written off at the source (an ADJUSTMENT naming the transfer); false or left out: it went back to the source and is on hand there again") Boolean lost) {
}
