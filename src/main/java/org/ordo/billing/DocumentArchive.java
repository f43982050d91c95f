package org.ordo.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.billing.internal.StoredDocuments;
import org.ordo.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents Ordo hands out, rendered once and kept: a second download returns the same bytes. Each document
 * is one per kind and number, and its id follows from both ({@link #idOf}), so a message can name a document
 * before it is rendered.
 */
@Service
public class DocumentArchive {

    private final StoredDocuments documents;

    DocumentArchive(StoredDocuments documents) {
        this.documents = documents;
    }

    /** The id the document of this kind and number has (or will have once stored). */
    public static UUID idOf(DocumentKind kind, String number) {
        return UUID.nameUUIDFromBytes(("ordo-document:" + kind.name() + ":" + number).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stores a rendered document under {@link #idOf its id}, once: when one of this kind and number is stored
     * already, that one stays and is returned. {@code orderId} may be null (a quote).
     */
    @Transactional
    public StoredDocument store(DocumentKind kind, UUID orderId, String number, String locale, String mediaType,
            String fileName, byte[] content) {
        documents.insert(idOf(kind, number), orderId, kind, number, locale, mediaType, fileName, content,
                sha256(content));
        return documents.find(kind, number).orElseThrow();
    }

    /** The stored document with this id; empty while it is not rendered yet (or never will be). */
    public Optional<StoredDocument> find(UUID id) {
        return documents.find(id);
    }

    public Optional<StoredDocument> find(DocumentKind kind, String number) {
        return documents.find(kind, number);
    }

    /** The document with its bytes, exactly as stored. */
    public StoredDocument.File file(UUID id) {
        StoredDocument document = documents.find(id).orElseThrow(() -> new NotFoundException("Document", id));
        return new StoredDocument.File(document, documents.content(id).orElseThrow());
    }

    /** The documents of an order, oldest first, without their bytes. */
    public List<StoredDocument> ofOrder(UUID orderId) {
        return documents.ofOrder(orderId);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
