package org.ordo.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.inventory.Location;
import org.ordo.inventory.LocationDraft;
import org.ordo.platform.Address;
import org.ordo.platform.Ids;
import org.ordo.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Locations {

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    Locations(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public Location insert(LocationDraft d) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO location (id, code, name, priority, address, active, created_at, updated_at)
                VALUES (:id, :code, :name, :priority, CAST(:address AS jsonb), :active, :now, :now)
                """).param("now", now()).param("id", id).param("code", d.code()).param("name", d.name().trim())
                .param("priority", d.priority()).param("address", json.write(d.address()))
                .param("active", d.active() == null || d.active()).update();
        return find(d.code()).orElseThrow();
    }

    public Optional<Location> update(String code, LocationDraft d) {
        int n = jdbc.sql("""
                UPDATE location SET name = :name, priority = :priority, address = CAST(:address AS jsonb),
                       active = :active, updated_at = :now
                WHERE code = :code
                """).param("now", now()).param("code", code).param("name", d.name().trim())
                .param("priority", d.priority())
                .param("address", json.write(d.address())).param("active", d.active() == null || d.active())
                .update();
        return n == 0 ? Optional.empty() : find(code);
    }

    /** Marks a location as external (or own again); false when there is no such location. */
    public boolean markExternal(String code, boolean external) {
        return jdbc.sql("UPDATE location SET external = :external, updated_at = :now WHERE code = :code")
                .param("now", now())
                .param("code", code).param("external", external).update() == 1;
    }

    public Optional<Location> find(String code) {
        return jdbc.sql("SELECT * FROM location WHERE code = :code").param("code", code).query(this::map)
                .optional();
    }

    public List<Location> all() {
        return jdbc.sql("SELECT * FROM location ORDER BY priority, code").query(this::map).list();
    }

    private Location map(ResultSet rs, int n) throws SQLException {
        return new Location(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getInt("priority"), json.read(rs.getString("address"), Address.class), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getBoolean("external"));
    }
}
