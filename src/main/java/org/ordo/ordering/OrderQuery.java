package org.ordo.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A view of the queue. Null fields do not filter. {@code q} matches the external reference exactly, part of the
 * order number or of the customer's e-mail, the start of the customer's first name or surname, or the start of
 * an ordered SKU (all case-insensitive). Sort {@code deadline} (default) puts the earliest promised date first; {@code newest} the
 * latest created. {@code toDo}: only the work still to do, open or held orders that have not shipped, so that
 * with the deadline sort the late ones come first. {@code ids}: only these orders (another module's selection,
 * e.g. the orders with open returns).
 */
public record OrderQuery(List<OrderStatus> status, List<PaymentStatus> paymentStatus,
        List<FulfillmentStatus> fulfillmentStatus, List<String> channel, UUID customerId, Instant createdFrom,
        Instant createdTo, String q, Sort sort, String after, int limit, boolean toDo, List<UUID> ids) {

    public OrderQuery(List<OrderStatus> status, List<PaymentStatus> paymentStatus,
            List<FulfillmentStatus> fulfillmentStatus, List<String> channel, UUID customerId, Instant createdFrom,
            Instant createdTo, String q, Sort sort, String after, int limit, boolean toDo) {
        this(status, paymentStatus, fulfillmentStatus, channel, customerId, createdFrom, createdTo, q, sort, after,
                limit, toDo, null);
    }

    public OrderQuery(List<OrderStatus> status, List<PaymentStatus> paymentStatus,
            List<FulfillmentStatus> fulfillmentStatus, List<String> channel, UUID customerId, Instant createdFrom,
            Instant createdTo, String q, Sort sort, String after, int limit) {
        this(status, paymentStatus, fulfillmentStatus, channel, customerId, createdFrom, createdTo, q, sort, after,
                limit, false, null);
    }

    public enum Sort {
        DEADLINE, NEWEST
    }
}
