package org.ordo.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event: an open order will miss (or has missed) its promised date. {@code backordered} names the articles
 * still waiting for stock (empty when the promise simply passed). Published once per order, inside the
 * transaction that marks the order noticed.
 */
public record OrderDelayed(UUID orderId, String number, Instant promisedAt, List<String> backordered) {
}
