package org.ordo.platform;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for jsonb columns, with the application's mapper; and JSON that clients send, read by the one strict
 * configuration for request bodies ({@link StrictJson}).
 */
@Component
public class Json {

    private final JsonMapper mapper;
    private final JsonMapper requests;

    Json(JsonMapper mapper) {
        this.mapper = mapper;
        this.requests = StrictJson.forRequests(mapper);
    }

    /** Reads a body a client sent, strictly; a refusal is a {@link tools.jackson.core.JacksonException}. */
    public <T> T readRequest(byte[] body, Class<T> type) {
        return requests.readValue(body, type);
    }

    /** The mapper that reads request bodies, for the HTTP message converter. */
    public JsonMapper requestMapper() {
        return requests;
    }

    public String write(Object value) {
        return value == null ? null : mapper.writeValueAsString(value);
    }

    public <T> T read(String json, Class<T> type) {
        return json == null ? null : mapper.readValue(json, type);
    }

    public <T> T read(String json, TypeReference<T> type) {
        return json == null ? null : mapper.readValue(json, type);
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
