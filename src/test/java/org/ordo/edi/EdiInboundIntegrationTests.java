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

/** Interchanges in through the API: partners, orders placed, review, CONTRL / 997, idempotency, hostile input. */
@IntegrationTest
class EdiInboundIntegrationTests extends EdiPartnerSetup {

    @Test
    void anAdminRegistersChangesAndMapsAPartner() {
        JsonNode registered = expect(api.get("/api/v1/edi/partners/" + partner), 200).json();
        assertThat(registered.get("senderId").asString()).isEqualTo(sender);
        assertThat(registered.get("articleNumbers").asString()).isEqualTo("GTIN");

        Map<String, Object> changed = partnerBody(partner, sender, "PARTNER");
        changed.put("name", "Megamarkt Süd");
        assertThat(expect(api.put("/api/v1/edi/partners/" + partner, changed), 200).json().get("name").asString())
                .isEqualTo("Megamarkt Süd");

        assertThat(api.post("/api/v1/edi/partners", partnerBody(partner, Fixtures.gtin(), "GTIN")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/edi/partners", partnerBody(Fixtures.unique("X").replace("-", ""), sender,
                "GTIN")).status()).as("a second partner with the same sender").isEqualTo(409);
        Map<String, Object> bad = partnerBody("lower case", sender, "GTIN");
        bad.put("currency", "EURO");
        bad.remove("customerId");
        bad.put("delivery", "HTTP");
        assertThat(api.post("/api/v1/edi/partners", bad).errorFields())
                .contains("code", "currency", "customerId", "deliveryUrl");

