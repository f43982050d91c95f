package org.ordo.billing;

import java.util.UUID;

/** A page of quotes, newest first: optionally only one status or one customer. */
public record QuoteQuery(QuoteStatus status, UUID customerId, String after, int limit) {
}
