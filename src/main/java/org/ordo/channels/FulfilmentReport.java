package org.ordo.channels;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A shipment to report to the shop it came from, and how far that got. */
@Schema(name = "ShopFulfilmentReport")
public record FulfilmentReport(UUID id, UUID shipmentId, UUID orderId, String channel, String carrier,
        String trackingNumber, Status status, int attempts,
        @Schema(description = "when the next attempt is due (PENDING)") Instant nextAttemptAt,
        @Schema(description = "why the last attempt failed") String lastError, Instant createdAt, Instant sentAt) {

    public enum Status {
        /** waiting for its (next) attempt */
        PENDING,
        /** being sent by a node; due again after the lease if that node dies */
        SENDING,
        /** the shop accepted it */
        SENT,
        /** every attempt failed; a person must report it in the shop */
        FAILED
    }
}
