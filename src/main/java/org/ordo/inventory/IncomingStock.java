package org.ordo.inventory;

import java.util.List;

/**
 * Where stock is expected from (purchasing's open purchase order lines). Inventory asks every such bean when it
 * shows a SKU's stock, so that it need not know the modules that order goods.
 */
public interface IncomingStock {

    /** What is expected to come in of this SKU and not received yet; empty when nothing. */
    List<ExpectedReceipt> expected(String sku);
}
