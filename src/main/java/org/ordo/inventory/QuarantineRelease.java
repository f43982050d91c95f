package org.ordo.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A person's decision on quarantined units (invariant 10 in docs/design.md): {@code RELEASE} makes them
 * available again, {@code WRITE_OFF} takes them off the books. A reason is required.
 */
public record QuarantineRelease(
        @Schema(example = "TSHIRT-M") String sku,
        @Schema(example = "BER") String location,
        @Schema(example = "1") Long quantity,
        @Schema(example = "RELEASE") String action,
        @Schema(example = "inspected again: only the box was damaged") String reason,
        String reference) {
}
