package org.ordo.edi.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * The answer to a placed order, in its own interchange, written with StAEDI: EDIFACT {@code ORDRSP} (EANCOM
 * {@code ORDRSP:D:96A:UN:EAN005}) or X12 {@code 855}. It echoes the buyer's lines: accepted as ordered, or changed
 * where part of the quantity is backordered (ORDRSP: LIN action 3 and QTY+83; 855: ACK IB).
 */
public final class OrderResponse {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    /** A buyer's line: its article number as the buyer gave it ({@code kind}: GTIN, PARTNER or SKU). */
    public record Line(int lineNo, String articleNumber, String kind, long quantity, long backordered,
            BigDecimal unitPrice) {
    }

    public record Order(String orderNumber, String buyerOrderNumber, List<Line> lines) {

        boolean changed() {
            return lines.stream().anyMatch(l -> l.backordered() > 0);
        }
    }

    private OrderResponse() {
    }

    public static String edifact(ControlReport.Party from, ControlReport.Party to, long controlNumber,
            ZonedDateTime at, Order order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZonedDateTime utc = at.withZoneSameInstant(ZoneOffset.UTC);
        String reference = String.valueOf(controlNumber);
        try (EDIStreamWriter w = writer(out)) {
            w.startInterchange();
            w.writeStartSegment("UNB").writeStartElement().writeComponent("UNOC").writeComponent("3").endElement();
            party(w, from);
            party(w, to);
            w.writeStartElement().writeComponent(SHORT_DATE.format(utc)).writeComponent(TIME.format(utc)).endElement();
            w.writeElement(reference).writeEndSegment();
            int segments = 0;
            w.writeStartSegment("UNH").writeElement("1").writeStartElement().writeComponent("ORDRSP")
                    .writeComponent("D").writeComponent("96A").writeComponent("UN").writeComponent("EAN005")
                    .endElement().writeEndSegment();
            // BGM 231 purchase order response; 29 accepted without amendment, 4 changed
            w.writeStartSegment("BGM").writeElement("231").writeElement(order.orderNumber())
                    .writeElement(order.changed() ? "4" : "29").writeEndSegment();
            w.writeStartSegment("DTM").writeStartElement().writeComponent("137").writeComponent(DATE.format(utc))
                    .writeComponent("102").endElement().writeEndSegment();
            w.writeStartSegment("RFF").writeStartElement().writeComponent("ON")
                    .writeComponent(order.buyerOrderNumber()).endElement().writeEndSegment();
            w.writeStartSegment("NAD").writeElement("BY").writeStartElement().writeComponent(to.id())
                    .writeEmptyComponent().writeComponent("9").endElement().writeEndSegment();
            w.writeStartSegment("NAD").writeElement("SU").writeStartElement().writeComponent(from.id())
                    .writeEmptyComponent().writeComponent("9").endElement().writeEndSegment();
            segments += 6;
            for (Line line : order.lines()) {
                // LIN action 5 accepted without amendment, 3 changed
                w.writeStartSegment("LIN").writeElement(String.valueOf(line.lineNo()))
                        .writeElement(line.backordered() > 0 ? "3" : "5");
                if (line.kind().equals("GTIN")) {
                    w.writeStartElement().writeComponent(line.articleNumber()).writeComponent("SRV").endElement();
                }
                w.writeEndSegment();
                segments++;
                if (!line.kind().equals("GTIN")) {
                    w.writeStartSegment("PIA").writeElement("5").writeStartElement()
                            .writeComponent(line.articleNumber()).writeComponent(line.kind().equals("PARTNER")
                                    ? "BP" : "SA").endElement().writeEndSegment();
                    segments++;
                }
                w.writeStartSegment("QTY").writeStartElement().writeComponent("21")
                        .writeComponent(String.valueOf(line.quantity())).endElement().writeEndSegment();
                segments++;
                if (line.backordered() > 0) {
                    w.writeStartSegment("QTY").writeStartElement().writeComponent("83")
                            .writeComponent(String.valueOf(line.backordered())).endElement().writeEndSegment();
                    segments++;
                }
                if (line.unitPrice() != null) {
                    w.writeStartSegment("PRI").writeStartElement().writeComponent("AAA")
                            .writeComponent(line.unitPrice().toPlainString()).endElement().writeEndSegment();
                    segments++;
                }
            }
            w.writeStartSegment("UNS").writeElement("S").writeEndSegment();
            w.writeStartSegment("CNT").writeStartElement().writeComponent("2")
                    .writeComponent(String.valueOf(order.lines().size())).endElement().writeEndSegment();
            segments += 3;
            w.writeStartSegment("UNT").writeElement(String.valueOf(segments)).writeElement("1").writeEndSegment();
            w.writeStartSegment("UNZ").writeElement("1").writeElement(reference).writeEndSegment();
            w.endInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("ORDRSP could not be written: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String x12(ControlReport.Party from, ControlReport.Party to, String applicationFrom,
            String applicationTo, long controlNumber, ZonedDateTime at, Order order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZonedDateTime utc = at.withZoneSameInstant(ZoneOffset.UTC);
        String isaNumber = String.format("%09d", controlNumber % 1_000_000_000L);
        String gsNumber = String.valueOf(controlNumber % 1_000_000_000L);
        try (EDIStreamWriter w = writer(out)) {
            w.startInterchange();
            FunctionalAcknowledgement.isa(w, from, to, utc, isaNumber);
            w.writeStartSegment("GS").writeElement("PR").writeElement(applicationFrom).writeElement(applicationTo)
                    .writeElement(DATE.format(utc)).writeElement(TIME.format(utc)).writeElement(gsNumber)
                    .writeElement("X").writeElement("004010").writeEndSegment();
            int segments = 0;
            w.writeStartSegment("ST").writeElement("855").writeElement("0001").writeEndSegment();
            // BAK02: AD acknowledged with detail, no change; AC with detail and change
            w.writeStartSegment("BAK").writeElement("00").writeElement(order.changed() ? "AC" : "AD")
                    .writeElement(order.buyerOrderNumber()).writeElement(DATE.format(utc)).writeEmptyElement()
                    .writeEmptyElement().writeEmptyElement().writeElement(order.orderNumber()).writeEndSegment();
            segments += 2;
            for (Line line : order.lines()) {
                w.writeStartSegment("PO1").writeElement(String.valueOf(line.lineNo()))
                        .writeElement(String.valueOf(line.quantity())).writeElement("EA");
                if (line.unitPrice() != null) {
                    w.writeElement(line.unitPrice().toPlainString());
                } else {
                    w.writeEmptyElement();
                }
                w.writeEmptyElement().writeElement(switch (line.kind()) {
                    case "GTIN" -> "EN";
                    case "PARTNER" -> "BP";
                    default -> "VP";
                }).writeElement(line.articleNumber()).writeEndSegment();
                long accepted = line.quantity() - line.backordered();
                segments++;
                if (accepted > 0) {
                    w.writeStartSegment("ACK").writeElement("IA").writeElement(String.valueOf(accepted))
                            .writeElement("EA").writeEndSegment();
                    segments++;
                }
                if (line.backordered() > 0) {
                    w.writeStartSegment("ACK").writeElement("IB").writeElement(String.valueOf(line.backordered()))
                            .writeElement("EA").writeEndSegment();
                    segments++;
                }
            }
            w.writeStartSegment("CTT").writeElement(String.valueOf(order.lines().size())).writeEndSegment();
            segments += 2;
            w.writeStartSegment("SE").writeElement(String.valueOf(segments)).writeElement("0001").writeEndSegment();
            w.writeStartSegment("GE").writeElement("1").writeElement(gsNumber).writeEndSegment();
            w.writeStartSegment("IEA").writeElement("1").writeElement(isaNumber).writeEndSegment();
            w.endInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("855 could not be written: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static EDIStreamWriter writer(ByteArrayOutputStream out) throws EDIStreamException {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        return factory.createEDIStreamWriter(out, "UTF-8");
    }

    private static void party(EDIStreamWriter w, ControlReport.Party party) throws EDIStreamException {
        w.writeStartElement().writeComponent(party.id());
        if (party.qualifier() != null) {
            w.writeComponent(party.qualifier());
        }
        w.endElement();
    }
}
