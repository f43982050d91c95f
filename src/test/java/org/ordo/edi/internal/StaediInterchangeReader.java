package org.ordo.edi.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import org.ordo.edi.internal.Interchange.Segment;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/**
 * The reading of an interchange Ordo had before its own {@link SegmentReader}: StAEDI's lexer splitting the body
 * (decoded by StAEDI in the charset UNB declares) into segments, without its control schema, and
 * {@link ControlStructure} checking the envelopes. Kept as the reference {@code InterchangeReadingTests} compares the
 * new reader with.
 */
final class StaediInterchangeReader {

    private StaediInterchangeReader() {
    }

    static Interchange read(byte[] body) {
        Charset charset = Interchange.charset(body);
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
                        if (++count > Interchange.MAX_SEGMENTS) {
                            throw new InvalidInputException("body", Wording.of("edi.holds_more_than_segments",
                                    Interchange.MAX_SEGMENTS));
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
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                        // without a schema StAEDI reports no validation errors (Ordo kept them when it read with one)
                        throw new AssertionError("StAEDI reported " + reader.getErrorType() + " without a schema");
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
                    throw Interchange.notInCharset(charset, body);
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

    private static List<List<String>> frozen(List<List<String>> elements) {
        for (int i = 0; i < elements.size(); i++) {
            elements.set(i, List.copyOf(elements.get(i)));
        }
        return List.copyOf(elements);
    }

    private static String brief(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
