package org.ordo.platform;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A larger body limit for one endpoint than {@code ordo.api.max-body-bytes} (the default for every request), declared by the module that owns it
 * as a bean (an EDI interchange with thousands of orders is megabytes, a JSON request never needs that). The path is
 * the operation's as the API document names it; a template ({@code /api/v1/digital/assets/{sku}}) matches every
 * path it stands for.
 */
public record BodySizeLimit(String method, String path, long maxBytes) {

    /** Whether this limit is the one for a request of this method to this path (as received, not decoded). */
    public boolean appliesTo(String requestMethod, String requestPath) {
        if (!method.equals(requestMethod)) {
            return false;
        }
        if (path.indexOf('{') < 0) {
            return path.equals(requestPath);
        }
        PathPattern pattern = PathPatternParser.defaultInstance.parse(path);
        return pattern.matches(PathContainer.parsePath(requestPath));
    }
}
