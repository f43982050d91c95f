package org.ordo.purchasing.internal;

import java.util.List;

import org.ordo.inventory.StockReceived;
import org.ordo.inventory.StockReleased;
import org.ordo.ordering.OrderPlaced;
import org.ordo.platform.ListensWhen;
import org.ordo.purchasing.PurchasingManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Checks SKUs against their reorder points when their stock position may have moved: an order took stock or was
 * backordered, stock came in, a cancellation gave some back. After the change commits, in a transaction of its
 * own, so placing an order never waits for it.
 */
@Component
class ReorderWatch {

    private final PurchasingManagement purchasing;
    private final WatchedSkus watched;

    ReorderWatch(PurchasingManagement purchasing, WatchedSkus watched) {
        this.purchasing = purchasing;
        this.watched = watched;
    }

    /**
     * Only for orders of a SKU with a stock policy, decided as the order is placed: for the others (most orders of
     * most shops) the event registry stores no publication and no transaction runs after the commit, three
     * statements and a transaction per order less (docs/benchmarks.md, P4). A policy set while a transaction is
     * placing orders of its SKU is checked when it is set, and the position those orders leave at the SKU's next
     * movement.
     */
    @ApplicationModuleListener
    @ListensWhen("ofWatchedSkus")
    void on(OrderPlaced placed) {
        purchasing.watch(placed.orderedSkus());
    }

    /** The condition of {@link #on(OrderPlaced)}: asked as the order is placed, in its transaction. */
    boolean ofWatchedSkus(OrderPlaced placed) {
        return watched.anyOf(placed.orderedSkus());
    }

    @ApplicationModuleListener
    void on(StockReceived received) {
        purchasing.watch(List.of(received.sku()));
    }

    @ApplicationModuleListener
    void on(StockReleased released) {
        purchasing.watch(List.of(released.sku()));
    }
}
