package org.ordo.edi.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ordo.edi.internal.Interchange.Segment;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/**
 * Ordo's reader of an EDIFACT or X12 interchange's segments: the body decoded once, strictly, in the charset UNB
 * declares (X12 in UTF-8), then split into segments, elements and components by the separators UNA declares (or
 * EDIFACT's defaults) or ISA holds, with the release character honoured; the segments go to {@link ControlStructure}.
 * <p>
 * It reads what StAEDI's lexer (with {@code EDI_IGNORE_EXTRANEOUS_CHARACTERS} on and no schema), which read the
 * interchange before, read, and refuses what it refused, because partners' interchanges were accepted or refused by
 * that reading: {@code InterchangeReadingTests} compares the two on every test interchange and thousands of mutated
 * ones. What that means, beyond the separators:
 * <ul>
 * <li>characters of the classes "white space", "control" and "invalid" (CR, LF, tab, NUL, ...) are dropped wherever
 * they are no separator: between segments, in tags, in values; a space is data in a value and skipped between
 * segments;</li>
 * <li>a tag is two or three letters or digits; UNZ (IEA in X12) ends the interchange and takes no components,
 * repetitions or release characters; after it only white space may follow, another interchange is refused;</li>
 * <li>the header is read as StAEDI read it: UNA's six characters taken as they come, UNB's syntax identifier (its
 * version decides whether {@code *} repeats, from syntax 4 on), ISA's separators at their fixed places (ISA11 repeats
 * from 00402 on) while the header's white space does not count;</li>
 * <li>repetitions after the first occurrence are skipped (Ordo's messages use none), segments are counted from the
 * first (UNA or UNB, ISA) as StAEDI counted them;</li>
 * <li>a character outside the Basic Multilingual Plane is refused, as StAEDI's decoder of one character at a time
 * could not hold it; bytes not valid in the charset are refused where the reading reaches them, and an incomplete
 * UTF-8 sequence at the very end counts as the end of the body.</li>
 * </ul>
 * Nothing is decoded per character and a value's run of plain characters is taken as one string: read alone, on a
 * JVM that has not compiled it yet (as a request finds it), it takes about a third of StAEDI's time
 * (docs/benchmarks.md). StAEDI still writes the outgoing messages.
 */
final class SegmentReader {

    // character classes: the letters that start UNA, UNB, UNZ, ISA, IEA and STX have their own
    private static final byte SPACE = 0, A = 1, B = 2, D = 3, E = 4, I = 5, N = 6, S = 7, T = 8, U = 9, X = 10,
            Z = 11, ALNUM = 12, SEGMENT = 13, ELEMENT = 14, COMPONENT = 15, REPEAT = 16, RELEASE = 17, WHITE = 18,
            CONTROL = 19, OTHER = 20, INVALID = 21, TAG_SEPARATOR = 22;

    /** The classes of the ASCII characters before any separator is declared. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            byte k;
            if (c == 0 || c == 8 || (c >= 0x0E && c <= 0x10) || (c >= 0x18 && c <= 0x1B) || c == 0x7F) {
                k = INVALID;
            } else if (c >= 0x09 && c <= 0x0D) {
                k = WHITE;
            } else if (c < 0x20) {
                k = CONTROL;
            } else if (c == ' ') {
                k = SPACE;
            } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                k = switch (c) {
                    case 'A' -> A;
                    case 'B' -> B;
                    case 'D' -> D;
                    case 'E' -> E;
                    case 'I' -> I;
                    case 'N' -> N;
                    case 'S' -> S;
                    case 'T' -> T;
                    case 'U' -> U;
                    case 'X' -> X;
                    case 'Z' -> Z;
                    default -> ALNUM;
                };
            } else {
                k = OTHER;
            }
            ASCII[c] = k;
        }
    }

    // states
    private static final int INITIAL = 0, START_U = 1, START_UN = 2, START_I = 3, START_IS = 4, START_S = 5,
            START_ST = 6, CANDIDATE = 7, HEADER_DATA = 8, HEADER_COMPONENT = 9, HEADER_ELEMENT = 10,
            HEADER_RELEASE = 11, HEADER_SEGMENT_BEGIN = 12, UNB_SEARCH = 13, UNB_U = 14, UNB_N = 15, UNB_B = 16,
            TAG_SEARCH = 17, TAG_1 = 18, TAG_2 = 19, TAG_3 = 20, TRAILER_1 = 21, TRAILER_2 = 22, TRAILER_3 = 23,
            SEGMENT_BEGIN = 24, DATA = 25, COMPONENT_END = 26, ELEMENT_END = 27, REPEAT_END = 28, RELEASED = 29,
            SEGMENT_END = 30, EMPTY_SEGMENT = 31, TRAILER_BEGIN = 32, TRAILER_DATA = 33, TRAILER_ELEMENT_END = 34,
            INTERCHANGE_END = 35, DROPPED = 36, NONE = -1;

    private static final int EDIFACT = 1, TRADACOMS = 2, X12 = 3;

    /** How the readable text ends: at the body's end, at bytes not valid in the charset, at a supplementary character. */
    private static final int AT_END = 0, BAD_BYTES = 1, SUPPLEMENTARY = 2;

