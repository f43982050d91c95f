package org.ordo.returns;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A return request for shipped lines of one order. {@code iban}: where a refund by bank transfer goes;
 * {@code labelRef}: a carrier's return label reference.
 */
public record RequestReturn(
        List<Line> lines,
        @Schema(example = "REFUND", allowableValues = {"REFUND", "EXCHANGE"}) String resolution,
        List<Exchange> exchange,
        @Schema(example = "DE89370400440532013000") String iban,
        String labelRef,
        String note) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewReturnLine")
    public record Line(
            @Schema(example = "1") Integer lineNo,
            @Schema(example = "1") Long quantity,
            @Schema(example = "WRONG_SIZE") String reason,
            String note) {
    }

    public record Exchange(String sku, Long quantity) {
    }
}
