package org.ordo.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals secrets Ordo must use again in clear (a shop's webhook secret and API token, a mailbox password, an outgoing
 * webhook's signing secret) with AES-256-GCM before they are stored: a database dump or backup does not give them away
 * when the key lives outside the database (ORDO_CHANNELS_SECRET_KEY). They must be sealed, not hashed, because Ordo
 * needs them in clear to check signatures and call the systems they belong to. Every module seals with this one key.
 */
@Component
public class SealedSecrets {

    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String configured;
    private volatile SecretKeySpec key;

    SealedSecrets(JdbcClient jdbc, @Value("${ordo.channels.secret-key:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    public String open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, sealed, 0, NONCE));
            return new String(cipher.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed secret: was ORDO_CHANNELS_SECRET_KEY changed?", e);
        }
    }

    private SecretKeySpec key() throws GeneralSecurityException {
        SecretKeySpec k = key;
        if (k == null) {
            // any text is stretched to 256 bits; the stored key is 256 random bits
            byte[] bytes = configured != null && !configured.isBlank()
                    ? MessageDigest.getInstance("SHA-256").digest(configured.trim().getBytes(StandardCharsets.UTF_8))
                    : stored();
            key = k = new SecretKeySpec(bytes, "AES");
        }
        return k;
    }

    /** The key kept in the database; the first node to need it makes it, the others read that one. */
    private byte[] stored() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("INSERT INTO shop_channel_key (value) VALUES (:v) ON CONFLICT (id) DO NOTHING").param("v", fresh)
                .update();
        return jdbc.sql("SELECT value FROM shop_channel_key").query(byte[].class).single();
    }
}
