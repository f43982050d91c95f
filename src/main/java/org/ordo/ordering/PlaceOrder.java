package org.ordo.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.party.CustomerDraft;
import org.ordo.platform.Address;
import org.ordo.platform.MultiLine;

/**
 * An order as a channel sends it. Prices and totals are not part of it: the server computes them from the
 * catalog. Name either {@code customerId} or an inline {@code customer} (found by e-mail, else created).
 */
public record PlaceOrder(
        @Schema(example = "web", description = "web, api, marketplace, edi, email or phone; shop platforms (shopify,"
                + " woocommerce, shopware) and files (file) have their own way in and are refused here (422)",
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"web", "api", "marketplace", "edi", "email", "phone"}) String channel,
        @Schema(example = "SHOP-1001", minLength = 1, maxLength = 100) String externalRef,
        @Schema(description = "an existing customer; give either this or customer") UUID customerId,
        @Schema(description = "required unless customerId is given: found by e-mail, else created") CustomerDraft customer,
        @Schema(description = "required when a line is physical") Address shippingAddress,
        @Schema(description = "defaults to the shipping address") Address billingAddress,
        @Schema(example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217", pattern = "^[A-Z]{3}$",
                maxLength = 3) String currency,
        @Schema(example = "prepayment", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"prepayment", "card", "wallet",
                "paypal", "invoice", "cash_on_delivery", "marketplace"}) String paymentMethod,
        @Schema(description = "when the order must ship; default: now plus the configured promise") Instant promisedAt,
        @Schema(maxLength = NOTE) @MultiLine String note,
        @ArraySchema(minItems = 1, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "at least one; at most ordo.orders.max-lines")) List<Line> lines) {

    /** The longest note; the line limits are settings (ordo.orders.*), stated in the document from them. */
    public static final int NOTE = 2000;

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewOrderLine")
    public record Line(@Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
            maxLength = 64) String sku,
            @Schema(example = "2", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1",
                    description = "at most ordo.orders.max-line-quantity") Long quantity) {
    }

    /** The stored inbound document this order came from (set by the intake channel, not by clients). */
    public record Source(UUID inboundDocumentId, String actor) {
    }
}
