package org.ordo.platform.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token in a customer's tracking link ({@code /track/{token}}): the order id and an HMAC-SHA256 of it under a
 * server secret, so it cannot be guessed or changed to reach another order, and needs no table of its own. The
 * secret is {@code ORDO_TRACKING_SECRET}, or else one made on first use and kept in the database (all nodes share
 * it; links in mails stay valid across restarts). Changing the secret invalidates every link sent.
 */
@Component
public class TrackingTokens {

    private static final String HMAC = "HmacSHA256";

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] secret;
    /** The HMAC keyed with the secret, made once: each token is signed by a copy (a Mac is not thread-safe). */
    private volatile Mac keyed;

    TrackingTokens(JdbcClient jdbc, @Value("${ordo.tracking-secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    /** The token for this order: 64 URL-safe characters. */
    public String token(UUID orderId) {
        ByteBuffer buffer = ByteBuffer.allocate(48);
        buffer.put(bytes(orderId)).put(mac(bytes(orderId)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** The order a token was made for; empty for anything else (malformed, forged, another secret). */
    public Optional<UUID> orderOf(String token) {
        if (token == null || token.length() != 64) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 48) {
            return Optional.empty();
        }
        byte[] id = Arrays.copyOfRange(raw, 0, 16);
        byte[] given = Arrays.copyOfRange(raw, 16, 48);
        if (!MessageDigest.isEqual(mac(id), given)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(id);
        return Optional.of(new UUID(b.getLong(), b.getLong()));
    }

    private byte[] mac(byte[] data) {
        try {
            Mac prototype = keyed;
            if (prototype == null) {
                prototype = Mac.getInstance(HMAC);
                prototype.init(new SecretKeySpec(secret(), HMAC));
                keyed = prototype;
            }
            // a copy of the keyed prototype: looking up the provider and keying a Mac for every order's tracking
            // link cost more than signing it (docs/benchmarks.md, P4)
            return ((Mac) prototype.clone()).doFinal(data);
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = configured != null && !configured.isBlank()
                    ? configured.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8) : stored();
            secret = s;
        }
        return s;
    }

    /** The stored secret; the first node to need it makes it (the others then read that one). */
    private byte[] stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO server_secret (name, value) VALUES ('tracking', :v) ON CONFLICT (name) DO NOTHING")
                .param("v", fresh).update();
        return jdbc.sql("SELECT value FROM server_secret WHERE name = 'tracking'").query(byte[].class).single();
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }
}
