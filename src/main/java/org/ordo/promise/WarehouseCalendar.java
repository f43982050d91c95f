package org.ordo.promise;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A warehouse (an inventory location) as the promise sees it. {@code configured} is false while the location
 * uses the defaults (ordo.promise.*, its address's country).
 */
@Schema(name = "WarehouseCalendar")
public record WarehouseCalendar(@Schema(example = "BER") String location,
        @Schema(example = "Europe/Berlin") String timeZone, @Schema(example = "DE") String country,
        @Schema(example = "BE") String region, List<DayOfWeek> workingDays, @Schema(example = "0") int handlingDays,
        @Schema(example = "500", description = "orders per day") int dailyCapacity, List<CutOff> cutOffs,
        boolean configured, Instant updatedAt) {

    /** The warehouse's own cut-off for a carrier service. */
    @Schema(name = "WarehouseCutOff")
    public record CutOff(@Schema(example = "DHL", maxLength = 32) String carrier,
            @Schema(example = "STANDARD", maxLength = 32) String service,
            @Schema(example = "14:00", type = "string", pattern = "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$", maxLength = 8) LocalTime cutOff) {
    }
}
