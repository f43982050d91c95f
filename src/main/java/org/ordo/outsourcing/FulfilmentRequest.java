package org.ordo.outsourcing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A request to a partner to ship an order's lines reserved at its location, as it fares in the outbox. For a
 * dropship supplier, {@code cost} is what it charges (its unit costs from the stock feed) and {@code revenue} the
 * lines' net price: the order's margin on them.
 */
@Schema(name = "FulfilmentRequest")
public record FulfilmentRequest(UUID id, String location, UUID orderId, String orderNumber, Status status,
        int attempts, Instant nextAttemptAt, String lastError, String deliveredTo,
        @Schema(implementation = String.class, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cost,
        @Schema(implementation = String.class, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue,
        @Schema(implementation = String.class, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal margin, String currency,
        Instant createdAt, Instant sentAt) {

    /** PENDING (due), SENDING (claimed by a node), SENT (the partner took it), FAILED (given up), SHIPPED. */
    public enum Status {
        PENDING, SENDING, SENT, FAILED, SHIPPED
    }
}
