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

    /**
     * The EDIFACT ORDRSP, written as text: what StAEDI's writer wrote for it (UNOC, the default separators, a segment
     * a line), byte for byte, at a tenth of its cost, since one is written for every order of an interchange
     * (docs/benchmarks.md, P4). In the body a component's {@code : + ? '} get the release character {@code ?}; in
     * UNB, as StAEDI writes it, {@code :} and {@code +} do and {@code ?} is written as it is, and a party id or
     * qualifier with a {@code '} cannot be written.
     */
    public static String edifact(ControlReport.Party from, ControlReport.Party to, long controlNumber,
            ZonedDateTime at, Order order) {
        ZonedDateTime utc = at.withZoneSameInstant(ZoneOffset.UTC);
        String reference = String.valueOf(controlNumber);
        Edifact w = new Edifact(256 + 64 * order.lines().size());
        w.text("UNB+UNOC:3+");
        w.header(from);
        w.text("+");
        w.header(to);
        w.text("+").text(SHORT_DATE.format(utc)).text(":").text(TIME.format(utc)).text("+").data(reference).end();
        int segments = 0;
        w.text("UNH+1+ORDRSP:D:96A:UN:EAN005").end();
        // BGM 231 purchase order response; 29 accepted without amendment, 4 changed, 27 not accepted
        w.text("BGM+231+").data(order.orderNumber()).text("+")
                .text(order.occasion() == Occasion.CANCELLED ? "27" : order.changed() ? "4" : "29").end();
        w.text("DTM+137:").text(DATE.format(utc)).text(":102").end();
        if (order.shipBy() != null) {
            // DTM 11: despatch date, the day the order is promised to ship
            w.text("DTM+11:").text(DATE.format(order.shipBy())).text(":102").end();
            segments++;
        }
        w.text("RFF+ON:").data(order.buyerOrderNumber()).end();
        w.text("NAD+BY+").data(to.id()).text("::9").end();
        w.text("NAD+SU+").data(from.id()).text("::9").end();
        segments += 6;
        for (Line line : order.lines()) {
            // LIN action 5 accepted without amendment, 3 changed, 7 not accepted
            w.text("LIN+").text(String.valueOf(line.lineNo())).text("+")
                    .text(line.action() == Action.REJECTED ? "7" : line.changed() ? "3" : "5");
            if (line.kind().equals("GTIN")) {
                w.text("+").data(line.articleNumber()).text(":SRV");
            }
            w.end();
            segments++;
            if (!line.kind().equals("GTIN")) {
                w.text("PIA+5+").data(line.articleNumber()).text(line.kind().equals("PARTNER") ? ":BP" : ":SA").end();
                segments++;
            }
            w.text("QTY+21:").text(String.valueOf(line.quantity())).end();
            segments++;
            if (line.backordered() > 0) {
                w.text("QTY+83:").text(String.valueOf(line.backordered())).end();
                segments++;
            }
            if (line.unitPrice() != null) {
                w.text("PRI+AAA:").data(line.unitPrice().toPlainString()).end();
                segments++;
            }
        }
        w.text("UNS+S").end();
        w.text("CNT+2:").text(String.valueOf(order.lines().size())).end();
        segments += 3;
        w.text("UNT+").text(String.valueOf(segments)).text("+1").end();
        w.text("UNZ+1+").data(reference).end();
        return w.toString();
    }

    /** Segments of an EDIFACT interchange with the default separators ({@code :+.? '}), a segment a line. */
    private static final class Edifact {

        private final StringBuilder text;

        Edifact(int capacity) {
            text = new StringBuilder(capacity);
        }

        /** Separators, tags and codes of our own: written as they are. */
        Edifact text(String s) {
            text.append(s);
            return this;
        }

        /** A component's value: the separators and the release character in it released with {@code ?}. */
        Edifact data(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ':' || c == '+' || c == '?' || c == '\'') {
                    text.append('?');
                }
                text.append(c);
            }
            return this;
        }

        /** A party of UNB (id, and qualifier when it has one), as StAEDI writes the interchange header. */
        void header(ControlReport.Party party) {
            headerData(party.id());
            if (party.qualifier() != null) {
                text.append(':');
                headerData(party.qualifier());
            }
        }

        private void headerData(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\'') {
                    throw new IllegalStateException("ORDRSP could not be written: a segment terminator in UNB");
                }
                if (c == ':' || c == '+') {
                    text.append('?');
                }
                text.append(c);
            }
        }

        /** The segment terminator, and a line break after it. */
        Edifact end() {
            text.append("'\n");
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
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

    /** StAEDI's writer, as the 855 is written (and the ORDRSP was). */
    static EDIStreamWriter writer(ByteArrayOutputStream out) throws EDIStreamException {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        return factory.createEDIStreamWriter(out, "UTF-8");
    }
}
