package org.ordo.inventory;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/** A reservation as shown with its order. */
public record ReservationView(UUID id, int lineNo, String sku, String location, long quantity, String status,
        Instant createdAt, Instant closedAt, @JsonIgnore UUID orderId) {
}
