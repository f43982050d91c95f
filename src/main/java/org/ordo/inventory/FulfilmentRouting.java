package org.ordo.inventory;

import java.util.Collection;

/**
 * Which way to fulfil: routing rules, kept by the module that knows own, 3PL and dropship locations apart
 * (docs/outsourced-fulfilment.md). Allocation takes stock from the lower rank first and by priority within a rank;
 * without an implementation, or when it answers null, by priority alone.
 */
public interface FulfilmentRouting {

    /** The rank of each location for each SKU of a demand from this channel (null: unknown); null when no rule applies. */
    Ranks ranks(String channel, Collection<String> skus);

    /**
     * The same for an order in this currency (null: not known): a cost-based rule compares only costs in that
     * currency. Without a cost-based rule it is {@link #ranks(String, Collection)}.
     */
    default Ranks ranks(String channel, String currency, Collection<String> skus) {
        return ranks(channel, skus);
    }

    /** Lower is taken first. */
    @FunctionalInterface
    interface Ranks {
        int of(String sku, String location);
    }
}
