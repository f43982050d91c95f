package org.ordo.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list: {@code next} is the cursor for the following page, or null at the end. */
public record Slice<T>(List<T> items, String next) {

    /**
     * The page from rows fetched with {@code limit + 1}: the extra row only tells that more follow, and the
     * cursor is made from the last row shown.
     */
    public static <T> Slice<T> of(List<T> rows, int limit, Function<T, String> cursor) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new Slice<>(page, cursor.apply(page.get(page.size() - 1)));
    }

    /** Checks a requested page size; names the parameter when it is out of range. */
    public static int checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit", Wording.of("platform.must_be_between_1_and", max));
        }
        return limit;
    }
}