    private final byte[] body;
    private final Charset charset;
    private final ControlStructure control = new ControlStructure();
    private char[] text;
    private int end;
    private int ending;
    private boolean leftOver;
    private int at;

    private final byte[] classes = ASCII.clone();
    private char[] wideChars = new char[8];
    private byte[] wideClasses = new byte[8];
    private int wide;

    private int state = INITIAL;
    private boolean interchangeEnded;
    private int segments;
    private boolean started;
    private boolean confirmed;
    private final List<Segment> unconfirmed = new ArrayList<>(2);
    private int unconfirmedStarts;

    // the header being read: its standard, its text so far and the separators it declares
    private int standard;
    private String headerTag;
    private StringBuilder header;
    private char[] isa;
    private int index;
    private int unbStart;
    private boolean initialized;
    private String rejection;
    private String version = "";
    private char componentSeparator, elementSeparator, releaseCharacter, repetitionSeparator, segmentTerminator;

    // the segment being read, and where in it (StAEDI's positions: -1 before the first)
    private final StringBuilder token = new StringBuilder(64);
    private int runStart = -1, runEnd;
    private String tag;
    private List<List<String>> elements;
    private int position;
    private int element = -1, occurrence = -1, component = -1, repeats = -1;
    private boolean composite, repeating, inComposite;

    SegmentReader(byte[] body, Charset charset) {
        this.body = body;
        this.charset = charset;
    }

    Interchange read() {
        decode();
        while (true) {
            if (at == end) {
                throw ended();
            }
            step(text[at++]);
            if (interchangeEnded) {
                interchangeEnded = false;
                if (onlyWhiteSpaceFollows()) {
                    break;
                }
            }
            if (state >= SEGMENT_BEGIN && state <= REPEAT_END || state == DROPPED) {
                scanData();
            }
        }
        if (control.header() == null) {
            throw new InvalidInputException("body", Wording.of("edi.is_not_an_interchange_unb_or"));
        }
        return control.end();
    }

    /**
     * The body decoded at once, strictly; where it stops being readable (bytes not valid in the charset, a
     * character StAEDI could not hold) is remembered and refused only if the reading gets there.
     */
    private void decode() {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(body.length);
        ByteBuffer in = ByteBuffer.wrap(body);
        CoderResult result = decoder.decode(in, out, false);
        // without end of input an incomplete sequence at the end is left over, not malformed: StAEDI took it for the
        // end of the body (but for something after the interchange's end, being no white space)
        ending = result.isError() ? BAD_BYTES : AT_END;
        leftOver = !result.isError() && in.hasRemaining();
        text = out.array();
        end = out.position();
        if (charset.equals(StandardCharsets.UTF_8)) {
            for (int i = 0; i < end; i++) {
                if (Character.isSurrogate(text[i])) {
                    end = i;
                    ending = SUPPLEMENTARY;
                    break;
                }
            }
        }
    }

    private InvalidInputException ended() {
        if (ending == BAD_BYTES) {
            return Interchange.notInCharset(charset, body);
        }
        return unreadable(ending == SUPPLEMENTARY ? "a character outside the Basic Multilingual Plane at character "
                + (end + 1) : "the body ends before the interchange's end (UNZ or IEA)");
    }

