package org.ordo.purchasing;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A SKU fell below its reorder point at a location; open until the position is back at or above it. */
@Schema(name = "ReorderAlert")
public record ReorderAlert(UUID id, String sku, String location, long position, long reorderPoint,
        Instant raisedAt, Instant clearedAt) {
}
