package org.ordo.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.party.CustomerDraft;
import org.ordo.platform.Address;
import org.ordo.platform.MultiLine;

/**
 * A quote as an agent asks for it. Prices are not part of it: the server takes them from the catalog. Name either
 * {@code customerId} or an inline {@code customer} (found by e-mail, else created), as for orders.
 */
public record CreateQuote(
        @Schema(description = "an existing customer; give either this or customer") UUID customerId,
        @Schema(description = "required unless customerId is given: found by e-mail, else created") CustomerDraft customer,
        @Schema(example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217", pattern = "^[A-Z]{3}$",
                maxLength = 3) String currency,
        @Schema(example = "2026-12-31", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the last day (UTC) the customer may accept it: today or later, at most "
                        + MAX_VALID_DAYS + " days ahead") LocalDate validUntil,
        @Schema(description = "needed when an article is physical; the order ships here") Address shippingAddress,
        @Schema(description = "defaults to the shipping address") Address billingAddress,
        @Schema(example = "invoice", description = "how the order will be paid; default prepayment",
                allowableValues = {"prepayment", "card", "wallet", "paypal", "invoice", "cash_on_delivery",
                        "marketplace"}) String paymentMethod,
        @Schema(maxLength = NOTE) @MultiLine String note,
        @ArraySchema(minItems = 1, maxItems = MAX_LINES, arraySchema = @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED, description = "at least one")) List<Line> lines) {

    /** Limits {@link QuoteManagement} applies and the OpenAPI document states. */
    static final int NOTE = 2000;
    static final int MAX_LINES = 500;
    static final long MAX_QUANTITY = 1_000_000;
    static final int MAX_VALID_DAYS = 366;

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewQuoteLine")
    public record Line(@Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
            maxLength = 64) String sku,
            @Schema(example = "20", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1",
                    maximum = "" + MAX_QUANTITY) Long quantity) {
    }
}
