package org.ordo.edi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import org.junit.jupiter.api.Test;

/**
 * The EDIFACT ORDRSP is written as text; these tests hold it to what StAEDI's writer wrote for the same order
 * (the writer Ordo used before, kept here as the reference), byte for byte, and read it back.
 */
class OrderResponseTests {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 12, 6, 23, 5, 0, 0, ZoneId.of("Europe/Berlin"));
    private static final ControlReport.Party US = new ControlReport.Party("4000000000006", "14");
    private static final ControlReport.Party THEM = new ControlReport.Party("5400000000009", "14");

    @Test
    void anOrderAcceptedAsOrderedIsTheSameTextStAediWrote() {
        OrderResponse.Order order = new OrderResponse.Order("O-2026-000123", "PO-77", List.of(
                new OrderResponse.Line(1, "4006381333931", "GTIN", 3, 0, new BigDecimal("12.50")),
                new OrderResponse.Line(2, "B-7", "PARTNER", 1, 0, null),
                new OrderResponse.Line(3, "SKU-9", "SKU", 2, 0, null)));
        String written = OrderResponse.edifact(US, THEM, 42, AT, order);
        assertThat(written).isEqualTo("""
                UNB+UNOC:3+4000000000006:14+5400000000009:14+261206:2205+42'
                UNH+1+ORDRSP:D:96A:UN:EAN005'
                BGM+231+O-2026-000123+29'
                DTM+137:20261206:102'
                RFF+ON:PO-77'
                NAD+BY+5400000000009::9'
                NAD+SU+4000000000006::9'
                LIN+1+5+4006381333931:SRV'
                QTY+21:3'
                PRI+AAA:12.50'
                LIN+2+5'
                PIA+5+B-7:BP'
                QTY+21:1'
                LIN+3+5'
                PIA+5+SKU-9:SA'
                QTY+21:2'
                UNS+S'
                CNT+2:3'
                UNT+18+1'
                UNZ+1+42'
                """);
        assertThat(written).isEqualTo(staedi(US, THEM, 42, AT, order));
    }

    @Test
    void separatorsInValuesAreReleasedAsStAediReleasedThem() {
        OrderResponse.Order order = new OrderResponse.Order("O-1", "PO:1+2?3'4 5*6", List.of(
                new OrderResponse.Line(1, "A:B", "PARTNER", 6, 4, new BigDecimal("1.5"),
                        OrderResponse.Action.CHANGED)), OrderResponse.Occasion.CHANGED, LocalDate.of(2026, 12, 9));
        String written = OrderResponse.edifact(new ControlReport.Party("US+1", "Z:Z"),
                new ControlReport.Party("A?B", null), 7, AT, order);
        assertThat(written).contains("UNB+UNOC:3+US?+1:Z?:Z+A?B+", "RFF+ON:PO?:1?+2??3?'4 5*6'", "PIA+5+A?:B:BP'",
                "DTM+11:20261209:102'", "QTY+83:4'", "BGM+231+O-1+4'");
        assertThat(written).isEqualTo(staedi(new ControlReport.Party("US+1", "Z:Z"),
                new ControlReport.Party("A?B", null), 7, AT, order));
    }

    @Test
    void aPartyIdStAediCouldNotWriteIsRefusedToo() {
        OrderResponse.Order order = new OrderResponse.Order("O-1", "PO-1",
                List.of(new OrderResponse.Line(1, "1", "SKU", 1, 0, null)));
        ControlReport.Party odd = new ControlReport.Party("A'B", "14");
        assertThatThrownBy(() -> staedi(odd, THEM, 1, AT, order)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OrderResponse.edifact(odd, THEM, 1, AT, order))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Random orders of every occasion and action, with values drawn from separators, spaces, umlauts, digits. */
    @Test
    void fiveThousandRandomOrdersAreByteForByteWhatStAediWrote() {
        Random random = new Random(14);
        String alphabet = "AZaz09-./ :+?'*\näÄ€,_#";
        for (int n = 0; n < 5_000; n++) {
            List<OrderResponse.Line> lines = new ArrayList<>();
            for (int i = 1, count = 1 + random.nextInt(5); i <= count; i++) {
                String kind = List.of("GTIN", "PARTNER", "SKU").get(random.nextInt(3));
                lines.add(new OrderResponse.Line(i, text(random, alphabet), kind, random.nextInt(100),
                        random.nextInt(3) == 0 ? random.nextInt(5) : 0,
                        random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4)) : null,
                        OrderResponse.Action.values()[random.nextInt(3)]));
            }
            OrderResponse.Order order = new OrderResponse.Order(text(random, alphabet), text(random, alphabet),
                    lines, OrderResponse.Occasion.values()[random.nextInt(3)],
                    random.nextBoolean() ? LocalDate.of(2026, 12, 1).plusDays(random.nextInt(60)) : null);
            ControlReport.Party from = new ControlReport.Party(text(random, "0123456789:+?* .A"),
                    random.nextInt(4) == 0 ? null : text(random, "0123456789:+?ZZ"));
            ControlReport.Party to = new ControlReport.Party(text(random, "0123456789"), "14");
            long number = random.nextInt(1_000_000);
            ZonedDateTime at = AT.plusMinutes(random.nextInt(100_000));
            assertThat(OrderResponse.edifact(from, to, number, at, order)).as("order %d", n)
                    .isEqualTo(staedi(from, to, number, at, order));
        }
    }

    private static String text(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, length = 1 + random.nextInt(12); i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** The ORDRSP as Ordo wrote it with StAEDI's writer before. */
    private static String staedi(ControlReport.Party from, ControlReport.Party to, long controlNumber,
            ZonedDateTime at, OrderResponse.Order order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZonedDateTime utc = at.withZoneSameInstant(ZoneOffset.UTC);
        String reference = String.valueOf(controlNumber);
        try (EDIStreamWriter w = OrderResponse.writer(out)) {
            w.startInterchange();
            w.writeStartSegment("UNB").writeStartElement().writeComponent("UNOC").writeComponent("3").endElement();
            ControlReport.party(w, from);
            ControlReport.party(w, to);
            w.writeStartElement().writeComponent(SHORT_DATE.format(utc)).writeComponent(TIME.format(utc)).endElement();
            w.writeElement(reference).writeEndSegment();
            int segments = 0;
            w.writeStartSegment("UNH").writeElement("1").writeStartElement().writeComponent("ORDRSP")
                    .writeComponent("D").writeComponent("96A").writeComponent("UN").writeComponent("EAN005")
                    .endElement().writeEndSegment();
            // BGM 231 purchase order response; 29 accepted without amendment, 4 changed, 27 not accepted
            w.writeStartSegment("BGM").writeElement("231").writeElement(order.orderNumber())
                    .writeElement(order.occasion() == OrderResponse.Occasion.CANCELLED ? "27"
                            : order.changed() ? "4" : "29")
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
            for (OrderResponse.Line line : order.lines()) {
                // LIN action 5 accepted without amendment, 3 changed, 7 not accepted
                w.writeStartSegment("LIN").writeElement(String.valueOf(line.lineNo()))
                        .writeElement(line.action() == OrderResponse.Action.REJECTED ? "7"
                            : line.changed() ? "3" : "5");
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
}
