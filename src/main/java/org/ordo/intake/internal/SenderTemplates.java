package org.ordo.intake.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each field stands in a sender's order form, as learned from confirmed corrections. */
@Repository
public class SenderTemplates {

    private final JdbcClient jdbc;
    private final Clock clock;

    SenderTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Row(String field, String label, String place) {
    }

    /** Keeps the field's place for the sender; the newest correction replaces what was learned before. */
    public void keep(String sender, String field, String label, String place) {
        jdbc.sql("""
                INSERT INTO sender_template (sender, field, label, place, learned_at)
                VALUES (:sender, :field, :label, :place, :now)
                ON CONFLICT (sender, field) DO UPDATE SET label = :label, place = :place, learned_at = :now
                """).param("sender", sender).param("field", field).param("label", label).param("place", place)
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
    }

    public List<Row> of(String sender) {
        return jdbc.sql("SELECT field, label, place FROM sender_template WHERE sender = :sender ORDER BY field")
                .param("sender", sender).query((rs, n) -> new Row(rs.getString("field"), rs.getString("label"),
                        rs.getString("place"))).list();
    }
}
