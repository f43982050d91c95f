package org.ordo.notification;

/** What a message tells the customer (or a supplier, or the shop's buyers); {@code key} names its texts in the template bundles. */
public enum MessageKind {
    ORDER_CONFIRMATION("order-confirmation"),
    SHIPPING_NOTICE("shipping-notice"),
    DELIVERY_NOTICE("delivery-notice"),
    DOWNLOAD_LINKS("download-links"),
    INVOICE("invoice"),
    CREDIT_NOTE("credit-note"),
    PAYMENT_REMINDER("payment-reminder"),
    DELAY_NOTICE("delay-notice"),
    QUOTE("quote"),
    RETURN_AUTHORIZED("return-authorized"),
    RETURN_RECEIVED("return-received"),
    RETURN_REFUNDED("return-refunded"),
    /** to a supplier: a purchase order (or its change or cancellation), the PDF attached */
    PURCHASE_ORDER("purchase-order"),
    /** to the buyers: a SKU fell below its reorder point */
    REORDER_ALERT("reorder-alert"),
    /** to the sender of a mail, scan or file that a person rejected in the review queue, with the reason */
    REVIEW_REJECTED("review-rejected"),
    /** to the admin: a webhook subscription was disabled after a day of failed deliveries */
    WEBHOOK_DISABLED("webhook-disabled"),
    /** to the customer: an order whose payment never came was cancelled */
    UNPAID_ORDER_CANCELLED("unpaid-order-cancelled"),
    /** to the customer: the order was changed, with what it holds now, the money it means and the new confirmation */
    ORDER_CHANGED("order-changed"),
    /** to the warehouse staff: a promised shipment's work ahead no longer fits before its ship-by cut-off */
    SHIPMENT_AT_RISK("shipment-at-risk"),
    /** to the customer: a dearer replacement's difference could not be charged to the card; pay it by transfer */
    EXCHANGE_DIFFERENCE_DUE("exchange-difference-due");

    private final String key;

    MessageKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
