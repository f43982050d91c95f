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
 * An X12 {@code 997} functional acknowledgement in its own interchange, written with StAEDI: AK1 names the group,
 * one AK2/AK5 per transaction set (A accepted, R rejected with its code), AK3 the segment in error, AK9 the group's
 * outcome and counts.
 */
public final class FunctionalAcknowledgement {

    private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter GS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    /** A transaction set of the original and its faults (none: accepted). */
    public record SetReport(String controlNumber, List<SyntaxError> errors) {
    }

    private FunctionalAcknowledgement() {
    }

    /**
     * The 997 interchange as text. {@code from}/{@code to} are the ISA qualifier and id of us and the partner,
     * {@code groupCode} and {@code groupNumber} the original's GS01 and GS06.
     */
    public static String write(ControlReport.Party from, ControlReport.Party to, String applicationFrom,
            String applicationTo, long controlNumber, ZonedDateTime at, String groupNumber,
            List<SyntaxError> interchangeErrors, List<SetReport> sets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        ZonedDateTime utc = at.withZoneSameInstant(ZoneOffset.UTC);
        String isaNumber = String.format("%09d", controlNumber % 1_000_000_000L);
        String gsNumber = String.valueOf(controlNumber % 1_000_000_000L);
        try (EDIStreamWriter w = factory.createEDIStreamWriter(out, "UTF-8")) {
            w.startInterchange();
            isa(w, from, to, utc, isaNumber);
            w.writeStartSegment("GS").writeElement("FA").writeElement(applicationFrom).writeElement(applicationTo)
                    .writeElement(GS_DATE.format(utc)).writeElement(TIME.format(utc)).writeElement(gsNumber)
                    .writeElement("X").writeElement("004010").writeEndSegment();
            int segments = 0;
            w.writeStartSegment("ST").writeElement("997").writeElement("0001").writeEndSegment();
            segments++;
            w.writeStartSegment("AK1").writeElement("PO").writeElement(groupNumber).writeEndSegment();
            segments++;
            int accepted = 0;
            for (SetReport set : sets) {
                boolean rejected = !interchangeErrors.isEmpty() || !set.errors().isEmpty();
                w.writeStartSegment("AK2").writeElement("850").writeElement(set.controlNumber()).writeEndSegment();
                segments++;
                for (SyntaxError error : set.errors()) {
                    if (error.segmentPosition() > 0 && !error.segmentTag().equals("SE")) {
                        w.writeStartSegment("AK3").writeElement(error.segmentTag())
                                .writeElement(String.valueOf(error.segmentPosition())).writeEmptyElement()
                                .writeElement("8").writeEndSegment();
                        segments++;
                    }
                }
                w.writeStartSegment("AK5").writeElement(rejected ? "R" : "A");
                if (rejected) {
                    w.writeElement(setCode(set.errors().isEmpty() ? interchangeErrors : set.errors()));
                } else {
                    accepted++;
                }
                w.writeEndSegment();
                segments++;
            }
            w.writeStartSegment("AK9").writeElement(accepted == sets.size() ? "A" : accepted == 0 ? "R" : "P")
                    .writeElement(String.valueOf(sets.size())).writeElement(String.valueOf(sets.size()))
                    .writeElement(String.valueOf(accepted)).writeEndSegment();
            segments++;
            segments++;
            w.writeStartSegment("SE").writeElement(String.valueOf(segments)).writeElement("0001").writeEndSegment();
            w.writeStartSegment("GE").writeElement("1").writeElement(gsNumber).writeEndSegment();
            w.writeStartSegment("IEA").writeElement("1").writeElement(isaNumber).writeEndSegment();
            w.endInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("997 could not be written: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** ISA with its fixed widths, from us to the partner, separators {@code * > ~}. */
    static void isa(EDIStreamWriter w, ControlReport.Party from, ControlReport.Party to, ZonedDateTime utc,
            String isaNumber) throws EDIStreamException {
        w.writeStartSegment("ISA").writeElement("00").writeElement(" ".repeat(10)).writeElement("00")
                .writeElement(" ".repeat(10)).writeElement(pad(from.qualifier(), 2)).writeElement(pad(from.id(), 15))
                .writeElement(pad(to.qualifier(), 2)).writeElement(pad(to.id(), 15))
                .writeElement(ISA_DATE.format(utc)).writeElement(TIME.format(utc)).writeElement("U")
                .writeElement("00401").writeElement(isaNumber).writeElement("0").writeElement("P")
                .writeElement(">").writeEndSegment();
    }

    /**
     * AK5's code: 2 SE is missing, 4 the SE count is wrong, 3 SE's control number differs from ST's, 5 segments in
     * error.
     */
    private static String setCode(List<SyntaxError> errors) {
        for (SyntaxError error : errors) {
            if (error.code() == Interchange.MISSING && "SE".equals(error.segmentTag())) {
                return "2";
            }
            if (error.code() == Interchange.COUNT_DOES_NOT_MATCH) {
                return "4";
            }
            if (error.code() == Interchange.REFERENCES_DO_NOT_MATCH) {
                return "3";
            }
        }
        return "5";
    }

    private static String pad(String value, int length) {
        String v = value == null ? "" : value;
        return v.length() >= length ? v : v + " ".repeat(length - v.length());
    }
}
