package org.ordo.outsourcing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A 3PL or dropship supplier fulfilling at an external location. Its signing secret is never shown.
 * {@code stockReportedAt} is when its last stock report came: the age of what Ordo promises from there.
 */
@Schema(name = "FulfilmentPartner")
public record FulfilmentPartner(String location, PartnerKind kind, String name, PartnerDraft.Delivery delivery,
        String url, boolean active, Instant stockReportedAt, Instant createdAt, Instant updatedAt,
        PartnerDraft.Format format, String ediSenderId, String ediReceiverId,
        @Schema(description = "for MAIL delivery: the supplier its purchase orders go to") String supplier) {
}
