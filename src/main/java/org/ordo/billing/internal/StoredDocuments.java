package org.ordo.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.billing.DocumentKind;
import org.ordo.billing.StoredDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored documents: metadata and bytes, one per kind and number. */
@Repository
public class StoredDocuments {

    private static final String COLUMNS = """
            id, order_id, kind, number, locale, media_type, file_name, octet_length(content) AS size, sha256,
            created_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    StoredDocuments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stamps come from the application's clock: the demo history and moved test clocks date them with their day. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /**
     * Stores a document; false (nothing written) when its kind and number are stored already. The id follows from
     * kind and number, so two first stores at once collide on the primary key as well as on (kind, number); with
     * an arbiter naming only (kind, number) the loser got a unique violation on the key. Any conflict means the
     * same document, so none is named.
     */
    public boolean insert(UUID id, UUID orderId, DocumentKind kind, String number, String locale, String mediaType,
            String fileName, byte[] content, String sha256) {
        return jdbc.sql("""
                INSERT INTO document (id, order_id, kind, number, locale, media_type, file_name, content, sha256,
                                      created_at)
                VALUES (:id, :order, :kind, :number, :locale, :mediaType, :fileName, :content, :sha256, :now)
                ON CONFLICT DO NOTHING
                """).param("now", now()).param("id", id).param("order", orderId).param("kind", kind.name()).param("number", number)
                .param("locale", locale).param("mediaType", mediaType).param("fileName", fileName)
                .param("content", content).param("sha256", sha256).update() == 1;
    }

    public Optional<StoredDocument> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = :id").param("id", id)
                .query(StoredDocuments::map).optional();
    }

    public Optional<StoredDocument> find(DocumentKind kind, String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE kind = :kind AND number = :number")
                .param("kind", kind.name()).param("number", number).query(StoredDocuments::map).optional();
    }

    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("SELECT content FROM document WHERE id = :id").param("id", id).query(byte[].class)
                .optional();
    }

    public List<StoredDocument> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM document WHERE order_id = :order
                ORDER BY kind <> 'CONFIRMATION', created_at, id""")
                .param("order", orderId).query(StoredDocuments::map).list();
    }

    private static StoredDocument map(ResultSet rs, int row) throws SQLException {
        return new StoredDocument(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                DocumentKind.valueOf(rs.getString("kind")), rs.getString("number"), rs.getString("locale"),
                rs.getString("media_type"), rs.getString("file_name"), rs.getLong("size"), rs.getString("sha256"),
                rs.getTimestamp("created_at").toInstant());
    }
}
