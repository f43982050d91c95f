package org.ordo.mailroom.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scans uploaded over HTTP, once per content: the review entry each opened. */
@Repository
public class PaperUploads {

    private final JdbcClient jdbc;

    PaperUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes this content for this upload; the primary key decides (a concurrent upload of the same scan waits for
     * this transaction and then finds it taken). False when it was taken before.
     */
    public boolean claim(String sha256, UUID documentId, UUID entryId, Instant at, String actor) {
        return jdbc.sql("""
                INSERT INTO paper_upload (sha256, document_id, review_entry_id, uploaded_at, uploaded_by)
                VALUES (:sha, :document, :entry, :at, :actor)
                ON CONFLICT (sha256) DO NOTHING
                """).param("sha", sha256).param("document", documentId).param("entry", entryId)
                .param("at", Timestamp.from(at)).param("actor", actor).update() == 1;
    }

    /** The review entry a scan with this content opened, if it was uploaded before. */
    public Optional<UUID> entryOf(String sha256) {
        return jdbc.sql("SELECT review_entry_id FROM paper_upload WHERE sha256 = :sha").param("sha", sha256)
                .query(UUID.class).optional();
    }
}
