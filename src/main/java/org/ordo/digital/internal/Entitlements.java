package org.ordo.digital.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.digital.Entitlement;
import org.ordo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Entitlements {

    private final JdbcClient jdbc;
    private final Clock clock;

    Entitlements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Links expire by the application's clock, the one their expiry was computed on. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** Creates the entitlement of an order line once; a second call for the same line does nothing. */
    public void grant(UUID orderId, String orderNumber, int lineNo, String sku, String name, String token,
            Instant expiresAt, int maxDownloads) {
        jdbc.sql("""
                INSERT INTO download_entitlement (id, token, order_id, order_number, line_no, sku, name, expires_at,
                                                  max_downloads)
                VALUES (:id, :token, :order, :number, :line, :sku, :name, :expires, :max)
                ON CONFLICT (order_id, line_no) DO NOTHING
                """).param("id", Ids.next()).param("token", token).param("order", orderId)
                .param("number", orderNumber).param("line", lineNo).param("sku", sku).param("name", name)
                .param("expires", Timestamp.from(expiresAt)).param("max", maxDownloads).update();
    }

    public List<Entitlement> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM download_entitlement WHERE order_id = :order ORDER BY line_no")
                .param("order", orderId).query(Entitlements::map).list();
    }

    /** Why a token cannot be used now; empty when it can. */
    public Optional<String> refusal(String token) {
        return jdbc.sql("""
                SELECT CASE WHEN revoked_at IS NOT NULL THEN 'revoked'
                            WHEN expires_at <= :now THEN 'expired'
                            WHEN downloads >= max_downloads THEN 'used up'
                            ELSE 'ok' END
                FROM download_entitlement WHERE token = :token
                """).param("now", now()).param("token", token).query(String.class).optional().or(() -> Optional.of("unknown"))
                .filter(reason -> !reason.equals("ok"));
    }

    /** The order whose link this is (the token is known). */
    public UUID orderOf(String token) {
        return jdbc.sql("SELECT order_id FROM download_entitlement WHERE token = :token").param("token", token)
                .query(UUID.class).single();
    }

    public String ofOrderToken(String token) {
        return jdbc.sql("SELECT sku FROM download_entitlement WHERE token = :token").param("token", token)
                .query(String.class).single();
    }

    /** Counts one download if the link is still good; the SKU to serve, or empty when it is not. */
    public Optional<String> use(String token) {
        return jdbc.sql("""
                UPDATE download_entitlement SET downloads = downloads + 1, last_download = :now
                WHERE token = :token AND revoked_at IS NULL AND expires_at > :now AND downloads < max_downloads
                RETURNING sku
                """).param("now", now()).param("token", token).query(String.class).optional();
    }

    private static Entitlement map(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_download");
        return new Entitlement(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("order_number"), rs.getInt("line_no"), rs.getString("sku"), rs.getString("name"),
                "/download/" + rs.getString("token"), rs.getTimestamp("expires_at").toInstant(),
                rs.getInt("max_downloads"), rs.getInt("downloads"), last == null ? null : last.toInstant());
    }
}
