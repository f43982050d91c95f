package org.ordo.intake.internal;

import java.util.Optional;

import org.ordo.intake.ImportKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The column mapping saved per source and kind, as JSON. */
@Repository
public class ImportMappings {

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    ImportMappings(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    public record Stored(String columns, String defaults) {
    }

    public Optional<Stored> find(ImportKind kind, String source) {
        return jdbc.sql("SELECT columns::text, defaults::text FROM import_mapping WHERE kind = :kind AND source = :source")
                .param("kind", kind.name()).param("source", source)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
    }

    public void save(ImportKind kind, String source, String columns, String defaults, String actor) {
        jdbc.sql("""
                INSERT INTO import_mapping (kind, source, columns, defaults, changed_by)
                VALUES (:kind, :source, CAST(:columns AS jsonb), CAST(:defaults AS jsonb), :by)
                ON CONFLICT (kind, source) DO UPDATE SET columns = excluded.columns, defaults = excluded.defaults,
                       changed_at = :now, changed_by = excluded.changed_by
                """).param("now", now()).param("kind", kind.name()).param("source", source).param("columns", columns)
                .param("defaults", defaults).param("by", actor).update();
    }
}
