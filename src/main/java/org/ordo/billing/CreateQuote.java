package org.ordo.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.party.CustomerDraft;
import org.ordo.platform.Address;
import org.ordo.platform.MultiLine;

/**
 * A quote as an agent asks for it. Prices are not part of it: the server takes them from the catalog. Name either
 * {@code customerId} or an inline {@code customer} (found by e-mail, else created), as for orders.
 */
public record CreateQuote(
        UUID customerId,
        CustomerDraft customer,
        @Schema(example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217") String currency,
        @Schema(example = "2026-12-31", description = "the last day (UTC) the customer may accept it") LocalDate validUntil,
        @Schema(description = "needed when an article is physical; the order ships here") Address shippingAddress,
        @Schema(description = "defaults to the shipping address") Address billingAddress,
        @Schema(example = "invoice", description = "how the order will be paid; default prepayment") String paymentMethod,
        @MultiLine String note,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "at least one") List<Line> lines) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewQuoteLine")
    public record Line(@Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) String sku,
            @Schema(example = "20", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") Long quantity) {
    }
}
