package org.ordo.channels.internal;

/**
 * Reports a shipment to a shop through its REST API. An implementation per platform; each call is safe to repeat
 * (a retry after a lost answer does not fulfil twice). Any failure throws, and the report is tried again later.
 */
public interface ShopPlatformClient {

    /**
     * Where to call: the shop's API base and token, the shop's ids of the order (and Shopware's delivery), and the
     * shop's line items by SKU (empty for orders taken before they were kept).
     */
    record Target(String apiUrl, String apiToken, String platformOrderId, String deliveryId,
            java.util.List<ShopOrders.LineItem> lineItems) {
    }

    /**
     * What shipped: the carrier's name, its tracking number and link (either may be null), and the quantities by
     * SKU in this shipment.
     */
    record Shipped(String carrier, String trackingNumber, String trackingUrl, java.util.Map<String, Long> quantities) {
    }

    void reportShipped(Target target, Shipped shipped);

    /** The shop answered with an error, or could not be reached; the message is kept with the report. */
    final class CallFailed extends RuntimeException {
        public CallFailed(String message) {
            super(message, null, false, false);
        }
    }
}