        assertThat(api.put("/api/v1/edi/partners/" + partner + "/articles", Map.of("B-100", "NO-SUCH-SKU"))
                .errorFields()).containsExactly("B-100");
        assertThat(expect(api.put("/api/v1/edi/partners/" + partner + "/articles", Map.of("B-100", sku1)), 200)
                .json().get("B-100").asString()).isEqualTo(sku1);
        assertThat(api.get("/api/v1/edi/partners/NOPE" + partner).status()).isEqualTo(404);
    }

    @Test
    void anInterchangeWithItsOwnSeparatorsAndReleasedCharactersBecomesOrders() {
        String ref = reference();
        String po = Fixtures.unique("PO");
        byte[] body = interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1, Map.of("REF", ref, "PO", po));

        Api.Response response = post(body);
        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("messages")).hasSize(2);
        for (JsonNode message : answer.get("messages")) {
            assertThat(message.get("outcome").asString()).as(message.toString()).isEqualTo("PLACED");
        }
        JsonNode first = expect(api.get("/api/v1/orders/" + answer.get("messages").get(0).get("orderId").asString()),
                200).json();
        assertThat(first.get("channel").asString()).isEqualTo("edi");
        assertThat(first.get("externalRef").asString()).isEqualTo(partner + "/" + po + "-1");
        assertThat(first.get("customer").get("id").asString()).isEqualTo(customerId);
        assertThat(first.get("shippingAddress").get("name").asString()).isEqualTo("Müller*Söhne~ Filiale 7");
        assertThat(first.get("shippingAddress").get("city").asString()).isEqualTo("Köln");
        assertThat(first.get("inboundDocumentId").asString()).isEqualTo(answer.get("inboundDocumentId").asString());
        assertThat(first.get("lines")).hasSize(2);
        assertThat(first.get("lines").get(0).get("sku").asString()).isEqualTo(sku1);
        assertThat(first.get("lines").get(0).get("quantity").asLong()).isEqualTo(3);
        assertThat(expect(api.get("/api/v1/orders/" + answer.get("messages").get(1).get("orderId").asString()), 200)
                .json().get("externalRef").asString()).isEqualTo(partner + "/" + po + "-2");

        // The original is stored once, exactly as received, and marked processed
        JsonNode document = expect(api.get("/api/v1/inbound-documents/" + answer.get("inboundDocumentId").asString()),
                200).json();
        assertThat(document.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(document.get("channel").asString()).isEqualTo("edi");

        // CONTRL acknowledges the interchange and both messages, parsed back with StAEDI
        JsonNode ack = answer.get("acknowledgement");
        assertThat(ack.get("accepted").asBoolean()).isTrue();
        List<List<String>> contrl = segments(ack.get("body").asString());
        assertThat(find(contrl, "UNB").get(5)).isEqualTo(String.valueOf(ack.get("controlNumber").asLong()));
        assertThat(find(contrl, "UNB").get(3)).isEqualTo(sender + ":14");
        assertThat(find(contrl, "UCI")).containsSequence(ref, sender + ":14", recipient + ":14", "7");
        assertThat(all(contrl, "UCM")).extracting(s -> s.get(1) + " " + s.get(3))
                .containsExactly("M1 7", "M2 7");

        // listed as written: the messages taken, then their order responses (each written once per transaction of
        // messages), then the CONTRL
        JsonNode listed = expect(api.get("/api/v1/edi/messages?partner=" + partner), 200).json().get("items");
        assertThat(listed).extracting(m -> m.get("direction").asString() + " " + m.get("type").asString() + " "
                + m.get("outcome").asString()).containsExactly("IN ORDERS PLACED", "IN ORDERS PLACED",
                        "OUT ORDRSP STORED", "OUT ORDRSP STORED", "OUT CONTRL STORED");
        assertThat(listed.get(4).get("body").asString()).isEqualTo(ack.get("body").asString());

        // ORDRSP answers the first order: accepted as ordered, naming our order and the buyer's
        List<List<String>> ordrsp = segments(listed.get(2).get("body").asString());
        assertThat(find(ordrsp, "UNH").get(2)).isEqualTo("ORDRSP:D:96A:UN:EAN005");
        assertThat(find(ordrsp, "BGM")).containsExactly("BGM", "231", first.get("number").asString(), "29");
        assertThat(find(ordrsp, "RFF")).containsExactly("RFF", "ON:" + po + "-1");
        assertThat(all(ordrsp, "LIN")).extracting(l -> String.join(" ", l))
                .containsExactly("LIN 1 5 " + gtin1 + ":SRV", "LIN 2 5 " + gtin2 + ":SRV");
        assertThat(all(ordrsp, "QTY")).extracting(q -> q.get(1)).containsExactly("21:3", "21:2");
        assertThat(all(ordrsp, "PRI")).extracting(q -> q.get(1)).containsExactly("AAA:12.50", "AAA:3.20");
    }

    @Test
    void anInterchangeReprocessedThroughTheApiPlacesWhatWaitedOnceItsArticleExistsAndOnlyOnce() {
        String unknown = Fixtures.gtin();
        JsonNode answer = expect(post(interchange("orders-mixed.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO"), "UNKNOWN_GTIN", unknown))), 200).json();
        String document = answer.get("inboundDocumentId").asString();
        // tried while the article is still unknown: it keeps waiting, with the reason
        JsonNode tooEarly = expect(api.post("/api/v1/edi/interchanges/" + document + "/reprocess", Map.of()), 200)
                .json().get("messages").get(0);
        assertThat(tooEarly.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(tooEarly.get("reason").asString()).contains("unknown article " + unknown);
        assertThat(messagesOf(answer, "REVIEW")).isEqualTo(1);

        String sku = article(unknown, "7.90");
        fixtures.receive(sku, location, 10);
        JsonNode reprocessed = expect(api.post("/api/v1/edi/interchanges/" + document + "/reprocess", Map.of()),
                200).json();
        assertThat(reprocessed.get("messages")).extracting(m -> m.get("messageRef").asString() + " "
                + m.get("outcome").asString()).containsExactly("2 PLACED");
        String orderId = reprocessed.get("messages").get(0).get("orderId").asString();
        assertThat(expect(api.get("/api/v1/orders/" + orderId), 200).json().get("lines"))
                .extracting(l -> l.get("sku").asString()).contains(sku);
        // message 3 was rejected (the partner must send it again): the interchange stays in review for it alone
        JsonNode after = expect(api.get("/api/v1/inbound-documents/" + document), 200).json();
        assertThat(after.get("status").asString()).isEqualTo("REVIEW");
        assertThat(after.get("reason").asString()).contains("message 3 rejected").doesNotContain("message 2");

        // asked again (a retry after a lost answer): nothing waits, nothing is placed twice
        expect(api.post("/api/v1/edi/interchanges/" + document + "/reprocess", Map.of()), 409);
        assertThat(messagesOf(answer, "PLACED")).isEqualTo(2);
        expect(api.post("/api/v1/edi/interchanges/" + java.util.UUID.randomUUID() + "/reprocess", Map.of()), 404);
    }

    /** How many of the partner's messages in have this outcome. */
    private int messagesOf(JsonNode answer, String outcome) {
        return expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=IN&outcome=" + outcome), 200)
                .json().get("items").size();
    }

    @Test
    void anUnknownGtinWaitsForReviewAWrongCountIsRejectedAndTheOtherMessageIsPlaced() {
        String ref = reference();
        String unknown = Fixtures.gtin();
        JsonNode answer = expect(post(interchange("orders-mixed.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", ref, "PO", Fixtures.unique("PO"), "UNKNOWN_GTIN", unknown))), 200).json();

        JsonNode messages = answer.get("messages");
        assertThat(messages).extracting(m -> m.get("messageRef").asString() + " " + m.get("outcome").asString())
                .containsExactly("1 PLACED", "2 REVIEW", "3 REJECTED");
        assertThat(messages.get(1).get("reason").asString()).contains("unknown article " + unknown);
        assertThat(messages.get(1).get("orderId").isNull()).isTrue();
        assertThat(messages.get(2).get("reason").asString()).contains("UNT").contains("[29]");
        assertThat(expect(api.get("/api/v1/orders/" + messages.get(0).get("orderId").asString()), 200).json()
                .get("shippingAddress").get("city").asString()).as("no NAD+DP: the partner's ship-to")
                .isEqualTo("Hannover");
        assertThat(expect(api.get("/api/v1/inventory/" + sku1), 200).json().toString())
                .as("only the placed message reserved stock").contains("\"reserved\":4");

        // CONTRL: the interchange is acknowledged, message 3 is rejected naming UNT (segment 10) and error 29
        JsonNode ack = answer.get("acknowledgement");
        assertThat(ack.get("accepted").asBoolean()).isFalse();
        List<List<String>> contrl = segments(ack.get("body").asString());
        assertThat(find(contrl, "UCI").get(4)).isEqualTo("7");
        assertThat(all(contrl, "UCM")).extracting(s -> s.get(1) + " " + s.get(3))
                .containsExactly("1 7", "2 7", "3 4");
        assertThat(find(contrl, "UCM", "3")).containsSequence("4", "29");
        assertThat(find(contrl, "UCS")).containsExactly("UCS", "10", "29");

        // the original waits in the review queue with the reason; the messages say what is wrong with each
        JsonNode document = expect(api.get("/api/v1/inbound-documents/" + answer.get("inboundDocumentId").asString()),
                200).json();
        assertThat(document.get("status").asString()).isEqualTo("REVIEW");
        assertThat(document.get("reason").asString()).contains("2 of 3 messages need attention");
        JsonNode review = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&outcome=REVIEW"), 200).json()
                .get("items");
        assertThat(review).hasSize(1);
        assertThat(review.get(0).get("inboundDocumentId").asString())
                .isEqualTo(answer.get("inboundDocumentId").asString());
    }

    @Test
    void aResentInterchangeCreatesNothingTwiceAndGetsTheSameAnswer() {
        byte[] body = interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO")));
        Api.Response first = post(body);
        Api.Response again = post(body);
        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(expect(api.get("/api/v1/inventory/" + sku1), 200).json().toString()).contains("\"reserved\":3");
        assertThat(expect(api.get("/api/v1/edi/messages?partner=" + partner), 200).json().get("items")).hasSize(5);

        // the same reference with other content is not the same interchange
        byte[] other = new String(body, StandardCharsets.ISO_8859_1).replace("QTY*21>3~", "QTY*21>4~")
                .getBytes(StandardCharsets.ISO_8859_1);
        Api.Response refused = post(other);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("UNB.reference");
    }

    @Test
    void twentyConcurrentPostsOfOneInterchangeGiveOneSetOfOrders() throws Exception {
        byte[] body = interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO")));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit((Callable<Api.Response>) () -> post(body)));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                bodies.add(answer.get().body());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(expect(api.get("/api/v1/inventory/" + sku1), 200).json().toString()).contains("\"reserved\":3");
        JsonNode messages = expect(api.get("/api/v1/edi/messages?partner=" + partner), 200).json().get("items");
        assertThat(messages).hasSize(5);
    }

    @Test
    void controlNumbersAreUniqueAndIncreasingPerPartner() {
        for (int i = 0; i < 3; i++) {
            expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                    Map.of("REF", reference(), "PO", Fixtures.unique("PO")))), 200);
        }
        JsonNode out = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200).json()
                .get("items");
        // each interchange: two ORDRSP and a CONTRL, each with the next number
        assertThat(out).extracting(m -> m.get("type").asString() + " " + m.get("controlNumber").asLong())
                .containsExactly("ORDRSP 1", "ORDRSP 2", "CONTRL 3", "ORDRSP 4", "ORDRSP 5", "CONTRL 6", "ORDRSP 7",
                        "ORDRSP 8", "CONTRL 9");
    }

    @Test
    void linesNamedByTheBuyersOwnNumbersAreMappedToOurSkusAndTheBackorderIsAnswered() {
        String backorderable = fixtures.article("PHYSICAL", "2.00", "EUR", "19", true, false);
        fixtures.receive(backorderable, location, 2);
        expect(api.put("/api/v1/edi/partners/" + partner, partnerBody(partner, sender, "PARTNER")), 200);
        expect(api.put("/api/v1/edi/partners/" + partner + "/articles", Map.of("MM-4711", backorderable)), 200);
        JsonNode answer = expect(post(interchange("orders-partner-numbers.edi", StandardCharsets.UTF_8,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO"), "BUYER_NUMBER", "MM-4711"))), 200).json();
        JsonNode message = answer.get("messages").get(0);
        assertThat(message.get("outcome").asString()).as(message.toString()).isEqualTo("PLACED");
        JsonNode order = expect(api.get("/api/v1/orders/" + message.get("orderId").asString()), 200).json();
        assertThat(order.get("lines").get(0).get("sku").asString()).isEqualTo(backorderable);
        assertThat(order.get("lines").get(0).get("quantity").asLong()).isEqualTo(6);
        assertThat(order.get("shippingAddress").get("name").asString()).isEqualTo("Café + Bäckerei Ünal");

        // ORDRSP: changed (BGM 4), the line changed (LIN action 3) with 4 of 6 backordered (QTY+83)
        JsonNode out = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200).json()
                .get("items");
        List<List<String>> ordrsp = segments(out.get(0).get("body").asString());
        assertThat(find(ordrsp, "BGM").get(3)).isEqualTo("4");
        assertThat(find(ordrsp, "LIN")).containsExactly("LIN", "1", "3");
        assertThat(find(ordrsp, "PIA")).containsExactly("PIA", "5", "MM-4711:BP");
        assertThat(all(ordrsp, "QTY")).extracting(q -> q.get(1)).containsExactly("21:6", "83:4");
    }

    @Test
    void hostileInterchangesAreRefusedAndChangeNothing() {
        byte[] good = interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO")));
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        assertThat(post(binary).errorFields()).containsExactly("body");
        // binary after a readable header
        byte[] tail = new byte[good.length + binary.length];
        System.arraycopy(good, 0, tail, 0, 80);
        System.arraycopy(binary, 0, tail, 80, binary.length);
        assertThat(post(java.util.Arrays.copyOf(tail, 80 + binary.length)).status()).isEqualTo(422);
        // UTF-8 bytes in an interchange that declares ASCII (UNOA)
        byte[] wrongCharset = new String(good, StandardCharsets.ISO_8859_1).replace("UNOC", "UNOA")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(wrongCharset).errorFields()).containsExactly("body");
        // invalid UTF-8 in one that declares UTF-8 (UNOW)
        byte[] badUtf8 = new String(good, StandardCharsets.ISO_8859_1).replace("UNOC", "UNOW")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(post(badUtf8).errorFields()).containsExactly("body");
        // an unknown sender, a truncated interchange, 2 MB of repeated line items
        assertThat(post(new String(good, StandardCharsets.ISO_8859_1).replace(sender, "9999999999999")
                .getBytes(StandardCharsets.ISO_8859_1)).errorFields()).containsExactly("UNB.sender");
        assertThat(post(java.util.Arrays.copyOf(good, good.length / 2)).status()).isEqualTo(422);
        String repeated = new String(good, StandardCharsets.ISO_8859_1).replace("LIN*2**",
                "LIN*2**1>SRV~QTY*21>1~".repeat(100_000) + "LIN*2**");
        assertThat(post(repeated.getBytes(StandardCharsets.ISO_8859_1)).errorFields()).containsExactly("body");
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'A');
        System.arraycopy(good, 0, huge, 0, good.length);
        assertThat(post(huge).status()).isEqualTo(413);
        assertThat(api.postBytes("/api/v1/edi/interchanges", new byte[0], "application/EDIFACT").status())
                .isEqualTo(422);

        assertThat(expect(api.get("/api/v1/edi/messages?partner=" + partner), 200).json().get("items")).isEmpty();
        assertThat(expect(api.get("/api/v1/inventory/" + sku1), 200).json().toString()).contains("\"reserved\":0");
        // and the good one is still taken afterwards
        assertThat(expect(post(good), 200).json().get("messages").get(0).get("outcome").asString())
                .isEqualTo("PLACED");
    }

    @Test
    void aMessageThePlacementRefusesRollsBackOnlyItsOwnWork() {
        String scarceGtin = Fixtures.gtin();
        String scarce = article(scarceGtin, "5.00");
        fixtures.receive(scarce, location, 1);
        // M1 orders 3 of the scarce article (1 in stock, not backorderable) and 2 of sku2; M2 orders 1 of sku2
        JsonNode answer = expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO"), "GTIN1", scarceGtin))), 200).json();
        JsonNode messages = answer.get("messages");
        assertThat(messages).extracting(m -> m.get("outcome").asString()).containsExactly("REVIEW", "PLACED");
        assertThat(messages.get(0).get("reason").asString()).startsWith("refused: ");
        assertThat(expect(api.get("/api/v1/inventory/" + sku2), 200).json().toString())
                .as("M1's reservation of sku2 was rolled back with its savepoint").contains("\"reserved\":1");
        assertThat(expect(api.get("/api/v1/inventory/" + scarce), 200).json().toString()).contains("\"reserved\":0");
        assertThat(expect(api.get("/api/v1/inbound-documents/" + answer.get("inboundDocumentId").asString()), 200)
                .json().get("status").asString()).isEqualTo("REVIEW");
    }

    @Test
    void aLinePricedBeyondThePartnersToleranceWaitsForReview() {
        Map<String, Object> tolerant = partnerBody(partner, sender, "GTIN");
        tolerant.put("priceTolerance", "2");
        assertThat(expect(api.put("/api/v1/edi/partners/" + partner, tolerant), 200).json().get("priceTolerance")
                .asString()).isEqualTo("2.00");
        tolerant.put("priceTolerance", "2.555");
        assertThat(api.put("/api/v1/edi/partners/" + partner, tolerant).errorFields()).containsExactly("priceTolerance");
        // the buyer's PRI says 12,50; ours is now 13.00, 4 % more
        expect(api.put("/api/v1/articles/" + sku1, Map.of("type", "PHYSICAL", "name", Map.of("de", "Artikel"),
                "price", Map.of("amount", "13.00", "currency", "EUR"), "taxRate", "19", "gtin", gtin1)), 200);

        JsonNode messages = expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO")))), 200).json().get("messages");
        assertThat(messages).extracting(m -> m.get("outcome").asString()).containsExactly("REVIEW", "PLACED");
        assertThat(messages.get(0).get("reason").asString())
                .isEqualTo("line 1: price 12.50 differs from 13 EUR by more than 2%");
    }

    @Test
    void x12PurchaseOrdersWithStarsAndTildesBecomeOrdersAndA997AcceptsThem() {
        String isa = registerX12Partner();
        String po = Fixtures.unique("PO");
        JsonNode answer = expect(api.postBytes("/api/v1/edi/interchanges", interchange("po-850-tilde.edi",
                StandardCharsets.US_ASCII, x12Values(isa, po)), "application/EDI-X12"), 200).json();
        assertThat(answer.get("messages")).extracting(m -> m.get("messageRef").asString() + " "
                + m.get("outcome").asString()).containsExactly("0001 PLACED", "0002 PLACED");
        JsonNode first = expect(api.get("/api/v1/orders/" + answer.get("messages").get(0).get("orderId").asString()),
                200).json();
        assertThat(first.get("externalRef").asString()).isEqualTo(partner + "/" + po + "-1");
        assertThat(first.get("shippingAddress").get("city").asString()).isEqualTo("Springfield");
        assertThat(first.get("lines")).extracting(l -> l.get("sku").asString() + " x " + l.get("quantity").asLong())
                .containsExactly(sku1 + " x 3", sku2 + " x 2");
        assertThat(expect(api.get("/api/v1/orders/" + answer.get("messages").get(1).get("orderId").asString()), 200)
                .json().get("shippingAddress").get("city").asString()).isEqualTo("Hannover");

        JsonNode ack = answer.get("acknowledgement");
        assertThat(ack.get("type").asString()).isEqualTo("997");
        List<List<String>> ack997 = segments(ack.get("body").asString());
        assertThat(find(ack997, "ISA").get(6).trim()).isEqualTo(recipient);
        assertThat(find(ack997, "ISA").get(8).trim()).isEqualTo(sender);
        assertThat(find(ack997, "ISA").get(13)).isEqualTo(String.format("%09d", ack.get("controlNumber").asLong()));
        assertThat(find(ack997, "AK1")).containsExactly("AK1", "PO", "7");
        assertThat(all(ack997, "AK2")).extracting(s -> s.get(2)).containsExactly("0001", "0002");
        assertThat(all(ack997, "AK5")).extracting(s -> s.get(1)).containsExactly("A", "A");
        assertThat(find(ack997, "AK9")).containsExactly("AK9", "A", "2", "2", "2");

        JsonNode responses = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200)
                .json().get("items");
        assertThat(responses).extracting(m -> m.get("type").asString()).containsExactly("855", "855", "997");
        List<List<String>> po855 = segments(responses.get(0).get("body").asString());
        assertThat(find(po855, "BAK")).containsSequence("BAK", "00", "AD", po + "-1");
        assertThat(find(po855, "BAK")).contains(first.get("number").asString());
        assertThat(all(po855, "PO1")).extracting(l -> String.join(" ", l))
                .containsExactly("PO1 1 3 EA 12.50  EN " + gtin1, "PO1 2 2 EA 3.20  EN " + gtin2);
        assertThat(all(po855, "ACK")).extracting(l -> String.join(" ", l)).containsExactly("ACK IA 3 EA",
                "ACK IA 2 EA");
    }

    @Test
    void x12SeparatorsAreReadFromIsaAndAWrongSegmentCountIsRejectedIn997() {
        String isa = registerX12Partner();
        JsonNode answer = expect(api.postBytes("/api/v1/edi/interchanges", interchange(
                "po-850-other-separators.edi", StandardCharsets.US_ASCII, x12Values(isa, Fixtures.unique("PO"))),
                "application/EDI-X12"), 200).json();
        assertThat(answer.get("messages")).extracting(m -> m.get("messageRef").asString() + " "
                + m.get("outcome").asString()).containsExactly("1001 PLACED", "1002 REJECTED");
        assertThat(expect(api.get("/api/v1/orders/" + answer.get("messages").get(0).get("orderId").asString()), 200)
                .json().get("shippingAddress").get("name").asString()).isEqualTo("Corner Shop*Deli");
        List<List<String>> ack997 = segments(answer.get("acknowledgement").get("body").asString());
        assertThat(all(ack997, "AK5")).extracting(s -> String.join(" ", s)).containsExactly("AK5 A", "AK5 R 4");
        assertThat(find(ack997, "AK9")).containsExactly("AK9", "P", "2", "2", "1");
    }
}
