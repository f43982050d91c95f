package org.ordo.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.outsourcing.internal.RequestDelivery;
import org.ordo.platform.WebhookSignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A 3PL that wants EDI gets each fulfilment request as an X12 940 warehouse shipping order, by HTTP or as a file,
 * read back here with StAEDI: our order number, the customer's address, every line with its SKU and quantity.
 */
@IntegrationTest
class WarehouseShippingOrderIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OutsourcingManagement outsourcing;

    @Autowired
    RequestDelivery delivery;

    Api api;
    Fixtures fixtures;
    DeliveredOrders customers;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        customers = new DeliveredOrders(api, api.withNewKey("WAREHOUSE"));
    }

    @Test
    void aThirdPartyWarehouseThatWantsEdiGetsASigned940WithTheOrderTheAddressAndTheLines() throws Exception {
        String location = fixtures.location(1);
        String secret = "edi-3pl-secret-" + UUID.randomUUID();
        String sku = fixtures.article("12.00", "EUR", "19");
        try (PartnerStandIn threePl = new PartnerStandIn()) {
            JsonNode partner = expect(api.put("/api/v1/fulfilment-partners/" + location, partner("HTTP",
                    threePl.url(), secret)), 200).json();
            assertThat(partner.get("format").asString()).isEqualTo("X12_940");
            assertThat(partner.get("ediReceiverId").asString()).isEqualTo("FULFIL3PL");
            fixtures.receive(sku, location, 10);
            threePl.failNext(1);
            JsonNode order = customers.placedAndPaid(sku, 4);
            String number = order.get("number").asString();

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                outsourcing.sendRequests();
                return !threePl.received().isEmpty();
            });
            // the first attempt failed; the retry is the same interchange (same control number)
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                org.ordo.TestClock.movedBy(Duration.ofMinutes(2), () -> outsourcing.sendRequests());
                return threePl.received().size() == 2;
            });
            PartnerStandIn.Received sent = threePl.received().get(1);
            assertThat(sent.contentType()).isEqualTo("application/EDI-X12");
            assertThat(signedBy(secret, sent)).as("signed with the partner's secret").isTrue();
            assertThat(segments(sent.body()).get(0).get(13)).as("ISA13 stays the same on a retry")
                    .isEqualTo(segments(threePl.received().get(0).body()).get(0).get(13));

            List<List<String>> segments = segments(sent.body());
            Map<String, List<String>> first = new HashMap<>();
            segments.forEach(s -> first.putIfAbsent(s.get(0), s));
            assertThat(first.get("ISA").get(6).trim()).isEqualTo("ORDOSHOP");
            assertThat(first.get("ISA").get(8).trim()).isEqualTo("FULFIL3PL");
            assertThat(first.get("GS").get(1)).isEqualTo("OW");
            assertThat(first.get("ST").get(1)).isEqualTo("940");
            assertThat(first.get("W05")).containsSequence("N", number);
            assertThat(first.get("N1").get(1)).isEqualTo("ST");
            assertThat(first.get("N3").get(1)).isEqualTo("Hauptstr. 1");
            assertThat(first.get("W01")).containsSequence("4", "EA", "", "SK", sku);
            assertThat(first.get("W76").get(1)).isEqualTo("4");
            List<String> se = first.get("SE");
            int inSet = segments.indexOf(se) - segments.indexOf(first.get("ST")) + 1;
            assertThat(se.get(1)).as("SE counts the segments of the set").isEqualTo(String.valueOf(inSet));
        }
    }

    @Test
    void aFolderPartnerGetsThe940AsAnEdiFileAndAnEdiPartnerWithoutIdentifiersIsRefused() throws Exception {
        String location = fixtures.location(1);
        Map<String, Object> withoutIds = new HashMap<>(partner("FOLDER", null, "edi-folder-secret-0123456789"));
        withoutIds.remove("ediSenderId");
        withoutIds.put("ediReceiverId", "NOT VALID*");
        JsonNode refused = expect(api.put("/api/v1/fulfilment-partners/" + location, withoutIds), 422).json();
        assertThat(refused.toString()).contains("ediSenderId").contains("ediReceiverId");

        expect(api.put("/api/v1/fulfilment-partners/" + location, partner("FOLDER", null,
                "edi-folder-secret-0123456789")), 200);
        String sku = fixtures.article("8.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        String number = customers.placedAndPaid(sku, 2).get("number").asString();
        Path file = delivery.folderOf(location).resolve(number + ".edi");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            outsourcing.sendRequests();
            return Files.exists(file);
        });
        List<List<String>> segments = segments(Files.readString(file));
        assertThat(segments).anySatisfy(s -> assertThat(s).containsSequence("W05", "N", number));
        assertThat(segments).anySatisfy(s -> assertThat(s).containsSequence("W01", "2", "EA", "", "SK", sku));
    }

    private static Map<String, Object> partner(String delivery, String url, String secret) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name", "EDI Fulfil",
                "delivery", delivery, "secret", secret, "format", "X12_940", "ediSenderId", "ORDOSHOP",
                "ediReceiverId", "FULFIL3PL"));
        if (url != null) {
            body.put("url", url);
        }
        return body;
    }

    private static boolean signedBy(String secret, PartnerStandIn.Received received) {
        String[] parts = received.signature().split(",");
        long t = Long.parseLong(parts[0].substring(2));
        return parts[1].equals("v1=" + WebhookSignature.sign(secret, t, received.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** The interchange read with StAEDI: each segment as its tag and element values; any syntax error fails. */
    private static List<List<String>> segments(String interchange) throws Exception {
        List<List<String>> segments = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(interchange.getBytes(StandardCharsets.UTF_8)))) {
            List<String> segment = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> segment = new ArrayList<>(List.of(reader.getText()));
                    case ELEMENT_DATA -> {
                        // StAEDI reports only the elements written; pad to the element's position
                        int at = reader.getLocation().getElementPosition();
                        while (segment.size() < at) {
                            segment.add("");
                        }
                        if (segment.size() == at) {
                            segment.add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> segments.add(segment);
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                        throw new AssertionError("the 940 is not valid: " + reader.getErrorType() + " at "
                                + reader.getLocation().getSegmentTag());
                    default -> {
                    }
                }
            }
        }
        return segments;
    }
}
