package org.ordo.promise;

import java.time.DayOfWeek;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** A warehouse's calendar as set through the API; it replaces what the warehouse had. */
@Schema(name = "WarehouseCalendarDraft")
public record WarehouseCalendarDraft(
        @Schema(example = "Europe/Berlin", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64,
                description = "IANA time zone") String timeZone,
        @Schema(example = "DE", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Z]{2}$", minLength = 2,
                maxLength = 2, description = "whose public holidays the warehouse keeps") String country,
        @Schema(example = "BE", pattern = "^[A-Z0-9]{1,3}$", maxLength = 3, description = "and which region's") String region,
        @ArraySchema(minItems = 1, maxItems = 7, uniqueItems = true, arraySchema = @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED)) List<DayOfWeek> workingDays,
        @Schema(example = "0", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "30",
                description = "working days between taking an order and shipping it") Long handlingDays,
        @Schema(example = "500", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "1000000",
                description = "orders it ships per day") Long dailyCapacity,
        @ArraySchema(maxItems = 100) List<WarehouseCalendar.CutOff> cutOffs) {
}
