package org.ordo.billing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.billing.CreditNote;
import org.ordo.billing.Invoice;
import org.ordo.platform.Address;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
public class CreditNotes {

    private static final TypeReference<List<Invoice.Line>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    CreditNotes(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock: the demo history and moved test clocks date them with their day. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public void insert(CreditNote c, String series, int year, long seq, String refundKey) {
        jdbc.sql("""
                INSERT INTO credit_note (id, number, series, year, seq, invoice_id, invoice_number, order_id,
                                         order_number, refund_key, reason, customer_email, customer_name,
                                         billing_address, currency, net, tax, gross, lines, issued_at)
                VALUES (:id, :number, :series, :year, :seq, :invoice, :invoiceNumber, :order, :orderNumber,
                        :refundKey, :reason, :email, :name, CAST(:address AS jsonb), :currency, :net, :tax, :gross,
                        CAST(:lines AS jsonb), :now)
                """).param("now", now()).param("id", c.id()).param("number", c.number()).param("series", series).param("year", year)
                .param("seq", seq).param("invoice", c.invoiceId()).param("invoiceNumber", c.invoiceNumber())
                .param("order", c.orderId()).param("orderNumber", c.orderNumber()).param("refundKey", refundKey)
                .param("reason", c.reason().name()).param("email", c.customerEmail()).param("name", c.customerName())
                .param("address", json.write(c.billingAddress())).param("currency", c.currency())
                .param("net", c.net().amount()).param("tax", c.tax().amount()).param("gross", c.gross().amount())
                .param("lines", json.write(c.lines())).update();
    }

    public Optional<CreditNote> byRefundKey(String refundKey) {
        return jdbc.sql("SELECT * FROM credit_note WHERE refund_key = :key").param("key", refundKey)
                .query(this::map).optional();
    }

    public Optional<CreditNote> byNumber(String number) {
        return jdbc.sql("SELECT * FROM credit_note WHERE number = :number").param("number", number)
                .query(this::map).optional();
    }

    public List<CreditNote> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM credit_note WHERE order_id = :order ORDER BY issued_at, id")
                .param("order", orderId).query(this::map).list();
    }

    /** The gross amount credited on an invoice so far. */
    public BigDecimal credited(UUID invoiceId) {
        return jdbc.sql("SELECT coalesce(sum(gross), 0) FROM credit_note WHERE invoice_id = :invoice")
                .param("invoice", invoiceId).query(BigDecimal.class).single();
    }

    private CreditNote map(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new CreditNote(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                CreditNote.Reason.valueOf(rs.getString("reason")), rs.getString("customer_email"),
                rs.getString("customer_name"), json.read(rs.getString("billing_address"), Address.class), currency,
                json.read(rs.getString("lines"), LINES), new Money(rs.getBigDecimal("net"), currency),
                new Money(rs.getBigDecimal("tax"), currency), new Money(rs.getBigDecimal("gross"), currency),
                rs.getTimestamp("issued_at").toInstant());
    }
}
