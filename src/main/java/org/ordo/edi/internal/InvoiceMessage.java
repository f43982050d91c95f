package org.ordo.edi.internal;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;

import io.xlate.edi.stream.EDIStreamException;

/**
 * An issued invoice for an EDI order, in an interchange of its own: EDIFACT {@code INVOIC} (EANCOM
 * {@code INVOIC:D:96A:UN:EAN008}) or X12 {@code 810}. Its numbers are the invoice's own, never computed again: the
 * invoice number, each line's quantity, unit price, net amount, tax rate and tax, and the totals.
 */
public final class InvoiceMessage {

    public record Issued(String invoiceNumber, ZonedDateTime issuedAt, String orderNumber, String buyerOrderNumber,
            String currency, List<Line> lines, BigDecimal net, BigDecimal tax, BigDecimal gross) {
    }

    /** An invoice line, the article as the buyer names it ({@code kind} GTIN, PARTNER or SKU). */
    public record Line(int lineNo, String articleNumber, String kind, long quantity, BigDecimal unitPrice,
            BigDecimal net, BigDecimal taxRate, BigDecimal tax) {
    }

    private InvoiceMessage() {
    }

    public static String edifact(ControlReport.Party from, ControlReport.Party to, long controlNumber,
            ZonedDateTime at, Issued invoice) {
        try {
            OutgoingInterchange o = OutgoingInterchange.edifact(from, to, controlNumber, at, "INVOIC", "EAN008");
            // BGM 380 commercial invoice, 9 original
            o.segment("BGM").writeElement("380").writeElement(invoice.invoiceNumber()).writeElement("9")
                    .writeEndSegment();
            o.segment("DTM").writeStartElement().writeComponent("137")
                    .writeComponent(OutgoingInterchange.date(invoice.issuedAt())).writeComponent("102").endElement()
                    .writeEndSegment();
            DespatchAdvice.reference(o, "ON", invoice.buyerOrderNumber());
            // VN: our order number, as the ORDRSP named it
            DespatchAdvice.reference(o, "VN", invoice.orderNumber());
            o.segment("NAD").writeElement("BY").writeStartElement().writeComponent(to.id()).writeEmptyComponent()
                    .writeComponent("9").endElement().writeEndSegment();
            o.segment("NAD").writeElement("SU").writeStartElement().writeComponent(from.id())
                    .writeEmptyComponent().writeComponent("9").endElement().writeEndSegment();
            // CUX 2 reference currency, 4 invoicing currency
            o.segment("CUX").writeStartElement().writeComponent("2").writeComponent(invoice.currency())
                    .writeComponent("4").endElement().writeEndSegment();
            for (Line line : invoice.lines()) {
                o.segment("LIN").writeElement(String.valueOf(line.lineNo()));
                if (line.kind().equals("GTIN")) {
                    o.writerOf().writeEmptyElement().writeStartElement().writeComponent(line.articleNumber())
                            .writeComponent("SRV").endElement();
                }
                o.writerOf().writeEndSegment();
                if (!line.kind().equals("GTIN")) {
                    o.segment("PIA").writeElement("5").writeStartElement().writeComponent(line.articleNumber())
                            .writeComponent(line.kind().equals("PARTNER") ? "BP" : "SA").endElement()
                            .writeEndSegment();
                }
                // QTY 47 invoiced quantity; MOA 203 line item amount; PRI AAA the unit price; TAX 7 VAT
                o.segment("QTY").writeStartElement().writeComponent("47")
                        .writeComponent(String.valueOf(line.quantity())).endElement().writeEndSegment();
                amount(o, "203", line.net());
                o.segment("PRI").writeStartElement().writeComponent("AAA")
                        .writeComponent(line.unitPrice().toPlainString()).endElement().writeEndSegment();
                tax(o, line.taxRate());
                amount(o, "124", line.tax());
            }
            o.segment("UNS").writeElement("S").writeEndSegment();
            o.segment("CNT").writeStartElement().writeComponent("2")
                    .writeComponent(String.valueOf(invoice.lines().size())).endElement().writeEndSegment();
            // MOA 77 invoice amount, 79 total of the lines, 176 total tax
            amount(o, "77", invoice.gross());
            amount(o, "79", invoice.net());
            amount(o, "176", invoice.tax());
            return o.finish();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("INVOIC could not be written: " + e.getMessage(), e);
        }
    }

    public static String x12(ControlReport.Party from, ControlReport.Party to, long controlNumber,
            ZonedDateTime at, Issued invoice) {
        try {
            OutgoingInterchange o = OutgoingInterchange.x12(from, to, "IN", controlNumber, at, "810");
            // BIG: invoice date and number, the buyer's purchase order number (BIG04)
            o.segment("BIG").writeElement(OutgoingInterchange.date(invoice.issuedAt()))
                    .writeElement(invoice.invoiceNumber()).writeEmptyElement()
                    .writeElement(invoice.buyerOrderNumber()).writeEndSegment();
            o.segment("REF").writeElement("VN").writeElement(invoice.orderNumber()).writeEndSegment();
            o.segment("CUR").writeElement("SE").writeElement(invoice.currency()).writeEndSegment();
            for (Line line : invoice.lines()) {
                o.segment("IT1").writeElement(String.valueOf(line.lineNo()))
                        .writeElement(String.valueOf(line.quantity())).writeElement("EA")
                        .writeElement(line.unitPrice().toPlainString()).writeEmptyElement()
                        .writeElement(switch (line.kind()) {
                            case "GTIN" -> "EN";
                            case "PARTNER" -> "BP";
                            default -> "VP";
                        }).writeElement(line.articleNumber()).writeEndSegment();
                // TXI VA value added tax: amount and percent
                o.segment("TXI").writeElement("VA").writeElement(line.tax().toPlainString())
                        .writeElement(line.taxRate().stripTrailingZeros().toPlainString()).writeEndSegment();
            }
            // TDS01: the invoice amount with two implied decimals
            o.segment("TDS").writeElement(invoice.gross().movePointRight(2).setScale(0).toPlainString())
                    .writeEndSegment();
            o.segment("TXI").writeElement("VA").writeElement(invoice.tax().toPlainString()).writeEndSegment();
            o.segment("CTT").writeElement(String.valueOf(invoice.lines().size())).writeEndSegment();
            return o.finish();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("810 could not be written: " + e.getMessage(), e);
        }
    }

    private static void amount(OutgoingInterchange o, String qualifier, BigDecimal amount) throws EDIStreamException {
        o.segment("MOA").writeStartElement().writeComponent(qualifier).writeComponent(amount.toPlainString())
                .endElement().writeEndSegment();
    }

    private static void tax(OutgoingInterchange o, BigDecimal rate) throws EDIStreamException {
        // TAX 7 tax, VAT; C243 rate in its fourth component; S standard rate
        o.segment("TAX").writeElement("7").writeStartElement().writeComponent("VAT").endElement()
                .writeEmptyElement().writeEmptyElement().writeStartElement().writeEmptyComponent()
                .writeEmptyComponent().writeEmptyComponent()
                .writeComponent(rate.stripTrailingZeros().toPlainString()).endElement().writeElement("S")
                .writeEndSegment();
    }
}
