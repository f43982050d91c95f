package org.ordo.promise;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A carrier service: the days it picks up and delivers, its cut-off (unless a warehouse has its own) and its
 * transit days per destination country, zone {@code *} for every other country.
 */
@Schema(name = "CarrierService")
public record CarrierService(@Schema(example = "DHL") String carrier, @Schema(example = "STANDARD") String service,
        List<DayOfWeek> deliveryDays,
        @Schema(example = "15:00", type = "string") LocalTime cutOff, boolean active, List<Transit> transit,
        Instant updatedAt) {

    @Schema(name = "CarrierTransit")
    public record Transit(@Schema(example = "DE", pattern = "^([A-Z]{2}|\\*)$", maxLength = 2,
            requiredMode = Schema.RequiredMode.REQUIRED) String zone,
            @Schema(example = "1", minimum = "0", maximum = "60", requiredMode = Schema.RequiredMode.REQUIRED) Integer days) {
    }

    /** A carrier service as set through the API; it replaces what the service had. */
    @Schema(name = "CarrierServiceDraft")
    public record Draft(
            @ArraySchema(minItems = 1, maxItems = 7, uniqueItems = true, arraySchema = @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED)) List<DayOfWeek> deliveryDays,
            @Schema(example = "15:00", type = "string", pattern = "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$", maxLength = 8,
                    requiredMode = Schema.RequiredMode.REQUIRED) LocalTime cutOff,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean active,
            @ArraySchema(minItems = 1, maxItems = 300, arraySchema = @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED)) List<Transit> transit) {
    }
}
