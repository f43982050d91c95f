package org.ordo.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Event: an open order will miss (or has missed) its promised date. {@code backordered} names the articles
 * still waiting for stock (empty when the promise simply passed). {@code shipBy} and {@code deliverBy} are the new
 * dates when the promise was computed again ({@link OrderDelays}); null when nobody computed one. Published once per
 * order and new date, inside the transaction that records it.
 */
public record OrderDelayed(UUID orderId, String number, Instant promisedAt, List<String> backordered,
        LocalDate shipBy, LocalDate deliverBy) {

    /** An order past its promise, without a new date. */
    public OrderDelayed(UUID orderId, String number, Instant promisedAt, List<String> backordered) {
        this(orderId, number, promisedAt, backordered, null, null);
    }
}
