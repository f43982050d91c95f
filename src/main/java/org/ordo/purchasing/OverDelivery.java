package org.ordo.purchasing;

/** What a stock policy says of goods that arrive beyond a purchase order line's ordered + tolerance. */
public enum OverDelivery {
    /** the receipt is refused (409 over-delivery); nothing is booked */
    REFUSE,
    /** the goods are taken in; what exceeds the line's limit is recorded as a discrepancy on the order */
    RECORD
}
