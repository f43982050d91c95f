package org.ordo.edi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ordo.platform.InvalidInputException;

/** One test per rule of reading an ORDERS message and its interchange. */
class OrdersMessageTests {

    private static final String UNB = "UNB+UNOC:3+5412345000013:14+4012345000009:14+261205:1000+R1'";

    private static OrdersMessage read(String... body) {
        int segments = body.length + 2;
        String text = UNB + "UNH+1+ORDERS:D:96A:UN:EAN008'" + String.join("", body) + "UNT+" + segments + "+1'"
                + "UNZ+1+R1'";
        Interchange interchange = Interchange.read(text.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(interchange.errors()).isEmpty();
        return OrdersMessage.read(interchange.messages().get(0));
    }

    @Test
    void readsOrderNumberDeliveryDateCurrencyAddressAndLines() {
        OrdersMessage m = read("BGM+220+PO-1+9'", "DTM+2:20261210:102'", "CUX+2:CHF:9'",
                "NAD+DP+4012345000108::9++Filiale 7+Marktplatz 1+Bern++3011+CH'", "LIN+1++4006381333931:SRV'",
                "QTY+21:3'", "PRI+AAA:12,50'", "LIN+2'", "PIA+5+B-7:BP::92+S-9:SA::91'", "QTY+21:1'", "UNS+S'",
                "CNT+2:2'");
        assertThat(m.errors()).isEmpty();
        assertThat(m.orderNumber()).isEqualTo("PO-1");
        assertThat(m.deliveryDate()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(m.currency()).isEqualTo("CHF");
        assertThat(m.deliveryAddress().name()).isEqualTo("Filiale 7");
        assertThat(m.deliveryAddress().postalCode()).isEqualTo("3011");
        assertThat(m.deliveryAddress().country()).isEqualTo("CH");
        assertThat(m.lines()).hasSize(2);
        assertThat(m.lines().get(0).gtin()).isEqualTo("4006381333931");
        assertThat(m.lines().get(0).quantity()).isEqualTo(3);
        assertThat(m.lines().get(0).unitPrice()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(m.lines().get(1).buyerNumber()).isEqualTo("B-7");
        assertThat(m.lines().get(1).supplierNumber()).isEqualTo("S-9");
    }

    @Test
    void aMessageWithoutOrderNumberIsMissingBgm() {
        assertThat(read("BGM+220++9'", "LIN+1++4006381333931:SRV'", "QTY+21:1'").errors())
                .extracting(Interchange.SyntaxError::segmentTag, Interchange.SyntaxError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BGM", Interchange.MISSING));
    }

    @Test
    void aLineWithoutQuantityOrArticleIsAnError() {
        assertThat(read("BGM+220+PO+9'", "LIN+1'", "UNS+S'").errors()).extracting(e -> e.segmentTag())
                .containsExactlyInAnyOrder("QTY", "LIN");
    }

    @Test
    void quantitiesAreWholePositiveNumbers() {
        for (String quantity : new String[] {"0", "1.5", "-2", "1E3", "x"}) {
            assertThat(read("BGM+220+PO+9'", "LIN+1++4006381333931:SRV'", "QTY+21:" + quantity + "'").errors())
                    .as(quantity).extracting(e -> e.segmentTag() + " " + e.code()).containsExactly("QTY 12");
        }
    }

    @Test
    void pricesTakeEitherDecimalMarkButNoExponent() {
        assertThat(read("BGM+220+PO+9'", "LIN+1++4006381333931:SRV'", "QTY+21:1'", "PRI+AAA:3.5'").lines().get(0)
                .unitPrice()).isEqualByComparingTo("3.5");
        assertThat(read("BGM+220+PO+9'", "LIN+1++4006381333931:SRV'", "QTY+21:1'", "PRI+AAA:1E2'").errors())
                .extracting(e -> e.segmentTag()).containsExactly("PRI");
    }

    @Test
    void datesAreRealCalendarDates() {
        assertThat(read("BGM+220+PO+9'", "DTM+2:20260231:102'", "LIN+1++4006381333931:SRV'", "QTY+21:1'").errors())
                .extracting(e -> e.segmentTag()).containsExactly("DTM");
    }

    @Test
    void theLineCountInCntMustMatch() {
        assertThat(read("BGM+220+PO+9'", "LIN+1++4006381333931:SRV'", "QTY+21:1'", "UNS+S'", "CNT+2:2'").errors())
                .extracting(e -> e.segmentTag()).containsExactly("CNT");
    }

    @Test
    void onlyOrdersOfD96aAndD01bAreTaken() {
        String text = UNB + "UNH+1+INVOIC:D:96A:UN'BGM+380+I1+9'UNT+3+1'UNZ+1+R1'";
        var message = Interchange.read(text.getBytes(StandardCharsets.ISO_8859_1)).messages().get(0);
        assertThat(OrdersMessage.read(message).errors()).extracting(e -> e.segmentTag() + " " + e.code())
                .contains("UNH 12");
    }

    @Test
    void aWrongSegmentCountInUntIsErrorTwentyNineOnUnt() {
        String text = UNB + "UNH+1+ORDERS:D:96A:UN'BGM+220+PO+9'LIN+1++4006381333931:SRV'QTY+21:1'UNT+4+1'UNZ+1+R1'";
        var message = Interchange.read(text.getBytes(StandardCharsets.ISO_8859_1)).messages().get(0);
        assertThat(message.errors()).extracting(e -> e.segmentTag() + " " + e.segmentPosition() + " " + e.code())
                .containsExactly("UNT 5 29");
    }

    @Test
    void aWrongMessageCountInUnzIsAnInterchangeError() {
        String text = UNB + "UNH+1+ORDERS:D:96A:UN'BGM+220+PO+9'UNT+3+1'UNZ+2+R1'";
        assertThat(Interchange.read(text.getBytes(StandardCharsets.ISO_8859_1)).errors())
                .extracting(e -> e.segmentTag() + " " + e.code()).containsExactly("UNZ 29");
    }

    @Test
    void bytesOutsideTheDeclaredCharsetAreRefused() {
        byte[] utf8InAscii = (UNB.replace("UNOC", "UNOA") + "UNH+1+ORDERS:D:96A:UN'BGM+220+Pö+9'UNT+3+1'UNZ+1+R1'")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Interchange.read(utf8InAscii)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("body");
    }
}
