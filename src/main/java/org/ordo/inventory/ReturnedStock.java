package org.ordo.inventory;

/**
 * Units of one SKU that came back from a customer to a location, and what becomes of them: back to available
 * stock, into the location's quarantine (counted, never available to promise), or written off.
 */
public record ReturnedStock(String sku, String location, long quantity, Disposition disposition, String reason) {

    public enum Disposition {
        RESTOCK, QUARANTINE, WRITE_OFF
    }
}
