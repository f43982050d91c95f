package org.ordo.purchasing;

import java.util.UUID;

/**
 * Event: a SKU fell below its reorder point at a location; published once per fall (the alert's id), in the
 * transaction that raised the alert. {@code supplier} and {@code quantity} say what the suggestion is.
 */
public record ReorderPointReached(UUID alertId, String sku, String location, long position, long reorderPoint,
        String supplier, long quantity) {
}
