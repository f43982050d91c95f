package org.ordo.edi.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import org.ordo.edi.internal.Interchange.SyntaxError;

/**
 * A CONTRL message (syntax and service report, EANCOM {@code CONTRL:D:3:UN:EAN002}) in its own interchange, written
 * with StAEDI: UCI acknowledges (action 7) or rejects (action 4) the interchange, one UCM per message says the same of
 * the message, and UCS/UCD name the segment, element and EDIFACT error code of each fault.
 */
public final class ControlReport {

    /** Action codes (data element 0083). */
    static final String REJECTED = "4", ACKNOWLEDGED = "7";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    /**
     * Who is who: {@code from} is us (the original's recipient), {@code to} the partner (its sender);
     * {@code application} names it in an X12 group (GS02/GS03), by default its interchange id.
     */
    public record Party(String id, String qualifier, String application) {

        public Party(String id, String qualifier) {
            this(id, qualifier, id);
        }
    }

    /** A message of the original interchange and its faults (none: acknowledged). */
    public record MessageReport(String ref, String type, String version, String release, String agency,
            List<SyntaxError> errors) {
    }

    private ControlReport() {
    }

    /** The CONTRL interchange as text, one segment per line; {@code controlNumber} becomes UNB/UNZ's reference. */
    public static String write(Party from, Party to, long controlNumber, ZonedDateTime at, String interchangeRef,
            List<SyntaxError> interchangeErrors, List<MessageReport> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        String reference = String.valueOf(controlNumber);
        ZonedDateTime utc = at.withZoneSameInstant(ZoneOffset.UTC);
        try (EDIStreamWriter w = factory.createEDIStreamWriter(out, "UTF-8")) {
            w.startInterchange();
            w.writeStartSegment("UNB").writeStartElement().writeComponent("UNOC").writeComponent("3").endElement();
            party(w, from);
            party(w, to);
            w.writeStartElement().writeComponent(DATE.format(utc)).writeComponent(TIME.format(utc)).endElement();
            w.writeElement(reference).writeEndSegment();

            int segments = 0;
            w.writeStartSegment("UNH").writeElement("1").writeStartElement().writeComponent("CONTRL")
                    .writeComponent("D").writeComponent("3").writeComponent("UN").writeComponent("EAN002")
                    .endElement().writeEndSegment();
            segments++;
            // UCI names the original's sender and recipient as they wrote them: the partner, then us
            w.writeStartSegment("UCI").writeElement(interchangeRef);
            party(w, to);
            party(w, from);
            w.writeElement(interchangeErrors.isEmpty() ? ACKNOWLEDGED : REJECTED);
            if (!interchangeErrors.isEmpty()) {
                SyntaxError first = interchangeErrors.get(0);
                w.writeElement(String.valueOf(first.code()));
                if (first.segmentTag() != null) {
                    w.writeElement(first.segmentTag());
                }
            }
            w.writeEndSegment();
            segments++;
            for (MessageReport message : messages) {
                boolean rejected = !interchangeErrors.isEmpty() || !message.errors().isEmpty();
                w.writeStartSegment("UCM").writeElement(message.ref()).writeStartElement()
                        .writeComponent(message.type()).writeComponent(message.version())
                        .writeComponent(message.release()).writeComponent(message.agency()).endElement()
                        .writeElement(rejected ? REJECTED : ACKNOWLEDGED);
                if (!message.errors().isEmpty()) {
                    w.writeElement(String.valueOf(message.errors().get(0).code()));
                }
                w.writeEndSegment();
                segments++;
                for (SyntaxError error : message.errors()) {
                    if (error.segmentPosition() <= 0) {
                        continue; // a segment that is missing has no position to name; UCM carries its code
                    }
                    w.writeStartSegment("UCS").writeElement(String.valueOf(error.segmentPosition()))
                            .writeElement(String.valueOf(error.code())).writeEndSegment();
                    segments++;
                    if (error.element() > 0) {
                        w.writeStartSegment("UCD").writeElement(String.valueOf(error.code())).writeStartElement()
                                .writeComponent(String.valueOf(error.element()));
                        if (error.component() > 0) {
                            w.writeComponent(String.valueOf(error.component()));
                        }
                        w.endElement().writeEndSegment();
                        segments++;
                    }
                }
            }
            segments++;
            w.writeStartSegment("UNT").writeElement(String.valueOf(segments)).writeElement("1").writeEndSegment();
            w.writeStartSegment("UNZ").writeElement("1").writeElement(reference).writeEndSegment();
            w.endInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("CONTRL could not be written: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A party of UNB: its id, and its qualifier when it has one (the CONTRL's, the outgoing interchanges', ORDRSP's). */
    static void party(EDIStreamWriter w, Party party) throws EDIStreamException {
        w.writeStartElement().writeComponent(party.id());
        if (party.qualifier() != null) {
            w.writeComponent(party.qualifier());
        }
        w.endElement();
    }
}
