package org.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class TrackingTokensTests {

    private static final String SECRET = "tracking-secret-for-tests";

    @Test
    void tokensSignedFromManyThreadsAtOnceAreEachTheOrdersOwnHmac() throws Exception {
        // one keyed HMAC is made once and copied for each token: threads signing at once must not mix their input
        TrackingTokens tokens = new TrackingTokens(null, SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<String> faults = new ArrayList<>();
                    for (int i = 0; i < 5_000; i++) {
                        UUID order = UUID.randomUUID();
                        String token = tokens.token(order);
                        if (!token.equals(expected(order)) || !tokens.orderOf(token).equals(Optional.of(order))) {
                            faults.add(order + ": " + token);
                        }
                    }
                    return faults;
                }));
            }
            for (Future<List<String>> f : results) {
                assertThat(f.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new TrackingTokens(null, "another secret").orderOf(tokens.token(UUID.randomUUID()))).isEmpty();
    }

    /** The order's id and its HMAC-SHA256 under the secret, URL-safe base64: made here the plain way. */
    private static String expected(UUID order) throws Exception {
        byte[] id = ByteBuffer.allocate(16).putLong(order.getMostSignificantBits())
                .putLong(order.getLeastSignificantBits()).array();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(48).put(id)
                .put(mac.doFinal(id)).array());
    }
}
