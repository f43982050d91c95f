package org.ordo.purchasing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Money;

/**
 * The dashboard's stock figures from the stock policies: stock value at purchase price (per currency), how many
 * SKUs are below their reorder point (open reorder alerts), and the lowest days of cover.
 */
public record StockFigures(List<Money> value,
        @Schema(description = "policies whose stock has no purchase price, left out of value") int unpriced,
        @Schema(description = "SKU and location pairs below their reorder point now") int belowReorderPoint,
        @Schema(description = "the days each policy's available stock lasts at the demand of the last weeks, lowest first") List<Cover> lowestCover,
        @Schema(description = "how many past weeks of demand the days of cover use") int demandWeeks) {

    /** How long available stock lasts at a location: available / (demand / days). */
    public record Cover(String sku, String location, long available, long demand,
            @Schema(description = "demand per day, 2 decimals") String dailyDemand,
            @Schema(description = "available / daily demand, rounded down") long days) {
    }
}
