package org.ordo.edi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.edi.EdiMessage;
import org.ordo.platform.Cursor;
import org.ordo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EdiMessages {

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    EdiMessages(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    public record Incoming(String partner, String type, String interchangeRef, String messageRef,
            EdiMessage.Outcome outcome, String reason, UUID orderId, String orderNumber, UUID inboundDocumentId) {
    }

    public void recordIncoming(Incoming m) {
        recordIncoming(List.of(m));
    }

    /**
     * Records what became of several messages taken, in one statement, in the caller's transaction. They are stamped
     * by the clock one microsecond apart, in the order given, so lists by time keep the interchange's order.
     */
    public void recordIncoming(List<Incoming> taken) {
        if (taken.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO edi_message (id, partner_code, direction, type, interchange_ref, message_ref, outcome,
                                         reason, order_id, order_number, inbound_document_id, created_at)
                SELECT m.id, m.partner, 'IN', m.type, m.interchange, m.message, m.outcome, m.reason, m.order_id,
                       m.number, m.document, CAST(:now AS timestamptz) + m.n * interval '1 microsecond'
                FROM unnest(CAST(:id AS uuid[]), CAST(:partner AS text[]), CAST(:type AS text[]),
                            CAST(:interchange AS text[]), CAST(:message AS text[]), CAST(:outcome AS text[]),
                            CAST(:reason AS text[]), CAST(:order AS uuid[]), CAST(:number AS text[]),
                            CAST(:document AS uuid[]))
                     WITH ORDINALITY AS m(id, partner, type, interchange, message, outcome, reason, order_id, number,
                                          document, n)
                ORDER BY m.n
                """).param("now", now())
                .param("id", taken.stream().map(m -> Ids.next()).toArray(UUID[]::new))
                .param("partner", taken.stream().map(Incoming::partner).toArray(String[]::new))
                .param("type", taken.stream().map(Incoming::type).toArray(String[]::new))
                .param("interchange", taken.stream().map(Incoming::interchangeRef).toArray(String[]::new))
                .param("message", taken.stream().map(Incoming::messageRef).toArray(String[]::new))
                .param("outcome", taken.stream().map(m -> m.outcome().name()).toArray(String[]::new))
                .param("reason", taken.stream().map(Incoming::reason).toArray(String[]::new))
                .param("order", taken.stream().map(Incoming::orderId).toArray(UUID[]::new))
                .param("number", taken.stream().map(Incoming::orderNumber).toArray(String[]::new))
                .param("document", taken.stream().map(Incoming::inboundDocumentId).toArray(UUID[]::new))
                .update();
    }

    /** What became of each message of an interchange taken before, by message reference. */
    public Map<String, org.ordo.edi.ReceivedInterchange.Message> incoming(String partner, String interchangeRef) {
        Map<String, org.ordo.edi.ReceivedInterchange.Message> taken = new HashMap<>();
        jdbc.sql("""
                SELECT message_ref, outcome, reason, order_id, order_number FROM edi_message
                WHERE partner_code = :partner AND interchange_ref = :interchange AND direction = 'IN'
                """).param("partner", partner).param("interchange", interchangeRef).query((rs, n) -> taken.put(
                        rs.getString("message_ref"), new org.ordo.edi.ReceivedInterchange.Message(
                                rs.getString("message_ref"), null, EdiMessage.Outcome.valueOf(rs.getString("outcome")),
                                rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                                rs.getString("reason")))).list();
        return taken;
    }

    /** An outgoing message under its control number. */
    public record Outgoing(long controlNumber, String body) {
    }

    /**
     * Stores several outgoing messages of one type as sent, in one statement, in the caller's transaction, stamped
     * one microsecond apart in the order given (lists by time keep the control numbers' order).
     */
    public void recordOutgoing(String partner, String type, String interchangeRef, List<Outgoing> outgoing,
            UUID inboundDocumentId) {
        jdbc.sql("""
                INSERT INTO edi_message (id, partner_code, direction, type, interchange_ref, message_ref,
                                         control_number, outcome, body, inbound_document_id, delivery_status,
                                         next_delivery_at, created_at)
                SELECT m.id, :partner, 'OUT', :type, :interchange, '1', m.number, 'STORED', m.body, :document,
                       'QUEUED', now(), CAST(:now AS timestamptz) + m.n * interval '1 microsecond'
                FROM unnest(CAST(:id AS uuid[]), CAST(:number AS bigint[]), CAST(:body AS text[]))
                     WITH ORDINALITY AS m(id, number, body, n)
                ORDER BY m.n
                """).param("now", now()).param("partner", partner).param("type", type)
                .param("interchange", interchangeRef).param("document", inboundDocumentId)
                .param("id", outgoing.stream().map(o -> Ids.next()).toArray(UUID[]::new))
                .param("number", outgoing.stream().map(Outgoing::controlNumber).toArray(Long[]::new))
                .param("body", outgoing.stream().map(Outgoing::body).toArray(String[]::new))
                .update();
    }

    /** Stores an outgoing message as sent, under its control number, in the caller's transaction. */
    public void recordOutgoing(String partner, String type, String interchangeRef, long controlNumber, String body,
            UUID inboundDocumentId) {
        jdbc.sql("""
                INSERT INTO edi_message (id, partner_code, direction, type, interchange_ref, message_ref,
                                         control_number, outcome, body, inbound_document_id, delivery_status,
                                         next_delivery_at, created_at)
                VALUES (:id, :partner, 'OUT', :type, :interchange, '1', :number, 'STORED', :body, :document,
                        'QUEUED', now(), :now)
                """).param("now", now()).param("id", Ids.next()).param("partner", partner).param("type", type)
                .param("interchange", interchangeRef).param("number", controlNumber).param("body", body)
                .param("document", inboundDocumentId).update();
    }

    /** The EDI message an order was placed from: its partner, interchange and stored original. */
    public record Origin(String partner, String interchangeRef, String messageRef, UUID inboundDocumentId) {
    }

    public java.util.Optional<Origin> originOf(UUID orderId) {
        return jdbc.sql("""
                SELECT partner_code, interchange_ref, message_ref, inbound_document_id FROM edi_message
                WHERE direction = 'IN' AND outcome = 'PLACED' AND order_id = :order
                """).param("order", orderId).query((rs, n) -> new Origin(rs.getString("partner_code"),
                rs.getString("interchange_ref"), rs.getString("message_ref"),
                rs.getObject("inbound_document_id", UUID.class))).optional();
    }

    /** Whether the partner was sent a message of this type about this subject (a shipment, an invoice). */
    public boolean answered(String partner, String type, String subject) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM edi_message
                               WHERE partner_code = :partner AND type = :type AND subject = :subject
                                 AND direction = 'OUT')
                """).param("partner", partner).param("type", type).param("subject", subject).query(Boolean.class)
                .single();
    }

    /** An outgoing message about an order (DESADV, INVOIC, ...); its subject makes it once per partner and type. */
    public record Answer(String partner, String type, String subject, Origin origin, UUID orderId,
            String orderNumber, long controlNumber, String body) {
    }

    /** Stores an outgoing message about an order; false when one about the same subject exists (nothing stored). */
    public boolean recordAnswer(Answer a) {
        return jdbc.sql("""
                INSERT INTO edi_message (id, partner_code, direction, type, interchange_ref, message_ref,
                                         control_number, outcome, body, inbound_document_id, order_id,
                                         order_number, subject, delivery_status, next_delivery_at, created_at)
                VALUES (:id, :partner, 'OUT', :type, :interchange, '1', :number, 'STORED', :body, :document,
                        :order, :orderNumber, :subject, 'QUEUED', now(), :now)
                ON CONFLICT (partner_code, type, subject) WHERE direction = 'OUT' AND subject IS NOT NULL
                DO NOTHING
                """).param("now", now()).param("id", Ids.next()).param("partner", a.partner()).param("type", a.type())
                .param("interchange", a.origin().interchangeRef()).param("number", a.controlNumber())
                .param("body", a.body()).param("document", a.origin().inboundDocumentId())
                .param("order", a.orderId()).param("orderNumber", a.orderNumber()).param("subject", a.subject())
                .update() == 1;
    }

    public java.util.Optional<EdiMessage> find(UUID id) {
        return jdbc.sql("SELECT * FROM edi_message WHERE id = :id").param("id", id).query(EdiMessages::map)
                .optional();
    }

    /** The partner whose interchange was stored as this inbound document (empty: no EDI interchange). */
    public java.util.Optional<String> partnerOfInterchange(UUID documentId) {
        return jdbc.sql("""
                SELECT partner_code FROM edi_message WHERE inbound_document_id = :document AND direction = 'IN'
                LIMIT 1
                """).param("document", documentId).query(String.class).optional();
    }

    public java.util.Optional<EdiMessage> find(String partner, UUID id) {
        return jdbc.sql("SELECT * FROM edi_message WHERE partner_code = :partner AND id = :id")
                .param("partner", partner).param("id", id).query(EdiMessages::map).optional();
    }

    /** The messages of an interchange that wait for review, locked until the transaction ends, in their order. */
    public List<EdiMessage> lockInReview(String partner, UUID documentId) {
        return jdbc.sql("""
                SELECT * FROM edi_message
                WHERE partner_code = :partner AND inbound_document_id = :document AND direction = 'IN'
                  AND outcome = 'REVIEW'
                ORDER BY created_at, id
                FOR UPDATE
                """).param("partner", partner).param("document", documentId).query(EdiMessages::map).list();
    }

    /** A message tried again: placed now, or still waiting with the new reason (only from REVIEW). */
    public void reprocessed(UUID id, EdiMessage.Outcome outcome, String reason, UUID orderId, String orderNumber) {
        jdbc.sql("""
                UPDATE edi_message SET outcome = :outcome, reason = :reason, order_id = :order, order_number = :number
                WHERE id = :id AND direction = 'IN' AND outcome = 'REVIEW'
                """).param("outcome", outcome.name()).param("reason", reason).param("order", orderId)
                .param("number", orderNumber).param("id", id).update();
    }

    /** What still needs attention in an interchange: each message in review or rejected, with its reason. */
    public List<String> stillWaiting(String partner, UUID documentId) {
        return jdbc.sql("""
                SELECT 'message ' || message_ref || ' ' || lower(outcome) || ': ' || reason FROM edi_message
                WHERE partner_code = :partner AND inbound_document_id = :document AND direction = 'IN'
                  AND outcome IN ('REVIEW', 'REJECTED')
                ORDER BY created_at, id
                """).param("partner", partner).param("document", documentId).query(String.class).list();
    }

    public long nextSsccSerial() {
        return jdbc.sql("SELECT nextval('edi_sscc_serial')").query(Long.class).single();
    }

    public List<EdiMessage> list(String partner, EdiMessage.Direction direction, EdiMessage.Outcome outcome,
            Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM edi_message WHERE partner_code = :partner");
        Map<String, Object> params = new HashMap<>();
        params.put("partner", partner);
        if (direction != null) {
            sql.append(" AND direction = :direction");
            params.put("direction", direction.name());
        }
        if (outcome != null) {
            sql.append(" AND outcome = :outcome");
            params.put("outcome", outcome.name());
        }
        if (after != null) {
            sql.append(" AND (created_at, id) > (:at, :id)");
            params.put("at", java.sql.Timestamp.from(after.at()));
            params.put("id", after.id());
        }
        sql.append(" ORDER BY created_at, id LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(EdiMessages::map).list();
    }

    private static EdiMessage map(ResultSet rs, int n) throws SQLException {
        return new EdiMessage(rs.getObject("id", UUID.class), rs.getString("partner_code"),
                EdiMessage.Direction.valueOf(rs.getString("direction")), rs.getString("type"),
                rs.getString("interchange_ref"), rs.getString("message_ref"), (Long) rs.getObject("control_number"),
                EdiMessage.Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                rs.getObject("inbound_document_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("body"), rs.getString("delivery_status") == null ? null
                        : EdiMessage.DeliveryStatus.valueOf(rs.getString("delivery_status")),
                rs.getInt("delivery_attempts"), rs.getTimestamp("delivered_at") == null ? null
                        : rs.getTimestamp("delivered_at").toInstant(), rs.getString("delivery_error"));
    }
}
