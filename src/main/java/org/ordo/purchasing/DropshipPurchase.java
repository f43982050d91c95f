package org.ordo.purchasing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Address;

/**
 * A purchase order a dropship supplier gets instead of a fulfilment request by HTTP or file: its goods go straight
 * to the customer at {@code shipTo}. {@code request} is the fulfilment request it answers (one purchase order per
 * request, however often it is sent); {@code order} the customer's order number it names. A line's {@code unitCost}
 * is the supplier's price from its stock feed in {@code currency}, when known; else the stock policy's.
 */
public record DropshipPurchase(UUID request, String supplier, String location, String order, String currency,
        Address shipTo, List<Line> lines) {

    public record Line(String sku, long quantity, BigDecimal unitCost) {
    }
}
