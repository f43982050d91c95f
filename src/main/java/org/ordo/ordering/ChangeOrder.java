package org.ordo.ordering;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.MultiLine;
import org.ordo.platform.TextInput;

/**
 * A change to a placed order, as an agent (or a system) asks for it: only what changes is given. Lines with a
 * {@code lineNo} change that line (another quantity, another SKU; quantity 0 removes it), lines without one are
 * added. Prices are never part of it: kept lines keep the price they were sold at, swapped and added lines take
 * today's price from the catalog.
 */
public record ChangeOrder(
        @Schema(example = "customer called: one more, and size L instead of M",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextInput.MAX_REASON) @MultiLine String reason,
        @Schema(description = "lines to change, remove (quantity 0) or add (no lineNo); at most ordo.orders.max-lines")
        List<Line> lines,
        @Schema(description = "the new shipping address, whole") Address shippingAddress,
        @Schema(example = "express", minLength = 1, maxLength = CARRIER_SERVICE,
                description = "the carrier service agreed with the customer") String carrierService,
        @Schema(description = "the new agreed date by which the order ships") Instant promisedAt) {

    public static final int CARRIER_SERVICE = 64;
    /** The highest line number a change may name (numbers are never reused, so they grow with changes). */
    public static final int MAX_LINE_NO = 1_000_000;

    @Schema(name = "OrderChangeLine")
    public record Line(
            @Schema(example = "1", minimum = "1", maximum = "" + MAX_LINE_NO,
                    description = "the line to change; absent: a new line") Integer lineNo,
            @Schema(example = "TSHIRT-L", minLength = 1, maxLength = 64,
                    description = "another article for the line (a swap), or the article of a new line") String sku,
            @Schema(example = "2", minimum = "0",
                    description = "the new quantity; 0 removes the line; required for a new line; at most "
                            + "ordo.orders.max-line-quantity") Long quantity) {
    }
}
