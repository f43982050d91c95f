package org.ordo.purchasing;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Money;

/**
 * What to buy from one supplier for one location. Each line shows its inputs: position = available + onOrder -
 * backordered; below the reorder point, quantity is what brings it back (to the target level, or in multiples of
 * the reorder quantity), at least the minimum order, rounded up to whole packs.
 */
@Schema(name = "ReplenishmentSuggestion")
public record Suggestion(String supplier, String supplierName, String location, String currency, List<Line> lines,
        @Schema(description = "why the suggested goods would not fit the location's bins (docs/warehouse-space.md); "
                + "empty when they fit or the location has no bins with a volume") String spaceWarning) {

    @Schema(name = "ReplenishmentSuggestionLine")
    public record Line(String sku, String supplierArticle, long available, long onOrder, long backordered,
            long position, long reorderPoint, long safetyStock, Long targetLevel, Long reorderQuantity,
            long packSize, long minimumOrder, long quantity, Money unitPrice, LocalDate expectedOn,
            @Schema(description = "the position is below the safety stock") boolean urgent,
            @Schema(description = "when the policy takes its reorder point from demand: how (reorderPoint is its result)")
            DemandReorderPoint demand) {
    }
}
