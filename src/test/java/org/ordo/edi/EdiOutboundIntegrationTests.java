package org.ordo.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Messages out that follow an EDI order: DESADV / 856 at shipment and INVOIC / 810 at invoicing, parsed back with StAEDI. */
@IntegrationTest
class EdiOutboundIntegrationTests extends EdiPartnerSetup {

    @Test
    void aShippedEdiOrderIsAdvisedWithAnSsccPerParcelAndItsInvoiceIsSentWithTheInvoicesNumbers() {
        String po = Fixtures.unique("PO");
        JsonNode answer = expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", po))), 200).json();
        String orderId = answer.get("messages").get(0).get("orderId").asString();

        JsonNode shipment = shipInTwoParcels(orderId);

        List<List<String>> desadv = segments(awaitOutgoing("DESADV").get("body").asString());
        assertThat(find(desadv, "UNH").get(2)).isEqualTo("DESADV:D:96A:UN:EAN007");
        assertThat(find(desadv, "UNB").get(3)).isEqualTo(sender + ":14");
        assertThat(starting(desadv, "RFF", "ON").get(1)).isEqualTo("ON:" + po + "-1");
        assertThat(starting(desadv, "RFF", "CN").get(1)).isEqualTo("CN:" + shipment.get("trackingNumber").asString());
        List<String> ssccs = all(desadv, "GIN").stream().map(g -> g.get(2)).toList();
        assertThat(ssccs).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(sscc -> assertThat(sscc).hasSize(18).startsWith("0"))
                .allSatisfy(sscc -> assertThat(gs1CheckDigitHolds(sscc)).as("check digit of " + sscc).isTrue());
        assertThat(all(desadv, "LIN")).extracting(l -> l.get(3)).containsExactly(gtin1 + ":SRV", gtin2 + ":SRV");
        assertThat(all(desadv, "QTY")).extracting(q -> q.get(1)).containsExactly("12:3", "12:2");

        List<List<String>> invoic = segments(awaitOutgoing("INVOIC").get("body").asString());
        JsonNode invoice = expect(api.get("/api/v1/orders/" + orderId + "/invoices"), 200).json().get(0);
        assertThat(find(invoic, "BGM").get(2)).isEqualTo(invoice.get("number").asString());
        assertThat(starting(invoic, "RFF", "ON").get(1)).isEqualTo("ON:" + po + "-1");
        assertThat(starting(invoic, "MOA", "77").get(1)).isEqualTo("77:" + invoice.get("gross").get("amount").asString());
        assertThat(starting(invoic, "MOA", "79").get(1)).isEqualTo("79:" + invoice.get("net").get("amount").asString());
        assertThat(starting(invoic, "MOA", "176").get(1)).isEqualTo("176:" + invoice.get("tax").get("amount").asString());
        assertThat(all(invoic, "MOA").stream().filter(m -> m.get(1).startsWith("203:")).map(m -> m.get(1)))
                .containsExactly("203:" + invoice.get("lines").get(0).get("net").get("amount").asString(),
                        "203:" + invoice.get("lines").get(1).get("net").get("amount").asString());

        // control numbers go on from the ones the acknowledgement and order responses took
        JsonNode out = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200).json()
                .get("items");
        assertThat(out).extracting(m -> m.get("type").asString()).containsExactly("ORDRSP", "ORDRSP", "CONTRL",
                "DESADV", "INVOIC");
        assertThat(out).extracting(m -> m.get("controlNumber").asLong()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aChangedEdiOrderIsAnsweredWithItsNewQuantitiesItsRemovedLineAndItsShipDayThenItsCancellation() {
        String po = Fixtures.unique("PO");
        JsonNode answer = expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", po))), 200).json();
        String orderId = answer.get("messages").get(0).get("orderId").asString();
        long placedAnswer = awaitOutgoing("ORDRSP", 2).get("controlNumber").asLong();

        // the buyer ordered 3 of GTIN1 (line 1) and 2 of GTIN2 (line 2): one more of the first, none of the second
        expect(api.post("/api/v1/orders/" + orderId + "/changes", Map.of("reason", "buyer called",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 4), Map.of("lineNo", 2, "quantity", 0)),
                "promisedAt", "2026-12-18T12:00:00Z"), "Idempotency-Key", java.util.UUID.randomUUID().toString(),
                "If-Match", "\"1\""), 201);

