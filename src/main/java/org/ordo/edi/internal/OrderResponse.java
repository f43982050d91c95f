package org.ordo.edi.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * The answer to a placed, changed or cancelled order, in its own interchange, written with StAEDI: EDIFACT
 * {@code ORDRSP} (EANCOM {@code ORDRSP:D:96A:UN:EAN005}) or X12 {@code 855}. It echoes the buyer's lines: accepted
 * as ordered, changed (another quantity, an added line, or part of the quantity backordered: ORDRSP LIN action 3
 * and QTY+83; 855 ACK IC / IB) or not accepted (a line removed, every line of a cancelled order: LIN action 7,
 * ACK IR).
 */
public final class OrderResponse {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    /** What became of a buyer's line. */
    public enum Action {
        ACCEPTED, CHANGED, REJECTED
    }

    /**
     * A buyer's line: its article number as the buyer gave it ({@code kind}: GTIN, PARTNER or SKU), the quantity
     * now (for a rejected line: the quantity it had), how much of it is backordered, and what became of it.
     */
    public record Line(int lineNo, String articleNumber, String kind, long quantity, long backordered,
            BigDecimal unitPrice, Action action) {

        public Line(int lineNo, String articleNumber, String kind, long quantity, long backordered,
                BigDecimal unitPrice) {
            this(lineNo, articleNumber, kind, quantity, backordered, unitPrice, Action.ACCEPTED);
        }

        boolean changed() {
            return action == Action.CHANGED || (action == Action.ACCEPTED && backordered > 0);
        }
    }

    /** What the response answers: the order as placed, a change of it, or its cancellation. */
    public enum Occasion {
        PLACED, CHANGED, CANCELLED
    }

    /** {@code shipBy}: the day the order is now promised to ship, stated when a change answers it (else null). */
    public record Order(String orderNumber, String buyerOrderNumber, List<Line> lines, Occasion occasion,
            LocalDate shipBy) {

        public Order(String orderNumber, String buyerOrderNumber, List<Line> lines) {
            this(orderNumber, buyerOrderNumber, lines, Occasion.PLACED, null);
        }

        boolean changed() {
            return occasion == Occasion.CHANGED
                    || lines.stream().anyMatch(l -> l.changed() || l.action() == Action.REJECTED);
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
            // BGM 231 purchase order response; 29 accepted without amendment, 4 changed, 27 not accepted
            w.writeStartSegment("BGM").writeElement("231").writeElement(order.orderNumber())
                    .writeElement(order.occasion() == Occasion.CANCELLED ? "27" : order.changed() ? "4" : "29")
                    .writeEndSegment();
            w.writeStartSegment("DTM").writeStartElement().writeComponent("137").writeComponent(DATE.format(utc))
                    .writeComponent("102").endElement().writeEndSegment();
            if (order.shipBy() != null) {
                // DTM 11: despatch date, the day the order is promised to ship
                w.writeStartSegment("DTM").writeStartElement().writeComponent("11")
                        .writeComponent(DATE.format(order.shipBy())).writeComponent("102").endElement()
                        .writeEndSegment();
                segments++;
            }
            w.writeStartSegment("RFF").writeStartElement().writeComponent("ON")
                    .writeComponent(order.buyerOrderNumber()).endElement().writeEndSegment();
            w.writeStartSegment("NAD").writeElement("BY").writeStartElement().writeComponent(to.id())
                    .writeEmptyComponent().writeComponent("9").endElement().writeEndSegment();
            w.writeStartSegment("NAD").writeElement("SU").writeStartElement().writeComponent(from.id())
                    .writeEmptyComponent().writeComponent("9").endElement().writeEndSegment();
            segments += 6;
            for (Line line : order.lines()) {
                // LIN action 5 accepted without amendment, 3 changed, 7 not accepted
                w.writeStartSegment("LIN").writeElement(String.valueOf(line.lineNo()))
                        .writeElement(line.action() == Action.REJECTED ? "7" : line.changed() ? "3" : "5");
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
            // BAK01: 00 original, 04 change, 01 cancellation; BAK02: AD acknowledged with detail, no change; AC
            // with detail and change; RJ rejected
            w.writeStartSegment("BAK").writeElement(switch (order.occasion()) {
                case PLACED -> "00";
                case CHANGED -> "04";
                case CANCELLED -> "01";
            }).writeElement(order.occasion() == Occasion.CANCELLED ? "RJ" : order.changed() ? "AC" : "AD")
                    .writeElement(order.buyerOrderNumber()).writeElement(DATE.format(utc)).writeEmptyElement()
                    .writeEmptyElement().writeEmptyElement().writeElement(order.orderNumber()).writeEndSegment();
            segments += 2;
            if (order.shipBy() != null) {
                // DTM 068: current schedule ship
                w.writeStartSegment("DTM").writeElement("068").writeElement(DATE.format(order.shipBy()))
                        .writeEndSegment();
                segments++;
            }
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
                if (line.action() == Action.REJECTED) {
                    // IR: item rejected
                    w.writeStartSegment("ACK").writeElement("IR").writeElement(String.valueOf(line.quantity()))
                            .writeElement("EA").writeEndSegment();
                    segments++;
                    continue;
                }
                if (accepted > 0) {
                    // IA: item accepted; IC: accepted, changes made (another quantity or an added line)
                    w.writeStartSegment("ACK").writeElement(line.action() == Action.CHANGED ? "IC" : "IA")
                            .writeElement(String.valueOf(accepted)).writeElement("EA").writeEndSegment();
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
