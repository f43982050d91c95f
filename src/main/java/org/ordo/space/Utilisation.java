package org.ordo.space;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How full a warehouse and each of its bins are. A bin's {@code percent} is its fullest capacity (volume, weight or
 * pallet places; empty when it has none). The warehouse's volumes come from stock on hand, reserved (about to
 * leave) and incoming (open purchase order lines), each at the articles' dimensions.
 */
@Schema(name = "LocationUtilisation")
public record Utilisation(
        @Schema(example = "BER") String location,
        Warehouse warehouse,
        List<BinUse> bins,
        @Schema(description = "putaways into the overflow bin because no bin had room, not yet acknowledged, newest first") List<OverflowAlert> alerts) {

    /** The warehouse as a whole; {@code capacityVolumeMm3} is the sum of its bins' volumes (empty: none has one). */
    @Schema(name = "WarehouseUtilisation")
    public record Warehouse(
            @Schema(example = "240000000000") Long capacityVolumeMm3,
            @Schema(example = "120") long onHand,
            @Schema(example = "20") long reserved,
            @Schema(example = "48") long incoming,
            @Schema(example = "90000000000") long onHandVolumeMm3,
            @Schema(example = "12000000000") long reservedVolumeMm3,
            @Schema(example = "30000000000") long incomingVolumeMm3,
            @Schema(example = "108000000000", description = "on hand − reserved + incoming") long projectedVolumeMm3,
            @Schema(example = "37.5", description = "on hand volume of the capacity, in percent") Double percent,
            @Schema(example = "45.0", description = "projected volume of the capacity, in percent") Double projectedPercent,
            @Schema(example = "3", description = "SKUs in stock or incoming without dimensions: counted as taking no room") int skusWithoutDimensions) {
    }

    /** One bin: what it holds and how full it is. */
    @Schema(name = "BinUtilisation")
    public record BinUse(
            @Schema(example = "A-01-03") String code,
            @Schema(example = "10") int pickSequence,
            boolean overflow,
            @Schema(example = "24") long units,
            @Schema(example = "72000000") long usedVolumeMm3,
            @Schema(example = "240000000") Long volumeMm3,
            @Schema(example = "6000") long usedWeightGrams,
            @Schema(example = "80000") Long maxWeightGrams,
            @Schema(example = "1") int usedPallets,
            @Schema(example = "2") Integer palletPlaces,
            @Schema(example = "50.0") Double percent) {
    }

    /** Goods that went to the overflow bin because nothing had room; open until a person acknowledges it. */
    public record OverflowAlert(
            @Schema(example = "4711", description = "acknowledge it with POST .../overflow-alerts/{id}/acknowledgement") long id,
            @Schema(example = "TSHIRT-M") String sku,
            @Schema(example = "24") long quantity,
            @Schema(example = "PURCHASE_ORDER") String documentType,
            @Schema(example = "PO-2026-000001/1") String documentRef,
            Instant at) {
    }
}
