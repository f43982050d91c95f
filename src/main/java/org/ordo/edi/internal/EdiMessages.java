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

    EdiMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Incoming(String partner, String type, String interchangeRef, String messageRef,
            EdiMessage.Outcome outcome, String reason, UUID orderId, String orderNumber, UUID inboundDocumentId) {
    }

    public void recordIncoming(Incoming m) {
        jdbc.sql("""
                INSERT INTO edi_message (id, partner_code, direction, type, interchange_ref, message_ref, outcome,
                                         reason, order_id, order_number, inbound_document_id)
                VALUES (:id, :partner, 'IN', :type, :interchange, :message, :outcome, :reason, :order, :number,
                        :document)
                """).param("id", Ids.next()).param("partner", m.partner()).param("type", m.type())
                .param("interchange", m.interchangeRef()).param("message", m.messageRef())
                .param("outcome", m.outcome().name()).param("reason", m.reason()).param("order", m.orderId())
                .param("number", m.orderNumber()).param("document", m.inboundDocumentId()).update();
    }

    /** Stores an outgoing message as sent, under its control number, in the caller's transaction. */
    public void recordOutgoing(String partner, String type, String interchangeRef, long controlNumber, String body,
            UUID inboundDocumentId) {
        jdbc.sql("""
                INSERT INTO edi_message (id, partner_code, direction, type, interchange_ref, message_ref,
                                         control_number, outcome, body, inbound_document_id)
                VALUES (:id, :partner, 'OUT', :type, :interchange, '1', :number, 'STORED', :body, :document)
                """).param("id", Ids.next()).param("partner", partner).param("type", type)
                .param("interchange", interchangeRef).param("number", controlNumber).param("body", body)
                .param("document", inboundDocumentId).update();
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
                rs.getString("body"));
    }
}
