package org.ordo.returns;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A return request for shipped lines of one order. {@code iban}: where a refund by bank transfer goes;
 * {@code labelRef}: a carrier's return label reference.
 */
public record RequestReturn(
        @ArraySchema(minItems = 1, maxItems = MAX_LINES, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<Line> lines,
        @Schema(example = "REFUND", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"REFUND", "EXCHANGE"},
                description = "EXCHANGE places a replacement order at once, with its stock reserved") String resolution,
        @ArraySchema(maxItems = MAX_EXCHANGE, arraySchema = @Schema(description = "required for resolution EXCHANGE "
                + "(and only then): the articles the customer gets instead")) List<Exchange> exchange,
        @Schema(example = "DE89370400440532013000", maxLength = 64,
                description = "two letters, two check digits, up to 30 letters or digits; spaces are ignored")
        String iban,
        @Schema(maxLength = LABEL_REF) String labelRef,
        @Schema(maxLength = NOTE) String note) {

    /** Limits {@link ReturnManagement} applies and the OpenAPI document states. */
    static final int MAX_LINES = 500;
    public static final int MAX_EXCHANGE = 100;
    static final int LABEL_REF = 100;
    static final int NOTE = 2000;
    static final int LINE_NOTE = 500;

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewReturnLine")
    public record Line(
            @Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "2147483647") Integer lineNo,
            @Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "1000000000",
                    description = "at most what was shipped and not yet returned") Long quantity,
            @Schema(example = "WRONG_SIZE", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"WRONG_SIZE", "DAMAGED", "NOT_AS_DESCRIBED",
                    "CHANGED_MIND", "OTHER"}) String reason,
            @Schema(maxLength = LINE_NOTE, description = "required for reason OTHER") String note) {
    }

    public record Exchange(@Schema(maxLength = 64, description = "required") String sku,
            @Schema(minimum = "1", maximum = "1000000000", description = "required") Long quantity) {
    }
}
