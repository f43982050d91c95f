package org.ordo.purchasing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Money;

/** The stock policy of a SKU at a location; {@code effectiveLeadTimeDays} is its own or else the supplier's. */
@Schema(name = "StockPolicy")
public record StockPolicy(String sku, String location, long reorderPoint, Long targetLevel, Long reorderQuantity,
        long safetyStock, String supplier, String supplierArticle, Money purchasePrice, long packSize,
        long minimumOrder, Integer leadTimeDays, int effectiveLeadTimeDays, Instant updatedAt,
        OverDelivery overDelivery, Integer demandWeeks,
        @io.swagger.v3.oas.annotations.media.Schema(description = "with demandWeeks: the reorder point from demand "
                + "and its inputs; reorderPoint above is the floor") DemandReorderPoint demand) {
}
