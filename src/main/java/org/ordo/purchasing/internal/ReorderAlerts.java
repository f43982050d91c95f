package org.ordo.purchasing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.Ids;
import org.ordo.purchasing.ReorderAlert;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reorder alerts: at most one open per SKU and location, kept so by a unique index, not by reading first. */
@Repository
public class ReorderAlerts {

    private final JdbcClient jdbc;

    ReorderAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Raises the alert of a SKU at a location unless one is open; the new alert's id, or empty when one was open
     * already (two orders that drain stock at once raise it once).
     */
    public Optional<UUID> raise(String sku, String location, long position, long reorderPoint, Instant at) {
        return jdbc.sql("""
                INSERT INTO reorder_alert (id, sku, location, position, reorder_point, raised_at)
                VALUES (:id, :sku, :location, :position, :reorderPoint, :at)
                ON CONFLICT (sku, location) WHERE cleared_at IS NULL DO NOTHING
                RETURNING id
                """).param("id", Ids.next()).param("sku", sku).param("location", location)
                .param("position", position).param("reorderPoint", reorderPoint).param("at", Timestamp.from(at))
                .query(UUID.class).optional();
    }

    /** Clears the open alert of a SKU at a location, if there is one. */
    public void clear(String sku, String location, Instant at) {
        jdbc.sql("""
                UPDATE reorder_alert SET cleared_at = :at
                WHERE sku = :sku AND location = :location AND cleared_at IS NULL
                """).param("sku", sku).param("location", location).param("at", Timestamp.from(at)).update();
    }

    /** Alerts, newest first; only the open ones when {@code open}. */
    public List<ReorderAlert> list(boolean open, String sku, int limit) {
        return jdbc.sql("""
                SELECT * FROM reorder_alert
                WHERE (NOT :open OR cleared_at IS NULL) AND (CAST(:sku AS text) IS NULL OR sku = :sku)
                ORDER BY raised_at DESC, id DESC LIMIT :limit
                """).param("open", open).param("sku", sku).param("limit", limit).query(ReorderAlerts::map).list();
    }

    private static ReorderAlert map(ResultSet rs, int n) throws SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new ReorderAlert(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("location"),
                rs.getLong("position"), rs.getLong("reorder_point"), rs.getTimestamp("raised_at").toInstant(),
                cleared == null ? null : cleared.toInstant());
    }

    /** How many alerts are open: SKU and location pairs below their reorder point now. */
    public int countOpen() {
        return jdbc.sql("SELECT count(*) FROM reorder_alert WHERE cleared_at IS NULL").query(Integer.class).single();
    }
}
