package org.ordo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.ordering.PlaceOrder;
import org.ordo.party.CustomerDraft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The review queue as an agent works it: an entry with its draft is corrected and confirmed into an order linked to
 * the original, or rejected with a reason; bank statements with lines not booked wait in the same queue.
 */
@IntegrationTest
class ReviewQueueIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Intake intake;
    @Autowired
    ReviewQueue queue;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void anAgentCorrectsTheDraftAndConfirmsItIntoAnOrderLinkedToTheOriginal() {
        String location = fixtures.location(1);
        String sku = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(sku, location, 10);
        String email = Fixtures.unique("mail").toLowerCase() + "@example.com";
        UUID document = intake.archive("email", "message/rfc822",
                ("From: " + email + "\r\n\r\nPlease send 3 x " + sku).getBytes(StandardCharsets.UTF_8), "test");
        // what could be read: the article, but the quantity is doubtful and the address missing
        PlaceOrder draft = new PlaceOrder("email", null, null, CustomerDraft.contact(email, null, "de"), null, null,
                "EUR", "invoice", null, null, List.of(new PlaceOrder.Line(sku, 1L)));
        ReviewEntry entry = queue.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER,
                "free text: the lines are a guess", email, "Please send 3 x " + sku, draft));

        JsonNode listed = expect(api.get("/api/v1/review-entries?kind=ORDER&limit=200"), 200).json();
        assertThat(listed.get("items").findValuesAsString("id")).contains(entry.id().toString());
        JsonNode shown = expect(api.get("/api/v1/review-entries/" + entry.id()), 200).json();
        assertThat(shown.get("draft").get("lines").get(0).get("sku").asString()).isEqualTo(sku);
        assertThat(shown.get("status").asString()).isEqualTo("OPEN");
        assertThat(expect(api.get("/api/v1/inbound-documents/" + document), 200).json().get("status").asString())
                .isEqualTo("REVIEW");

        expect(api.post("/api/v1/review-entries/" + entry.id() + "/owner", Map.of("owner", "erika")), 200);
        Map<String, Object> corrected = Fixtures.order("EUR", sku, 3);
        corrected.put("channel", "email");
        JsonNode order = expect(api.post("/api/v1/review-entries/" + entry.id() + "/confirm", corrected), 201).json();
        assertThat(order.get("lines").get(0).get("quantity").asLong()).isEqualTo(3);

        JsonNode confirmed = expect(api.get("/api/v1/review-entries/" + entry.id()), 200).json();
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("owner").asString()).isEqualTo("erika");
        assertThat(confirmed.get("orderId").asString()).isEqualTo(order.get("id").asString());
        JsonNode original = expect(api.get("/api/v1/inbound-documents/" + document), 200).json();
        assertThat(original.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(original.get("producedId").asString()).isEqualTo(order.get("id").asString());
        assertThat(expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json()
                .get("inboundDocumentId").asString()).isEqualTo(document.toString());

        // confirmed once: a second confirmation places nothing
        Map<String, Object> again = Fixtures.order("EUR", sku, 3);
        expect(api.post("/api/v1/review-entries/" + entry.id() + "/confirm", again), 409);
        expect(api.post("/api/v1/review-entries/" + entry.id() + "/reject", Map.of("reason", "late")), 409);
    }

    @Test
    void anOrderThatCannotBePlacedLeavesTheEntryOpen() {
        String sku = fixtures.article("5.00", "EUR", "19");
        UUID document = intake.archive("email", "text/plain", ("1 x " + sku).getBytes(StandardCharsets.UTF_8), "test");
        ReviewEntry entry = queue.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER, "free text", null,
                "1 x " + sku, null));

        // no stock anywhere and the article is not backorderable: refused, the entry stays open
        Map<String, Object> corrected = Fixtures.order("EUR", sku, 1);
        expect(api.post("/api/v1/review-entries/" + entry.id() + "/confirm", corrected), 409);
        assertThat(queue.entry(entry.id()).status()).isEqualTo(ReviewEntry.Status.OPEN);
        expect(api.post("/api/v1/review-entries/" + entry.id() + "/confirm", Map.of("lines", List.of())), 422);
        assertThat(queue.entry(entry.id()).status()).isEqualTo(ReviewEntry.Status.OPEN);
    }

    @Test
    void aRejectedEntryKeepsItsReasonAndDiscardsTheOriginal() {
        UUID document = intake.archive("email", "text/plain", "Hello, how are you?".getBytes(StandardCharsets.UTF_8),
                "test");
        ReviewEntry entry = queue.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER, "no articles found", null,
                "Hello, how are you?", null));
        // the same part again opens nothing new
        assertThat(queue.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER, "again", null, null, null)).id())
                .isEqualTo(entry.id());

        assertThat(expect(api.post("/api/v1/review-entries/" + entry.id() + "/reject", Map.of()), 422).errorFields())
                .contains("reason");
        assertThat(expect(api.post("/api/v1/review-entries/" + entry.id() + "/reject",
                Map.of("reason", "not an order", "notifySender", true)), 422).errorFields()).contains("notifySender");
        JsonNode rejected = expect(api.post("/api/v1/review-entries/" + entry.id() + "/reject",
                Map.of("reason", "not an order")), 200).json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionNote").asString()).isEqualTo("not an order");
        assertThat(rejected.get("decidedBy").asString()).isNotBlank();
        assertThat(expect(api.get("/api/v1/inbound-documents/" + document), 200).json().get("status").asString())
                .isEqualTo("DISCARDED");
        JsonNode open = expect(api.get("/api/v1/review-entries?limit=200"), 200).json();
        assertThat(open.get("items").findValuesAsString("id")).doesNotContain(entry.id().toString());
    }

    @Test
    void theSenderOfARejectedMailIsToldWhyWhenTheAgentAsks() {
        String email = Fixtures.unique("sender").toLowerCase() + "@example.com";
        UUID document = intake.archive("email", "message/rfc822",
                ("From: " + email + "\r\n\r\nSend the usual").getBytes(StandardCharsets.UTF_8), "test");
        ReviewEntry entry = queue.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER, "no articles found",
                email, "Send the usual", null));

        expect(api.post("/api/v1/review-entries/" + entry.id() + "/reject",
                Map.of("reason", "We do not know what the usual is: please name the articles.", "notifySender", true)),
                200);

        List<Map<String, Object>> mails = jdbc.sql("SELECT kind, subject, body FROM message WHERE recipient = :r")
                .param("r", email).query().listOfRows();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("kind")).isEqualTo("REVIEW_REJECTED");
        assertThat((String) mails.get(0).get("body")).contains("please name the articles");
    }

    @Test
    void aBankStatementWithLinesNotBookedWaitsInTheQueueUntilAPersonResolvesIt() {
        String csv = "date;amount;currency;reference\n2026-01-05;10.00;EUR;" + Fixtures.unique("no order") + "\n";
        JsonNode imported = expect(api.postBytes("/api/v1/payments/bank-statements",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv"), 200).json();
        String document = imported.get("documentId").asString();

        JsonNode queued = expect(api.get("/api/v1/review-entries?kind=BANK_STATEMENT&limit=200"), 200).json();
        JsonNode entry = null;
        for (JsonNode item : queued.get("items")) {
            if (item.get("documentId").asString().equals(document)) {
                entry = item;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("reason").asString()).contains("line 2: no order number in the reference");
        String id = entry.get("id").asString();
        expect(api.post("/api/v1/review-entries/" + id + "/confirm", Fixtures.order("EUR", "X", 1)), 409);

        JsonNode resolved = expect(api.post("/api/v1/review-entries/" + id + "/resolve",
                Map.of("note", "booked to SO-000001 by hand")), 200).json();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(expect(api.get("/api/v1/inbound-documents/" + document), 200).json().get("status").asString())
                .isEqualTo("PROCESSED");
    }
}
