package org.ordo.space;

/**
 * The bin a picker takes a SKU from: the first bin on the pick path that holds it (the overflow bin only when no other
 * does), with its place on the path; pick lists are walked in this order.
 */
public record PickBin(String sku, String bin, int pickSequence) {
}
