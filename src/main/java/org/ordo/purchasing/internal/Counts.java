package org.ordo.purchasing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.purchasing.CycleCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cycle counts. A count waiting for approval is decided once: the conditional UPDATE from AWAITING_APPROVAL decides. */
@Repository
public class Counts {

    private final JdbcClient jdbc;

    Counts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CycleCount c) {
        jdbc.sql("""
                INSERT INTO cycle_count (id, number, sku, location, counted, expected, reserved, status, note,
                                         counted_by, counted_at, decided_by, decided_at, bin, bin_count)
                VALUES (:id, :number, :sku, :location, :counted, :expected, :reserved, :status, :note, :by, :at,
                        :decidedBy, :decidedAt, :bin, :binCount)
                """).param("id", c.id()).param("bin", c.bin()).param("binCount", c.binCount())
                .param("number", c.number()).param("sku", c.sku())
                .param("location", c.location()).param("counted", c.counted()).param("expected", c.expected())
                .param("reserved", c.reserved()).param("status", c.status().name()).param("note", c.note())
                .param("by", c.countedBy()).param("at", Timestamp.from(c.countedAt()))
                .param("decidedBy", c.decidedBy())
                .param("decidedAt", c.decidedAt() == null ? null : Timestamp.from(c.decidedAt())).update();
    }

    /** Decides a count waiting for approval; false when it was decided already. */
    public boolean decide(UUID id, CycleCount.Status status, String by, Instant at, String reason) {
        return jdbc.sql("""
                UPDATE cycle_count SET status = :status, decided_by = :by, decided_at = :at, reason = :reason
                WHERE id = :id AND status = 'AWAITING_APPROVAL'
                """).param("id", id).param("status", status.name()).param("by", by).param("at", Timestamp.from(at))
                .param("reason", reason).update() == 1;
    }

    public Optional<CycleCount> find(UUID id) {
        return jdbc.sql("SELECT * FROM cycle_count WHERE id = :id").param("id", id).query(Counts::count).optional();
    }

    public Optional<UUID> idOf(String number) {
        return jdbc.sql("SELECT id FROM cycle_count WHERE number = :number").param("number", number)
                .query(UUID.class).optional();
    }

    /** Counts newest first, keyset-paged on (counted_at, id); narrowed by status when given. */
    public List<CycleCount> page(CycleCount.Status status, Instant afterAt, UUID afterId, int limit) {
        return jdbc.sql("""
                SELECT * FROM cycle_count
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (counted_at, id) < (:afterAt, :afterId))
                ORDER BY counted_at DESC, id DESC LIMIT :limit
                """).param("status", status == null ? null : status.name())
                .param("afterAt", afterAt == null ? null : Timestamp.from(afterAt)).param("afterId", afterId)
                .param("limit", limit).query(Counts::count).list();
    }

    private static CycleCount count(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        long counted = rs.getLong("counted");
        long expected = rs.getLong("expected");
        long reserved = rs.getLong("reserved");
        return new CycleCount(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("sku"),
                rs.getString("location"), counted, expected, reserved, counted - expected, counted < reserved,
                CycleCount.Status.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("counted_by"),
                rs.getTimestamp("counted_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("reason"), rs.getString("bin"),
                rs.getObject("bin_count", UUID.class));
    }
}
