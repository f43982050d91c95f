package org.ordo.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A view of the queue. Null fields do not filter. {@code q} matches the order number, the external reference
 * or the customer's e-mail exactly (case-insensitive for e-mail). Sort {@code deadline} (default) puts the
 * earliest promised date first; {@code newest} the latest created.
 */
public record OrderQuery(List<OrderStatus> status, List<PaymentStatus> paymentStatus,
        List<FulfillmentStatus> fulfillmentStatus, List<String> channel, UUID customerId, Instant createdFrom,
        Instant createdTo, String q, Sort sort, String after, int limit) {

    public enum Sort {
        DEADLINE, NEWEST
    }
}
