package org.ordo.purchasing;

/**
 * How many days the goods of a SKU take to come to a location with a stock policy for it: the policy's own lead
 * time, else its supplier's, else 0.
 */
public record SupplyLeadTime(String sku, String location, int days) {
}
