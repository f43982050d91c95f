package org.ordo.edi.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * One outgoing message in an interchange of its own, written with StAEDI: the envelope (UNB/UNH ... UNT/UNZ, or
 * ISA/GS/ST ... SE/GE/IEA) around the segments the caller writes, whose count it keeps for UNT / SE. The partner's
 * control number is the interchange reference (UNB/UNZ, ISA13/IEA02 and GS06/GE02).
 */
final class OutgoingInterchange {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EDIStreamWriter writer;
    private final boolean x12;
    private final String reference;
    private final String groupNumber;
    private int segments;

    private OutgoingInterchange(boolean x12, long controlNumber) throws EDIStreamException {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        this.writer = factory.createEDIStreamWriter(out, "UTF-8");
        this.x12 = x12;
        this.reference = x12 ? String.format("%09d", controlNumber % 1_000_000_000L) : String.valueOf(controlNumber);
        this.groupNumber = String.valueOf(controlNumber % 1_000_000_000L);
    }

    /** UNB (syntax UNOC 3, UTF-8 text) and UNH with the message identifier, e.g. DESADV D 96A UN EAN007. */
    static OutgoingInterchange edifact(ControlReport.Party from, ControlReport.Party to, long controlNumber,
            ZonedDateTime at, String type, String associationCode) throws EDIStreamException {
        OutgoingInterchange o = new OutgoingInterchange(false, controlNumber);
        ZonedDateTime utc = at.withZoneSameInstant(ZoneOffset.UTC);
        EDIStreamWriter w = o.writer;
        w.startInterchange();
        w.writeStartSegment("UNB").writeStartElement().writeComponent("UNOC").writeComponent("3").endElement();
        ControlReport.party(w, from);
        ControlReport.party(w, to);
        w.writeStartElement().writeComponent(SHORT_DATE.format(utc)).writeComponent(TIME.format(utc)).endElement();
        w.writeElement(o.reference).writeEndSegment();
        o.segment("UNH").writeElement("1").writeStartElement().writeComponent(type).writeComponent("D")
                .writeComponent("96A").writeComponent("UN").writeComponent(associationCode).endElement()
                .writeEndSegment();
        return o;
    }

    /** ISA, GS with the functional identifier (e.g. SH for an 856) and ST with the transaction set. */
    static OutgoingInterchange x12(ControlReport.Party from, ControlReport.Party to, String functionalId,
            long controlNumber, ZonedDateTime at, String transactionSet) throws EDIStreamException {
        OutgoingInterchange o = new OutgoingInterchange(true, controlNumber);
        ZonedDateTime utc = at.withZoneSameInstant(ZoneOffset.UTC);
        EDIStreamWriter w = o.writer;
        w.startInterchange();
        FunctionalAcknowledgement.isa(w, from, to, utc, o.reference);
        // GS02/GS03 application codes: the ones agreed with the partner, else its interchange identifiers
        w.writeStartSegment("GS").writeElement(functionalId).writeElement(from.application())
                .writeElement(to.application())
                .writeElement(DATE.format(utc)).writeElement(TIME.format(utc)).writeElement(o.groupNumber)
                .writeElement("X").writeElement("004010").writeEndSegment();
        o.segment("ST").writeElement(transactionSet).writeElement("0001").writeEndSegment();
        return o;
    }

    /** Starts a segment of the message; the caller writes its elements and ends it. */
    EDIStreamWriter segment(String tag) throws EDIStreamException {
        segments++;
        return writer.writeStartSegment(tag);
    }

    /** The writer, to go on with the segment last started. */
    EDIStreamWriter writerOf() {
        return writer;
    }

    /** Closes the message (UNT or SE with the count of its segments) and the envelope; returns the text. */
    String finish() throws EDIStreamException {
        segments++;
        if (x12) {
            writer.writeStartSegment("SE").writeElement(String.valueOf(segments)).writeElement("0001")
                    .writeEndSegment();
            writer.writeStartSegment("GE").writeElement("1").writeElement(groupNumber).writeEndSegment();
            writer.writeStartSegment("IEA").writeElement("1").writeElement(reference).writeEndSegment();
        } else {
            writer.writeStartSegment("UNT").writeElement(String.valueOf(segments)).writeElement("1")
                    .writeEndSegment();
            writer.writeStartSegment("UNZ").writeElement("1").writeElement(reference).writeEndSegment();
        }
        writer.endInterchange();
        writer.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    static String date(ZonedDateTime at) {
        return DATE.format(at.withZoneSameInstant(ZoneOffset.UTC));
    }

    static String time(ZonedDateTime at) {
        return TIME.format(at.withZoneSameInstant(ZoneOffset.UTC));
    }
}
