package org.ordo.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads Spring Modulith's event publication registry (the outbox of module events, table
 * {@code event_publication}). It belongs to the event infrastructure, not to a business module; this only reads it.
 */
@Repository
public class EventPublications {

    private final JdbcClient jdbc;

    EventPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A publication that has not completed; {@code total} is how many such there are in all. */
    public record Incomplete(UUID id, String listener, String eventType, Instant publishedAt, String status,
            int attempts, long total) {
    }

    /** The oldest {@code limit} publications that are still incomplete after {@code age}, by database time. */
    public List<Incomplete> incompleteOlderThan(Duration age, int limit) {
        return jdbc.sql("""
                SELECT id, listener_id, event_type, publication_date, status, coalesce(completion_attempts, 0) AS attempts,
                       count(*) OVER () AS total
                FROM event_publication
                WHERE completion_date IS NULL AND publication_date < now() - make_interval(secs => :seconds)
                ORDER BY publication_date LIMIT :limit
                """).param("seconds", age.toMillis() / 1000.0).param("limit", limit)
                .query((rs, n) -> new Incomplete(rs.getObject("id", UUID.class), rs.getString("listener_id"),
                        rs.getString("event_type"), rs.getTimestamp("publication_date").toInstant(),
                        rs.getString("status"), rs.getInt("attempts"), rs.getLong("total")))
                .list();
    }
}
