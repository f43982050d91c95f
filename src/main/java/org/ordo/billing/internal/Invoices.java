package org.ordo.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.billing.Invoice;
import org.ordo.platform.Address;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
public class Invoices {

    private static final TypeReference<List<Invoice.Line>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    Invoices(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock: the demo history and moved test clocks date them with their day. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** An invoice of the order as it is at {@code orderVersion} (1 as placed; a changed order is invoiced again). */
    public void insert(Invoice i, String series, int year, long seq, int orderVersion) {
        jdbc.sql("""
                INSERT INTO invoice (id, number, series, year, seq, order_id, order_number, customer_email,
                                     customer_name, billing_address, currency, net, tax, gross, lines, order_version,
                                     issued_at)
                VALUES (:id, :number, :series, :year, :seq, :order, :orderNumber, :email, :name,
                        CAST(:address AS jsonb), :currency, :net, :tax, :gross, CAST(:lines AS jsonb), :version, :now)
                """).param("now", now()).param("version", orderVersion).param("id", i.id()).param("number", i.number())
                .param("series", series).param("year", year)
                .param("seq", seq).param("order", i.orderId()).param("orderNumber", i.orderNumber())
                .param("email", i.customerEmail()).param("name", i.customerName())
                .param("address", json.write(i.billingAddress())).param("currency", i.currency())
                .param("net", i.net().amount()).param("tax", i.tax().amount()).param("gross", i.gross().amount())
                .param("lines", json.write(i.lines())).update();
    }

    /** The invoice of the order as it was at this version, in this series. */
    public Optional<Invoice> ofOrder(UUID orderId, String series, int orderVersion) {
        return jdbc.sql("SELECT * FROM invoice WHERE order_id = :order AND series = :series AND order_version = :version")
                .param("order", orderId).param("series", series).param("version", orderVersion).query(this::map)
                .optional();
    }

    public List<Invoice> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM invoice WHERE order_id = :order ORDER BY issued_at, order_version").param("order", orderId)
                .query(this::map).list();
    }

    public Optional<Invoice> byNumber(String number) {
        return jdbc.sql("SELECT * FROM invoice WHERE number = :number").param("number", number).query(this::map)
                .optional();
    }

    /** Locks the order's invoicing so that two events for one order never issue two invoices. */
    public void lockOrder(UUID orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(CAST(:order AS text)))").param("order", orderId.toString())
                .query().listOfRows();
    }

    private Invoice map(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new Invoice(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("order_id", UUID.class),
                rs.getString("order_number"), rs.getString("customer_email"), rs.getString("customer_name"),
                json.read(rs.getString("billing_address"), Address.class), currency,
                json.read(rs.getString("lines"), LINES), new Money(rs.getBigDecimal("net"), currency),
                new Money(rs.getBigDecimal("tax"), currency), new Money(rs.getBigDecimal("gross"), currency),
                rs.getTimestamp("issued_at").toInstant());
    }
}
