package org.ordo.ordering;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why an order changed, as Ordo writes it: a {@code code} with its {@code arguments}, so that a screen can say it
 * in the reader's language ({@code timeline.reason.<code>} in the back office's texts), and the English
 * {@code text} the API and older entries carry. A reason a person typed has no code.
 */
public record TimelineReason(String code, List<String> arguments, String text) {

    public TimelineReason {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A reason Ordo wrote: its code, its English text and the arguments both are made of. */
    public static TimelineReason of(String code, String text, Object... arguments) {
        return new TimelineReason(code, Arrays.stream(arguments).map(a -> Objects.toString(a, "")).toList(), text);
    }

    /** A reason as typed by a person (or passed on from another module): shown as it is. */
    public static TimelineReason typed(String text) {
        return new TimelineReason(null, List.of(), text);
    }
}
