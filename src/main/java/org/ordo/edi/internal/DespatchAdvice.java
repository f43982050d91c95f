package org.ordo.edi.internal;

import java.time.ZonedDateTime;
import java.util.List;

import io.xlate.edi.stream.EDIStreamException;

/**
 * What left the warehouse for an EDI order, in an interchange of its own: EDIFACT {@code DESADV} (EANCOM
 * {@code DESADV:D:96A:UN:EAN007}) or X12 {@code 856}. One package level per parcel with its SSCC (GIN+BJ; MAN GM),
 * the articles in it as the buyer named them and the quantities shipped, the carrier and its tracking number.
 */
public final class DespatchAdvice {

    /** {@code despatchNumber}: ours for this shipment; {@code buyerOrderNumber}: the buyer's order it ships. */
    public record Shipped(String despatchNumber, String orderNumber, String buyerOrderNumber, String carrier,
            String trackingNumber, ZonedDateTime shippedAt, List<Package> packages) {
    }

    public record Package(String sscc, List<Item> items) {
    }

    /** A shipped order line: the article as the buyer names it ({@code kind} GTIN, PARTNER or SKU). */
    public record Item(int lineNo, String articleNumber, String kind, long quantity) {
    }

    private DespatchAdvice() {
    }

    public static String edifact(ControlReport.Party from, ControlReport.Party to, long controlNumber,
            ZonedDateTime at, Shipped shipped) {
        try {
            OutgoingInterchange o = OutgoingInterchange.edifact(from, to, controlNumber, at, "DESADV", "EAN007");
            // BGM 351 despatch advice, 9 original
            o.segment("BGM").writeElement("351").writeElement(shipped.despatchNumber()).writeElement("9")
                    .writeEndSegment();
            date(o, "137", at);
            date(o, "11", shipped.shippedAt());
            reference(o, "ON", shipped.buyerOrderNumber());
            // CN: the carrier's reference number, its tracking number
            reference(o, "CN", shipped.trackingNumber());
            o.segment("NAD").writeElement("BY").writeStartElement().writeComponent(to.id()).writeEmptyComponent()
                    .writeComponent("9").endElement().writeEndSegment();
            o.segment("NAD").writeElement("SU").writeStartElement().writeComponent(from.id())
                    .writeEmptyComponent().writeComponent("9").endElement().writeEndSegment();
            // TDT 20 main carriage; C040 the carrier
            o.segment("TDT").writeElement("20").writeEmptyElement().writeEmptyElement().writeEmptyElement()
                    .writeElement(shipped.carrier()).writeEndSegment();
            // CPS 1 the whole consignment, then one package level per parcel below it
            o.segment("CPS").writeElement("1").writeEndSegment();
            int level = 1;
            int lines = 0;
            for (Package parcel : shipped.packages()) {
                o.segment("CPS").writeElement(String.valueOf(++level)).writeElement("1").writeEndSegment();
                o.segment("PAC").writeElement("1").writeEmptyElement().writeElement("CT").writeEndSegment();
                // PCI 33E: marked with a serial shipping container code, which GIN BJ carries
                o.segment("PCI").writeElement("33E").writeEndSegment();
                o.segment("GIN").writeElement("BJ").writeElement(parcel.sscc()).writeEndSegment();
                for (Item item : parcel.items()) {
                    o.segment("LIN").writeElement(String.valueOf(item.lineNo()));
                    if (item.kind().equals("GTIN")) {
                        o.writerOf().writeEmptyElement().writeStartElement().writeComponent(item.articleNumber())
                                .writeComponent("SRV").endElement();
                    }
                    o.writerOf().writeEndSegment();
                    if (!item.kind().equals("GTIN")) {
                        o.segment("PIA").writeElement("5").writeStartElement().writeComponent(item.articleNumber())
                                .writeComponent(item.kind().equals("PARTNER") ? "BP" : "SA").endElement()
                                .writeEndSegment();
                    }
                    // QTY 12 despatch quantity
                    o.segment("QTY").writeStartElement().writeComponent("12")
                            .writeComponent(String.valueOf(item.quantity())).endElement().writeEndSegment();
                    lines++;
                }
            }
            o.segment("CNT").writeStartElement().writeComponent("2").writeComponent(String.valueOf(lines))
                    .endElement().writeEndSegment();
            return o.finish();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("DESADV could not be written: " + e.getMessage(), e);
        }
    }

