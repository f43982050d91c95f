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

    /**
     * This reason with more said after it: the code {@code <code>.<suffixCode>} whose text takes this reason's
     * arguments and then {@code arguments}, so the whole sentence is in the reader's language ("bank transfer of
     * 10.00 EUR (paid 10.00 EUR of 30.00 EUR)"). A typed reason stays typed, with the English suffix.
     */
    public TimelineReason followedBy(String suffixCode, String englishSuffix, Object... arguments) {
        if (code == null) {
            return typed(text + englishSuffix);
        }
        List<String> all = new java.util.ArrayList<>(this.arguments);
        Arrays.stream(arguments).map(a -> Objects.toString(a, "")).forEach(all::add);
        return new TimelineReason(code + "." + suffixCode, all, text + englishSuffix);
    }

    /**
     * This reason under a heading: the code {@code <headingCode>.<code>} with this reason's arguments ("reopened:
     * payment of 10.00 EUR arrived late"). A typed reason stays typed, with the English heading.
     */
    public TimelineReason under(String headingCode, String englishHeading) {
        if (code == null) {
            return typed(englishHeading + text);
        }
        return new TimelineReason(headingCode + "." + code, arguments, englishHeading + text);
    }

    /** A reason as typed by a person (or passed on from another module): shown as it is. */
    public static TimelineReason typed(String text) {
        return new TimelineReason(null, List.of(), text);
    }
}
