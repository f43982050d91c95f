package org.ordo.purchasing.internal;

import java.util.List;

import org.ordo.inventory.ExpectedReceipt;
import org.ordo.inventory.IncomingStock;
import org.springframework.stereotype.Component;

/** Tells inventory what open purchase order lines bring in: their open quantities at their expected dates. */
@Component
class IncomingPurchases implements IncomingStock {

    private final PurchaseOrders orders;

    IncomingPurchases(PurchaseOrders orders) {
        this.orders = orders;
    }

    @Override
    public List<ExpectedReceipt> expected(String sku) {
        return orders.expected(sku);
    }

    @Override
    public java.util.Map<String, List<ExpectedReceipt>> expectedAt(String location) {
        return orders.expectedAt(location);
    }
}