    private InvalidInputException unreadable(String why) {
        return new InvalidInputException("body", Wording.of("edi.is_not_a_readable_edifact_or", why));
    }

    private InvalidInputException unexpected(char c) {
        return unreadable("unexpected character '" + c + "' at character " + at
                + (tag == null ? "" : " (segment " + position + ", " + tag + ")"));
    }

    /**
     * After UNZ or IEA nothing but white space may follow (StAEDI looked at the bytes themselves, before declared
     * separators are forgotten: any byte above 127 is something).
     */
    private boolean onlyWhiteSpaceFollows() {
        if (ending != AT_END || leftOver) {
            return false;
        }
        for (int i = at; i < end; i++) {
            char c = text[i];
            if (c >= 128) {
                return false;
            }
            byte k = ASCII[c];
            if (k != SPACE && k != WHITE && k != CONTROL && k != INVALID) {
                return false;
            }
        }
        return true;
    }

    private byte classOf(char c) {
        if (c < 128) {
            return classes[c];
        }
        for (int i = 0; i < wide; i++) {
            if (wideChars[i] == c) {
                return wideClasses[i];
            }
        }
        return OTHER;
    }

    private void classify(char c, byte k) {
        if (c < 128) {
            classes[c] = k;
            return;
        }
        for (int i = 0; i < wide; i++) {
            if (wideChars[i] == c) {
                wideClasses[i] = k;
                return;
            }
        }
        if (wide == wideChars.length) {
            // only X12's ISX segments, each declaring another release character, get here
            wideChars = java.util.Arrays.copyOf(wideChars, wide * 2);
            wideClasses = java.util.Arrays.copyOf(wideClasses, wide * 2);
        }
        wideChars[wide] = c;
        wideClasses[wide++] = k;
    }

    private static boolean ignored(byte k) {
        return k == WHITE || k == CONTROL || k == INVALID;
    }

    private static boolean letter(byte k) {
        return k >= A && k <= ALNUM;
    }

    /** The value of an element: a run of plain characters read at once, up to the next separator or dropped one. */
    private void scanData() {
        if (runStart >= 0 || token.length() > 0) {
            return;
        }
        int i = at;
        char[] t = text;
        int stop = end;
        while (i < stop) {
            char c = t[i];
            byte k = c < 128 ? classes[c] : classOf(c);
            if (k > ALNUM && k != OTHER) {
                break;
            }
            i++;
        }
        if (i > at) {
            runStart = at;
            runEnd = i;
            at = i;
            state = DATA;
        }
    }

    private void append(char c) {
        if (runStart >= 0) {
            token.append(text, runStart, runEnd - runStart);
            runStart = -1;
        }
        token.append(c);
    }

    private String take() {
        String value;
        if (runStart >= 0) {
            value = token.length() == 0 ? new String(text, runStart, runEnd - runStart)
                    : token.append(text, runStart, runEnd - runStart).toString();
            runStart = -1;
        } else {
            value = token.toString();
        }
        token.setLength(0);
        return value;
    }

