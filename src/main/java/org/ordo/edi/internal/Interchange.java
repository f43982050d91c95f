package org.ordo.edi.internal;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/**
 * An EDIFACT or X12 interchange as StAEDI reads it: the header (UNB or ISA, and GS for X12), each message (UNH to
 * UNT, ST to SE) with its segments, and the syntax errors found, each with its EDIFACT syntax error code (data
 * element 0085) so that CONTRL can name it (997 maps it to its own codes). StAEDI honours EDIFACT's UNA service
 * string advice (separators, decimal mark, release character) and the separators X12's ISA declares, and checks
 * the trailers' counts and references; an interchange it cannot read at all is refused with a 422 naming the body.
 */
public record Interchange(Segment header, Segment group, List<Message> messages, List<SyntaxError> errors) {

    public boolean isX12() {
        return header.tag().equals("ISA");
    }

    /** More segments than this in one interchange are refused before anything is stored (hostile input). */
    static final int MAX_SEGMENTS = 500_000;
    /** An order of a few hundred lines is large; a message of more segments than this is an attack or an error. */
    static final int MAX_MESSAGE_SEGMENTS = 10_000;

    /** Character repertoires of UNB's syntax identifier and the charset their bytes are read in. */
    private static final Map<String, Charset> CHARSETS = Map.of("UNOA", StandardCharsets.US_ASCII,
            "UNOB", StandardCharsets.US_ASCII, "UNOC", StandardCharsets.ISO_8859_1,
            "UNOD", Charset.forName("ISO-8859-2"), "UNOE", Charset.forName("ISO-8859-5"),
            "UNOF", Charset.forName("ISO-8859-7"), "UNOW", StandardCharsets.UTF_8, "UNOY", StandardCharsets.UTF_8);

    private static final Pattern SYNTAX_ID = Pattern.compile("UNB.(UNO[A-Z])");

    /** A segment; {@code elements.get(i)} holds the components of element i + 1. */
    public record Segment(String tag, int position, List<List<String>> elements) {

        /** The value at element and component (1-based), or "" when absent. */
        public String value(int element, int component) {
            if (element > elements.size()) {
                return "";
            }
            List<String> components = elements.get(element - 1);
            return component > components.size() ? "" : components.get(component - 1);
        }

        public String value(int element) {
            return value(element, 1);
        }
    }

    /** A message: its reference (UNH 0062), type and version, its segments from UNH to UNT, and its errors. */
    public record Message(String ref, String type, String version, String release, String agency,
            List<Segment> segments, List<SyntaxError> errors) {
    }

    /**
     * A syntax error: the segment (its position counted from UNH, or in the interchange outside messages), the
     * element and component when known (0 when not), and the EDIFACT syntax error code.
     */
    public record SyntaxError(String segmentTag, int segmentPosition, int element, int component, int code,
            String text) {
    }

    /** EDIFACT syntax error codes (data element 0085) that Ordo reports. */
    public static final int INVALID_VALUE = 12, MISSING = 13, NOT_SUPPORTED_IN_POSITION = 15,
            TOO_MANY_CONSTITUENTS = 16, UNSPECIFIED = 18, REFERENCES_DO_NOT_MATCH = 28, COUNT_DOES_NOT_MATCH = 29,
            TOO_MANY_REPETITIONS = 35, INVALID_CHARACTERS = 37, TOO_LONG = 39, TOO_SHORT = 40;

