package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_REASON;

import io.swagger.v3.oas.annotations.media.Schema;

/** A second person's decision on a count waiting for approval. */
@Schema(name = "DecideCount")
public record DecideCount(
        @Schema(example = "true", requiredMode = REQUIRED, description = "true books the difference, false rejects the count") Boolean approve,
        @Schema(example = "recounted: the shelf was empty", maxLength = MAX_REASON, description = "required when rejecting") String reason) {
}