    public static String x12(ControlReport.Party from, ControlReport.Party to, long controlNumber,
            ZonedDateTime at, Shipped shipped) {
        try {
            OutgoingInterchange o = OutgoingInterchange.x12(from, to, "SH", controlNumber, at, "856");
            // BSN 00 original, with our shipment identification
            o.segment("BSN").writeElement("00").writeElement(shipped.despatchNumber())
                    .writeElement(OutgoingInterchange.date(at)).writeElement(OutgoingInterchange.time(at))
                    .writeEndSegment();
            int hl = 1;
            o.segment("HL").writeElement("1").writeEmptyElement().writeElement("S").writeEndSegment();
            o.segment("TD5").writeEmptyElement().writeElement("2").writeElement(shipped.carrier())
                    .writeEndSegment();
            o.segment("REF").writeElement("CN").writeElement(shipped.trackingNumber()).writeEndSegment();
            // DTM 011 shipped
            o.segment("DTM").writeElement("011").writeElement(OutgoingInterchange.date(shipped.shippedAt()))
                    .writeEndSegment();
            int order = ++hl;
            o.segment("HL").writeElement(String.valueOf(order)).writeElement("1").writeElement("O")
                    .writeEndSegment();
            o.segment("PRF").writeElement(shipped.buyerOrderNumber()).writeEndSegment();
            for (Package parcel : shipped.packages()) {
                int pack = ++hl;
                o.segment("HL").writeElement(String.valueOf(pack)).writeElement(String.valueOf(order))
                        .writeElement("P").writeEndSegment();
                // MAN GM: the SSCC-18 on the parcel's label
                o.segment("MAN").writeElement("GM").writeElement(parcel.sscc()).writeEndSegment();
                for (Item item : parcel.items()) {
                    o.segment("HL").writeElement(String.valueOf(++hl)).writeElement(String.valueOf(pack))
                            .writeElement("I").writeEndSegment();
                    o.segment("LIN").writeElement(String.valueOf(item.lineNo())).writeElement(switch (item.kind()) {
                        case "GTIN" -> "EN";
                        case "PARTNER" -> "BP";
                        default -> "VP";
                    }).writeElement(item.articleNumber()).writeEndSegment();
                    o.segment("SN1").writeEmptyElement().writeElement(String.valueOf(item.quantity()))
                            .writeElement("EA").writeEndSegment();
                }
            }
            o.segment("CTT").writeElement(String.valueOf(hl)).writeEndSegment();
            return o.finish();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("856 could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * An SSCC-18: extension digit 0, the GS1 company prefix, a serial number filling the remaining digits, and the
     * GS1 check digit (weights 3, 1, 3, ... from the right).
     */
    public static String sscc(String companyPrefix, long serial) {
        int serialDigits = 16 - companyPrefix.length();
        String serialText = String.format("%0" + serialDigits + "d", serial);
        if (serialText.length() > serialDigits) {
            throw new IllegalStateException("SSCC serial numbers of prefix " + companyPrefix + " are used up");
        }
        String body = "0" + companyPrefix + serialText;
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (body.charAt(i) - '0') * weight;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static void date(OutgoingInterchange o, String qualifier, ZonedDateTime at) throws EDIStreamException {
        o.segment("DTM").writeStartElement().writeComponent(qualifier).writeComponent(OutgoingInterchange.date(at))
                .writeComponent("102").endElement().writeEndSegment();
    }

    static void reference(OutgoingInterchange o, String qualifier, String value) throws EDIStreamException {
        o.segment("RFF").writeStartElement().writeComponent(qualifier).writeComponent(value).endElement()
                .writeEndSegment();
    }
}
