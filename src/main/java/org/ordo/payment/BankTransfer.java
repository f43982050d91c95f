package org.ordo.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.MoneyInput;

/** Money that arrived by bank transfer for an order (id or number), with the reference the payer wrote. */
public record BankTransfer(
        @Schema(example = "SO-100001", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, description = "the order's id or number") String order,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyInput amount,
        @Schema(example = "SO-100001 Erika Mustermann", maxLength = MAX_REFERENCE) String reference,
        @Schema(example = "2026-11-25", format = "date", description = "default: today (UTC)") String bookedOn) {

    /** The longest payer's reference; {@link PaymentManagement} refuses more and the document states it. */
    public static final int MAX_REFERENCE = 200;
}
