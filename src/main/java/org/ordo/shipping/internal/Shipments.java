package org.ordo.shipping.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.Ids;
import org.ordo.shipping.Carrier;
import org.ordo.shipping.Shipment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Shipments {

    private final JdbcClient jdbc;
    private final Clock clock;

    Shipments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Carrier> carrier(String code) {
        return jdbc.sql("SELECT * FROM carrier WHERE code = :code").param("code", code)
                .query((rs, n) -> new Carrier(rs.getString("code"), rs.getString("name"),
                        rs.getString("tracking_url"), rs.getBoolean("active")))
                .optional();
    }

    public List<Carrier> carriers() {
        return jdbc.sql("SELECT * FROM carrier ORDER BY code")
                .query((rs, n) -> new Carrier(rs.getString("code"), rs.getString("name"),
                        rs.getString("tracking_url"), rs.getBoolean("active")))
                .list();
    }

    public void saveCarrier(Carrier c) {
        jdbc.sql("""
                INSERT INTO carrier (code, name, tracking_url, active) VALUES (:code, :name, :url, :active)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, tracking_url = excluded.tracking_url,
                    active = excluded.active
                """).param("code", c.code()).param("name", c.name()).param("url", c.trackingUrl())
                .param("active", c.active()).update();
    }

    public boolean trackingNumberTaken(String carrier, String trackingNumber) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM shipment WHERE carrier = :c AND tracking_number = :t)")
                .param("c", carrier).param("t", trackingNumber).query(Boolean.class).single();
    }

    public UUID insert(UUID orderId, String location, String carrier, String service, String trackingNumber,
            String trackingUrl, Map<Integer, Long> lines, Map<Integer, String> skus, String actor) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO shipment (id, order_id, location, carrier, service, tracking_number, tracking_url, status,
                                      created_by, shipped_at)
                VALUES (:id, :order, :location, :carrier, :service, :tracking, :url, 'SHIPPED', :actor, :now)
                """).param("now", Timestamp.from(clock.instant())).param("id", id).param("order", orderId).param("location", location).param("carrier", carrier)
                .param("service", service).param("tracking", trackingNumber).param("url", trackingUrl)
                .param("actor", actor).update();
        lines.forEach((line, quantity) -> jdbc.sql("""
                INSERT INTO shipment_line (shipment_id, order_line_no, sku, quantity) VALUES (:id, :line, :sku, :q)
                """).param("id", id).param("line", line).param("sku", skus.get(line)).param("q", quantity).update());
        return id;
    }

    public Optional<UUID> lockByTracking(String carrier, String trackingNumber) {
        return jdbc.sql("SELECT id FROM shipment WHERE carrier = :c AND tracking_number = :t FOR UPDATE")
                .param("c", carrier).param("t", trackingNumber).query(UUID.class).optional();
    }

    public boolean recordEvent(UUID shipmentId, String eventId, String status, Instant at, String description) {
        return jdbc.sql("""
                INSERT INTO tracking_event (shipment_id, event_id, status, at, description)
                VALUES (:id, :event, :status, :at, :description) ON CONFLICT (event_id) DO NOTHING
                """).param("id", shipmentId).param("event", eventId).param("status", status)
                .param("at", Timestamp.from(at)).param("description", description).update() == 1;
    }

    public void changeStatus(UUID shipmentId, String status) {
        jdbc.sql("""
                UPDATE shipment SET status = :status,
                       delivered_at = CASE WHEN :status = 'DELIVERED' THEN :now ELSE delivered_at END
                WHERE id = :id
                """).param("now", Timestamp.from(clock.instant())).param("id", shipmentId).param("status", status).update();
    }

    public boolean allDelivered(UUID orderId) {
        return jdbc.sql("SELECT bool_and(status = 'DELIVERED') FROM shipment WHERE order_id = :order")
                .param("order", orderId).query(Boolean.class).optional().orElse(false);
    }

    public Optional<Shipment> find(UUID id) {
        return jdbc.sql("SELECT * FROM shipment WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<Shipment> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM shipment WHERE order_id = :order ORDER BY shipped_at, id")
                .param("order", orderId).query(this::map).list();
    }

    private Shipment map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Shipment(id, rs.getObject("order_id", UUID.class), rs.getString("location"),
                rs.getString("carrier"), rs.getString("service"), rs.getString("tracking_number"),
                rs.getString("tracking_url"), rs.getString("status"), rs.getTimestamp("shipped_at").toInstant(),
                delivered == null ? null : delivered.toInstant(),
                jdbc.sql("SELECT * FROM shipment_line WHERE shipment_id = :id ORDER BY order_line_no").param("id", id)
                        .query((r, i) -> new Shipment.Line(r.getInt("order_line_no"), r.getString("sku"),
                                r.getLong("quantity"))).list(),
                jdbc.sql("SELECT * FROM tracking_event WHERE shipment_id = :id ORDER BY at, id").param("id", id)
                        .query((r, i) -> new Shipment.TrackingEvent(r.getString("status"),
                                r.getTimestamp("at").toInstant(), r.getString("description"))).list());
    }
}
