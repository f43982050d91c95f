package org.ordo.edi.internal;

import static org.ordo.edi.internal.Interchange.COUNT_DOES_NOT_MATCH;
import static org.ordo.edi.internal.Interchange.INVALID_CHARACTERS;
import static org.ordo.edi.internal.Interchange.MISSING;
import static org.ordo.edi.internal.Interchange.NOT_SUPPORTED_IN_POSITION;
import static org.ordo.edi.internal.Interchange.REFERENCES_DO_NOT_MATCH;
import static org.ordo.edi.internal.Interchange.TOO_LONG;
import static org.ordo.edi.internal.Interchange.TOO_MANY_CONSTITUENTS;
import static org.ordo.edi.internal.Interchange.TOO_SHORT;

import java.util.ArrayList;
import java.util.List;

import org.ordo.edi.internal.Interchange.Message;
import org.ordo.edi.internal.Interchange.Segment;
import org.ordo.edi.internal.Interchange.SyntaxError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/**
 * The envelopes of an interchange checked segment by segment, as StAEDI's control schema did before Ordo turned it
 * off for speed (its validation built collections for every element it read): the messages (UNH to UNT, ST to SE)
 * with their segments, and each rule that CONTRL and 997 report, with its EDIFACT syntax error code.
 * <ul>
 * <li>UNT's and SE's segment count is the message's segments from header to trailer (29), its reference the
 * header's (28);</li>
 * <li>UNZ's count is the messages, or the groups when there are groups (29); IEA's the groups; GE's and UNE's the
 * messages of the group; each trailer's reference is its header's (28);</li>
 * <li>the envelope's mandatory elements are present (13), counts are digits (37), references not too long (39) or
 * short (40), no envelope segment has more elements than its standard defines (16);</li>
 * <li>a message without its trailer is rejected (13, the next header or UNZ closes it), a group without its
 * trailer rejects the interchange (13), and a segment outside a message that is no envelope segment too (15).</li>
 * </ul>
 * Errors inside a message belong to it (its segment positions counted from its header); the others reject the
 * whole interchange.
 */
final class ControlStructure {

    /** The error texts, as StAEDI names them. */
    private static final String COUNT = "control count does not match actual count",
            REFERENCE = "control reference mismatch", ELEMENT_MISSING = "required data element missing",
            SEGMENT_MISSING = "mandatory segment missing", NOT_DIGITS = "invalid character data",
            LONG = "data element too long", SHORT = "data element too short",
            ELEMENTS = "too many data elements", UNEXPECTED = "unexpected segment";

    private Segment header;
    private Segment firstGroup;
    private final List<Message> messages = new ArrayList<>();
    private final List<SyntaxError> errors = new ArrayList<>();

    /** The group open now (UNG or GS) and the messages in it; null when none is. */
    private Segment group;
    private int groupMessages;
    private int groups;
    private int messagesStarted;
    private boolean ended;

    /** The message open now: its header's position in the interchange, its segments and errors; null when none is. */
    private List<Segment> segments;
    private List<SyntaxError> messageErrors;
    private int messageStart;

    Segment header() {
        return header;
    }

    /** Takes the next segment of the interchange, its position counted from UNB or ISA. */
    void segment(Segment s) {
        String tag = s.tag();
        if (ended) {
            errors.add(error(s, 0, NOT_SUPPORTED_IN_POSITION, UNEXPECTED));
            return;
        }
        switch (tag) {
            case "UNA" -> {
                // the service string advice: the reader has taken the separators from it
            }
            case "UNB" -> {
                header = s;
                envelope(s, 11, new int[][] {{1, 1}, {1, 2}, {2, 1}, {3, 1}, {4, 1}, {4, 2}, {5, 1}});
                reference(s, 5, 1, 14);
            }
            case "ISA" -> {
                header = s;
                envelope(s, 16, new int[][] {{1, 1}, {3, 1}, {5, 1}, {6, 1}, {7, 1}, {8, 1}, {9, 1}, {10, 1},
                        {11, 1}, {12, 1}, {13, 1}, {14, 1}, {15, 1}});
                reference(s, 13, 9, 9);
            }
            case "UNG", "GS" -> openGroup(s);
            case "UNH", "ST" -> openMessage(s);
            case "UNT", "SE" -> closeMessage(s);
            case "UNE", "GE" -> closeGroup(s);
            case "UNZ", "IEA" -> closeInterchange(s);
            default -> {
                if (segments == null) {
                    errors.add(error(s, 0, NOT_SUPPORTED_IN_POSITION, UNEXPECTED));
                } else {
                    add(s);
                }
            }
        }
    }

