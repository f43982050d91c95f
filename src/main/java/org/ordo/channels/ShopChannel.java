package org.ordo.channels;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A registered shop, as shown: its secrets are never part of it. */
@Schema(name = "ShopChannel")
public record ShopChannel(
        String code,
        Platform type,
        @Schema(description = "base of the shop's REST API; null: shipments are not reported back") String apiUrl,
        @Schema(description = "whether shipments are reported to the shop (API URL and token are set)") boolean reportsShipments,
        @Schema(example = "/api/v1/channels/main-store/webhooks", description = "where the shop sends its order webhooks") String webhookPath,
        boolean active,
        Instant createdAt,
        String createdBy,
        Instant disabledAt) {
}
