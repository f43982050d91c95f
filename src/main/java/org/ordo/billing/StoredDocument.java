package org.ordo.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * A rendered document as stored: what it is, its file name and media type, its size and SHA-256 (hex) of the
 * bytes. {@code orderId} is null for documents without an order (a quote before it is accepted).
 */
public record StoredDocument(UUID id, UUID orderId, DocumentKind kind, String number, String locale,
        String mediaType, String fileName, long size, String sha256, Instant createdAt) {

    /** The document with its bytes. */
    public record File(StoredDocument document, byte[] content) {
    }
}
