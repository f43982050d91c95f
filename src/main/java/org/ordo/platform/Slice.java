package org.ordo.platform;

import java.util.List;

/** One page of a keyset-paginated list: {@code next} is the cursor for the following page, or null at the end. */
public record Slice<T>(List<T> items, String next) {
}
