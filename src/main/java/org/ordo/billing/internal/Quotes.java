package org.ordo.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.billing.Quote;
import org.ordo.billing.QuoteStatus;
import org.ordo.ordering.Pricing;
import org.ordo.platform.Address;
import org.ordo.platform.Cursor;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Quotes in SQL: each state change is one conditional update on the locked row. */
@Repository
public class Quotes {

    private static final TypeReference<List<Quote.Line>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    Quotes(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock: the demo history and moved test clocks date them with their day. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public void insert(Quote q, String series, int year, long seq, String actor) {
        jdbc.sql("""
                INSERT INTO quote (id, number, series, year, seq, status, customer_id, customer_email, customer_name,
                                   locale, currency, payment_method, shipping_address, billing_address, lines, net,
                                   tax, gross, valid_until, note, created_by,
                                   created_at, updated_at)
                VALUES (:id, :number, :series, :year, :seq, 'OPEN', :customer, :email, :name, :locale, :currency,
                        :paymentMethod, CAST(:shipping AS jsonb), CAST(:billing AS jsonb), CAST(:lines AS jsonb),
                        :net, :tax, :gross, :validUntil, :note, :actor, :now, :now)
                """).param("now", now()).param("id", q.id()).param("number", q.number()).param("series", series).param("year", year)
                .param("seq", seq).param("customer", q.customer().id()).param("email", q.customer().email())
                .param("name", q.customer().name()).param("locale", q.customer().locale())
                .param("currency", q.currency()).param("paymentMethod", q.paymentMethod())
                .param("shipping", json.write(q.shippingAddress())).param("billing", json.write(q.billingAddress()))
                .param("lines", json.write(q.lines())).param("net", q.net().amount()).param("tax", q.tax().amount())
                .param("gross", q.gross().amount()).param("validUntil", q.validUntil()).param("note", q.note())
                .param("actor", actor).update();
    }

    public Optional<Quote> find(UUID id) {
        return jdbc.sql("SELECT * FROM quote WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<UUID> idOfNumber(String number) {
        return jdbc.sql("SELECT id FROM quote WHERE number = :number").param("number", number).query(UUID.class)
                .optional();
    }

    /** The quote, locked until the caller's transaction ends. */
    public Optional<Quote> lock(UUID id) {
        return jdbc.sql("SELECT * FROM quote WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    /** Counts one more send; returns the count. */
    public int markSent(UUID id) {
        return jdbc.sql("""
                UPDATE quote SET status = 'SENT', times_sent = times_sent + 1, sent_at = :now,
                                 updated_at = :now
                WHERE id = :id AND status IN ('OPEN', 'SENT')
                RETURNING times_sent
                """).param("now", now()).param("id", id).query(Integer.class).single();
    }

    public void markAccepted(UUID id, UUID orderId, String orderNumber) {
        jdbc.sql("""
                UPDATE quote SET status = 'ACCEPTED', order_id = :order, order_number = :orderNumber,
                                 decided_at = :now, updated_at = :now
                WHERE id = :id AND status IN ('OPEN', 'SENT')
                """).param("now", now()).param("id", id).param("order", orderId).param("orderNumber", orderNumber).update();
    }

    public void markDeclined(UUID id, String reason) {
        jdbc.sql("""
                UPDATE quote SET status = 'DECLINED', decline_reason = :reason, decided_at = :now,
                                 updated_at = :now
                WHERE id = :id AND status IN ('OPEN', 'SENT')
                """).param("now", now()).param("id", id).param("reason", reason).update();
    }

    /** Marks every open or sent quote whose last valid day is before {@code today} as EXPIRED; returns them. */
    public List<String> expireBefore(LocalDate today) {
        return jdbc.sql("""
                UPDATE quote SET status = 'EXPIRED', decided_at = :now, updated_at = :now
                WHERE status IN ('OPEN', 'SENT') AND valid_until < :today
                RETURNING number
                """).param("now", now()).param("today", today).query(String.class).list();
    }

    /** Newest first, after the cursor; {@code limit} rows (ask for one more to know whether more follow). */
    public List<Quote> page(QuoteStatus status, UUID customerId, Cursor after, int limit) {
        return jdbc.sql("""
                SELECT * FROM quote
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:customer AS uuid) IS NULL OR customer_id = :customer)
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
                ORDER BY created_at DESC, id DESC
                LIMIT :limit
                """).param("status", status == null ? null : status.name()).param("customer", customerId)
                .param("afterAt", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id()).param("limit", limit)
                .query(this::map).list();
    }

    private Quote map(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new Quote(rs.getObject("id", UUID.class), rs.getString("number"),
                QuoteStatus.valueOf(rs.getString("status")),
                new Quote.Customer(rs.getObject("customer_id", UUID.class), rs.getString("customer_email"),
                        rs.getString("customer_name"), rs.getString("locale")),
                currency, rs.getString("payment_method"), json.read(rs.getString("shipping_address"), Address.class),
                json.read(rs.getString("billing_address"), Address.class), json.read(rs.getString("lines"), LINES),
                new Money(rs.getBigDecimal("net"), currency), new Money(rs.getBigDecimal("tax"), currency),
                new Money(rs.getBigDecimal("gross"), currency), Pricing.ROUNDING,
                rs.getObject("valid_until", LocalDate.class), rs.getString("note"), rs.getInt("times_sent"),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("decided_at")),
                rs.getString("decline_reason"), rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
