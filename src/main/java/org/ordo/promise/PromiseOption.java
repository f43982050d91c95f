package org.ordo.promise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One way to deliver every line of a query: a carrier service, the shipments (one per warehouse) and, over all of
 * them, the latest ship-by and deliver-by dates.
 */
@Schema(name = "PromiseOption")
public record PromiseOption(@Schema(example = "DHL") String carrier, @Schema(example = "STANDARD") String service,
        @Schema(example = "2026-12-07", description = "the last shipment leaves by this day") LocalDate shipBy,
        @Schema(example = "2026-12-08", description = "the last shipment arrives by this day") LocalDate deliverBy,
        List<Shipment> shipments) {

    /** The lines that leave one warehouse together. */
    @Schema(name = "PromisedShipment")
    public record Shipment(@Schema(example = "BER") String warehouse, SupplySource source,
            @Schema(example = "2026-12-07", description = "the day it leaves the warehouse") LocalDate shipBy,
            @Schema(example = "2026-12-07T14:00:00Z", description = "the cut-off on shipBy: it must have left by then") Instant shipByCutOff,
            @Schema(example = "2026-12-08") LocalDate deliverBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(example = "2026-12-10", description = "INCOMING: "
                    + "the day the purchase order is expected") LocalDate expectedOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(example = "14", description = "BACKORDER: the "
                    + "supplier's lead time in days") Integer leadTimeDays,
            @Schema(example = "[\"TSHIRT-M\"]") List<String> skus) {
    }
}
