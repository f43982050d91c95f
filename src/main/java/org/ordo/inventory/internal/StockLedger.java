package org.ordo.inventory.internal;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.inventory.Movement;
import org.ordo.inventory.MovementKind;
import org.ordo.inventory.ReservationView;
import org.ordo.inventory.StockDiscrepancy;
import org.ordo.inventory.StockStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock levels, the ledger and reservations. Every level change here is a conditional UPDATE that the CHECK
 * constraints back up, and writes its ledger row in the same transaction. Every statement starts at {@link #sql}
 * (or {@link #record}), where one on the ledger or the reservations first writes the rows that batches open in the
 * transaction gathered ({@link GatheredRows}); the one statement that writes those rows is {@link #write}.
 */
@Repository
public class StockLedger {

    /** The tables whose statements write the batches' gathered rows first: the ledger and the reservations. */
    private static final java.util.regex.Pattern GATHERED_INTO = java.util.regex.Pattern
            .compile("\\b(stock_movement|reservation)\\b");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final GatheredRows gathered;

    private final java.time.Clock clock;

    StockLedger(JdbcClient jdbc, JdbcTemplate template, GatheredRows gathered, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.template = template;
        this.gathered = gathered;
    }

    /**
     * A statement of this class. One that names the ledger or the reservations first writes what the batches open
     * in the transaction gathered and have not written yet, so that it meets their rows as if each order had been
     * placed alone: a read sees them, an update finds them, and the ledger keeps the order things happened in.
     */
    private JdbcClient.StatementSpec sql(String sql) {
        writeGatheredBefore(sql);
        return jdbc.sql(sql);
    }

    private void writeGatheredBefore(String sql) {
        if (GATHERED_INTO.matcher(sql).find()) {
            gathered.writeOut(rows -> write(List.of(), rows.entries(), rows.reservations()));
        }
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    /** A (sku, location) row locked for this transaction, with what it has. */
    public record LockedLevel(String sku, UUID locationId, String location, int priority, long onHand,
            long reserved, long quarantined) {

        /** What may be promised: on hand that is neither reserved nor in quarantine. */
        public long available() {
            return onHand - reserved - quarantined;
        }
    }

    /** One ledger row to write. */
    public record Entry(String sku, UUID locationId, MovementKind kind, long onHandDelta, long reservedDelta,
            String reason, String documentType, String documentRef, String actor, long quarantinedDelta) {

        public Entry(String sku, UUID locationId, MovementKind kind, long onHandDelta, long reservedDelta,
                String reason, String documentType, String documentRef, String actor) {
            this(sku, locationId, kind, onHandDelta, reservedDelta, reason, documentType, documentRef, actor, 0);
        }
    }

    /** Adds to on hand, creating the level row on first receipt. */
    public void addOnHand(String sku, UUID locationId, long quantity) {
        sql("""
                INSERT INTO stock_level (sku, location_id, on_hand, updated_at) VALUES (:sku, :loc, :q, :now)
                ON CONFLICT (sku, location_id)
                DO UPDATE SET on_hand = stock_level.on_hand + excluded.on_hand, updated_at = :now
                """).param("now", now()).param("sku", sku).param("loc", locationId).param("q", quantity).update();
    }

    /** Takes from on hand only if what stays covers the reservations; false when it does not. */
    public boolean removeOnHand(String sku, UUID locationId, long quantity) {
        return sql("""
                UPDATE stock_level SET on_hand = on_hand - :q, updated_at = :now
                WHERE sku = :sku AND location_id = :loc AND on_hand - reserved - quarantined >= :q
                """).param("now", now()).param("sku", sku).param("loc", locationId).param("q", quantity).update() == 1;
    }

    /** Locks the levels of these SKUs at active locations, in (sku, location) order so that no two orders deadlock. */
    public List<LockedLevel> lock(List<String> sortedSkus) {
        return sql("""
                SELECT s.sku, s.location_id, l.code, l.priority, s.on_hand, s.reserved, s.quarantined
                FROM stock_level s JOIN location l ON l.id = s.location_id
                WHERE s.sku = ANY(:skus) AND l.active
                ORDER BY s.sku COLLATE "C", s.location_id
                FOR UPDATE OF s
                """).param("skus", sortedSkus.toArray(String[]::new))
                .query((rs, n) -> new LockedLevel(rs.getString("sku"), rs.getObject("location_id", UUID.class),
                        rs.getString("code"), rs.getInt("priority"), rs.getLong("on_hand"), rs.getLong("reserved"),
                        rs.getLong("quarantined")))
                .list();
    }

    /** Locks the levels of these SKUs at one location, in SKU order (the order {@link #lock(List)} takes them in). */
    public List<LockedLevel> lockAt(UUID locationId, List<String> sortedSkus) {
        return sql("""
                SELECT s.sku, s.location_id, l.code, l.priority, s.on_hand, s.reserved, s.quarantined
                FROM stock_level s JOIN location l ON l.id = s.location_id
                WHERE s.sku = ANY(:skus) AND s.location_id = :loc
                ORDER BY s.sku COLLATE "C"
                FOR UPDATE OF s
                """).param("skus", sortedSkus.toArray(String[]::new)).param("loc", locationId)
                .query((rs, n) -> new LockedLevel(rs.getString("sku"), rs.getObject("location_id", UUID.class),
                        rs.getString("code"), rs.getInt("priority"), rs.getLong("on_hand"), rs.getLong("reserved"),
                        rs.getLong("quarantined")))
                .list();
    }

    /** What one reservation adds to one locked level. */
    public record LevelChange(String sku, UUID locationId, long quantity) {
    }

    /**
     * Ends a batch ({@code InventoryManagement.settle}): adds what its orders reserved to the locked levels and
     * writes its gathered rows not written yet, in one statement ({@link #reserve}); from now on its rows are no
     * longer written before other statements. False when a level no longer had the stock: the caller must then
     * fail the transaction.
     */
    public boolean settle(List<LevelChange> changes, GatheredRows.Batch batch) {
        GatheredRows.Unwritten rows = gathered.close(batch);
        if (changes.isEmpty() && rows.isEmpty()) {
            return true;
        }
        writeGatheredBefore(RESERVE);
        return write(changes, rows.entries(), rows.reservations()).applied();
    }

    /**
     * What {@link #reserve} wrote: whether every level change applied, and the reservations written, as
     * {@link #reservationsOf} reads them (the database's stamps, in its order), so that the order placed need not
     * read them back.
     */
    public record Reserved(boolean applied, List<ReservationView> reservations) {
    }

    /**
     * Reserves on every level at once, writes their ledger rows and the reservations, in one statement (one round
     * trip): a conditional UPDATE over all levels ({@code on_hand - reserved - quarantined >= q}, backed by the CHECK
     * constraints), the ledger rows in the order given, and the reservation rows; answers whether every level change
     * applied, and the reservations as written. The levels must be locked by {@link #lock} already, so the UPDATE
     * cannot deadlock. When a level no longer had the stock the caller must fail the transaction, which rolls back
     * the rows written here as well.
     */
    public Reserved reserve(List<LevelChange> changes, List<Entry> entries, List<NewReservation> reservations) {
        writeGatheredBefore(RESERVE);
        return write(changes, entries, reservations);
    }

    private static final String RESERVE = """
            WITH level AS (
                UPDATE stock_level s SET reserved = s.reserved + c.q, updated_at = :now
                FROM unnest(CAST(:levelSku AS text[]), CAST(:levelLoc AS uuid[]), CAST(:levelQ AS bigint[]))
                     AS c(sku, loc, q)
                WHERE s.sku = c.sku AND s.location_id = c.loc AND s.on_hand - s.reserved - s.quarantined >= c.q
                RETURNING 1),
            movement AS (
                INSERT INTO stock_movement (sku, location_id, kind, on_hand_delta, reserved_delta, reason,
                                            document_type, document_ref, actor)
                SELECT sku, loc, kind, on_hand_delta, reserved_delta, reason, document_type, document_ref, actor
                FROM unnest(CAST(:sku AS text[]), CAST(:loc AS uuid[]), CAST(:kind AS text[]),
                            CAST(:onHand AS bigint[]), CAST(:reservedDelta AS bigint[]), CAST(:reason AS text[]),
                            CAST(:documentType AS text[]), CAST(:documentRef AS text[]), CAST(:actor AS text[]))
                     WITH ORDINALITY AS e(sku, loc, kind, on_hand_delta, reserved_delta, reason, document_type,
                                          document_ref, actor, n)
                ORDER BY n),
            held AS (
                INSERT INTO reservation (id, order_id, line_no, sku, location_id, quantity, created_at)
                SELECT * FROM unnest(CAST(:rId AS uuid[]), CAST(:rOrder AS uuid[]), CAST(:rLine AS int[]),
                                     CAST(:rSku AS text[]), CAST(:rLoc AS uuid[]), CAST(:rQ AS bigint[]),
                                     CAST(:rAt AS timestamptz[]))
                RETURNING *)
            SELECT (SELECT count(*) FROM level) AS updated, r.*, l.code
            FROM (VALUES (1)) AS one (x) LEFT JOIN (held r JOIN location l ON l.id = r.location_id) ON true
            ORDER BY r.line_no, l.priority, l.code COLLATE "C", r.created_at
            """;

    /**
     * The statement of {@link #reserve}, without writing the gathered rows first: it is the one that writes them
     * ({@link #sql}, {@link #settle}).
     */
    private Reserved write(List<LevelChange> changes, List<Entry> entries, List<NewReservation> reservations) {
        int[] updated = {0};
        List<ReservationView> written = new java.util.ArrayList<>();
        jdbc.sql(RESERVE).param("now", now())
                .param("levelSku", changes.stream().map(LevelChange::sku).toArray(String[]::new))
                .param("levelLoc", changes.stream().map(LevelChange::locationId).toArray(UUID[]::new))
                .param("levelQ", changes.stream().map(LevelChange::quantity).toArray(Long[]::new))
                .param("sku", entries.stream().map(Entry::sku).toArray(String[]::new))
                .param("loc", entries.stream().map(Entry::locationId).toArray(UUID[]::new))
                .param("kind", entries.stream().map(e -> e.kind().name()).toArray(String[]::new))
                .param("onHand", entries.stream().map(Entry::onHandDelta).toArray(Long[]::new))
                .param("reservedDelta", entries.stream().map(Entry::reservedDelta).toArray(Long[]::new))
                .param("reason", entries.stream().map(Entry::reason).toArray(String[]::new))
                .param("documentType", entries.stream().map(Entry::documentType).toArray(String[]::new))
                .param("documentRef", entries.stream().map(Entry::documentRef).toArray(String[]::new))
                .param("actor", entries.stream().map(Entry::actor).toArray(String[]::new))
                .param("rId", reservations.stream().map(NewReservation::id).toArray(UUID[]::new))
                .param("rOrder", reservations.stream().map(NewReservation::orderId).toArray(UUID[]::new))
                .param("rLine", reservations.stream().map(NewReservation::lineNo).toArray(Integer[]::new))
                .param("rSku", reservations.stream().map(NewReservation::sku).toArray(String[]::new))
                .param("rLoc", reservations.stream().map(NewReservation::locationId).toArray(UUID[]::new))
                .param("rQ", reservations.stream().map(NewReservation::quantity).toArray(Long[]::new))
                .param("rAt", reservations.stream().map(r -> java.sql.Timestamp.from(r.createdAt()))
                        .toArray(java.sql.Timestamp[]::new))
                .query(rs -> {
                    updated[0] = rs.getInt("updated");
                    if (rs.getObject("id") != null) {
                        written.add(reservation(rs));
                    }
                });
        return new Reserved(updated[0] == changes.size(), written);
    }

    public boolean unreserve(String sku, UUID locationId, long quantity) {
        return sql("""
                UPDATE stock_level SET reserved = reserved - :q, updated_at = :now
                WHERE sku = :sku AND location_id = :loc AND reserved >= :q
                """).param("now", now()).param("sku", sku).param("loc", locationId).param("q", quantity).update() == 1;
    }

    public void record(List<Entry> entries) {
        writeGatheredBefore(RECORD);
        template.batchUpdate(RECORD, entries, entries.size(), (ps, e) -> {
            ps.setString(1, e.sku());
            ps.setObject(2, e.locationId());
            ps.setString(3, e.kind().name());
            ps.setLong(4, e.onHandDelta());
            ps.setLong(5, e.reservedDelta());
            ps.setString(6, e.reason());
            ps.setString(7, e.documentType());
            ps.setString(8, e.documentRef());
            ps.setString(9, e.actor());
            ps.setLong(10, e.quarantinedDelta());
        });
    }

    private static final String RECORD = """
            INSERT INTO stock_movement (sku, location_id, kind, on_hand_delta, reserved_delta, reason,
                                        document_type, document_ref, actor, quarantined_delta)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    public Movement lastMovement(String sku) {
        return sql(MOVEMENTS + " WHERE m.sku = :sku ORDER BY m.id DESC LIMIT 1").param("sku", sku)
                .query(StockLedger::movement).single();
    }

    /**
     * A reservation row to write, stamped when it was reserved (a batch's are written together later,
     * {@code InventoryManagement.settle}, and the order placed shows this stamp), or as read back when closed.
     */
    public record NewReservation(UUID id, UUID orderId, int lineNo, String sku, UUID locationId, long quantity,
            java.time.Instant createdAt) {
    }

    /** Closes the active reservations of an order and returns them, in (sku, location) order. */
    public List<NewReservation> closeActiveReservations(UUID orderId, String status) {
        return sql("""
                WITH closed AS (
                    UPDATE reservation SET status = :status, closed_at = :now
                    WHERE order_id = :order AND status = 'ACTIVE'
                    RETURNING id, order_id, line_no, sku, location_id, quantity, created_at)
                SELECT * FROM closed ORDER BY sku COLLATE "C", location_id, line_no
                """).param("now", now()).param("order", orderId).param("status", status)
                .query((rs, n) -> new NewReservation(rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class), rs.getInt("line_no"), rs.getString("sku"),
                        rs.getObject("location_id", UUID.class), rs.getLong("quantity"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** As {@link #closeActiveReservations(UUID, String)}, only the reservations of these lines of the order. */
    public List<NewReservation> closeActiveReservations(UUID orderId, java.util.Collection<Integer> lineNos,
            String status) {
        return sql("""
                WITH closed AS (
                    UPDATE reservation SET status = :status, closed_at = :now
                    WHERE order_id = :order AND status = 'ACTIVE' AND line_no = ANY(CAST(:lines AS int[]))
                    RETURNING id, order_id, line_no, sku, location_id, quantity, created_at)
                SELECT * FROM closed ORDER BY sku COLLATE "C", location_id, line_no
                """).param("now", now()).param("order", orderId).param("status", status)
                .param("lines", lineNos.toArray(Integer[]::new))
                .query((rs, n) -> new NewReservation(rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class), rs.getInt("line_no"), rs.getString("sku"),
                        rs.getObject("location_id", UUID.class), rs.getLong("quantity"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public boolean hasIssued(UUID orderId) {
        return sql("SELECT EXISTS (SELECT 1 FROM reservation WHERE order_id = :id AND status = 'ISSUED')")
                .param("id", orderId).query(Boolean.class).single();
    }

    /** A reservation locked for this transaction. */
    public record Held(UUID id, UUID orderId, int lineNo, String sku, UUID locationId, long quantity,
            boolean active) {
    }

    public java.util.Optional<Held> lockReservation(UUID id) {
        return sql("SELECT * FROM reservation WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> new Held(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getInt("line_no"), rs.getString("sku"), rs.getObject("location_id", UUID.class),
                        rs.getLong("quantity"), "ACTIVE".equals(rs.getString("status"))))
                .optional();
    }

    /** Takes reserved goods off the shelf: on hand and reserved down together. */
    public void takeReserved(String sku, UUID locationId, long quantity) {
        int n = sql("""
                UPDATE stock_level SET on_hand = on_hand - :q, reserved = reserved - :q, updated_at = :now
                WHERE sku = :sku AND location_id = :loc AND reserved >= :q
                """).param("now", now()).param("sku", sku).param("loc", locationId).param("q", quantity).update();
        if (n != 1) {
            throw new IllegalStateException("Reserved stock of " + sku + " is lower than its reservation");
        }
    }

    /**
     * Part of a locked active reservation left: a closed ISSUED reservation of the same line holds {@code issued},
     * and the active one keeps the rest (so the line's reservations still add up to what was allocated).
     */
    public void splitReservation(UUID id, long issued) {
        sql("""
                INSERT INTO reservation (id, order_id, line_no, sku, location_id, quantity, status, closed_at)
                SELECT :issuedId, order_id, line_no, sku, location_id, :q, 'ISSUED', :now
                FROM reservation WHERE id = :id
                """).param("now", now()).param("issuedId", org.ordo.platform.Ids.next()).param("id", id).param("q", issued).update();
        int n = sql("""
                UPDATE reservation SET quantity = quantity - :q WHERE id = :id AND status = 'ACTIVE' AND quantity > :q
                """).param("id", id).param("q", issued).update();
        if (n != 1) {
            throw new IllegalStateException("Reservation " + id + " does not hold more than " + issued);
        }
    }

    /** Picked: the reservation keeps what was issued; nothing picked: it is released. */
    public void closeReservation(UUID id, long issued) {
        sql("""
                UPDATE reservation SET status = CASE WHEN :q > 0 THEN 'ISSUED' ELSE 'RELEASED' END,
                       quantity = CASE WHEN :q > 0 THEN :q ELSE quantity END, closed_at = :now
                WHERE id = :id
                """).param("now", now()).param("id", id).param("q", issued).update();
    }

    public List<ReservationView> activeReservationsAt(UUID locationId, List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return sql("""
                SELECT r.*, l.code FROM reservation r JOIN location l ON l.id = r.location_id
                WHERE r.location_id = :loc AND r.status = 'ACTIVE' AND r.order_id = ANY(:orders)
                ORDER BY array_position(:orders, r.order_id), r.line_no
                """).param("loc", locationId).param("orders", orderIds.toArray(UUID[]::new))
                .query((rs, n) -> new ReservationView(rs.getObject("id", UUID.class), rs.getInt("line_no"),
                        rs.getString("sku"), rs.getString("code"), rs.getLong("quantity"), rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant(), null, rs.getObject("order_id", UUID.class)))
                .list();
    }

    public List<ReservationView> reservationsOf(UUID orderId) {
        return sql("""
                SELECT r.*, l.code FROM reservation r JOIN location l ON l.id = r.location_id
                WHERE r.order_id = :order ORDER BY r.line_no, l.priority, l.code COLLATE "C", r.created_at
                """).param("order", orderId)
                .query((rs, n) -> reservation(rs))
                .list();
    }

    /** A reservation row with its location's code. */
    private static ReservationView reservation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReservationView(rs.getObject("id", UUID.class), rs.getInt("line_no"), rs.getString("sku"),
                rs.getString("code"), rs.getLong("quantity"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("closed_at") == null ? null
                        : rs.getTimestamp("closed_at").toInstant(), rs.getObject("order_id", UUID.class));
    }

    public List<StockStatus.LocationStock> levels(String sku) {
        return sql("""
                SELECT l.code, l.name, l.priority, l.active, s.on_hand, s.reserved, s.quarantined
                FROM stock_level s JOIN location l ON l.id = s.location_id
                WHERE s.sku = :sku ORDER BY l.priority, l.code
                """).param("sku", sku)
                .query((rs, n) -> new StockStatus.LocationStock(rs.getString("code"), rs.getString("name"),
                        rs.getInt("priority"), rs.getLong("on_hand"), rs.getLong("reserved"),
                        available(rs)))
                .list();
    }

    /** On hand that is neither reserved nor quarantined, at an active location; else 0. */
    private static long available(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getBoolean("active")
                ? rs.getLong("on_hand") - rs.getLong("reserved") - rs.getLong("quarantined") : 0;
    }

    /**
     * Levels by SKU then location code, keyset-paged on (sku, code); {@code skuPrefix} and {@code location}
     * narrow it. The prefix is matched with a range on the primary key (SKUs are compared as "C").
     */
    public List<org.ordo.inventory.StockLevel> levels(String skuPrefix, String location, String afterSku,
            String afterLocation, int limit) {
        String prefix = skuPrefix == null ? "" : skuPrefix;
        return sql("""
                SELECT s.sku, l.code, l.active, s.on_hand, s.reserved, s.quarantined
                FROM stock_level s JOIN location l ON l.id = s.location_id
                WHERE (:prefix = '' OR s.sku COLLATE "C" >= :prefix AND s.sku COLLATE "C" < :prefix || chr(1114111))
                  AND (CAST(:location AS text) IS NULL OR l.code = :location)
                  AND (CAST(:afterSku AS text) IS NULL
                       OR (s.sku COLLATE "C", l.code COLLATE "C") > (:afterSku, :afterLocation))
                ORDER BY s.sku COLLATE "C", l.code COLLATE "C"
                LIMIT :limit
                """).param("prefix", prefix).param("location", location).param("afterSku", afterSku)
                .param("afterLocation", afterLocation == null ? "" : afterLocation).param("limit", limit)
                .query((rs, n) -> new org.ordo.inventory.StockLevel(rs.getString("sku"), rs.getString("code"),
                        rs.getLong("on_hand"), rs.getLong("reserved"), available(rs)))
                .list();
    }

    /**
     * The levels of these SKUs that hold anything: stock on hand or reserved. Available is what {@link #levels}
     * says: quarantined units are not (a checkout's promise must not ship what reserving would not take).
     */
    public List<org.ordo.inventory.StockLevel> holding(java.util.Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return sql("""
                SELECT s.sku, l.code, l.active, s.on_hand, s.reserved, s.quarantined
                FROM stock_level s JOIN location l ON l.id = s.location_id
                WHERE s.sku = ANY(:skus) AND (s.on_hand <> 0 OR s.reserved <> 0)
                ORDER BY s.sku COLLATE "C", l.code COLLATE "C"
                """).param("skus", skus.toArray(String[]::new))
                .query((rs, n) -> new org.ordo.inventory.StockLevel(rs.getString("sku"), rs.getString("code"),
                        rs.getLong("on_hand"), rs.getLong("reserved"), available(rs)))
                .list();
    }

    private static final String MOVEMENTS = """
            SELECT m.*, l.code FROM stock_movement m JOIN location l ON l.id = m.location_id
            """;

    public List<Movement> movements(String sku, String location, Long afterId, int limit) {
        StringBuilder sql = new StringBuilder(MOVEMENTS).append(" WHERE m.sku = :sku");
        Map<String, Object> params = new HashMap<>();
        params.put("sku", sku);
        if (location != null) {
            sql.append(" AND l.code = :location");
            params.put("location", location);
        }
        if (afterId != null) {
            sql.append(" AND m.id > :after");
            params.put("after", afterId);
        }
        sql.append(" ORDER BY m.id LIMIT :limit");
        params.put("limit", limit);
        return sql(sql.toString()).params(params).query(StockLedger::movement).list();
    }

    private static Movement movement(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("at");
        return new Movement(rs.getLong("id"), rs.getString("sku"), rs.getString("code"),
                MovementKind.valueOf(rs.getString("kind")), rs.getLong("on_hand_delta"),
                rs.getLong("reserved_delta"), rs.getString("reason"), rs.getString("document_type"),
                rs.getString("document_ref"), rs.getString("actor"), at.toInstant(), rs.getLong("quarantined_delta"));
    }

    /**
     * Every (sku, location) whose level differs from its ledger sums or from its active reservations, or breaks
     * the rules of invariant 1; empty when the books are straight. {@code sku} null checks all.
     */
    public List<StockDiscrepancy> discrepancies(String sku) {
        String filter = sku == null ? "" : " WHERE sku = :sku";
        String activeFilter = sku == null ? "" : " AND sku = :sku";
        var spec = sql("""
                WITH ledger AS (
                    SELECT sku, location_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                    FROM stock_movement %1$s GROUP BY sku, location_id),
                promised AS (
                    SELECT sku, location_id, sum(quantity) AS reserved
                    FROM reservation WHERE status = 'ACTIVE' %2$s GROUP BY sku, location_id),
                levels AS (SELECT sku, location_id, on_hand, reserved FROM stock_level %1$s),
                keys AS (SELECT sku, location_id FROM levels UNION SELECT sku, location_id FROM ledger
                         UNION SELECT sku, location_id FROM promised)
                SELECT k.sku, l.code, s.on_hand, s.reserved, g.on_hand AS ledger_on_hand,
                       g.reserved AS ledger_reserved, coalesce(p.reserved, 0) AS promised
                FROM keys k
                JOIN location l ON l.id = k.location_id
                LEFT JOIN levels s ON s.sku = k.sku AND s.location_id = k.location_id
                LEFT JOIN ledger g ON g.sku = k.sku AND g.location_id = k.location_id
                LEFT JOIN promised p ON p.sku = k.sku AND p.location_id = k.location_id
                WHERE s.sku IS NULL OR g.sku IS NULL OR s.on_hand <> g.on_hand OR s.reserved <> g.reserved
                   OR s.reserved <> coalesce(p.reserved, 0) OR s.on_hand < 0 OR s.reserved < 0
                   OR s.reserved > s.on_hand
                ORDER BY k.sku, l.code
                """.formatted(filter, activeFilter));
        if (sku != null) {
            spec = spec.param("sku", sku);
        }
        return spec.query((rs, n) -> new StockDiscrepancy(rs.getString("sku"), rs.getString("code"),
                (Long) rs.getObject("on_hand"), (Long) rs.getObject("reserved"),
                numberOrNull(rs, "ledger_on_hand"), numberOrNull(rs, "ledger_reserved"), rs.getLong("promised")))
                .list();
    }

    private static Long numberOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** What reservations of these orders hold or have issued (picked): order id, line number, quantity. */
    public Map<UUID, Map<Integer, Long>> allocatedByLine(Collection<UUID> orderIds) {
        Map<UUID, Map<Integer, Long>> result = new HashMap<>();
        if (orderIds.isEmpty()) {
            return result;
        }
        sql("""
                SELECT order_id, line_no, sum(quantity) AS quantity FROM reservation
                WHERE order_id = ANY(CAST(:orders AS uuid[])) AND status IN ('ACTIVE', 'ISSUED')
                GROUP BY order_id, line_no
                """).param("orders", orderIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new HashMap<>())
                            .put(rs.getInt("line_no"), rs.getLong("quantity"));
                });
        return result;
    }

    /** Puts returned goods on hand, all of them in quarantine when {@code quarantine}: never available then. */
    public void addReturned(String sku, UUID locationId, long quantity, boolean quarantine) {
        sql("""
                INSERT INTO stock_level (sku, location_id, on_hand, quarantined, updated_at) VALUES (:sku, :loc, :q, :held, :now)
                ON CONFLICT (sku, location_id)
                DO UPDATE SET on_hand = stock_level.on_hand + excluded.on_hand,
                              quarantined = stock_level.quarantined + excluded.quarantined, updated_at = :now
                """).param("now", now()).param("sku", sku).param("loc", locationId).param("q", quantity)
                .param("held", quarantine ? quantity : 0).update();
    }

    /**
     * Takes units out of quarantine: back to available, or off the books with on hand ({@code writeOff}). False
     * when the level has fewer quarantined units.
     */
    public boolean leaveQuarantine(String sku, UUID locationId, long quantity, boolean writeOff) {
        return sql("""
                UPDATE stock_level SET quarantined = quarantined - :q,
                       on_hand = on_hand - CASE WHEN :writeOff THEN :q ELSE 0 END, updated_at = :now
                WHERE sku = :sku AND location_id = :loc AND quarantined >= :q
                """).param("now", now()).param("sku", sku).param("loc", locationId).param("q", quantity).param("writeOff", writeOff)
                .update() == 1;
    }

    /** Quarantined units of a SKU per location code (only where there are some). */
    public Map<String, Long> quarantined(String sku) {
        Map<String, Long> result = new java.util.TreeMap<>();
        sql("""
                SELECT l.code, s.quarantined FROM stock_level s JOIN location l ON l.id = s.location_id
                WHERE s.sku = :sku AND s.quarantined > 0
                """).param("sku", sku).query(rs -> {
                    result.put(rs.getString("code"), rs.getLong("quarantined"));
                });
        return result;
    }

    /**
     * Levels whose quarantined quantity differs from the sum of their ledger's quarantine deltas, or whose
     * quarantined units are reserved (invariant 10); empty when all is well. {@code sku} null checks all.
     */
    public List<String> quarantineDiscrepancies(String sku) {
        var spec = sql("""
                WITH ledger AS (
                    SELECT sku, location_id, sum(quarantined_delta) AS quarantined FROM stock_movement
                    WHERE CAST(:sku AS text) IS NULL OR sku = :sku GROUP BY sku, location_id)
                SELECT s.sku, l.code, s.on_hand, s.reserved, s.quarantined, coalesce(g.quarantined, 0) AS ledger
                FROM stock_level s JOIN location l ON l.id = s.location_id
                LEFT JOIN ledger g ON g.sku = s.sku AND g.location_id = s.location_id
                WHERE (CAST(:sku AS text) IS NULL OR s.sku = :sku)
                  AND (s.quarantined <> coalesce(g.quarantined, 0) OR s.quarantined < 0
                       OR (s.quarantined > 0 AND s.reserved + s.quarantined > s.on_hand))
                ORDER BY s.sku, l.code
                """).param("sku", sku);
        return spec.query((rs, n) -> "%s at %s: quarantined=%d (ledger %d), on_hand=%d, reserved=%d".formatted(
                rs.getString("sku"), rs.getString("code"), rs.getLong("quarantined"), rs.getLong("ledger"),
                rs.getLong("on_hand"), rs.getLong("reserved"))).list();
    }

    /**
     * Per SKU, what left by transfer and has not arrived yet as the ledger says it (TRANSFER_OUT less TRANSFER_IN);
     * SKUs with nothing in transit are left out. Found through the document index (document type TRANSFER).
     */
    public Map<String, Long> inTransit() {
        Map<String, Long> result = new java.util.TreeMap<>();
        sql("""
                SELECT sku, -sum(on_hand_delta) AS in_transit FROM stock_movement
                WHERE document_type = 'TRANSFER' AND kind IN ('TRANSFER_OUT', 'TRANSFER_IN')
                GROUP BY sku HAVING sum(on_hand_delta) <> 0
                """).query((rs, n) -> Map.entry(rs.getString("sku"), rs.getLong("in_transit"))).list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /**
     * Units reserved for orders at a location since a moment, less what was released again (cancellations, changes):
     * the demand that location served. Read from the ledger by SKU (its key), so it costs one SKU's movements.
     */
    public long demand(String sku, UUID locationId, java.time.Instant since) {
        return sql("""
                SELECT coalesce(sum(reserved_delta), 0) FROM stock_movement
                WHERE sku = :sku AND location_id = :loc AND at >= :since AND kind IN ('RESERVATION', 'RELEASE')
                """).param("sku", sku).param("loc", locationId).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }

    /** {@link #demand(String, UUID, java.time.Instant)} of many SKUs at once, per SKU and location code. */
    public Map<String, Map<String, Long>> demand(Collection<String> skus, java.time.Instant since) {
        Map<String, Map<String, Long>> result = new HashMap<>();
        sql("""
                SELECT m.sku, l.code, sum(m.reserved_delta) AS demand
                FROM stock_movement m JOIN location l ON l.id = m.location_id
                WHERE m.sku = ANY(:skus) AND m.at >= :since AND m.kind IN ('RESERVATION', 'RELEASE')
                GROUP BY m.sku, l.code
                """).param("skus", skus.toArray(String[]::new)).param("since", Timestamp.from(since))
                .query((rs, n) -> new Object[] {rs.getString("sku"), rs.getString("code"), rs.getLong("demand")})
                .list().forEach(r -> result.computeIfAbsent((String) r[0], k -> new HashMap<>())
                        .put((String) r[1], Math.max(0, (Long) r[2])));
        return result;
    }

    /** Every level at one location, in no order: one scan for readers that take a whole warehouse at once. */
    public List<org.ordo.inventory.StockLevel> levelsAt(String location) {
        return sql("""
                SELECT s.sku, l.code, l.active, s.on_hand, s.reserved, s.quarantined
                FROM stock_level s JOIN location l ON l.id = s.location_id
                WHERE l.code = :location
                """).param("location", location)
                .query((rs, n) -> new org.ordo.inventory.StockLevel(rs.getString("sku"), rs.getString("code"),
                        rs.getLong("on_hand"), rs.getLong("reserved"), available(rs)))
                .list();
    }
}