    /** One character: the next state from the state and the character's class, and what that state does. */
    private void step(char c) {
        byte k = classOf(c);
        int previous = state;
        state = next(state, k);
        switch (state) {
            case INITIAL, TAG_SEARCH, UNB_SEARCH, HEADER_RELEASE, RELEASED, DROPPED -> {
            }
            case START_U, START_UN, START_I, START_IS, START_S, START_ST, TAG_1, TAG_2, TAG_3, TRAILER_1, TRAILER_2,
                    TRAILER_3, DATA, TRAILER_DATA -> append(c);
            case UNB_U, UNB_N, UNB_B -> {
                append(c);
                appendHeader(c);
            }
            case CANDIDATE -> {
                append(c);
                startInterchange();
            }
            case HEADER_DATA -> {
                appendHeader(c);
                byte now = classOf(c);
                if (now == SEGMENT) {
                    closeSegment();
                    state = standard == EDIFACT && headerTag.equals("UNA") ? UNB_SEARCH : TAG_SEARCH;
                } else if (now != TAG_SEPARATOR && now != ELEMENT && now != REPEAT && now != COMPONENT
                        && now != RELEASE && !ignored(now)) {
                    append(c);
                }
                confirm(TAG_SEARCH);
            }
            case HEADER_SEGMENT_BEGIN -> {
                appendHeader(c);
                openSegment();
                confirm(ELEMENT_END);
            }
            case HEADER_ELEMENT -> {
                appendHeader(c);
                endElement();
                confirm(ELEMENT_END);
            }
            case HEADER_COMPONENT -> {
                appendHeader(c);
                endComponent();
                confirm(COMPONENT_END);
            }
            case SEGMENT_BEGIN, TRAILER_BEGIN -> openSegment();
            case SEGMENT_END -> closeSegment();
            case EMPTY_SEGMENT -> {
                openSegment();
                endSegment();
            }
            case COMPONENT_END -> endComponent();
            case ELEMENT_END, TRAILER_ELEMENT_END, REPEAT_END -> endElement();
            case INTERCHANGE_END -> {
                closeSegment();
                standard = 0;
                System.arraycopy(ASCII, 0, classes, 0, 128);
                wide = 0;
                interchangeEnded = true;
            }
            default -> {
                if (ignored(k)) {
                    state = previous;
                } else {
                    throw unexpected(c);
                }
            }
        }
    }

    /** The state a character of class {@code k} leads to; NONE where it does not belong. */
    private int next(int from, byte k) {
        switch (from) {
            case INITIAL, INTERCHANGE_END:
                return switch (k) {
                    case SPACE, WHITE, CONTROL -> INITIAL;
                    case I -> START_I;
                    case S -> START_S;
                    case U -> START_U;
                    default -> NONE;
                };
            case START_U:
                return k == N ? START_UN : NONE;
            case START_UN:
                return k == A || k == B ? CANDIDATE : NONE;
            case START_I:
                return k == S ? START_IS : NONE;
            case START_IS:
                return k == A ? CANDIDATE : NONE;
            case START_S:
                return k == T ? START_ST : NONE;
            case START_ST:
                return k == X ? CANDIDATE : NONE;
            case CANDIDATE, HEADER_DATA, HEADER_COMPONENT, HEADER_ELEMENT, HEADER_SEGMENT_BEGIN:
                return switch (k) {
                    case SEGMENT -> NONE; // the header's end reached by the class its terminator has only later
                    case ELEMENT, TAG_SEPARATOR -> HEADER_ELEMENT;
                    case COMPONENT -> HEADER_COMPONENT;
                    case REPEAT -> NONE;
                    case RELEASE -> HEADER_RELEASE;
                    default -> HEADER_DATA;
                };
            case HEADER_RELEASE:
                return HEADER_DATA;
            case UNB_SEARCH:
                return k == SPACE || k == WHITE ? UNB_SEARCH : k == T || k == U ? UNB_U : NONE;
            case UNB_U:
                return k == N ? UNB_N : NONE;
            case UNB_N:
                return k == B ? UNB_B : k == ELEMENT ? HEADER_SEGMENT_BEGIN : NONE;
            case UNB_B:
                return k == ELEMENT ? HEADER_SEGMENT_BEGIN : NONE;
            case TAG_SEARCH, SEGMENT_END, EMPTY_SEGMENT:
                if (k == SPACE || k == WHITE) {
                    return TAG_SEARCH;
                }
                if (!letter(k)) {
                    return NONE;
                }
                return standard == X12 ? (k == I ? TRAILER_1 : TAG_1) : (k == U ? TRAILER_1 : TAG_1);
            case TAG_1:
                return letter(k) ? TAG_2 : NONE;
            case TAG_2:
                return letter(k) ? TAG_3 : k == SEGMENT ? EMPTY_SEGMENT : k == ELEMENT ? SEGMENT_BEGIN : NONE;
            case TAG_3:
                return k == SEGMENT ? EMPTY_SEGMENT : k == ELEMENT ? SEGMENT_BEGIN : NONE;
            case TRAILER_1: // U or I: N or E may follow for UNZ or IEA
                if (!letter(k)) {
                    return NONE;
                }
                return k == (standard == X12 ? E : N) ? TRAILER_2 : TAG_2;
            case TRAILER_2:
                if (letter(k)) {
                    return k == (standard == X12 ? A : Z) ? TRAILER_3 : TAG_3;
                }
                return k == ELEMENT ? SEGMENT_BEGIN : NONE;
            case TRAILER_3:
                return k == ELEMENT ? TRAILER_BEGIN : NONE;
            case SEGMENT_BEGIN, DATA, DROPPED, COMPONENT_END, ELEMENT_END, REPEAT_END:
                return switch (k) {
                    case SEGMENT -> SEGMENT_END;
                    case ELEMENT -> ELEMENT_END;
                    case COMPONENT -> COMPONENT_END;
                    case REPEAT -> REPEAT_END;
                    case RELEASE -> RELEASED;
                    case WHITE, CONTROL, INVALID -> DROPPED;
                    case TAG_SEPARATOR -> NONE;
                    default -> DATA;
                };
            case RELEASED:
                return ignored(k) ? DROPPED : DATA;
            case TRAILER_BEGIN, TRAILER_DATA, TRAILER_ELEMENT_END:
                return switch (k) {
                    case SEGMENT -> INTERCHANGE_END;
                    case ELEMENT -> TRAILER_ELEMENT_END;
                    case COMPONENT, REPEAT, RELEASE, WHITE, CONTROL, INVALID, TAG_SEPARATOR -> NONE;
                    default -> TRAILER_DATA;
                };
            default:
                return NONE;
        }
    }

