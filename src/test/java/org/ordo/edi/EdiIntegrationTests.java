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

/** EDIFACT ORDERS in through the API: partners, orders placed, review, CONTRL, idempotency, hostile input. */
@IntegrationTest
class EdiIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;

    /** One partner per test, with its own identifiers, articles and stock. */
    String partner, sender, recipient, gtin1, gtin2, sku1, sku2, customerId, location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku1 = article(gtin1 = Fixtures.gtin(), "12.50");
        sku2 = article(gtin2 = Fixtures.gtin(), "3.20");
        fixtures.receive(sku1, location, 100);
        fixtures.receive(sku2, location, 100);
        customerId = expect(api.post("/api/v1/customers", Map.of("email", Fixtures.unique("buyer").toLowerCase()
                + "@example.com", "name", "Einkauf Megamarkt", "type", "BUSINESS", "company", "Megamarkt GmbH",
                "shipBeforePayment", true)), 201).json().get("id").asString();
        partner = Fixtures.unique("MM").replace("-", "");
        sender = Fixtures.gtin();
        recipient = Fixtures.gtin();
        expect(api.post("/api/v1/edi/partners", partnerBody(partner, sender, "GTIN")), 201);
    }

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

        JsonNode listed = expect(api.get("/api/v1/edi/messages?partner=" + partner), 200).json().get("items");
        assertThat(listed).extracting(m -> m.get("direction").asString() + " " + m.get("type").asString() + " "
                + m.get("outcome").asString()).containsExactly("IN ORDERS PLACED", "OUT ORDRSP STORED",
                        "IN ORDERS PLACED", "OUT ORDRSP STORED", "OUT CONTRL STORED");
        assertThat(listed.get(4).get("body").asString()).isEqualTo(ack.get("body").asString());

        // ORDRSP answers the first order: accepted as ordered, naming our order and the buyer's
        List<List<String>> ordrsp = segments(listed.get(1).get("body").asString());
        assertThat(find(ordrsp, "UNH").get(2)).isEqualTo("ORDRSP:D:96A:UN:EAN005");
        assertThat(find(ordrsp, "BGM")).containsExactly("BGM", "231", first.get("number").asString(), "29");
        assertThat(find(ordrsp, "RFF")).containsExactly("RFF", "ON:" + po + "-1");
        assertThat(all(ordrsp, "LIN")).extracting(l -> String.join(" ", l))
                .containsExactly("LIN 1 5 " + gtin1 + ":SRV", "LIN 2 5 " + gtin2 + ":SRV");
        assertThat(all(ordrsp, "QTY")).extracting(q -> q.get(1)).containsExactly("21:3", "21:2");
        assertThat(all(ordrsp, "PRI")).extracting(q -> q.get(1)).containsExactly("AAA:12.50", "AAA:3.20");
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

    /** Registers this test's partner again as an X12 partner; returns the ISA control number to use. */
    private String registerX12Partner() {
        partner = Fixtures.unique("X").replace("-", "");
        sender = Fixtures.gtin();
        Map<String, Object> body = partnerBody(partner, sender, "GTIN");
        body.put("standard", "X12");
        body.put("version", "004010");
        body.put("senderQualifier", "ZZ");
        body.put("recipientQualifier", "ZZ");
        expect(api.post("/api/v1/edi/partners", body), 201);
        return Fixtures.gtin().substring(3, 12);
    }

    private Map<String, String> x12Values(String isa, String po) {
        return Map.of("ISA13", isa, "PO", po, "SENDER15", String.format("%-15s", sender), "RECIPIENT15",
                String.format("%-15s", recipient));
    }

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
    void aPartnersEndpointThatFailsTwiceGetsEachMessageDeliveredExactlyOnce() throws Exception {
        List<String> keys = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/edi", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the partner's endpoint is down for the first two requests, then takes everything
            int status = requests.incrementAndGet() <= 2 ? 503 : 200;
            if (status == 200) {
                keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                delivered.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            Map<String, Object> body = partnerBody(partner, sender, "GTIN");
            body.put("delivery", "HTTP");
            body.put("deliveryUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/edi");
            expect(api.put("/api/v1/edi/partners/" + partner, body), 200);

            expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                    Map.of("REF", reference(), "PO", Fixtures.unique("PO")))), 200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> requests.get() >= 2);
            // the failed attempts wait before they are tried again: a while later, each is delivered once
            TestClock.movedBy(java.time.Duration.ofMinutes(5), () -> {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                        .until(() -> delivered.size() >= 3);
                org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(5))
                        .atMost(java.time.Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
            });
        } finally {
            server.stop(0);
        }
        JsonNode out = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200).json()
                .get("items");
        assertThat(out).hasSize(3);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                java.util.stream.StreamSupport.stream(out.spliterator(), false).map(m -> m.get("id").asString())
                        .toList());
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(
                java.util.stream.StreamSupport.stream(out.spliterator(), false).map(m -> m.get("body").asString())
                        .toList());
        assertThat(requests.get()).isEqualTo(5);
        assertThat(out).allSatisfy(m -> assertThat(m.get("deliveryStatus").asString()).isEqualTo("DELIVERED"));
        assertThat(out).extracting(m -> m.get("deliveryAttempts").asInt()).contains(2).allMatch(n -> n <= 2);
    }

    @Test
    void aPartnerWithAFolderFindsEachMessageThereAsAFileOfItsOwn() throws Exception {
        Map<String, Object> body = partnerBody(partner, sender, "GTIN");
        body.put("delivery", "FOLDER");
        expect(api.put("/api/v1/edi/partners/" + partner, body), 200);

        expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO")))), 200);

        java.nio.file.Path folder = java.nio.file.Path.of("target/it-data/edi/outbox", partner);
        JsonNode out = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200).json()
                .get("items");
        assertThat(out).hasSize(3);
        for (JsonNode message : out) {
            java.nio.file.Path file = folder.resolve(message.get("type").asString() + "-"
                    + message.get("controlNumber").asLong() + ".edi");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> java.nio.file.Files.exists(file));
            assertThat(java.nio.file.Files.readString(file)).isEqualTo(message.get("body").asString());
        }
        try (var files = java.nio.file.Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(3).allMatch(n -> n.endsWith(".edi"));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                java.util.stream.StreamSupport.stream(expect(api.get("/api/v1/edi/messages?partner=" + partner
                        + "&direction=OUT"), 200).json().get("items").spliterator(), false)
                        .allMatch(m -> m.get("deliveryStatus").asString().equals("DELIVERED")));
    }

    @Test
    void aFileInThePartnersDropFolderBecomesOrdersAndMovesToProcessed() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("target/it-data/edi/inbox", partner);
        String ref = reference();
        byte[] body = interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", ref, "PO", Fixtures.unique("PO")));
        drop(folder, "orders-1.edi", body);

        java.nio.file.Path processed = folder.resolve("processed/orders-1.edi");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> java.nio.file.Files.exists(processed.resolveSibling("orders-1.edi.answer.json")));
        assertThat(java.nio.file.Files.readAllBytes(processed)).isEqualTo(body);
        assertThat(folder.resolve("orders-1.edi")).doesNotExist();
        JsonNode answer = Api.JSON.readTree(java.nio.file.Files.readString(processed.resolveSibling("orders-1.edi.answer.json")));
        assertThat(answer.get("messages")).extracting(m -> m.get("outcome").asString())
                .containsExactly("PLACED", "PLACED");
        assertThat(expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=IN"), 200).json()
                .get("items")).hasSize(2);
    }

    @Test
    void aFileReadAgainAfterACrashBeforeItsMoveCreatesNothingTwice() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("target/it-data/edi/inbox", partner);
        byte[] body = interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO")));
        // the first reading took the interchange, then the poller died before it moved the file
        JsonNode first = expect(post(body), 200).json();
        drop(folder, "again.edi", body);

        java.nio.file.Path answer = folder.resolve("processed/again.edi.answer.json");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> java.nio.file.Files.exists(answer));
        assertThat(Api.JSON.readTree(java.nio.file.Files.readString(answer))).isEqualTo(first);
        assertThat(expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=IN"), 200).json()
                .get("items")).hasSize(2);
    }

    @Test
    void aFileThatIsNoInterchangeOfThePartnerIsRefusedWithTheReason() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("target/it-data/edi/inbox", partner);
        drop(folder, "garbage.edi", new byte[] {0, 1, 2, (byte) 0xff, 'U', 'N', 'B'});
        String other = Fixtures.gtin();
        Map<String, Object> otherPartner = partnerBody(Fixtures.unique("OT").replace("-", ""), other, "GTIN");
        expect(api.post("/api/v1/edi/partners", otherPartner), 201);
        String theirs = new String(interchange("orders-una-release.edi", StandardCharsets.UTF_8,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO"))), StandardCharsets.UTF_8).replace(sender, other);
        drop(folder, "theirs.edi", theirs.getBytes(StandardCharsets.ISO_8859_1));

        java.nio.file.Path refused = folder.resolve("refused");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> java.nio.file.Files.exists(refused.resolve("theirs.edi.reason.txt"))
                        && java.nio.file.Files.exists(refused.resolve("garbage.edi.reason.txt")));
        assertThat(java.nio.file.Files.readString(refused.resolve("theirs.edi.reason.txt")))
                .contains("UNB.sender").contains("folder of " + partner);
        assertThat(java.nio.file.Files.readString(refused.resolve("garbage.edi.reason.txt"))).isNotBlank();
        assertThat(refused.resolve("garbage.edi")).exists();
        assertThat(expect(api.get("/api/v1/edi/messages?partner=" + otherPartner.get("code")), 200).json()
                .get("items")).isEmpty();
    }

    /** Puts a file into a drop folder as a partner should: written under a hidden name, then renamed. */
    private static void drop(java.nio.file.Path folder, String name, byte[] body) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Path part = folder.resolve("." + name + ".part");
        java.nio.file.Files.write(part, body);
        java.nio.file.Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(60)));
        java.nio.file.Files.move(part, folder.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Picks the location's orders and ships the order's two lines in two parcels; returns the shipment. */
    private JsonNode shipInTwoParcels(String orderId) {
        org.ordo.Warehouse floor = new org.ordo.Warehouse(api.withNewKey("WAREHOUSE"));
        floor.pickAll(floor.pickListAt(location));
        Api warehouse = api.withNewKey("WAREHOUSE");
        JsonNode parcels = expect(warehouse.post("/api/v1/fulfillment/orders/" + orderId + "/parcels", Map.of(
                "location", location, "parcels", List.of(
                        Map.of("weightGrams", 900, "items", List.of(Map.of("lineNo", 1, "quantity", 3))),
                        Map.of("weightGrams", 700, "items", List.of(Map.of("lineNo", 2, "quantity", 2)))))), 201)
                .json();
        List<String> ids = new ArrayList<>();
        parcels.forEach(p -> ids.add(p.get("id").asString()));
        return expect(warehouse.post("/api/v1/fulfillment/orders/" + orderId + "/shipments", Map.of("parcels", ids,
                "carrier", "DHL", "service", "Paket", "trackingNumber", Fixtures.unique("TRK").replace("-", ""))),
                201).json();
    }

    /** The partner's outgoing message of this type, once the event after the shipment or invoice has made it. */
    private JsonNode awaitOutgoing(String type) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            for (JsonNode m : expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200)
                    .json().get("items")) {
                if (m.get("type").asString().equals(type)) {
                    return m;
                }
            }
            return null;
        }, m -> m != null);
    }

    /** The first segment with this tag whose first element starts with this qualifier. */
    private static List<String> starting(List<List<String>> segments, String tag, String qualifier) {
        return segments.stream().filter(s -> s.get(0).equals(tag) && (s.get(1).equals(qualifier)
                || s.get(1).startsWith(qualifier + ":"))).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + tag + " " + qualifier + " in " + segments));
    }

    private static boolean gs1CheckDigitHolds(String digits) {
        int sum = 0;
        for (int i = digits.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(digits.length() - 1) - '0';
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private Api.Response post(byte[] body) {
        return api.postBytes("/api/v1/edi/interchanges", body, "application/EDIFACT");
    }

    private String article(String gtin, String price) {
        String sku = Fixtures.unique("EDI");
        expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("de", "Artikel " + sku),
                "price", Map.of("amount", price, "currency", "EUR"), "taxRate", "19", "weightGrams", 300,
                "gtin", gtin)), 201);
        return sku;
    }

    private Map<String, Object> partnerBody(String code, String senderId, String articleNumbers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Megamarkt");
        body.put("customerId", customerId);
        body.put("standard", "EDIFACT");
        body.put("version", "D96A");
        body.put("senderQualifier", "14");
        body.put("senderId", senderId);
        body.put("recipientQualifier", "14");
        body.put("recipientId", recipient);
        body.put("articleNumbers", articleNumbers);
        body.put("currency", "EUR");
        body.put("paymentMethod", "invoice");
        body.put("shipTo", Map.of("name", "Megamarkt Zentrallager", "street", "Industriestr. 9", "postalCode",
                "30159", "city", "Hannover", "country", "DE"));
        return body;
    }

    private static String reference() {
        return "R" + Fixtures.gtin().substring(1);
    }

    /** A test interchange with this test's partner, articles and the given values in place of its placeholders. */
    private byte[] interchange(String file, Charset charset, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("SENDER", sender);
        all.put("RECIPIENT", recipient);
        all.putIfAbsent("GTIN1", gtin1);
        all.putIfAbsent("GTIN2", gtin2);
        String text;
        try (var in = getClass().getResourceAsStream("/edi/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var e : all.entrySet()) {
            text = text.replace("${" + e.getKey() + "}", e.getValue());
        }
        assertThat(text).doesNotContain("${");
        return text.getBytes(charset);
    }

    /** The segments of an interchange as StAEDI reads them: tag, then each element (components joined by ':'). */
    static List<List<String>> segments(String interchange) {
        List<List<String>> segments = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(interchange.getBytes(StandardCharsets.UTF_8)))) {
            List<String> segment = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> segment = new ArrayList<>(List.of(reader.getText()));
                    case ELEMENT_DATA -> {
                        var at = reader.getLocation();
                        if (at.getComponentPosition() > 1) {
                            int last = segment.size() - 1;
                            segment.set(last, segment.get(last) + ":" + reader.getText());
                        } else {
                            segment.add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> segments.add(segment);
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                        throw new AssertionError("CONTRL is not valid: " + reader.getErrorType() + " at "
                                + reader.getLocation().getSegmentTag());
                    default -> {
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return segments;
    }

    static List<String> find(List<List<String>> segments, String tag) {
        return segments.stream().filter(s -> s.get(0).equals(tag)).findFirst().orElseThrow();
    }

    static List<String> find(List<List<String>> segments, String tag, String first) {
        return segments.stream().filter(s -> s.get(0).equals(tag) && s.get(1).equals(first)).findFirst()
                .orElseThrow();
    }

    static List<List<String>> all(List<List<String>> segments, String tag) {
        return segments.stream().filter(s -> s.get(0).equals(tag)).toList();
    }
}