    /**
     * Reads the interchange; refuses (422, field {@code body}) what is not a readable EDIFACT interchange. The body is
     * decoded once, by StAEDI's lexer in the charset UNB declares (strictly: bytes not valid in it are refused), and
     * StAEDI only splits it into segments: its validation of the control structure, which builds collections for
     * every element it sees, is off, and {@link ControlStructure} checks the envelopes instead (docs/edi.md).
     */
    public static Interchange read(byte[] body) {
        Charset charset = charset(body);
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, false);
        ControlStructure control = null;
        List<List<String>> elements = null;
        String tag = null;
        int position = 0;
        int count = 0;
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(body), charset.name())) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> {
                        if (control != null) {
                            throw new InvalidInputException("body",
                                    Wording.of("edi.must_hold_exactly_one_interchange"));
                        }
                        control = new ControlStructure();
                    }
                    case START_SEGMENT -> {
                        if (++count > MAX_SEGMENTS) {
                            throw new InvalidInputException("body", Wording.of("edi.holds_more_than_segments",
                                    MAX_SEGMENTS));
                        }
                        tag = reader.getText();
                        position = reader.getLocation().getSegmentPosition();
                        elements = new ArrayList<>(8);
                    }
                    case ELEMENT_DATA -> {
                        Location at = reader.getLocation();
                        if (at.getElementOccurrence() > 1) {
                            break; // repetitions are not used by the messages Ordo takes; the first one counts
                        }
                        int element = at.getElementPosition();
                        while (elements.size() < element) {
                            elements.add(new ArrayList<>(2));
                        }
                        List<String> components = elements.get(element - 1);
                        int component = Math.max(1, at.getComponentPosition());
                        while (components.size() < component - 1) {
                            components.add("");
                        }
                        components.add(reader.getText());
                    }
                    case END_SEGMENT -> {
                        if (control == null) {
                            throw new InvalidInputException("body", Wording.of("edi.is_not_an_interchange_unb_or"));
                        }
                        control.segment(new Segment(tag, position, frozen(elements)));
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        // without a schema StAEDI reports no validation errors; should one come, it is kept
                        Location at = reader.getLocation();
                        EDIStreamValidationError error = reader.getErrorType();
                        control.error(new SyntaxError(at.getSegmentTag(), at.getSegmentPosition(),
                                Math.max(0, at.getElementPosition()), Math.max(0, at.getComponentPosition()),
                                code(error), error.name().toLowerCase().replace('_', ' ')));
                    }
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CharacterCodingException) {
                    throw notInCharset(charset, body);
                }
            }
            throw new InvalidInputException("body", Wording.of("edi.is_not_a_readable_edifact_or", brief(e)));
        } catch (java.io.IOException e) {
            throw new InvalidInputException("body", Wording.of("edi.could_not_be_read", e.getMessage()));
        }
        if (control == null || control.header() == null) {
            throw new InvalidInputException("body", Wording.of("edi.is_not_an_interchange_unb_or"));
        }
        return control.end();
    }

    /** The segment's elements, no longer to be changed. */
    private static List<List<String>> frozen(List<List<String>> elements) {
        for (int i = 0; i < elements.size(); i++) {
            elements.set(i, List.copyOf(elements.get(i)));
        }
        return List.copyOf(elements);
    }

    /**
     * The text in the charset that UNB's syntax identifier declares, decoded strictly: bytes that are not valid in
     * it (binary data, another charset) are refused rather than guessed.
     */
    /**
     * The interchange as text, one segment a line, for people to read: the segment terminator is the one UNA or ISA
     * declares (a released one, e.g. {@code ?'}, is data and stays); line breaks already there are kept.
     */
    public static String onLines(byte[] body) {
        String text = decode(body);
        char terminator = '\'';
        char release = '?';
        if (text.startsWith("ISA") && text.length() > 105) {
            terminator = text.charAt(105);
            release = 0;
        } else if (text.startsWith("UNA") && text.length() >= 9) {
            terminator = text.charAt(8);
            release = text.charAt(6) == ' ' ? 0 : text.charAt(6);
        }
        StringBuilder lines = new StringBuilder(text.length() + text.length() / 20);
        int start = text.startsWith("UNA") ? 9 : 0;
        lines.append(text, 0, start);
        if (start > 0) {
            lines.append('\n');
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (release != 0 && c == release && i + 1 < text.length()) {
                lines.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '\r' || c == '\n') {
                continue;
            }
            lines.append(c);
            if (c == terminator) {
                lines.append('\n');
            }
        }
        return lines.toString();
    }

    static String decode(byte[] body) {
        Charset charset = charset(body);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw notInCharset(charset, body);
        }
    }

    /** The charset the interchange is read in: the one UNB's syntax identifier declares, or X12's UTF-8. */
    private static Charset charset(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1);
        if (start.startsWith("ISA")) {
            // X12 declares no charset: its basic and extended character sets are within UTF-8, read strictly
            return StandardCharsets.UTF_8;
        }
        if (!start.startsWith("UNA") && !start.startsWith("UNB")) {
            throw new InvalidInputException("body", Wording.of("edi.is_not_an_interchange_it_must"));
        }
        Matcher syntax = SYNTAX_ID.matcher(start);
        Charset charset = syntax.find() ? CHARSETS.get(syntax.group(1)) : null;
        if (charset == null) {
            throw new InvalidInputException("body",
                    Wording.of("edi.unb_must_declare_a_syntax_identifier",
                            CHARSETS.keySet().stream().sorted().toList()));
        }
        return charset;
    }

    /** The refusal of a body holding bytes that are not valid in the charset it is read in. */
    private static InvalidInputException notInCharset(Charset charset, byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1);
        Matcher syntax = SYNTAX_ID.matcher(start);
        return new InvalidInputException("body", start.startsWith("ISA") || !syntax.find()
                ? Wording.of("edi.holds_bytes_that_x12_does_not_declare", charset.name())
                : Wording.of("edi.holds_bytes_that_unb_does_not_declare", charset.name(), syntax.group(1)));
    }

    private static int code(EDIStreamValidationError error) {
        return switch (error) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> COUNT_DOES_NOT_MATCH;
            case CONTROL_REFERENCE_MISMATCH -> REFERENCES_DO_NOT_MATCH;
            case REQUIRED_DATA_ELEMENT_MISSING, MANDATORY_SEGMENT_MISSING, CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING,
                    CONDITIONAL_REQUIRED_SEGMENT_MISSING -> MISSING;
            case TOO_MANY_DATA_ELEMENTS, TOO_MANY_COMPONENTS -> TOO_MANY_CONSTITUENTS;
            case TOO_MANY_REPETITIONS, LOOP_OCCURS_OVER_MAXIMUM_TIMES, SEGMENT_EXCEEDS_MAXIMUM_USE ->
                TOO_MANY_REPETITIONS;
            case DATA_ELEMENT_TOO_LONG -> TOO_LONG;
            case DATA_ELEMENT_TOO_SHORT -> TOO_SHORT;
            case INVALID_CHARACTER_DATA -> INVALID_CHARACTERS;
            case INVALID_CODE_VALUE, INVALID_DATE, INVALID_TIME -> INVALID_VALUE;
            case UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_PROPER_SEQUENCE, UNRECOGNIZED_SEGMENT_ID,
                    SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> NOT_SUPPORTED_IN_POSITION;
            default -> UNSPECIFIED;
        };
    }

    private static String brief(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
