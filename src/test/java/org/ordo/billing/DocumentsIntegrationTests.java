package org.ordo.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Mails;
import org.ordo.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Documents: the confirmation and the invoice as PDF, stored once and downloaded identically; e-invoices for
 * business customers that pass validation; credit notes for cancellations and refunds, never twice per cause.
 * Confirmations are rendered when first asked for, not when the order is placed.
 */
@IntegrationTest
class DocumentsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Billing billing;
    @Autowired
    DocumentArchive archive;
    @Autowired
    Notifications notifications;

    Api api;
    Fixtures fixtures;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 1000);
    }

    private JsonNode place(Map<String, Object> customer) {
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", sku, 2));
        if (customer != null) {
            body.put("customer", customer);
        }
        return expect(api.placeOrder(body), 201).json();
    }

    private JsonNode documents(String orderId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> expect(api.get("/api/v1/orders/" + orderId + "/documents"), 200).json(),
                        list -> list.size() >= count);
    }

    private static JsonNode ofKind(JsonNode documents, String kind) {
        for (JsonNode d : documents) {
            if (d.get("kind").asString().equals(kind)) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " in " + documents);
    }

    private HttpResponse<byte[]> download(String id, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/documents/" + id))
                .header("Authorization", "Bearer " + key).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void confirmationAndInvoiceAreStoredOnceAndDownloadIdentically() throws Exception {
        JsonNode order = place(null);
        String id = order.get("id").asString();
        Invoice invoice = billing.invoice(UUID.fromString(id), "INV");

        JsonNode docs = documents(id, 2);
        JsonNode confirmation = ofKind(docs, "CONFIRMATION");
        assertThat(confirmation.get("number").asString()).isEqualTo(order.get("number").asString());
        JsonNode pdf = ofKind(docs, "INVOICE");
        assertThat(pdf.get("number").asString()).isEqualTo(invoice.number());
        assertThat(pdf.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(pdf.get("locale").asString()).isEqualTo("de");

        HttpResponse<byte[]> first = download(pdf.get("id").asString(), Api.ADMIN_KEY);
        HttpResponse<byte[]> second = download(pdf.get("id").asString(), Api.ADMIN_KEY);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(first.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"invoice-" + invoice.number() + ".pdf\"");
        assertThat(org.ordo.platform.Sha256.hex(first.body())).isEqualTo(pdf.get("sha256").asString())
                .isEqualTo(org.ordo.platform.Sha256.hex(second.body()));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.body().length).isEqualTo(pdf.get("size").asLong());

        String text = Mails.pdfText(first.body());
        assertThat(text).contains("Rechnung " + invoice.number(), order.get("number").asString(), "47,58 €",
                "Gesamtbetrag", "Ordo Demo GmbH", "Seite 1 von 1");
        assertThat(Mails.pdfText(download(confirmation.get("id").asString(), Api.ADMIN_KEY).body()))
                .contains("Auftragsbestätigung " + order.get("number").asString(), "47,58 €");

        // Rendering again (an event handled twice) keeps the stored document.
        assertThat(billing.invoice(UUID.fromString(id), "INV").number()).isEqualTo(invoice.number());
        assertThat(api.get("/api/v1/orders/" + id + "/documents").json()).hasSize(2);

        var mail = notifications.ofOrder(UUID.fromString(id)).stream()
                .filter(m -> m.kind().name().equals("INVOICE")).findFirst().orElseThrow();
        assertThat(mail.subject()).contains(invoice.number());
        assertThat(notifications.attachmentsOf(mail.id())).containsExactly(UUID.fromString(pdf.get("id").asString()));
        JsonNode attachments = expect(api.get("/api/v1/messages/" + mail.id() + "/attachments"), 200).json();
        assertThat(attachments.get(0).get("document").get("fileName").asString()).isEqualTo(pdf.get("fileName")
                .asString());
        assertThat(attachments.get(0).get("download").asString()).isEqualTo("/api/v1/documents/" + pdf.get("id")
                .asString());
    }

    @Test
    void documentsAreForAdminsAndAgentsAndUnknownIdsAreAnswered() throws Exception {
        JsonNode order = place(null);
        String id = order.get("id").asString();
        JsonNode confirmation = ofKind(documents(id, 1), "CONFIRMATION");
        Api warehouse = api.withNewKey("WAREHOUSE");
        assertThat(warehouse.get("/api/v1/orders/" + id + "/documents").status()).isEqualTo(403);
        Api agent = api.withNewKey("AGENT");
        assertThat(agent.get("/api/v1/orders/" + id + "/documents").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents/" + UUID.randomUUID()).status()).isEqualTo(404);
        Api.Response bad = api.get("/api/v1/documents/not-a-uuid");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).containsExactly("id");
        assertThat(confirmation.get("fileName").asString()).isEqualTo("confirmation-" + order.get("number").asString()
                + ".pdf");
    }

    @Test
    void aBusinessCustomerGetsAValidXRechnungAndZugferdInvoice() throws Exception {
        String email = Fixtures.unique("b2b").toLowerCase() + "@example.com";
        expect(api.post("/api/v1/customers", Map.of("email", email, "name", "Max Muster", "locale", "en",
                "type", "BUSINESS", "company", "Muster AG", "vatId", "DE811569869")), 201);
        JsonNode order = place(Map.of("email", email, "name", "Max Muster", "locale", "en"));
        String id = order.get("id").asString();
        Invoice invoice = billing.invoice(UUID.fromString(id), "INV");

        JsonNode docs = documents(id, 3);
        JsonNode zugferd = ofKind(docs, "ZUGFERD");
        JsonNode xrechnung = ofKind(docs, "XRECHNUNG");
        assertThat(xrechnung.get("mediaType").asString()).isEqualTo("application/xml");

        byte[] pdf = download(zugferd.get("id").asString(), Api.ADMIN_KEY).body();
        ZUGFeRDValidator pdfCheck = new ZUGFeRDValidator();
        String pdfReport = pdfCheck.validate(pdf, "invoice.pdf");
        assertThat(pdfCheck.wasCompletelyValid()).as(pdfReport).isTrue();
        assertThat(Mails.pdfText(pdf)).contains("Invoice " + invoice.number(), "Your VAT ID", "DE811569869");

        byte[] xml = download(xrechnung.get("id").asString(), Api.ADMIN_KEY).body();
        ZUGFeRDValidator xmlCheck = new ZUGFeRDValidator();
        String xmlReport = xmlCheck.validate(xml, "xrechnung.xml");
        assertThat(xmlCheck.wasCompletelyValid()).as(xmlReport).isTrue();
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains(invoice.number(), "Muster AG");

        var mail = notifications.ofOrder(UUID.fromString(id)).stream()
                .filter(m -> m.kind().name().equals("INVOICE")).findFirst().orElseThrow();
        assertThat(notifications.attachmentsOf(mail.id())).containsExactly(
                UUID.fromString(zugferd.get("id").asString()), UUID.fromString(xrechnung.get("id").asString()));
    }

    @Test
    void cancellingAnInvoicedOrderIssuesOneCreditNoteForAllOfIt() {
        JsonNode order = place(null);
        String id = order.get("id").asString();
        Invoice invoice = billing.invoice(UUID.fromString(id), "INV");

        expect(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "customer changed their mind")), 200);
        JsonNode notes = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/orders/" + id + "/credit-notes").json(), list -> list.size() == 1);
        JsonNode note = notes.get(0);
        assertThat(note.get("number").asString()).matches("CN-\\d{4}-\\d{6}");
        assertThat(note.get("reason").asString()).isEqualTo("CANCELLATION");
        assertThat(note.get("invoiceNumber").asString()).isEqualTo(invoice.number());
        assertThat(note.get("gross").get("amount").asString()).isEqualTo("47.58");
        assertThat(note.get("lines").get(0).get("sku").asString()).isEqualTo(sku);

        // The same cause again (an event delivered twice) credits nothing more.
        assertThat(billing.credit(UUID.fromString(id), "CANCELLATION:" + id, CreditNote.Reason.CANCELLATION, null)
                .orElseThrow().number()).isEqualTo(note.get("number").asString());
        JsonNode pdf = ofKind(documents(id, 3), "CREDIT_NOTE");
        assertThat(pdf.get("number").asString()).isEqualTo(note.get("number").asString());
        assertThat(expect(api.get("/api/v1/credit-notes/" + note.get("number").asString()), 200).json()
                .get("orderNumber").asString()).isEqualTo(order.get("number").asString());
        assertThat(notifications.ofOrder(UUID.fromString(id))).filteredOn(m -> m.kind().name().equals("CREDIT_NOTE"))
                .singleElement().satisfies(m -> assertThat(m.body()).contains(note.get("number").asString(),
                        invoice.number(), "47,58"));
    }

    @Test
    void eachRefundOfAnInvoicedOrderIsCreditedOnceAndAnOverPaymentNotAtAll() throws Exception {
        JsonNode order = place(null);
        String number = order.get("number").asString();
        String id = order.get("id").asString();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", number,
                "amount", Map.of("amount", "50.00", "currency", "EUR"), "reference", number)), 201);
        billing.invoice(UUID.fromString(id), "INV");

        expect(api.post("/api/v1/payments/refunds", Map.of("order", number,
                "amount", Map.of("amount", "2.42", "currency", "EUR"), "reference", "over-payment")), 201);
        expect(api.post("/api/v1/payments/refunds", Map.of("order", number,
                "amount", Map.of("amount", "10.00", "currency", "EUR"), "reference", "damaged mug")), 201);
        JsonNode notes = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/orders/" + id + "/credit-notes").json(), list -> list.size() == 1);
        JsonNode note = notes.get(0);
        assertThat(note.get("reason").asString()).isEqualTo("REFUND");
        assertThat(note.get("gross").get("amount").asString()).isEqualTo("10.00");
        assertThat(note.get("net").get("amount").asString()).isEqualTo("8.40");
        assertThat(note.get("tax").get("amount").asString()).isEqualTo("1.60");
        assertThat(note.get("lines")).hasSize(1);
        assertThat(note.get("lines").get(0).get("name").asString()).startsWith("Erstattung zur Rechnung INV-");

        // The over-payment's refund credits nothing, whichever of the two is handled first: one note stays.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/v1/orders/" + id + "/credit-notes").json().size() == 1);
    }

    @Test
    void placingAnOrderRendersNothingAndTheFirstRequestsAtOnceStoreOneConfirmation() throws Exception {
        JsonNode order = place(null);
        String id = order.get("id").asString();
        String number = order.get("number").asString();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> archive.find(DocumentKind.CONFIRMATION, number).isEmpty());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<JsonNode> lists = new java.util.ArrayList<>();
        try {
            List<Future<JsonNode>> requests = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                requests.add(pool.submit(() -> expect(api.get("/api/v1/orders/" + id + "/documents"), 200).json()));
            }
            for (Future<JsonNode> request : requests) {
                lists.add(request.get());
            }
        } finally {
            pool.shutdown();
        }
        StoredDocument stored = archive.find(DocumentKind.CONFIRMATION, number).orElseThrow();
        for (JsonNode list : lists) {
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("sha256").asString()).isEqualTo(stored.sha256());
        }
        HttpResponse<byte[]> download = download(stored.id().toString(), Api.ADMIN_KEY);
        assertThat(org.ordo.platform.Sha256.hex(download.body())).isEqualTo(stored.sha256());
        assertThat(Mails.pdfText(download.body())).contains("Auftragsbestätigung " + number);
    }

    @Test
    void aMessagesAttachmentsAreRenderedWhenListed() {
        JsonNode order = place(null);
        String number = order.get("number").asString();
        var confirmation = notifications.ofOrder(UUID.fromString(order.get("id").asString())).get(0);
        assertThat(archive.find(DocumentKind.CONFIRMATION, number)).isEmpty();
        // Not stored yet, so a download by id alone does not find it ...
        UUID documentId = DocumentArchive.idOf(DocumentKind.CONFIRMATION, number);
        assertThat(api.get("/api/v1/documents/" + documentId).status()).isEqualTo(404);

        // ... but the message's attachment list renders it, and its link answers.
        JsonNode attachments = expect(api.get("/api/v1/messages/" + confirmation.id() + "/attachments"), 200).json();
        assertThat(attachments.get(0).get("document").get("fileName").asString())
                .isEqualTo("confirmation-" + number + ".pdf");
        assertThat(api.get(attachments.get(0).get("download").asString()).status()).isEqualTo(200);
        assertThat(archive.find(DocumentKind.CONFIRMATION, number)).isPresent();
    }
}
