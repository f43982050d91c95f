package org.ordo.space;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The space a warehouse is expected to need, week by week: stock on hand, plus open purchase order lines on their
 * expected dates, minus expected demand (the same weeks last year where the SKU has history, else its rate of the
 * last four weeks times the peak factor of each day). {@code firstFullDay} is the first day the stock needs more
 * volume than the bins have; empty when it never does within the forecast (or the bins have no volume).
 */
public record SpaceForecast(
        @Schema(example = "BER") String location,
        @Schema(example = "2026-12-07") LocalDate from,
        @Schema(example = "240000000000") Long capacityVolumeMm3,
        @Schema(example = "2026-12-18") LocalDate firstFullDay,
        List<Week> weeks) {

    /** One week: what comes in, what goes out, and the most volume needed on any of its days. */
    @Schema(name = "SpaceForecastWeek")
    public record Week(
            @Schema(example = "2026-12-07") LocalDate from,
            @Schema(example = "30000000000") long receiptsVolumeMm3,
            @Schema(example = "12000000000") long demandVolumeMm3,
            @Schema(example = "150000000000", description = "the most volume stock needs on a day of the week") long neededVolumeMm3,
            @Schema(example = "240000000000") Long availableVolumeMm3,
            @Schema(description = "needed is more than available on some day") boolean full,
            @Schema(example = "[\"Christmas\"]", description = "calendar peaks within the week") List<String> peaks) {
    }
}