    // the interchange's header

    private void startInterchange() {
        String candidate = token.toString();
        confirmed = false; // a second interchange's segments are held until its header is read, and refused then
        standard = candidate.equals("ISA") ? X12 : candidate.equals("STX") ? TRADACOMS : EDIFACT;
        headerTag = candidate;
        index = -1;
        unbStart = -1;
        initialized = false;
        rejection = null;
        if (standard == X12) {
            elementSeparator = '*';
            componentSeparator = ':';
            segmentTerminator = '~';
            repetitionSeparator = '^';
            releaseCharacter = 0;
        } else {
            componentSeparator = ':';
            elementSeparator = '+';
            releaseCharacter = '?';
            repetitionSeparator = standard == TRADACOMS ? 0 : '*';
            segmentTerminator = '\'';
        }
        for (int i = 0; i < candidate.length(); i++) {
            appendHeader(candidate.charAt(i));
        }
        openSegment();
    }

    /** The header's end: from here on its segments count; a second interchange is refused here. */
    private void confirm(int then) {
        if (initialized) {
            state = then;
            if (started) {
                throw new InvalidInputException("body", Wording.of("edi.must_hold_exactly_one_interchange"));
            }
            started = true;
            confirmed = true;
            for (int i = 0; i < unconfirmedStarts; i++) {
                count();
            }
            unconfirmedStarts = 0;
            for (Segment s : unconfirmed) {
                control.segment(s);
            }
            unconfirmed.clear();
        } else if (rejection != null) {
            throw unreadable(rejection);
        }
    }

    private void appendHeader(char c) {
        switch (standard) {
            case X12 -> appendIsa(c);
            case TRADACOMS -> appendStx(c);
            default -> appendUnaOrUnb(c);
        }
    }

