package org.ordo.edi.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/**
 * An EDIFACT or X12 interchange as read: the header (UNB or ISA, and GS for X12), each message (UNH to UNT, ST to SE)
 * with its segments, and the syntax errors found, each with its EDIFACT syntax error code (data element 0085) so that
 * CONTRL can name it (997 maps it to its own codes). {@link SegmentReader} honours EDIFACT's UNA service string advice
 * (separators, release character) and the separators X12's ISA declares, {@link ControlStructure} checks the
 * trailers' counts and references; an interchange that cannot be read at all is refused with a 422 naming the body.
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
     * Reads the interchange; refuses (422, field {@code body}) what is not a readable EDIFACT or X12 interchange. The
     * body is decoded once, strictly, in the charset UNB declares (bytes not valid in it are refused), and split into
     * segments by Ordo's own {@link SegmentReader}, which reads and refuses what StAEDI's lexer did before it;
     * {@link ControlStructure} checks the envelopes (docs/edi.md).
     */
    public static Interchange read(byte[] body) {
        return new SegmentReader(body, charset(body)).read();
    }

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

    /**
     * The text in the charset that UNB's syntax identifier declares, decoded strictly: bytes that are not valid in
     * it (binary data, another charset) are refused rather than guessed.
     */
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
    static Charset charset(byte[] body) {
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
    static InvalidInputException notInCharset(Charset charset, byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1);
        Matcher syntax = SYNTAX_ID.matcher(start);
        return new InvalidInputException("body", start.startsWith("ISA") || !syntax.find()
                ? Wording.of("edi.holds_bytes_that_x12_does_not_declare", charset.name())
                : Wording.of("edi.holds_bytes_that_unb_does_not_declare", charset.name(), syntax.group(1)));
    }
}
