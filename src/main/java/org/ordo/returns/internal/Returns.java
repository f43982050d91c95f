package org.ordo.returns.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.Cursor;
import org.ordo.platform.Json;
import org.ordo.returns.ReturnReason;
import org.ordo.returns.ReturnStatus;
import org.ordo.returns.ReturnView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Return requests and their lines. Status changes are conditional updates on the expected status, so two
 * requests racing for the same change find out in the database which one won.
 */
@Repository
public class Returns {

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    Returns(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock: the demo history and moved test clocks date them with their day. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** A new return's row. */
    public record NewReturn(UUID id, String number, UUID orderId, String orderNumber, String currency,
            String resolution, String iban, String labelRef, String note, String createdBy) {
    }

    /** A new return line: what the customer announced. */
    public record NewLine(int lineNo, String sku, long quantity, ReturnReason reason, String note) {
    }

    /**
     * Serializes the return requests of one order until the transaction ends, so that two requests cannot both
     * announce the same shipped units.
     */
    public void lockOrder(UUID orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('return:' || :order, 0))")
                .param("order", orderId.toString()).query((rs, n) -> 1).list();
    }

    /** Names the replacement order an exchange placed. */
    public void replacedBy(UUID id, UUID orderId, String orderNumber) {
        jdbc.sql("""
                UPDATE return_request SET replacement_order_id = :order, replacement_order_number = :number
                WHERE id = :id AND resolution = 'EXCHANGE'
                """).param("id", id).param("order", orderId).param("number", orderNumber).update();
    }

    public void insert(NewReturn r, List<NewLine> lines) {
        jdbc.sql("""
                INSERT INTO return_request (id, number, order_id, order_number, currency, status, resolution, iban,
                                            label_ref, note, created_by, created_at, updated_at)
                VALUES (:id, :number, :order, :orderNumber, :currency, 'AUTHORIZED', :resolution, :iban, :label,
                        :note, :by, :now, :now)
                """).param("now", now()).param("id", r.id()).param("number", r.number()).param("order", r.orderId())
                .param("orderNumber", r.orderNumber()).param("currency", r.currency())
                .param("resolution", r.resolution()).param("iban", r.iban()).param("label", r.labelRef())
                .param("note", r.note()).param("by", r.createdBy()).update();
        for (NewLine l : lines) {
            jdbc.sql("""
                    INSERT INTO return_line (return_id, line_no, sku, quantity, reason, note)
                    VALUES (:id, :line, :sku, :q, :reason, :note)
                    """).param("id", r.id()).param("line", l.lineNo()).param("sku", l.sku()).param("q", l.quantity())
                    .param("reason", l.reason().name()).param("note", l.note()).update();
        }
    }

    /**
     * Units of each order line that returns of this order hold: announced for returns still expected, received
     * for returns that arrived; cancelled returns hold nothing.
     */
    public Map<Integer, Long> heldByLine(UUID orderId) {
        Map<Integer, Long> held = new HashMap<>();
        jdbc.sql("""
                SELECT l.line_no, sum(CASE WHEN r.status = 'AUTHORIZED' THEN l.quantity ELSE l.received END) AS q
                FROM return_request r JOIN return_line l ON l.return_id = r.id
                WHERE r.order_id = :order AND r.status <> 'CANCELLED'
                GROUP BY l.line_no
                """).param("order", orderId).query(rs -> {
                    held.put(rs.getInt("line_no"), rs.getLong("q"));
                });
        return held;
    }

