package org.ordo.platform;

/**
 * A larger body limit for one endpoint than {@code ordo.api.max-body-bytes} (the default for every request), declared by the module that owns it
 * as a bean (an EDI interchange with thousands of orders is megabytes, a JSON request never needs that).
 */
public record BodySizeLimit(String method, String path, long maxBytes) {
}
