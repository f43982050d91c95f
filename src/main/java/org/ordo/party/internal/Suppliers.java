package org.ordo.party.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.party.Supplier;
import org.ordo.party.SupplierDraft;
import org.ordo.platform.Address;
import org.ordo.platform.Ids;
import org.ordo.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Suppliers {

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    Suppliers(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public Supplier insert(SupplierDraft d) {
        UUID id = Ids.next();
        bind(jdbc.sql("""
                INSERT INTO supplier (id, code, name, email, phone, address, lead_time_days, currency, locale,
                                      created_at, updated_at)
                VALUES (:id, :code, :name, :email, :phone, CAST(:address AS jsonb), :lead, :currency, :locale,
                        :now, :now)
                """).param("now", now()).param("id", id), d).update();
        return find(id).orElseThrow();
    }

    public Optional<Supplier> update(UUID id, SupplierDraft d) {
        int n = bind(jdbc.sql("""
                UPDATE supplier SET code = :code, name = :name, email = :email, phone = :phone,
                       address = CAST(:address AS jsonb), lead_time_days = :lead, currency = :currency, locale = :locale,
                       updated_at = :now
                WHERE id = :id
                """).param("now", now()).param("id", id), d).update();
        return n == 0 ? Optional.empty() : find(id);
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SupplierDraft d) {
        return spec.param("code", d.code()).param("name", d.name().trim()).param("email", d.email())
                .param("phone", d.phone()).param("address", json.write(d.address()))
                .param("lead", d.leadTimeDays()).param("currency", d.currency())
                .param("locale", d.locale() == null ? org.ordo.platform.Locales.FALLBACK : d.locale());
    }

    public Optional<Supplier> find(UUID id) {
        return jdbc.sql("SELECT * FROM supplier WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Supplier> findByCode(String code) {
        return jdbc.sql("SELECT * FROM supplier WHERE code = :code").param("code", code).query(this::map).optional();
    }

    public List<Supplier> list() {
        return jdbc.sql("SELECT * FROM supplier ORDER BY code").query(this::map).list();
    }

    private Supplier map(ResultSet rs, int n) throws SQLException {
        return new Supplier(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("email"), rs.getString("phone"), json.read(rs.getString("address"), Address.class),
                (Integer) rs.getObject("lead_time_days"), rs.getString("currency") == null ? null
                        : rs.getString("currency").trim(), rs.getString("locale"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
