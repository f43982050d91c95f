package org.ordo.promise;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The options of a query, earliest delivery first; {@code unavailable} names the SKUs that cannot be promised at
 * all (no stock, nothing incoming, not backorderable), in which case there is no option.
 */
@Schema(name = "PromiseAnswer")
public record PromiseAnswer(List<PromiseOption> options, List<String> unavailable) {
}
