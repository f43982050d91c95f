package org.ordo.purchasing.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.inventory.ExpectedReceipt;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Purchase orders and their lines. What is received only grows by a conditional UPDATE that keeps
 * {@code received <= ordered + tolerance}; the CHECK constraint backs it up.
 */
@Repository
public class PurchaseOrders {

    static final String OPEN = "('ORDERED', 'CONFIRMED', 'PARTIALLY_RECEIVED')";

    /** A purchase order as stored. */
    public record Head(UUID id, String number, UUID supplierId, String location, String currency,
            PurchaseOrderStatus status, int revision, String note, String reason, String createdBy,
            Instant createdAt, Instant updatedAt) {
    }

    /** A line as stored. */
    public record Line(int lineNo, String sku, String supplierArticle, long ordered, long tolerance, Long confirmed,
            long received, BigDecimal unitPrice, LocalDate expectedOn, LocalDate confirmedOn) {
    }

    private final JdbcClient jdbc;

    PurchaseOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Head h, List<Line> lines) {
        jdbc.sql("""
                INSERT INTO purchase_order (id, number, supplier_id, location, currency, status, revision, note,
                                            created_by, created_at, updated_at)
                VALUES (:id, :number, :supplier, :location, :currency, :status, 1, :note, :by, :at, :at)
                """).param("id", h.id()).param("number", h.number()).param("supplier", h.supplierId())
                .param("location", h.location()).param("currency", h.currency()).param("status", h.status().name())
                .param("note", h.note()).param("by", h.createdBy()).param("at", Timestamp.from(h.createdAt()))
                .update();
        for (Line l : lines) {
            jdbc.sql("""
                    INSERT INTO purchase_order_line (purchase_order_id, line_no, sku, supplier_article, ordered,
                                                     tolerance, unit_price, expected_on)
                    VALUES (:po, :line, :sku, :article, :ordered, :tolerance, :price, :expected)
                    """).param("po", h.id()).param("line", l.lineNo()).param("sku", l.sku())
                    .param("article", l.supplierArticle()).param("ordered", l.ordered())
                    .param("tolerance", l.tolerance()).param("price", l.unitPrice())
                    .param("expected", Date.valueOf(l.expectedOn())).update();
        }
    }

    public Optional<Head> find(UUID id) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE id = :id").param("id", id).query(PurchaseOrders::head)
                .optional();
    }

    public Optional<UUID> idOf(String number) {
        return jdbc.sql("SELECT id FROM purchase_order WHERE number = :number").param("number", number)
                .query(UUID.class).optional();
    }

    /** Locks the order for this transaction: changes and receipts of one order happen one after the other. */
    public Optional<Head> lock(UUID id) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE id = :id FOR UPDATE").param("id", id)
                .query(PurchaseOrders::head).optional();
    }

    public List<Line> lines(UUID id) {
        return jdbc.sql("SELECT * FROM purchase_order_line WHERE purchase_order_id = :id ORDER BY line_no")
                .param("id", id).query(PurchaseOrders::line).list();
    }

    /** Orders newest first, keyset-paged on (created_at, id); narrowed by status or supplier when given. */
    public List<Head> page(PurchaseOrderStatus status, UUID supplierId, Instant afterAt, UUID afterId, int limit) {
        return jdbc.sql("""
                SELECT * FROM purchase_order
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:supplier AS uuid) IS NULL OR supplier_id = :supplier)
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
                ORDER BY created_at DESC, id DESC LIMIT :limit
                """).param("status", status == null ? null : status.name()).param("supplier", supplierId)
                .param("afterAt", afterAt == null ? null : Timestamp.from(afterAt)).param("afterId", afterId)
                .param("limit", limit).query(PurchaseOrders::head).list();
    }

    public void changeStatus(UUID id, PurchaseOrderStatus status, String reason, Instant at) {
        jdbc.sql("UPDATE purchase_order SET status = :status, reason = :reason, updated_at = :at WHERE id = :id")
                .param("id", id).param("status", status.name()).param("reason", reason)
                .param("at", Timestamp.from(at)).update();
    }

    /** The next revision of an order (a change or a cancellation the supplier is told of). */
    public int revise(UUID id, Instant at) {
        return jdbc.sql("""
                UPDATE purchase_order SET revision = revision + 1, updated_at = :at WHERE id = :id RETURNING revision
                """).param("id", id).param("at", Timestamp.from(at)).query(Integer.class).single();
    }

    public void confirm(UUID id, int lineNo, long quantity, LocalDate date) {
        jdbc.sql("""
                UPDATE purchase_order_line SET confirmed = :q, confirmed_on = :date, expected_on = :date
                WHERE purchase_order_id = :id AND line_no = :line
                """).param("id", id).param("line", lineNo).param("q", quantity).param("date", Date.valueOf(date))
                .update();
    }

    /** Changes what a line orders (not below what it received) and when it is expected; false if it received more. */
    public boolean change(UUID id, int lineNo, long ordered, long tolerance, LocalDate expectedOn) {
        return jdbc.sql("""
                UPDATE purchase_order_line SET ordered = :ordered, tolerance = :tolerance, expected_on = :expected
                WHERE purchase_order_id = :id AND line_no = :line AND received <= :ordered
                """).param("id", id).param("line", lineNo).param("ordered", ordered).param("tolerance", tolerance)
                .param("expected", Date.valueOf(expectedOn)).update() == 1;
    }

    /**
     * Adds a receipt to a line only while what it received stays within ordered + tolerance; false (nothing
     * changed) when it would not. Concurrent receipts against one line cannot pass the limit together: each
     * UPDATE re-checks the row as the one before it left it.
     */
    public boolean receive(UUID id, int lineNo, long quantity) {
        return jdbc.sql("""
                UPDATE purchase_order_line SET received = received + :q
                WHERE purchase_order_id = :id AND line_no = :line AND received + :q <= ordered + tolerance
                """).param("id", id).param("line", lineNo).param("q", quantity).update() == 1;
    }

    /** Open quantities of a SKU on open orders, as inventory shows them on order. */
    public List<ExpectedReceipt> expected(String sku) {
        return jdbc.sql("""
                SELECT o.location, l.ordered - l.received AS open, l.expected_on, o.number || '/' || l.line_no AS ref
                FROM purchase_order_line l JOIN purchase_order o ON o.id = l.purchase_order_id
                WHERE l.sku = :sku AND l.received < l.ordered AND o.status IN %s
                  AND o.ship_to IS NULL -- a dropship order goes to the customer, not into stock
                ORDER BY l.expected_on, o.number, l.line_no
                """.formatted(OPEN)).param("sku", sku)
                .query((rs, n) -> new ExpectedReceipt(rs.getString("location"), rs.getLong("open"),
                        rs.getDate("expected_on").toLocalDate(), rs.getString("ref")))
                .list();
    }

    /** Open quantities on open orders for one location, by SKU (the space forecast's expected receipts). */
    public java.util.Map<String, List<ExpectedReceipt>> expectedAt(String location) {
        java.util.Map<String, List<ExpectedReceipt>> bySku = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT l.sku, l.ordered - l.received AS open, l.expected_on, o.number || '/' || l.line_no AS ref
                FROM purchase_order_line l JOIN purchase_order o ON o.id = l.purchase_order_id
                WHERE o.location = :location AND l.received < l.ordered AND o.status IN %s
                  AND o.ship_to IS NULL
                ORDER BY l.expected_on, o.number, l.line_no
                """.formatted(OPEN)).param("location", location)
                .query((rs, n) -> bySku.computeIfAbsent(rs.getString("sku"), k -> new java.util.ArrayList<>())
                        .add(new ExpectedReceipt(location, rs.getLong("open"), rs.getDate("expected_on").toLocalDate(),
                                rs.getString("ref"))))
                .list();
        return bySku;
    }

    /** Lines whose received quantity is negative or beyond ordered + tolerance; empty when all is well. */
    public List<String> receivedBeyondTolerance() {
        return jdbc.sql("""
                SELECT o.number, l.line_no, l.sku, l.ordered, l.tolerance, l.received
                FROM purchase_order_line l JOIN purchase_order o ON o.id = l.purchase_order_id
                WHERE l.received < 0 OR l.received > l.ordered + l.tolerance
                ORDER BY o.number, l.line_no
                """).query((rs, n) -> "%s line %d (%s): received %d of %d ordered, tolerance %d".formatted(
                        rs.getString("number"), rs.getInt("line_no"), rs.getString("sku"), rs.getLong("received"),
                        rs.getLong("ordered"), rs.getLong("tolerance"))).list();
    }

    /** Whether the order is a dropship order: the supplier ships to the customer, so nothing of it arrives here. */
    public boolean shipsToCustomer(UUID id) {
        return jdbc.sql("SELECT ship_to IS NOT NULL FROM purchase_order WHERE id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("supplier_id", UUID.class), rs.getString("location"), rs.getString("currency").trim(),
                PurchaseOrderStatus.valueOf(rs.getString("status")), rs.getInt("revision"), rs.getString("note"),
                rs.getString("reason"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        Date confirmedOn = rs.getDate("confirmed_on");
        return new Line(rs.getInt("line_no"), rs.getString("sku"), rs.getString("supplier_article"),
                rs.getLong("ordered"), rs.getLong("tolerance"), (Long) rs.getObject("confirmed"),
                rs.getLong("received"), rs.getBigDecimal("unit_price"), rs.getDate("expected_on").toLocalDate(),
                confirmedOn == null ? null : confirmedOn.toLocalDate());
    }

    /** Records goods received beyond a line's ordered + tolerance, as a discrepancy of that line. */
    public void recordOverDelivery(UUID id, int lineNo, long quantity, String note, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO purchase_discrepancy (purchase_order_id, line_no, quantity, note, recorded_by, recorded_at)
                VALUES (:id, :line, :quantity, :note, :by, :at)
                """).param("id", id).param("line", lineNo).param("quantity", quantity).param("note", note)
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    /** Per line of an order, what was recorded as received beyond it; lines without any are left out. */
    public java.util.Map<Integer, Long> overDelivered(UUID id) {
        java.util.Map<Integer, Long> result = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT line_no, sum(quantity) AS quantity FROM purchase_discrepancy WHERE purchase_order_id = :id
                GROUP BY line_no
                """).param("id", id).query((rs, n) -> java.util.Map.entry(rs.getInt("line_no"), rs.getLong("quantity")))
                .list().forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