    private void appendUnaOrUnb(char c) {
        if (++index == 0) {
            header = new StringBuilder(128);
        }
        if (headerTag.equals("UNB")) {
            if (ignored(classOf(c))) {
                index--;
                return;
            }
            header.append(c);
            if (index == 0) {
                classify(componentSeparator, COMPONENT);
            } else if (index == 3) {
                // the element separator only once the tag is read
                classify(elementSeparator, ELEMENT);
            } else if (c == segmentTerminator) {
                initializeEdifact();
            }
            return;
        }
        header.append(c);
        switch (index) {
            case 3 -> {
                componentSeparator = c;
                classify(c, COMPONENT);
            }
            case 4 -> {
                elementSeparator = c;
                classify(c, ELEMENT);
            }
            case 6 -> {
                releaseCharacter = c;
                if (c != ' ') {
                    classify(c, RELEASE);
                }
            }
            case 7 -> repetitionSeparator = c;
            case 8 -> {
                segmentTerminator = c;
                classify(c, SEGMENT);
            }
            default -> {
            }
        }
        if (index < 9) {
            return;
        }
        if (ignored(classOf(c))) {
            header.deleteCharAt(index--);
        } else if (unbStart > -1 && index - unbStart > 3) {
            // UNA's interchange is confirmed at the end of UNB's syntax identifier
            if (c == elementSeparator || c == segmentTerminator) {
                initializeEdifact();
            }
        } else if (c == 'B') {
            String un = header.substring(index - 2, index);
            if (un.equals("UN")) {
                unbStart = index - 2;
            } else {
                rejection = "UNA must be followed by UNB, not " + un + c;
            }
        } else if (unbStart < 0 && (c == elementSeparator || c == segmentTerminator)) {
            rejection = "UNA must be followed by UNB, not " + header.substring(9, index);
        }
    }

    /**
     * The separators take effect once UNB's syntax identifier is read: its version (the second component) decides
     * whether {@code *} (or UNA's) repeats, from syntax version 4 on.
     */
    private void initializeEdifact() {
        String[] syntax;
        try {
            int start = headerTag.equals("UNB") ? 4 : unbStart + 4;
            String identifier = versionString(start, elementSeparator);
            if (identifier == null) {
                identifier = versionString(start, segmentTerminator);
            }
            // split as StAEDI split it (a regular expression of the separator after a backslash)
            syntax = identifier.split("\\" + componentSeparator);
        } catch (RuntimeException e) {
            throw unreadable("UNB's syntax identifier cannot be read");
        }
        if (syntax.length <= 1) {
            rejection = "UNB's syntax identifier has no version";
            return;
        }
        boolean fourOrLater = syntax[1].compareTo("4") >= 0;
        classify(componentSeparator, COMPONENT);
        classify(elementSeparator, ELEMENT);
        if (fourOrLater || releaseCharacter != ' ') {
            classify(releaseCharacter, RELEASE);
        } else {
            releaseCharacter = 0;
        }
        if (fourOrLater) {
            classify(repetitionSeparator, REPEAT);
        } else {
            repetitionSeparator = 0;
        }
        classify(segmentTerminator, SEGMENT);
        initialized = true;
    }

    private String versionString(int start, char separator) {
        int stop = header.indexOf(String.valueOf(separator), start);
        return stop - start > -1 ? header.substring(start, stop) : null;
    }

    /** ISA: 106 characters (white space not counted but where a separator stands), its separators at fixed places. */
    private void appendIsa(char c) {
        index++;
        switch (index) {
            case 0 -> isa = new char[106];
            case 3 -> {
                elementSeparator = c;
                classify(c, ELEMENT);
            }
            case 82, 104, 105 -> {
            }
            default -> {
                if (ignored(classOf(c))) {
                    index--;
                    return;
                }
            }
        }
        isa[index] = c;
        if (index == 105) {
            initializeX12();
        }
    }

    private static final int[] ISA_SEPARATORS = {3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103};

    private void initializeX12() {
        for (int i = 0, s = 0; i < 106; i++) {
            boolean separator = s < ISA_SEPARATORS.length && ISA_SEPARATORS[s] == i;
            if (separator) {
                s++;
            }
            if (separator != (isa[i] == elementSeparator)) {
                rejection = separator ? "ISA needs its element separator at character " + (i + 1)
                        : "ISA holds its element separator at character " + (i + 1);
                return;
            }
        }
        componentSeparator = isa[104];
        segmentTerminator = isa[105];
        repetitionSeparator = isa[82];
        classify(componentSeparator, COMPONENT);
        classify(segmentTerminator, SEGMENT);
        version = new String(isa, 84, 5);
        byte k = classOf(repetitionSeparator);
        // ISA11 repeats from 00402 on, when it is no letter, digit, space or other separator
        if (x12Version() >= 402 && (k == WHITE || k == OTHER)) {
            classify(repetitionSeparator, REPEAT);
        } else {
            repetitionSeparator = 0;
        }
        initialized = true;
    }

