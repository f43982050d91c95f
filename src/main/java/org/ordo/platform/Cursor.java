package org.ordo.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position: the sort value and the id of the last row of a page, opaque to clients.
 * Pages continue with rows strictly after it, so inserts between calls neither skip nor repeat rows.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes {@code after}; refuses anything that is not a cursor this server made. */
    public static Cursor decode(String value, String field) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            String[] time = raw.substring(0, colon).split("\\.");
            return new Cursor(Instant.ofEpochSecond(Numbers.whole(field, time[0], true),
                    Numbers.whole(field, time[1], false)),
                    UUID.fromString(raw.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, Wording.of("platform.is_not_a_cursor_returned_by"));
        }
    }
}
