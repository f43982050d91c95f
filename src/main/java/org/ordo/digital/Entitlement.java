package org.ordo.digital;

import java.time.Instant;
import java.util.UUID;

/** A download link of an order line: {@code url} is relative to the server. */
public record Entitlement(UUID id, UUID orderId, String orderNumber, int lineNo, String sku, String name,
        String url, Instant expiresAt, int maxDownloads, int downloads, Instant lastDownload) {
}
