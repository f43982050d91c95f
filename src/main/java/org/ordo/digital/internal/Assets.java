package org.ordo.digital.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files behind digital articles. */
@Repository
public class Assets {

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    Assets(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    public record Asset(String sku, String filename, String contentType, byte[] content, String sha256) {
    }

    /**
     * Stores (or replaces) a file streamed from {@code content} ({@code length} bytes), in one statement: the driver
     * sends it as it reads, so the file is never in memory whole.
     */
    public void save(String sku, String filename, String contentType, java.io.InputStream content, long length,
            String sha256) {
        jdbc.sql("""
                INSERT INTO digital_asset (sku, filename, content_type, content, sha256)
                VALUES (:sku, :filename, :type, :content, :sha)
                ON CONFLICT (sku) DO UPDATE SET filename = excluded.filename, content_type = excluded.content_type,
                    content = excluded.content, sha256 = excluded.sha256, uploaded_at = :now
                """).param("now", now()).param("sku", sku).param("filename", filename).param("type", contentType)
                .param("content", (org.springframework.jdbc.core.SqlTypeValue) (ps, index, sqlType, typeName) ->
                        ps.setBinaryStream(index, content, length))
                .param("sha", sha256).update();
    }

    public boolean exists(String sku) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM digital_asset WHERE sku = :sku)").param("sku", sku)
                .query(Boolean.class).single();
    }

    public Optional<Asset> find(String sku) {
        return jdbc.sql("SELECT * FROM digital_asset WHERE sku = :sku").param("sku", sku)
                .query((rs, n) -> new Asset(rs.getString("sku"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getBytes("content"), rs.getString("sha256")))
                .optional();
    }
}
