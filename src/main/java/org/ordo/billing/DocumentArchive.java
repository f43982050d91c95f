package org.ordo.billing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.billing.internal.DocumentIssuer;
import org.ordo.billing.internal.StoredDocuments;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents Ordo hands out, rendered once and kept: a second download returns the same bytes. Each document
 * is one per kind and number, and its id follows from both ({@link #idOf}), so a message can name a document
 * before it is rendered. An order's documents are rendered when first needed: when the order's documents are
 * listed ({@link #ofOrder}) or one of them is asked for with its order ({@link #rendered}), as the mail
 * dispatcher does before it sends a message that attaches it.
 */
@Service
public class DocumentArchive {

    private final StoredDocuments documents;
    private final DocumentIssuer issuer;

    DocumentArchive(StoredDocuments documents, DocumentIssuer issuer) {
        this.documents = documents;
        this.issuer = issuer;
    }

    /** The id the document of this kind and number has (or will have once stored). */
    public static UUID idOf(DocumentKind kind, String number) {
        byte[] hash = md5(("ordo-document:" + kind.name() + ":" + number).getBytes(StandardCharsets.UTF_8));
        // a name-based UUID as UUID.nameUUIDFromBytes makes it: version 3, the IETF variant
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash);
        return new UUID(b.getLong(), b.getLong());
    }

    /**
     * MD5 looked up once: each id is digested by a copy (a MessageDigest is not thread-safe). Looking the algorithm
     * up among the providers for every id, as UUID.nameUUIDFromBytes does, cost as much as digesting it, and every
     * order's confirmation names its document (docs/benchmarks.md, P4).
     */
    private static final MessageDigest MD5;

    static {
        try {
            MD5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private static byte[] md5(byte[] name) {
        try {
            return ((MessageDigest) MD5.clone()).digest(name);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of the confirmation of a changed order's version (SO-100001-v2); version 1 has the order's. */
    public static String confirmationNumber(String orderNumber, int version) {
        return version == 1 ? orderNumber : orderNumber + "-v" + version;
    }

    /**
     * Stores a rendered document under {@link #idOf its id}, once: when one of this kind and number is stored
     * already, that one stays and is returned. {@code orderId} may be null (a quote).
     */
    @Transactional
    public StoredDocument store(DocumentKind kind, UUID orderId, String number, String locale, String mediaType,
            String fileName, byte[] content) {
        documents.insert(idOf(kind, number), orderId, kind, number, locale, mediaType, fileName, content,
                Sha256.hex(content));
        return documents.find(kind, number).orElseThrow();
    }

    /** The stored document with this id; empty while it is not rendered yet (or never will be). */
    public Optional<StoredDocument> find(UUID id) {
        return documents.find(id);
    }

    /**
     * The document with this id of an order (its confirmation, an invoice's documents, a credit note), rendered
     * and stored now if it was not yet. Empty when the order has no such document; {@code orderId} null: only
     * what is stored.
     */
    public Optional<StoredDocument> rendered(UUID id, UUID orderId) {
        return issuer.issue(orderId, id);
    }

    public Optional<StoredDocument> find(DocumentKind kind, String number) {
        return documents.find(kind, number);
    }

    /** The document with its bytes, exactly as stored. */
    public StoredDocument.File file(UUID id) {
        StoredDocument document = documents.find(id).orElseThrow(() -> new NotFoundException("Document", id));
        return new StoredDocument.File(document, documents.content(id).orElseThrow());
    }

    /**
     * The documents of an order without their bytes, the confirmation first, then as they were issued. Those not
     * rendered yet are rendered and stored first, so the list is complete and each entry can be downloaded.
     */
    public List<StoredDocument> ofOrder(UUID orderId) {
        issuer.issueAll(orderId);
        return documents.ofOrder(orderId);
    }
}
