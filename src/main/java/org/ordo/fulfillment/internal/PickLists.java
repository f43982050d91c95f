package org.ordo.fulfillment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.fulfillment.Parcel;
import org.ordo.fulfillment.PickList;
import org.ordo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pick lists, their lines and parcels, in SQL. */
@Repository
public class PickLists {

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    PickLists(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    /** A line to put on a new pick list. */
    public record NewLine(UUID orderId, String orderNumber, int orderLineNo, UUID reservationId, String sku,
            long quantity, String bin) {
    }

    public List<UUID> reservationsOnOpenLists(List<UUID> reservationIds) {
        if (reservationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT reservation_id FROM pick_line WHERE status = 'OPEN' AND reservation_id = ANY(:ids)")
                .param("ids", reservationIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    public UUID create(String location, List<NewLine> lines, String actor) {
        UUID id = Ids.next();
        String number = "PL-" + jdbc.sql("SELECT nextval('pick_list_number_seq')").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO pick_list (id, number, location, status, created_by)
                VALUES (:id, :number, :location, 'OPEN', :actor)
                """).param("id", id).param("number", number).param("location", location).param("actor", actor)
                .update();
        int no = 1;
        for (NewLine l : lines) {
            jdbc.sql("""
                    INSERT INTO pick_line (pick_list_id, line_no, order_id, order_number, order_line_no,
                                           reservation_id, sku, quantity, status, bin)
                    VALUES (:list, :no, :order, :number, :orderLine, :reservation, :sku, :q, 'OPEN', :bin)
                    """).param("list", id).param("no", no++).param("order", l.orderId()).param("bin", l.bin())
                    .param("number", l.orderNumber()).param("orderLine", l.orderLineNo())
                    .param("reservation", l.reservationId()).param("sku", l.sku()).param("q", l.quantity()).update();
        }
        return id;
    }

    /** A pick line locked for this transaction, with its list's number and location. */
    public record LockedLine(UUID pickListId, String pickListNumber, String location, int lineNo, UUID orderId,
            int orderLineNo, UUID reservationId, String sku, long quantity, String status, String bin) {
    }

    public Optional<LockedLine> lockLine(UUID pickListId, int lineNo) {
        return jdbc.sql("""
                SELECT l.*, p.number, p.location FROM pick_line l JOIN pick_list p ON p.id = l.pick_list_id
                WHERE l.pick_list_id = :list AND l.line_no = :no FOR UPDATE OF l
                """).param("list", pickListId).param("no", lineNo)
                .query((rs, n) -> new LockedLine(pickListId, rs.getString("number"), rs.getString("location"),
                        lineNo, rs.getObject("order_id", UUID.class), rs.getInt("order_line_no"),
                        rs.getObject("reservation_id", UUID.class), rs.getString("sku"), rs.getLong("quantity"),
                        rs.getString("status"), rs.getString("bin")))
                .optional();
    }

    public void confirm(UUID pickListId, int lineNo, long picked, long missing, String status, String actor) {
        jdbc.sql("""
                UPDATE pick_line SET picked = :picked, missing = :missing, status = :status, picked_by = :actor,
                       picked_at = :now
                WHERE pick_list_id = :list AND line_no = :no
                """).param("now", now()).param("list", pickListId).param("no", lineNo).param("picked", picked)
                .param("missing", missing).param("status", status).param("actor", actor).update();
        jdbc.sql("""
                UPDATE pick_list SET status = 'DONE', completed_at = :now
                WHERE id = :list AND status = 'OPEN'
                  AND NOT EXISTS (SELECT 1 FROM pick_line WHERE pick_list_id = :list AND status = 'OPEN')
                """).param("now", now()).param("list", pickListId).update();
    }

    /** Lines of orders that may no longer be picked (held, cancelled) drop off open lists. */
    public void voidOpenLinesOf(UUID orderId) {
        jdbc.sql("UPDATE pick_line SET status = 'VOID' WHERE order_id = :order AND status = 'OPEN'")
                .param("order", orderId).update();
        jdbc.sql("""
                UPDATE pick_list p SET status = 'DONE', completed_at = :now
                WHERE p.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM pick_line l
                                                        WHERE l.pick_list_id = p.id AND l.status = 'OPEN')
                """).param("now", now()).update();
    }

    public Optional<PickList> find(UUID id) {
        return jdbc.sql("SELECT * FROM pick_list WHERE id = :id").param("id", id).query(this::list).optional();
    }

    public List<PickList> open(String location) {
        return jdbc.sql("""
                SELECT * FROM pick_list WHERE status = 'OPEN' AND (CAST(:location AS text) IS NULL OR location = :location)
                ORDER BY created_at
                """).param("location", location).query(this::list).list();
    }

    private PickList list(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Timestamp completed = rs.getTimestamp("completed_at");
        return new PickList(id, rs.getString("number"), rs.getString("location"), rs.getString("status"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                completed == null ? null : completed.toInstant(),
                jdbc.sql("SELECT * FROM pick_line WHERE pick_list_id = :id ORDER BY line_no").param("id", id)
                        .query((r, i) -> new PickList.Line(r.getInt("line_no"), r.getObject("order_id", UUID.class),
                                r.getString("order_number"), r.getInt("order_line_no"), r.getString("sku"),
                                r.getLong("quantity"), r.getLong("picked"), r.getLong("missing"),
                                r.getString("status"), r.getString("picked_by"),
                                r.getTimestamp("picked_at") == null ? null : r.getTimestamp("picked_at").toInstant(),
                                r.getString("bin")))
                        .list());
    }

    /** Picked but not yet packed, per order line, of an order at a location; locks the order's parcels. */
    public java.util.Map<Integer, Long> unpacked(UUID orderId, String location) {
        jdbc.sql("SELECT id FROM parcel WHERE order_id = :order FOR UPDATE").param("order", orderId).query().listOfRows();
        java.util.Map<Integer, Long> result = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT l.order_line_no, sum(l.picked) AS picked
                FROM pick_line l JOIN pick_list p ON p.id = l.pick_list_id
                WHERE l.order_id = :order AND p.location = :location AND l.picked > 0
                GROUP BY l.order_line_no
                """).param("order", orderId).param("location", location)
                .query(rs -> {
                    result.put(rs.getInt("order_line_no"), rs.getLong("picked"));
                });
        jdbc.sql("""
                SELECT i.order_line_no, sum(i.quantity) AS packed
                FROM parcel_item i JOIN parcel p ON p.id = i.parcel_id
                WHERE p.order_id = :order AND p.location = :location
                GROUP BY i.order_line_no
                """).param("order", orderId).param("location", location)
                .query(rs -> {
                    result.merge(rs.getInt("order_line_no"), -rs.getLong("packed"), Long::sum);
                });
        result.values().removeIf(q -> q <= 0);
        return result;
    }

    public String skuOf(UUID orderId, int orderLineNo) {
        return jdbc.sql("SELECT sku FROM pick_line WHERE order_id = :order AND order_line_no = :line LIMIT 1")
                .param("order", orderId).param("line", orderLineNo).query(String.class).single();
    }

    public UUID insertParcel(UUID orderId, String location, int weight, Integer length, Integer width, Integer height,
            List<Parcel.Item> items, String actor) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO parcel (id, order_id, location, weight_grams, length_mm, width_mm, height_mm, status,
                                    created_by)
                VALUES (:id, :order, :location, :weight, :length, :width, :height, 'PACKED', :actor)
                """).param("id", id).param("order", orderId).param("location", location).param("weight", weight)
                .param("length", length).param("width", width).param("height", height).param("actor", actor)
                .update();
        for (Parcel.Item item : items) {
            jdbc.sql("""
                    INSERT INTO parcel_item (parcel_id, order_line_no, sku, quantity) VALUES (:id, :line, :sku, :q)
                    ON CONFLICT (parcel_id, order_line_no) DO UPDATE SET quantity = parcel_item.quantity + excluded.quantity
                    """).param("id", id).param("line", item.lineNo()).param("sku", item.sku())
                    .param("q", item.quantity()).update();
        }
        return id;
    }

    public List<Parcel> lockParcels(List<UUID> ids) {
        return jdbc.sql("SELECT * FROM parcel WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids.toArray(UUID[]::new)).query(this::parcel).list();
    }

    public void markShipped(List<UUID> parcelIds, UUID shipmentId) {
        jdbc.sql("UPDATE parcel SET status = 'SHIPPED', shipment_id = :shipment WHERE id = ANY(:ids)")
                .param("shipment", shipmentId).param("ids", parcelIds.toArray(UUID[]::new)).update();
    }

    public List<Parcel> parcelsOf(UUID orderId) {
        return jdbc.sql("SELECT * FROM parcel WHERE order_id = :order ORDER BY created_at, id").param("order", orderId)
                .query(this::parcel).list();
    }

    private Parcel parcel(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Parcel(id, rs.getObject("order_id", UUID.class), rs.getString("location"),
                rs.getInt("weight_grams"), (Integer) rs.getObject("length_mm"), (Integer) rs.getObject("width_mm"),
                (Integer) rs.getObject("height_mm"), rs.getString("status"), rs.getObject("shipment_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                jdbc.sql("SELECT * FROM parcel_item WHERE parcel_id = :id ORDER BY order_line_no").param("id", id)
                        .query((r, i) -> new Parcel.Item(r.getInt("order_line_no"), r.getString("sku"),
                                r.getLong("quantity"))).list());
    }
}
