package org.ordo.platform;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What a request that carries an {@code Idempotency-Key} was answered (invariant 2 in docs/design.md): the status
 * and JSON body given the first time, and whether this answer is that one given again to a retry. Every such
 * endpoint answers the same way, built here: the status, {@code Location} when the endpoint names one, an
 * {@code ETag} when it has one, the header {@value #REPLAYED} and the body as JSON. The OpenAPI document states
 * the header for every idempotent operation (platform/web/ApiContract).
 */
public interface IdempotentAnswer {

    /** The header that tells a retry it got the stored first answer ({@code true}) or a new one ({@code false}). */
    String REPLAYED = "Idempotent-Replayed";

    int status();

    /** The answer's JSON, byte for byte as it was first given. */
    String body();

    /** True when this is the stored answer to an earlier request with the same key. */
    boolean replayed();

    /** The answer as HTTP, for an endpoint that names no created resource. */
    default ResponseEntity<String> answer() {
        return answer(null, null);
    }

    /** The answer as HTTP, with where the created resource is read. */
    default ResponseEntity<String> answer(URI location) {
        return answer(location, null);
    }

    /** The answer as HTTP, with where the resource is read and its version as a strong ETag (both optional). */
    default ResponseEntity<String> answer(URI location, String eTag) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status());
        if (location != null) {
            answer.location(location);
        }
        if (eTag != null) {
            answer.eTag(eTag);
        }
        return answer.header(REPLAYED, String.valueOf(replayed())).contentType(MediaType.APPLICATION_JSON)
                .body(body());
    }

    /** A first answer made without a key (an endpoint where the key is optional): never a replay. */
    static IdempotentAnswer first(int status, String body) {
        return new First(status, body);
    }

    /** The answer to a request that came without a key. */
    record First(int status, String body) implements IdempotentAnswer {

        @Override
        public boolean replayed() {
            return false;
        }
    }
}
