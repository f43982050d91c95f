package org.ordo.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ordo.channels.ChannelDraft;
import org.ordo.channels.Platform;
import org.ordo.channels.ShopChannel;
import org.ordo.platform.security.SealedSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered shops, their secrets sealed. */
@Repository
public class Channels {

    /** A shop with its secrets opened, for checking its webhooks and calling its API. Never leaves the module. */
    public record Registered(ShopChannel channel, String secret, String apiToken) {
    }

    private final JdbcClient jdbc;
    private final SealedSecrets secrets;

    Channels(JdbcClient jdbc, SealedSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** False when the code is taken. */
    public boolean insert(ChannelDraft draft, Instant now, String actor) {
        return jdbc.sql("""
                INSERT INTO shop_channel (code, platform, api_url, secret_sealed, api_token_sealed, created_at, created_by)
                VALUES (:code, :platform, :url, :secret, :token, :now, :actor)
                ON CONFLICT (code) DO NOTHING
                """)
                .param("code", draft.code()).param("platform", draft.type().name())
                .param("url", draft.normalizedApiUrl()).param("secret", secrets.seal(draft.secret()))
                .param("token", draft.apiToken() == null || draft.apiToken().isBlank() ? null
                        : secrets.seal(draft.apiToken()))
                .param("now", Timestamp.from(now)).param("actor", actor).update() == 1;
    }

    /**
     * A shop's secrets and API access given anew (Shopware's app registration run again: a new shop secret, new
     * API credentials); false when there is no such shop of that platform.
     */
    public boolean rotate(String code, Platform platform, String secret, String apiUrl, String apiToken) {
        return jdbc.sql("""
                UPDATE shop_channel SET secret_sealed = :secret, api_url = :url, api_token_sealed = :token
                 WHERE code = :code AND platform = :platform
                """).param("code", code).param("platform", platform.name()).param("secret", secrets.seal(secret))
                .param("url", apiUrl).param("token", secrets.seal(apiToken)).update() == 1;
    }

    /** Disables an active shop; false when there is no such active shop. */
    public boolean disable(String code, Instant now) {
        return jdbc.sql("UPDATE shop_channel SET active = false, disabled_at = :now WHERE code = :code AND active")
                .param("code", code).param("now", Timestamp.from(now)).update() == 1;
    }

    public Optional<ShopChannel> find(String code) {
        return jdbc.sql("SELECT * FROM shop_channel WHERE code = :code").param("code", code)
                .query((rs, n) -> channel(rs)).optional();
    }

    public Optional<Registered> registered(String code) {
        return jdbc.sql("SELECT * FROM shop_channel WHERE code = :code").param("code", code)
                .query((rs, n) -> {
                    byte[] token = rs.getBytes("api_token_sealed");
                    return new Registered(channel(rs), secrets.open(rs.getBytes("secret_sealed")),
                            token == null ? null : secrets.open(token));
                }).optional();
    }

    public List<ShopChannel> list() {
        return jdbc.sql("SELECT * FROM shop_channel ORDER BY code").query((rs, n) -> channel(rs)).list();
    }

    private static ShopChannel channel(ResultSet rs) throws SQLException {
        Timestamp disabled = rs.getTimestamp("disabled_at");
        String code = rs.getString("code");
        return new ShopChannel(code, Platform.valueOf(rs.getString("platform")), rs.getString("api_url"),
                rs.getString("api_url") != null && rs.getBytes("api_token_sealed") != null,
                "/api/v1/channels/" + code + "/webhooks", rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                disabled == null ? null : disabled.toInstant());
    }
}