    private void openGroup(Segment s) {
        closeOpenMessage(s.tag().equals("GS") ? "SE" : "UNT");
        if (group != null) {
            errors.add(new SyntaxError(trailer(group.tag()), 0, 0, 0, MISSING, SEGMENT_MISSING));
        }
        boolean x12 = s.tag().equals("GS");
        envelope(s, 8, x12 ? new int[][] {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 1}, {8, 1}}
                : new int[][] {{1, 1}, {5, 1}});
        reference(s, x12 ? 6 : 5, 1, x12 ? 9 : 14);
        group = s;
        groupMessages = 0;
        groups++;
        if (firstGroup == null && x12) {
            firstGroup = s;
        }
    }

    private void closeGroup(Segment s) {
        closeOpenMessage(s.tag().equals("GE") ? "SE" : "UNT");
        if (group == null) {
            errors.add(error(s, 0, NOT_SUPPORTED_IN_POSITION, UNEXPECTED));
            return;
        }
        envelope(s, 2, new int[][] {{1, 1}, {2, 1}});
        count(s, groupMessages, errors);
        matches(s, 2, group.value(s.tag().equals("GE") ? 6 : 5), errors);
        group = null;
    }

    private void openMessage(Segment s) {
        closeOpenMessage(s.tag().equals("ST") ? "SE" : "UNT");
        segments = new ArrayList<>();
        messageErrors = new ArrayList<>();
        messageStart = s.position();
        messagesStarted++;
        groupMessages++;
        Segment local = add(s);
        if (s.tag().equals("ST")) {
            fits(local, 3, new int[][] {{1, 1}, {2, 1}}, messageErrors);
            length(local, 2, 4, 9, messageErrors);
        } else {
            fits(local, 7, new int[][] {{1, 1}, {2, 1}, {2, 2}, {2, 3}, {2, 4}}, messageErrors);
            length(local, 1, 1, 14, messageErrors);
        }
    }

    private void closeMessage(Segment s) {
        if (segments == null) {
            errors.add(error(s, 0, NOT_SUPPORTED_IN_POSITION, UNEXPECTED));
            return;
        }
        Segment local = add(s);
        fits(local, 2, new int[][] {{1, 1}, {2, 1}}, messageErrors);
        count(local, segments.size(), messageErrors);
        matches(local, 2, segments.get(0).value(s.tag().equals("SE") ? 2 : 1), messageErrors);
        finishMessage();
    }

    private void closeInterchange(Segment s) {
        boolean x12 = s.tag().equals("IEA");
        closeOpenMessage(x12 ? "SE" : "UNT");
        if (group != null) {
            errors.add(new SyntaxError(trailer(group.tag()), 0, 0, 0, MISSING, SEGMENT_MISSING));
            group = null;
        }
        if (header == null) {
            return; // refused by the reader: no UNB or ISA
        }
        envelope(s, 2, new int[][] {{1, 1}, {2, 1}});
        // UNZ counts the groups when the interchange has any, its messages otherwise; IEA always the groups
        count(s, x12 || groups > 0 ? groups : messagesStarted, errors);
        matches(s, 2, header.value(x12 ? 13 : 5), errors);
        ended = true;
    }

    /** A message whose trailer is missing (another header or a trailer of the group or interchange follows). */
    private void closeOpenMessage(String trailer) {
        if (segments != null) {
            messageErrors.add(new SyntaxError(trailer, 0, 0, 0, MISSING, SEGMENT_MISSING));
            finishMessage();
        }
    }

    private void finishMessage() {
        Segment first = segments.get(0);
        messages.add(first.tag().equals("ST")
                ? new Message(first.value(2), first.value(1), group == null ? "" : group.value(8), "", "X12",
                        List.copyOf(segments), List.copyOf(messageErrors))
                : new Message(first.value(1), first.value(2, 1), first.value(2, 2), first.value(2, 3),
                        first.value(2, 4), List.copyOf(segments), List.copyOf(messageErrors)));
        segments = null;
        messageErrors = null;
    }

    /** Adds the segment to the open message, its position now counted from the message's header. */
    private Segment add(Segment s) {
        if (segments.size() >= Interchange.MAX_MESSAGE_SEGMENTS) {
            throw new InvalidInputException("body", Wording.of("edi.holds_a_message_of_more_than",
                    Interchange.MAX_MESSAGE_SEGMENTS));
        }
        Segment local = new Segment(s.tag(), s.position() - messageStart + 1, s.elements());
        segments.add(local);
        return local;
    }

    /**
     * The interchange as read; refuses one that ends inside a message. (One that ends without UNZ or IEA
     * {@link SegmentReader} refuses itself, as StAEDI's lexer did.)
     */
    Interchange end() {
        if (segments != null) {
            throw new InvalidInputException("body", Wording.of("edi.ends_inside_a_message_unt_and"));
        }
        return new Interchange(header, firstGroup, List.copyOf(messages), List.copyOf(errors));
    }

    private void envelope(Segment s, int maxElements, int[][] required) {
        fits(s, maxElements, required, errors);
    }

    /** The segment has at most {@code maxElements} elements and each required element and component. */
    private static void fits(Segment s, int maxElements, int[][] required, List<SyntaxError> to) {
        if (s.elements().size() > maxElements) {
            to.add(error(s, maxElements + 1, TOO_MANY_CONSTITUENTS, ELEMENTS));
        }
        for (int[] at : required) {
            // a component is missing only in an element that is there; a missing element is reported once
            if (s.value(at[0], at[1]).isEmpty() && (at[1] == 1 || !s.value(at[0], 1).isEmpty())) {
                to.add(new SyntaxError(s.tag(), s.position(), at[0], at[1] > 1 ? at[1] : 0, MISSING,
                        ELEMENT_MISSING));
            }
        }
    }

    private void reference(Segment s, int element, int min, int max) {
        length(s, element, min, max, errors);
    }

    private static void length(Segment s, int element, int min, int max, List<SyntaxError> to) {
        int length = s.value(element).length();
        if (length > max) {
            to.add(error(s, element, TOO_LONG, LONG));
        } else if (length > 0 && length < min) {
            to.add(error(s, element, TOO_SHORT, SHORT));
        }
    }

    /** The trailer's first element counts {@code actual} (29), written in digits (37). */
    private static void count(Segment s, int actual, List<SyntaxError> to) {
        String declared = s.value(1);
        if (declared.isEmpty()) {
            return; // reported as missing
        }
        if (declared.length() > 9 || !declared.chars().allMatch(c -> c >= '0' && c <= '9')) {
            to.add(error(s, 1, INVALID_CHARACTERS, NOT_DIGITS));
        } else if (Integer.parseInt(declared) != actual) {
            to.add(error(s, 1, COUNT_DOES_NOT_MATCH, COUNT));
        }
    }

    /** The trailer's reference at {@code element} is its header's (28). */
    private static void matches(Segment s, int element, String header, List<SyntaxError> to) {
        String reference = s.value(element);
        if (!reference.isEmpty() && !reference.equals(header)) {
            to.add(error(s, element, REFERENCES_DO_NOT_MATCH, REFERENCE));
        }
    }

    private static SyntaxError error(Segment s, int element, int code, String text) {
        return new SyntaxError(s.tag(), s.position(), element, 0, code, text);
    }

    private static String trailer(String header) {
        return header.equals("GS") ? "GE" : "UNE";
    }
}
