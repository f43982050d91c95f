package org.ordo.promise;

/**
 * Where the goods of a shipment come from: on hand at the warehouse, an open purchase order line expected by a
 * date, or ordered from the supplier within its lead time.
 */
public enum SupplySource {
    STOCK, INCOMING, BACKORDER
}
