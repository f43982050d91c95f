package org.ordo.promise;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** What a checkout asks: these lines, to this destination, optionally with one carrier. */
@Schema(name = "PromiseQuery")
public record PromiseQuery(
        @Schema(example = "DE", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Z]{2}$", minLength = 2,
                maxLength = 2, description = "destination country, ISO 3166-1 alpha-2") String country,
        @Schema(example = "80331", maxLength = 20, description = "destination postal code; in DE it names the state "
                + "where the first two digits do, for its holidays") String postalCode,
        @Schema(example = "BY", pattern = "^[A-Z0-9]{1,3}$", maxLength = 3, description = "destination region, the "
                + "subdivision of ISO 3166-2 (BY of DE-BY); wins over the postal code") String region,
        @Schema(example = "DHL", maxLength = 32, description = "only this carrier's services") String carrier,
        @Schema(example = "web", maxLength = 64, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", description = """
                the channel the order would come from (an order's `channel`): its routing rule applies, as it will                 at placement; without it, only the articles' rules and the default rule""") String channel,
        @ArraySchema(minItems = 1, maxItems = PromiseManagement.MAX_LINES, arraySchema = @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED)) List<Line> lines) {

    @Schema(name = "PromiseQueryLine")
    public record Line(@Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
            maxLength = 64) String sku,
            @Schema(example = "2", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1",
                    maximum = "1000000000") Long quantity) {
    }
}
