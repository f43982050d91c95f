package org.ordo.billing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of the shop's name and logo (V491); each change writes only its own column. */
@Repository
public class ShopProfiles {

    private final JdbcClient jdbc;

    ShopProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The name set (null: none) and whether a logo is set, with when it last changed; empty before any change. */
    public record Row(String name, boolean hasLogo, Instant updatedAt) {
    }

    public Optional<Row> read() {
        return jdbc.sql("SELECT name, logo_png IS NOT NULL AS has_logo, updated_at FROM shop_profile")
                .query((rs, n) -> new Row(rs.getString("name"), rs.getBoolean("has_logo"),
                        rs.getTimestamp("updated_at").toInstant())).optional();
    }

    public Optional<byte[]> logo() {
        return jdbc.sql("SELECT logo_png FROM shop_profile WHERE logo_png IS NOT NULL")
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    public void setName(String name, Instant at, String actor) {
        jdbc.sql("""
                INSERT INTO shop_profile (id, name, updated_at, updated_by) VALUES (true, :name, :at, :actor)
                ON CONFLICT (id) DO UPDATE SET name = :name, updated_at = :at, updated_by = :actor
                """).param("name", name).param("at", Timestamp.from(at)).param("actor", actor).update();
    }

    public void setLogo(byte[] png, Instant at, String actor) {
        jdbc.sql("""
                INSERT INTO shop_profile (id, logo_png, updated_at, updated_by) VALUES (true, :logo, :at, :actor)
                ON CONFLICT (id) DO UPDATE SET logo_png = :logo, updated_at = :at, updated_by = :actor
                """).param("logo", png).param("at", Timestamp.from(at)).param("actor", actor).update();
    }
}