    /** Units of the order that came back, over all its returns. */
    public long receivedUnits(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(l.received), 0) FROM return_request r JOIN return_line l ON l.return_id = r.id
                WHERE r.order_id = :order
                """).param("order", orderId).query(Long.class).single();
    }

    /** Units of each order line already refunded by other returns of the order (announced and received). */
    public Map<Integer, Long> refundedByLine(UUID orderId, UUID except) {
        Map<Integer, Long> refunded = new HashMap<>();
        jdbc.sql("""
                SELECT l.line_no, sum(least(l.received, l.quantity)) AS q
                FROM return_request r JOIN return_line l ON l.return_id = r.id
                WHERE r.order_id = :order AND r.status = 'REFUNDED' AND r.id <> :except
                GROUP BY l.line_no
                """).param("order", orderId).param("except", except).query(rs -> {
                    refunded.put(rs.getInt("line_no"), rs.getLong("q"));
                });
        return refunded;
    }

    /** Marks an authorized return received at a location; false when it was not AUTHORIZED (any more). */
    public boolean markReceived(UUID id, String location, String actor) {
        return jdbc.sql("""
                UPDATE return_request SET status = 'RECEIVED', received_at = :now, received_by = :by,
                       location = :location, updated_at = :now
                WHERE id = :id AND status = 'AUTHORIZED'
                """).param("now", now()).param("id", id).param("by", actor).param("location", location).update() == 1;
    }

    /** Adds what arrived for one order line; a line the customer did not announce is added with 0 announced. */
    public void addReceived(UUID id, int lineNo, String sku, long resellable, long quarantined, long writtenOff) {
        jdbc.sql("""
                INSERT INTO return_line (return_id, line_no, sku, quantity, received, resellable, quarantined,
                                         written_off, discrepancy)
                VALUES (:id, :line, :sku, 0, :r + :q + :w, :r, :q, :w, :r + :q + :w)
                ON CONFLICT (return_id, line_no) DO UPDATE SET
                    received = return_line.received + excluded.received,
                    resellable = return_line.resellable + excluded.resellable,
                    quarantined = return_line.quarantined + excluded.quarantined,
                    written_off = return_line.written_off + excluded.written_off,
                    discrepancy = greatest(0, return_line.received + excluded.received - return_line.quantity)
                """).param("id", id).param("line", lineNo).param("sku", sku).param("r", resellable)
                .param("q", quarantined).param("w", writtenOff).update();
    }

    /** The return locked for this transaction. */
    public Optional<ReturnView> lock(UUID id) {
        return jdbc.sql("SELECT * FROM return_request WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::header).optional().map(this::withLines);
    }

    public Optional<ReturnView> find(UUID id) {
        return jdbc.sql("SELECT * FROM return_request WHERE id = :id").param("id", id)
                .query(this::header).optional().map(this::withLines);
    }

    public Optional<UUID> idOfNumber(String number) {
        return jdbc.sql("SELECT id FROM return_request WHERE number = :number").param("number", number)
                .query(UUID.class).optional();
    }

    public String iban(UUID id) {
        return jdbc.sql("SELECT iban FROM return_request WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
    }

    /** The orders with a return still expecting goods or money (AUTHORIZED, RECEIVED, AWAITING_APPROVAL). */
    public List<UUID> ordersWithOpenReturns() {
        return jdbc.sql("""
                SELECT DISTINCT order_id FROM return_request WHERE status IN ('AUTHORIZED', 'RECEIVED', 'AWAITING_APPROVAL')
                """).query(UUID.class).list();
    }

    public List<ReturnView> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM return_request WHERE order_id = :order ORDER BY created_at, id")
                .param("order", orderId).query(this::header).list().stream().map(this::withLines).toList();
    }

    /** Newest first, keyset-paged on (created_at, id); {@code status} null: all. */
    public List<ReturnView> list(ReturnStatus status, Cursor after, int limit) {
        return jdbc.sql("""
                SELECT * FROM return_request
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
                ORDER BY created_at DESC, id DESC LIMIT :limit
                """).param("status", status == null ? null : status.name())
                .param("afterAt", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? new UUID(0, 0) : after.id()).param("limit", limit)
                .query(this::header).list().stream().map(this::withLines).toList();
    }

    public boolean cancel(UUID id, String reason) {
        return jdbc.sql("""
                UPDATE return_request SET status = 'CANCELLED', cancel_reason = :reason, updated_at = :now
                WHERE id = :id AND status = 'AUTHORIZED'
                """).param("now", now()).param("id", id).param("reason", reason).update() == 1;
    }

    public void awaitApproval(UUID id) {
        jdbc.sql("""
                UPDATE return_request SET status = 'AWAITING_APPROVAL', updated_at = :now
                WHERE id = :id AND status = 'RECEIVED'
                """).param("now", now()).param("id", id).update();
    }

    public void approve(UUID id, String actor) {
        jdbc.sql("UPDATE return_request SET approved_by = :by, updated_at = :now WHERE id = :id").param("now", now())
                .param("id", id).param("by", actor).update();
    }

    /** The refund is done: REFUNDED with its amount and breakdown; false when the return was not due any more. */
    public boolean markRefunded(UUID id, ReturnView.Refund refund, UUID payment) {
        return jdbc.sql("""
                UPDATE return_request SET status = 'REFUNDED', refund = :amount, refund_detail = CAST(:detail AS jsonb),
                       refund_payment = :payment, refunded_at = :now, updated_at = :now
                WHERE id = :id AND status IN ('RECEIVED', 'AWAITING_APPROVAL')
                """).param("now", now()).param("id", id).param("amount", refund.total().amount()).param("detail", json.write(refund))
                .param("payment", payment).update() == 1;
    }

    /** What the other refunded returns of an order paid back or asked a person to pay back. */
    public java.math.BigDecimal refundedOf(UUID orderId, UUID except) {
        return jdbc.sql("""
                SELECT coalesce(sum(refund), 0) FROM return_request
                WHERE order_id = :order AND id <> :except AND refund IS NOT NULL
                """).param("order", orderId).param("except", except).query(java.math.BigDecimal.class).single();
    }

    /** Per return: units received beyond what was announced plus the recorded discrepancy (empty when sound). */
    public List<String> overReceived() {
        return jdbc.sql("""
                SELECT r.number, l.line_no, l.quantity, l.received, l.discrepancy
                FROM return_line l JOIN return_request r ON r.id = l.return_id
                WHERE l.received > l.quantity + l.discrepancy
                   OR l.received <> l.resellable + l.quarantined + l.written_off
                ORDER BY r.number, l.line_no
                """).query((rs, n) -> "%s line %d: announced %d, received %d, discrepancy %d".formatted(
                rs.getString("number"), rs.getInt("line_no"), rs.getLong("quantity"), rs.getLong("received"),
                rs.getLong("discrepancy"))).list();
    }

    /** Orders whose refunded returns add up to more than the order's gross (keyed by order id). */
    public Map<UUID, java.math.BigDecimal> refundedPerOrder() {
        Map<UUID, java.math.BigDecimal> result = new HashMap<>();
        jdbc.sql("SELECT order_id, sum(refund) AS refund FROM return_request WHERE refund IS NOT NULL GROUP BY order_id")
                .query(rs -> {
                    result.put(rs.getObject("order_id", UUID.class), rs.getBigDecimal("refund"));
                });
        return result;
    }

    // --- mapping --------------------------------------------------------------------------------------------

    private ReturnView header(ResultSet rs, int n) throws SQLException {
        String detail = rs.getString("refund_detail");
        return new ReturnView(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                ReturnStatus.valueOf(rs.getString("status")), rs.getString("resolution"), List.of(),
                rs.getString("label_ref"), rs.getString("note"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "received_at"), rs.getString("received_by"),
                rs.getString("location"), detail == null ? null : json.read(detail, ReturnView.Refund.class),
                rs.getString("approved_by"), instant(rs, "refunded_at"), rs.getString("cancel_reason"),
                rs.getObject("replacement_order_id") == null ? null : new ReturnView.Replacement(
                        rs.getObject("replacement_order_id", UUID.class), rs.getString("replacement_order_number")));
    }

    private ReturnView withLines(ReturnView r) {
        List<ReturnView.Line> lines = new ArrayList<>(jdbc.sql("""
                SELECT * FROM return_line WHERE return_id = :id ORDER BY line_no
                """).param("id", r.id()).query((rs, n) -> new ReturnView.Line(rs.getInt("line_no"),
                rs.getString("sku"), rs.getLong("quantity"),
                rs.getString("reason") == null ? null : ReturnReason.valueOf(rs.getString("reason")),
                rs.getString("note"), rs.getLong("received"), rs.getLong("resellable"), rs.getLong("quarantined"),
                rs.getLong("written_off"), rs.getLong("discrepancy"))).list());
        return new ReturnView(r.id(), r.number(), r.orderId(), r.orderNumber(), r.status(), r.resolution(), lines,
                r.labelRef(), r.note(), r.createdBy(), r.createdAt(), r.receivedAt(), r.receivedBy(), r.location(),
                r.refund(), r.approvedBy(), r.refundedAt(), r.cancelReason(), r.replacement());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
