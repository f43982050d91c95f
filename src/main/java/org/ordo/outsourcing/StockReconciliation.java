package org.ordo.outsourcing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a stock report changed: per SKU what Ordo had, what the partner counted and the adjustment booked. Units
 * reserved for orders cannot be adjusted away; what could not is {@code unresolved} (a person looks into it).
 */
@Schema(name = "StockReconciliation")
public record StockReconciliation(String reference, boolean duplicate, List<Line> lines) {

    @Schema(name = "StockReconciliationLine")
    public record Line(String sku, long before, long reported, long adjusted, long unresolved) {
    }
}
