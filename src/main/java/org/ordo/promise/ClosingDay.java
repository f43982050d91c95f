package org.ordo.promise;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** A day the company ({@code location} {@code *}) or one warehouse does not ship. */
@Schema(name = "ClosingDay")
public record ClosingDay(
        @Schema(example = "*", maxLength = 16, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "a location code, or * for every warehouse") String location,
        @Schema(example = "2026-12-24", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate day,
        @Schema(example = "Inventory count", minLength = 1, maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {
}
