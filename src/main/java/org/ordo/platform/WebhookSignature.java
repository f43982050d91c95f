package org.ordo.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures, Stripe-compatible, for webhooks in and out: header {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
 * A signature older or newer than the tolerance is refused, so a captured request cannot be replayed later.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** Null when the header proves the body came from the holder of the secret just now; else why not. */
    public static String problem(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return "the signature header is missing";
        }
        Long timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                timestamp = Numbers.wholeOrNull(kv[1]);
                if (timestamp == null) {
                    return "the signature timestamp is not a number";
                }
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return "the signature header needs t= and v1=";
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return "the signature is too old or from the future (replayed?)";
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
        }
        return "the signature does not match";
    }

    /** A webhook whose signature does not prove where it came from; answered 400 naming the header. */
    public static class Refused extends RuntimeException {

        private final String header;

        public Refused(String header, String message) {
            super(message);
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    /**
     * Refuses (throws {@link Refused}) unless the header proves the body came from the secret's holder just now, by
     * the application's {@code clock}.
     */
    public static void verify(String headerName, String header, byte[] body, String secret, Duration tolerance,
            Clock clock) {
        String problem = problem(header, body, secret, clock.instant(), tolerance);
        if (problem != null) {
            throw new Refused(headerName, problem);
        }
    }

    /** The v1 signature of a body at a time: hex HMAC-SHA256 over "timestamp.body". */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
