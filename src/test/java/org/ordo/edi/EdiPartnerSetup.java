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

/**
 * What the EDI integration tests share: one trading partner per test, with its own identifiers, two articles with
 * GTINs and stock, and the helpers that write interchanges and read StAEDI segments back.
 */
@IntegrationTest
abstract class EdiPartnerSetup {

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


    /** Registers this test's partner again as an X12 partner; returns the ISA control number to use. */
    String registerX12Partner() {
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

    Map<String, String> x12Values(String isa, String po) {
        return Map.of("ISA13", isa, "PO", po, "SENDER15", String.format("%-15s", sender), "RECIPIENT15",
                String.format("%-15s", recipient));
    }

    /** Puts a file into a drop folder as a partner should: written under a hidden name, then renamed. */
    static void drop(java.nio.file.Path folder, String name, byte[] body) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Path part = folder.resolve("." + name + ".part");
        java.nio.file.Files.write(part, body);
        java.nio.file.Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(60)));
        java.nio.file.Files.move(part, folder.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Picks the location's orders and ships the order's two lines in two parcels; returns the shipment. */
    JsonNode shipInTwoParcels(String orderId) {
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

    /** The partner's {@code nth} outgoing message of this type (1: the first), once an event has made it. */
    JsonNode awaitOutgoing(String type, int nth) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            int seen = 0;
            for (JsonNode m : expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200)
                    .json().get("items")) {
                if (m.get("type").asString().equals(type) && ++seen == nth) {
                    return m;
                }
            }
            return null;
        }, m -> m != null);
    }

    /** The partner's outgoing message of this type, once the event after the shipment or invoice has made it. */
    JsonNode awaitOutgoing(String type) {
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
    static List<String> starting(List<List<String>> segments, String tag, String qualifier) {
        return segments.stream().filter(s -> s.get(0).equals(tag) && (s.get(1).equals(qualifier)
                || s.get(1).startsWith(qualifier + ":"))).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + tag + " " + qualifier + " in " + segments));
    }

    static boolean gs1CheckDigitHolds(String digits) {
        int sum = 0;
        for (int i = digits.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(digits.length() - 1) - '0';
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    Api.Response post(byte[] body) {
        return api.postBytes("/api/v1/edi/interchanges", body, "application/EDIFACT");
    }

    String article(String gtin, String price) {
        String sku = Fixtures.unique("EDI");
        expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("de", "Artikel " + sku),
                "price", Map.of("amount", price, "currency", "EUR"), "taxRate", "19", "weightGrams", 300,
                "gtin", gtin)), 201);
        return sku;
    }

    Map<String, Object> partnerBody(String code, String senderId, String articleNumbers) {
        return Fixtures.edifactPartner(code, customerId, senderId, recipient, articleNumbers);
    }

    static String reference() {
        return "R" + Fixtures.gtin().substring(1);
    }

    /** A test interchange with this test's partner, articles and the given values in place of its placeholders. */
    byte[] interchange(String file, Charset charset, Map<String, String> values) {
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
