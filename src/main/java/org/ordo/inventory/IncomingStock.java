package org.ordo.inventory;

import java.util.List;
import java.util.Map;

/**
 * Where stock is expected from (purchasing's open purchase order lines). Inventory asks every such bean when it
 * shows a SKU's stock, so that it need not know the modules that order goods.
 */
public interface IncomingStock {

    /** What is expected to come in of this SKU and not received yet; empty when nothing. */
    List<ExpectedReceipt> expected(String sku);

    /** Everything expected to come into this location (a warehouse code), by SKU; empty when nothing. */
    default Map<String, List<ExpectedReceipt>> expectedAt(String location) {
        return Map.of();
    }
}
