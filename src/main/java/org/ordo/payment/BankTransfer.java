package org.ordo.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.MoneyInput;

/** Money that arrived by bank transfer for an order (id or number), with the reference the payer wrote. */
public record BankTransfer(
        @Schema(example = "SO-100001") String order,
        MoneyInput amount,
        @Schema(example = "SO-100001 Erika Mustermann") String reference,
        @Schema(example = "2026-11-25") String bookedOn) {
}