        JsonNode changedMessage = awaitOutgoing("ORDRSP", 3);
        assertThat(changedMessage.get("controlNumber").asLong()).isGreaterThan(placedAnswer);
        List<List<String>> changed = segments(changedMessage.get("body").asString());
        assertThat(find(changed, "BGM")).containsExactly("BGM", "231", answer.get("messages").get(0)
                .get("orderNumber").asString(), "4");
        assertThat(starting(changed, "RFF", "ON").get(1)).isEqualTo("ON:" + po + "-1");
        assertThat(starting(changed, "DTM", "11").get(1)).isEqualTo("11:20261218:102");
        assertThat(all(changed, "LIN")).extracting(l -> String.join(" ", l))
                .containsExactly("LIN 1 3 " + gtin1 + ":SRV", "LIN 2 7 " + gtin2 + ":SRV");
        assertThat(all(changed, "QTY")).extracting(q -> q.get(1)).containsExactly("21:4", "21:2");

        expect(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "buyer withdrew")), 200);

        List<List<String>> cancelled = segments(awaitOutgoing("ORDRSP", 4).get("body").asString());
        assertThat(find(cancelled, "BGM").get(3)).isEqualTo("27");
        assertThat(all(cancelled, "LIN")).extracting(l -> l.get(2)).containsExactly("7", "7");
        // each answered once: a redelivered event finds its answer sent
        JsonNode out = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200).json()
                .get("items");
        assertThat(out).extracting(m -> m.get("type").asString()).containsExactly("ORDRSP", "ORDRSP", "CONTRL",
                "ORDRSP", "ORDRSP");
        assertThat(out).extracting(m -> m.get("controlNumber").asLong()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anX12PartnersAgreedApplicationCodesAreCheckedInItsGroupsAndNamedInOurs() {
        String isa = registerX12Partner();
        Map<String, Object> body = partnerBody(partner, sender, "GTIN");
        body.put("standard", "X12");
        body.put("version", "004010");
        body.put("senderQualifier", "ZZ");
        body.put("recipientQualifier", "ZZ");
        body.put("applicationSenderCode", "MEGAPO");
        body.put("applicationReceiverCode", "ORDOSALES");
        expect(api.put("/api/v1/edi/partners/" + partner, body), 200);
        String po = Fixtures.unique("PO");
        String asSent = new String(interchange("po-850-tilde.edi", StandardCharsets.US_ASCII, x12Values(isa, po)),
                StandardCharsets.US_ASCII);

        // the group still names the interchange ids: refused before anything is stored
        Api.Response refused = api.postBytes("/api/v1/edi/interchanges", asSent.getBytes(StandardCharsets.US_ASCII),
                "application/EDI-X12");
        assertThat(expect(refused, 422).json().get("errors").get(0).get("field").asString())
                .isEqualTo("GS.applicationSender");

        byte[] agreed = asSent.replace("GS*PO*" + sender + "*" + recipient + "*", "GS*PO*MEGAPO*ORDOSALES*")
                .getBytes(StandardCharsets.US_ASCII);
        JsonNode answer = expect(api.postBytes("/api/v1/edi/interchanges", agreed, "application/EDI-X12"), 200)
                .json();
        List<List<String>> ack = segments(answer.get("acknowledgement").get("body").asString());
        assertThat(find(ack, "GS").subList(1, 4)).containsExactly("FA", "ORDOSALES", "MEGAPO");
        String orderId = answer.get("messages").get(0).get("orderId").asString();
        awaitOutgoing("855", 2);

        expect(api.post("/api/v1/orders/" + orderId + "/changes", Map.of("reason", "buyer called",
                "lines", List.of(Map.of("lineNo", 2, "quantity", 0))), "Idempotency-Key",
                java.util.UUID.randomUUID().toString(), "If-Match", "\"1\""), 201);

        List<List<String>> changed = segments(awaitOutgoing("855", 3).get("body").asString());
        assertThat(find(changed, "GS").subList(1, 4)).containsExactly("PR", "ORDOSALES", "MEGAPO");
        assertThat(find(changed, "BAK").subList(1, 3)).containsExactly("04", "AC");
        assertThat(all(changed, "ACK")).extracting(a -> a.get(1) + " " + a.get(2)).containsExactly("IA 3", "IR 2");
    }

    @Test
    void aShippedX12OrderGetsAn856AndAn810() {
        String isa = registerX12Partner();
        String po = Fixtures.unique("PO");
        JsonNode answer = expect(api.postBytes("/api/v1/edi/interchanges", interchange("po-850-tilde.edi",
                StandardCharsets.US_ASCII, x12Values(isa, po)), "application/EDI-X12"), 200).json();
        String orderId = answer.get("messages").get(0).get("orderId").asString();

        JsonNode shipment = shipInTwoParcels(orderId);

        List<List<String>> asn = segments(awaitOutgoing("856").get("body").asString());
        assertThat(find(asn, "ST").get(1)).isEqualTo("856");
        assertThat(find(asn, "PRF").get(1)).isEqualTo(po + "-1");
        assertThat(starting(asn, "REF", "CN").get(2)).isEqualTo(shipment.get("trackingNumber").asString());
        assertThat(all(asn, "MAN")).hasSize(2).allSatisfy(m -> assertThat(m.get(2)).hasSize(18));
        assertThat(all(asn, "LIN")).extracting(l -> l.get(3)).containsExactly(gtin1, gtin2);
        assertThat(all(asn, "SN1")).extracting(l -> l.get(2)).containsExactly("3", "2");
        assertThat(find(asn, "CTT").get(1)).isEqualTo(String.valueOf(all(asn, "HL").size()));

        List<List<String>> x810 = segments(awaitOutgoing("810").get("body").asString());
        JsonNode invoice = expect(api.get("/api/v1/orders/" + orderId + "/invoices"), 200).json().get(0);
        assertThat(find(x810, "BIG").get(2)).isEqualTo(invoice.get("number").asString());
        assertThat(find(x810, "BIG").get(4)).isEqualTo(po + "-1");
        assertThat(find(x810, "TDS").get(1)).isEqualTo(new java.math.BigDecimal(invoice.get("gross").get("amount")
                .asString()).movePointRight(2).toPlainString());
        assertThat(all(x810, "IT1")).extracting(l -> l.get(2)).containsExactly("3", "2");
    }


    @Test
    void answeringAnInterchangeLogsNoWarningPerMessageWritten() {
        // StAEDI's writer warns at every interchange it starts without a control schema (each ORDRSP and CONTRL);
        // Ordo writes the envelopes itself, and 10,000 orders gave 10,001 warnings (docs/benchmarks.md, P4)
        java.util.logging.Logger writer = java.util.logging.Logger.getLogger(
                "io.xlate.edi.internal.stream.StaEDIStreamWriter");
        List<java.util.logging.LogRecord> warned = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warned.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        writer.addHandler(handler);
        try {
            JsonNode answer = expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                    Map.of("REF", reference(), "PO", Fixtures.unique("PO")))), 200).json();
            assertThat(answer.get("messages")).extracting(m -> m.get("outcome").asString())
                    .containsExactly("PLACED", "PLACED");
        } finally {
            writer.removeHandler(handler);
        }
        assertThat(warned).extracting(java.util.logging.LogRecord::getMessage).isEmpty();
    }
}
