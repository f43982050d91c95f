package org.ordo.party.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.party.Customer;
import org.ordo.party.CustomerDraft;
import org.ordo.party.CustomerType;
import org.ordo.platform.Address;
import org.ordo.platform.Cursor;
import org.ordo.platform.Ids;
import org.ordo.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
public class Customers {

    private static final TypeReference<List<Address>> ADDRESSES = new TypeReference<>() {
    };
    private static final String INSERT = """
            INSERT INTO customer (id, email, name, phone, locale, type, company, vat_id, sms_consent, addresses,
                                  ship_before_payment, credit_limit, trusted, created_at, updated_at)
            VALUES (:id, :email, :name, :phone, :locale, :type, :company, :vatId, :sms, CAST(:addresses AS jsonb),
                    :shipFirst, :creditLimit, :trusted, :now, :now)
            """;

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    Customers(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public Customer insert(CustomerDraft d) {
        UUID id = Ids.next();
        bind(jdbc.sql(INSERT).param("id", id), d).update();
        return find(id).orElseThrow();
    }

    /** Inserts unless a concurrent request made the same customer first; either way returns that customer. */
    public Customer insertIfAbsent(CustomerDraft d) {
        UUID id = Ids.next();
        bind(jdbc.sql(INSERT + " ON CONFLICT (lower(email)) DO NOTHING").param("id", id), d).update();
        return findByEmail(d.normalizedEmail()).orElseThrow();
    }

    public Optional<Customer> update(UUID id, CustomerDraft d) {
        int n = bind(jdbc.sql("""
                UPDATE customer SET email = :email, name = :name, phone = :phone, locale = :locale, type = :type,
                       company = :company, vat_id = :vatId, sms_consent = :sms,
                       addresses = CAST(:addresses AS jsonb), ship_before_payment = :shipFirst,
                       credit_limit = :creditLimit, trusted = :trusted, updated_at = :now
                WHERE id = :id
                """).param("now", now()).param("id", id), d).update();
        return n == 0 ? Optional.empty() : find(id);
    }

    /** Marks a customer trusted or not; false when there is no such customer. */
    public boolean trust(UUID id, boolean trusted) {
        return jdbc.sql("UPDATE customer SET trusted = :trusted, updated_at = :now WHERE id = :id")
                .param("now", now())
                .param("id", id).param("trusted", trusted).update() == 1;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, CustomerDraft d) {
        return spec.param("now", now()).param("email", d.normalizedEmail()).param("name", d.name().trim())
                .param("phone", d.phone())
                .param("locale", d.locale() == null ? "en" : d.locale())
                .param("type", (d.type() == null ? CustomerType.CONSUMER : d.type()).name())
                .param("company", d.company()).param("vatId", d.vatId())
                .param("sms", Boolean.TRUE.equals(d.smsConsent()))
                .param("addresses", json.write(d.addresses() == null ? List.of() : d.addresses()))
                .param("shipFirst", Boolean.TRUE.equals(d.shipBeforePayment()))
                .param("creditLimit", d.creditLimit() == null ? null : new java.math.BigDecimal(d.creditLimit()))
                .param("trusted", Boolean.TRUE.equals(d.trusted()));
    }

    public Optional<Customer> find(UUID id) {
        return jdbc.sql("SELECT * FROM customer WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Customer> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM customer WHERE lower(email) = lower(:email)").param("email", email)
                .query(this::map).optional();
    }

    public List<Customer> list(String q, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM customer WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            sql.append(" AND (lower(email) LIKE :q ESCAPE '\\' OR lower(name) LIKE :q ESCAPE '\\')");
            params.put("q", "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (after != null) {
            sql.append(" AND (created_at, id) < (:at, :id)");
            params.put("at", java.sql.Timestamp.from(after.at()));
            params.put("id", after.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private Customer map(ResultSet rs, int n) throws SQLException {
        return new Customer(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("phone"), rs.getString("locale"), CustomerType.valueOf(rs.getString("type")),
                rs.getString("company"), rs.getString("vat_id"), rs.getBoolean("sms_consent"),
                json.read(rs.getString("addresses"), ADDRESSES), rs.getBoolean("ship_before_payment"),
                rs.getBigDecimal("credit_limit") == null ? null
                        : rs.getBigDecimal("credit_limit").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("trusted"));
    }
}
