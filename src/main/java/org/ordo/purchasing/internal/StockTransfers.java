package org.ordo.purchasing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.purchasing.Transfer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Transfers between locations and their lines. A line is received in parts, each part added by a conditional UPDATE
 * that never passes what was shipped, so two receipts at once (or a retry after a crash) never take the goods in
 * twice; the transfer is RECEIVED once every line has all of it.
 */
@Repository
public class StockTransfers {

    /** A transfer as stored, without its lines. */
    public record Head(UUID id, String number, String from, String to, Transfer.Status status, String note,
            String shippedBy, Instant shippedAt, String receivedBy, Instant receivedAt, String closedBy,
            Instant closedAt, String closeReason, Boolean lost) {
    }

    private final JdbcClient jdbc;

    StockTransfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Head h, List<Transfer.Line> lines) {
        jdbc.sql("""
                INSERT INTO stock_transfer (id, number, from_location, to_location, status, note, shipped_by,
                                            shipped_at)
                VALUES (:id, :number, :from, :to, 'IN_TRANSIT', :note, :by, :at)
                """).param("id", h.id()).param("number", h.number()).param("from", h.from()).param("to", h.to())
                .param("note", h.note()).param("by", h.shippedBy()).param("at", Timestamp.from(h.shippedAt()))
                .update();
        for (Transfer.Line l : lines) {
            jdbc.sql("""
                    INSERT INTO stock_transfer_line (transfer_id, line_no, sku, quantity)
                    VALUES (:id, :line, :sku, :quantity)
                    """).param("id", h.id()).param("line", l.line()).param("sku", l.sku())
                    .param("quantity", l.quantity()).update();
        }
    }

    /** Locks a transfer in transit for a receipt (receipts of one transfer take turns); empty when it is not. */
    public Optional<Head> lockInTransit(UUID id) {
        return jdbc.sql("SELECT * FROM stock_transfer WHERE id = :id AND status = 'IN_TRANSIT' FOR UPDATE")
                .param("id", id).query(StockTransfers::head).optional();
    }

    /** Adds what arrived to a line; false when that would pass what was shipped. */
    public boolean receiveLine(UUID id, int lineNo, long quantity) {
        return jdbc.sql("""
                UPDATE stock_transfer_line SET received = received + :quantity
                WHERE transfer_id = :id AND line_no = :line AND received + :quantity <= quantity
                """).param("id", id).param("line", lineNo).param("quantity", quantity).update() == 1;
    }

    /** Marks a transfer received once every line has all it shipped; false while something is still in transit. */
    public boolean receive(UUID id, String by, Instant at) {
        return jdbc.sql("""
                UPDATE stock_transfer SET status = 'RECEIVED', received_by = :by, received_at = :at
                WHERE id = :id AND status = 'IN_TRANSIT'
                  AND NOT EXISTS (SELECT 1 FROM stock_transfer_line
                                  WHERE transfer_id = :id AND received < quantity)
                """).param("id", id).param("by", by).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Closes a transfer in transit short; false when it is not in transit (received or closed already). */
    public boolean closeShort(UUID id, String by, Instant at, String reason, boolean lost) {
        return jdbc.sql("""
                UPDATE stock_transfer SET status = 'CLOSED_SHORT', closed_by = :by, closed_at = :at,
                       close_reason = :reason, lost = :lost
                WHERE id = :id AND status = 'IN_TRANSIT'
                """).param("id", id).param("by", by).param("at", Timestamp.from(at)).param("reason", reason)
                .param("lost", lost).update() == 1;
    }

    public Optional<Head> find(UUID id) {
        return jdbc.sql("SELECT * FROM stock_transfer WHERE id = :id").param("id", id).query(StockTransfers::head)
                .optional();
    }

    public Optional<UUID> idOf(String number) {
        return jdbc.sql("SELECT id FROM stock_transfer WHERE number = :number").param("number", number)
                .query(UUID.class).optional();
    }

    public List<Transfer.Line> lines(UUID id) {
        return jdbc.sql("""
                SELECT line_no, sku, quantity, received FROM stock_transfer_line WHERE transfer_id = :id
                ORDER BY line_no
                """).param("id", id).query((rs, n) -> new Transfer.Line(rs.getInt("line_no"), rs.getString("sku"),
                        rs.getLong("quantity"), rs.getLong("received"))).list();
    }

    /** Transfers newest first, keyset-paged on (shipped_at, id); narrowed by status when given. */
    public List<Head> page(Transfer.Status status, Instant afterAt, UUID afterId, int limit) {
        return jdbc.sql("""
                SELECT * FROM stock_transfer
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (shipped_at, id) < (:afterAt, :afterId))
                ORDER BY shipped_at DESC, id DESC LIMIT :limit
                """).param("status", status == null ? null : status.name())
                .param("afterAt", afterAt == null ? null : Timestamp.from(afterAt)).param("afterId", afterId)
                .param("limit", limit).query(StockTransfers::head).list();
    }

    /** Per SKU, what the transfers in transit still carry (shipped less received so far). */
    public Map<String, Long> inTransit() {
        Map<String, Long> result = new TreeMap<>();
        jdbc.sql("""
                SELECT l.sku, sum(l.quantity - l.received) AS quantity FROM stock_transfer t
                JOIN stock_transfer_line l ON l.transfer_id = t.id
                WHERE t.status = 'IN_TRANSIT' GROUP BY l.sku HAVING sum(l.quantity - l.received) <> 0
                """).query((rs, n) -> Map.entry(rs.getString("sku"), rs.getLong("quantity"))).list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        Timestamp received = rs.getTimestamp("received_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Head(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("from_location"),
                rs.getString("to_location"), Transfer.Status.valueOf(rs.getString("status")), rs.getString("note"),
                rs.getString("shipped_by"), rs.getTimestamp("shipped_at").toInstant(), rs.getString("received_by"),
                received == null ? null : received.toInstant(), rs.getString("closed_by"),
                closed == null ? null : closed.toInstant(), rs.getString("close_reason"),
                (Boolean) rs.getObject("lost"));
    }
}