    private int x12Version() {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** TRADACOMS's STX, only to tell a second interchange from unreadable text after the first. */
    private void appendStx(char c) {
        if (++index == 0) {
            header = new StringBuilder();
        } else if (index == 3) {
            if (c != '=') {
                rejection = "STX must be followed by =";
                return;
            }
            classify('=', TAG_SEPARATOR);
            classify(':', COMPONENT);
            classify('+', ELEMENT);
            classify('?', RELEASE);
        }
        if (ignored(classOf(c))) {
            index--;
            return;
        }
        header.append(c);
        if (c == '\'') {
            int stop = header.indexOf("+", 4);
            if (stop - 4 > 1 && header.substring(4, stop).split("\\:").length > 1) {
                classify('\'', SEGMENT);
                initialized = true;
            } else {
                rejection = "STX has no version";
            }
        }
    }

    // segments, elements and components, positioned as StAEDI positioned them

    private void count() {
        if (++segments > Interchange.MAX_SEGMENTS) {
            throw new InvalidInputException("body", Wording.of("edi.holds_more_than_segments",
                    Interchange.MAX_SEGMENTS));
        }
    }

    private void openSegment() {
        tag = take();
        position++;
        startOver();
        elements = new ArrayList<>(8);
        if (confirmed) {
            count();
        } else {
            unconfirmedStarts++;
        }
    }

    private void endSegment() {
        List<List<String>> frozen = elements;
        for (int i = 0; i < frozen.size(); i++) {
            frozen.set(i, List.copyOf(frozen.get(i)));
        }
        Segment segment = new Segment(tag, position, List.copyOf(frozen));
        startOver();
        if (confirmed) {
            control.segment(segment);
        } else {
            unconfirmed.add(segment);
        }
    }

    /** No element read yet (StAEDI's positions before the first are -1). */
    private void startOver() {
        element = -1;
        occurrence = -1;
        component = -1;
        repeats = -1;
        composite = false;
        repeating = false;
    }

    private void closeSegment() {
        endElement();
        endSegment();
    }

    private void endElement() {
        boolean repeat = state == REPEAT_END;
        if (repeat) {
            repeats = repeating ? repeats + 1 : 0;
        } else {
            repeats = repeating ? repeats + 1 : -1;
        }
        repeating = repeat;
        value(take());
        if (inComposite) {
            inComposite = false;
            composite = false;
            component = -1;
        }
    }

    private void endComponent() {
        if (!inComposite) {
            inComposite = true;
            advance(true);
            composite = true;
        }
        value(take());
    }

    /** The next element, component or repetition (StAEDI's rules, repetitions included). */
    private void advance(boolean compositeBegins) {
        if (composite) {
            component = component < 0 ? 1 : component + 1;
        } else if (element < 0 || repeats == -1) {
            nextElement();
        } else if (repeating) {
            if (compositeBegins || repeats != 0) {
                nextOccurrence();
            } else {
                nextElement();
            }
        } else if (compositeBegins) {
            nextElement();
        } else {
            nextOccurrence();
        }
    }

    private void nextElement() {
        element = element < 0 ? 1 : element + 1;
        occurrence = 1;
        composite = false;
        component = -1;
    }

    private void nextOccurrence() {
        element = Math.max(element, 1);
        occurrence = occurrence < 0 ? 1 : occurrence + 1;
        composite = false;
        component = -1;
    }

    private void value(String value) {
        advance(false);
        if (standard == X12 && element == 1 && value.length() == 1 && tag.equals("ISX") && x12Version() >= 704) {
            // from 00704 on ISX declares the release character
            releaseCharacter = value.charAt(0);
            classify(releaseCharacter, RELEASE);
        }
        if (occurrence > 1) {
            return; // repetitions are not used by the messages Ordo takes; the first one counts
        }
        while (elements.size() < element) {
            elements.add(new ArrayList<>(2));
        }
        List<String> components = elements.get(element - 1);
        int at = Math.max(1, component);
        while (components.size() < at - 1) {
            components.add("");
        }
        components.add(value);
    }
}
