package org.ordo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.Mails;
import org.ordo.billing.Billing;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.Invoice;
import org.ordo.billing.DocumentKind;
import org.ordo.notification.internal.Dispatcher;
import org.ordo.notification.internal.Messages;
import org.ordo.notification.internal.NotificationProperties;
import org.ordo.promise.PromiseWatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Mail through a real SMTP server (GreenMail on a fixed local port): the confirmation in each language, retries
 * while the server is down, giving up after the last attempt, and two dispatchers on one database. Its own
 * application and database, because the shared test application has no SMTP server; the test runs the
 * dispatchers itself (the scheduled round is an hour away) so that each step is deterministic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ordo.data-dir=target/it-mail-data",
        "ordo.db.embedded-clean=true",
        "ordo.demo-data=false",
        "ordo.bootstrap-api-key=" + Api.ADMIN_KEY,
        "ordo.notification.smtp.from=shop@ordo.test",
        "ordo.notification.dispatch-every=PT1H",
        "ordo.notification.batch-size=3",
        "ordo.notification.max-attempts=20",
        "ordo.notification.first-retry-after=PT1S",
        "ordo.notification.max-retry-after=PT2S",
        "logging.level.org.ordo.platform.web=WARN"})
class MailDeliveryIntegrationTests {

    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("ordo.notification.smtp.host", () -> "127.0.0.1");
        registry.add("ordo.notification.smtp.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    Messages messages;
    @Autowired
    NotificationProperties settings;
    @Autowired
    DocumentArchive documents;
    @Autowired
    Billing billing;
    @Autowired
    PromiseWatch promises;

    Api api;
    Fixtures fixtures;
    GreenMail smtp;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        smtp = startSmtp();
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Places an order for a customer speaking {@code locale}; returns the order. */
    private JsonNode order(String locale, String sku) {
        Map<String, Object> order = new HashMap<>(Fixtures.order(sku.startsWith("KRW") ? "KRW" : "EUR",
                sku.substring(4), 1));
        order.put("customer", Map.of("email", Fixtures.unique(locale).toLowerCase() + "@example.com", "name",
                "Kim Muster", "locale", locale));
        // Nothing is rendered yet: the dispatcher renders the confirmation PDF when it sends the mail.
        return expect(api.placeOrder(order), 201).json();
    }

    private String article(String price, String currency, String taxRate) {
        String sku = fixtures.article(price, currency, taxRate);
        fixtures.receive(sku, location, 100);
        return currency + ":" + sku;
    }

    private JsonNode confirmationOf(JsonNode order) {
        return api.get("/api/v1/orders/" + order.get("id").asString() + "/messages").json().get(0);
    }

    private JsonNode message(String id) {
        return api.get("/api/v1/messages/" + id).json();
    }

    /** Mails the server received with this message's id as Message-ID. */
    private List<MimeMessage> received(String messageId) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (("<" + messageId + "@ordo>").equals(mail.getMessageID())) {
                found.add(mail);
            }
        }
        return found;
    }

    private void dispatchUntilNoneDue() {
        while (dispatcher.dispatchDue() > 0) {
            // next batch
        }
    }

    @Test
    void theConfirmationReachesTheCustomerInTheirLanguage() throws Exception {
        String euros = article("19.99", "EUR", "19");
        String won = article("12000", "KRW", "10");
        Map<String, String> totals = Map.of("de", "Gesamt: 23,79\u00a0€", "en", "Total: €23.79",
                "es", "Total: 23,79\u00a0€", "ko", "합계: ₩13,200");
        Map<String, String> subjects = Map.of("de", "Ihre Bestellung ", "en", "Your order ", "es", "Su pedido ",
                "ko", "주문 ");
        // In the PDF: the title in the customer's language (Hangul for ko) and the total as the language writes it
        Map<String, String> pdfTotals = Map.of("de", "23,79 €", "en", "€23.79", "es", "23,79 €", "ko", "₩13,200");
        Map<String, String> pdfTitles = Map.of("de", "Auftragsbestätigung", "en", "Order confirmation",
                "es", "Confirmación del pedido", "ko", "주문 확인서");
        Map<String, JsonNode> orders = new HashMap<>();
        for (String locale : List.of("de", "en", "es", "ko")) {
            orders.put(locale, order(locale, locale.equals("ko") ? won : euros));
        }

        dispatchUntilNoneDue();

        for (String locale : List.of("de", "en", "es", "ko")) {
            JsonNode order = orders.get(locale);
            String number = order.get("number").asString();
            JsonNode confirmation = confirmationOf(order);
            List<MimeMessage> mails = received(confirmation.get("id").asString());
            assertThat(mails).as(locale).hasSize(1);
            MimeMessage mail = mails.get(0);
            assertThat(mail.getSubject()).as(locale).startsWith(subjects.get(locale)).contains(number);
            assertThat(Mails.text(mail)).as(locale).contains(number).contains(totals.get(locale));
            assertThat(Mails.html(mail)).as(locale).contains("<p>", number);
            List<Mails.Attachment> attachments = Mails.attachments(mail);
            assertThat(attachments).as(locale).hasSize(1);
            assertThat(attachments.get(0).fileName()).isEqualTo("confirmation-" + number + ".pdf");
            assertThat(attachments.get(0).contentType()).startsWith("application/pdf");
            String pdf = Mails.pdfText(attachments.get(0).content());
            assertThat(pdf).as(locale).contains(number, pdfTotals.get(locale), pdfTitles.get(locale));
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(confirmation.get("recipient").asString());
            assertThat(mail.getFrom()[0].toString()).isEqualTo("shop@ordo.test");
            assertThat(mail.getHeader("Content-Language")[0]).isEqualTo(locale);

            JsonNode sent = message(confirmation.get("id").asString());
            assertThat(sent.get("status").asString()).isEqualTo("SENT");
            assertThat(sent.get("attempts").asInt()).isEqualTo(1);
            assertThat(sent.get("sentAt").isNull()).isFalse();
        }
    }

    /** Changes the order at {@code version} to {@code quantity} of its line 1; answers the change. */
    private JsonNode changeLineOne(String orderId, int version, long quantity) {
        return expect(api.post("/api/v1/orders/" + orderId + "/changes", Map.of("reason", "customer called",
                "lines", List.of(Map.of("lineNo", 1, "quantity", quantity))), "Idempotency-Key",
                Fixtures.unique("chg"), "If-Match", "\"" + version + "\""), 201).json().get("change");
    }

    /** The text of the "order changed" mail of this version as the customer received it, spaces made plain. */
    private String changeMail(String orderId, int version) throws Exception {
        String number = api.get("/api/v1/orders/" + orderId).json().get("number").asString();
        List<String> texts = new ArrayList<>();
        for (JsonNode m : api.get("/api/v1/orders/" + orderId + "/messages").json()) {
            if (m.get("kind").asString().equals("ORDER_CHANGED")) {
                for (MimeMessage mail : received(m.get("id").asString())) {
                    if (Mails.attachments(mail).get(0).fileName().contains(number + "-v" + version)) {
                        texts.add(Mails.text(mail).replace('\u00a0', ' '));
                    }
                }
            }
        }
        assertThat(texts).as("mail of version " + version).hasSize(1);
        return texts.get(0);
    }

    @Test
    void theOrderChangedMailStatesTheRefundNettedOverEveryChange() throws Exception {
        String sku = article("10.00", "EUR", "19").substring(4);
        Map<String, String> orders = new HashMap<>();
        for (String locale : List.of("de", "en")) {
            Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", sku, 3));
            body.put("customer", Map.of("email", Fixtures.unique(locale).toLowerCase() + "@example.com", "name",
                    "Kim Muster", "locale", locale));
            JsonNode placed = expect(api.placeOrder(body), 201).json();
            expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", placed.get("number").asString(),
                    "amount", Map.of("amount", "35.70", "currency", "EUR"), "reference", Fixtures.unique("TR"))),
                    201);
            orders.put(locale, placed.get("id").asString());
        }
        // German: 35.70 paid; two less (23.80 back), one back (11.90 back in all), all three again (nothing back).
        String de = orders.get("de");
        assertThat(changeLineOne(de, 1, 1).get("refundOwed").get("amount").asString()).isEqualTo("23.80");
        JsonNode oneBack = changeLineOne(de, 2, 2);
        assertThat(oneBack.get("refundDue").get("amount").asString()).isEqualTo("0.00");
        assertThat(oneBack.get("refundOwed").get("amount").asString()).isEqualTo("11.90");
        assertThat(changeLineOne(de, 3, 3).get("refundOwed").get("amount").asString()).isEqualTo("0.00");
        // English: one less (11.90 back), one less again: this change alone owes 11.90, the customer gets 23.80.
        String en = orders.get("en");
        changeLineOne(en, 1, 2);
        JsonNode again = changeLineOne(en, 2, 1);
        assertThat(again.get("refundDue").get("amount").asString()).isEqualTo("11.90");
        assertThat(again.get("refundOwed").get("amount").asString()).isEqualTo("23.80");

        dispatchUntilNoneDue();

        assertThat(changeMail(de, 2)).contains("Wir erstatten Ihnen 23,80 €.").doesNotContain("insgesamt");
        assertThat(changeMail(de, 3)).contains("Wir erstatten Ihnen insgesamt 11,90 €. Das ersetzt die 23,80 €")
                .doesNotContain("Noch zu zahlen");
        assertThat(changeMail(de, 4)).contains("Die Erstattung von 11,90 €", "entfällt")
                .doesNotContain("Wir erstatten", "Noch zu zahlen");
        assertThat(changeMail(en, 2)).contains("We will refund €11.90 to you.");
        assertThat(changeMail(en, 3)).contains("We will refund €23.80 to you in all. This replaces the €11.90")
                .doesNotContain("We will refund €11.90 to you.");
    }

    @Test
    void theInvoiceMailCarriesTheInvoicePdf() throws Exception {
        JsonNode order = order("es", article("19.99", "EUR", "19"));
        Invoice invoice = billing.invoice(java.util.UUID.fromString(order.get("id").asString()), "INV");
        await().atMost(Duration.ofSeconds(30)).until(() -> documents
                .find(DocumentKind.INVOICE, invoice.number()).isPresent());

        dispatchUntilNoneDue();

        JsonNode mail = api.get("/api/v1/orders/" + order.get("id").asString() + "/messages").json().get(1);
        assertThat(mail.get("kind").asString()).isEqualTo("INVOICE");
        MimeMessage received = received(mail.get("id").asString()).get(0);
        assertThat(received.getSubject()).isEqualTo("Su factura " + invoice.number() + " del pedido "
                + order.get("number").asString());
        assertThat(Mails.text(received)).contains(invoice.number(), "Total: 23,79\u00a0€");
        Mails.Attachment pdf = Mails.attachments(received).get(0);
        assertThat(pdf.fileName()).isEqualTo("invoice-" + invoice.number() + ".pdf");
        assertThat(Mails.pdfText(pdf.content())).contains("Factura " + invoice.number(), "23,79 €",
                order.get("number").asString());
        assertThat(org.ordo.platform.Sha256.hex(pdf.content())).as("the stored bytes")
                .isEqualTo(documents.find(DocumentKind.INVOICE, invoice.number()).orElseThrow().sha256());
    }

    @Test
    void theQuoteMailCarriesTheQuotePdf() throws Exception {
        String sku = article("80.00", "EUR", "19").substring(4);
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("email", Fixtures.unique("quote").toLowerCase() + "@example.com", "name",
                "Jana Krüger", "locale", "de"));
        body.put("currency", "EUR");
        body.put("validUntil", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString());
        body.put("shippingAddress", Fixtures.address("Jana Krüger", "DE"));
        body.put("lines", List.of(Map.of("sku", sku, "quantity", 3)));
        JsonNode quote = expect(api.post("/api/v1/quotes", body, "Idempotency-Key", Fixtures.unique("qk")), 201)
                .json();
        String number = quote.get("number").asString();
        expect(api.post("/api/v1/quotes/" + quote.get("id").asString() + "/send", Map.of()), 200);

        dispatchUntilNoneDue();

        MimeMessage received = null;
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().equals("Ihr Angebot " + number)) {
                received = mail;
            }
        }
        assertThat(received).as("the quote mail").isNotNull();
        assertThat(Mails.text(received)).contains(number, "Gesamt: 285,60 €");
        Mails.Attachment pdf = Mails.attachments(received).get(0);
        assertThat(pdf.fileName()).isEqualTo("quote-" + number + ".pdf");
        assertThat(Mails.pdfText(pdf.content())).contains("Angebot " + number, "285,60 €", "Gültig bis");
        assertThat(org.ordo.platform.Sha256.hex(pdf.content())).as("the stored bytes")
                .isEqualTo(documents.find(DocumentKind.QUOTE, number).orElseThrow().sha256());
    }

    @Test
    void whileTheServerIsDownMessagesWaitLongerEachTimeAndAreSentOnceItIsBack() throws Exception {
        String sku = article("5.00", "EUR", "19");
        smtp.stop();
        String id = confirmationOf(order("de", sku)).get("id").asString();

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        JsonNode first = message(id);
        assertThat(first.get("status").asString()).isEqualTo("QUEUED");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("lastError").asString()).isNotBlank();
        Instant retryAt = Instant.parse(first.get("nextAttemptAt").asString());
        assertThat(retryAt).isAfter(Instant.now());
        assertThat(dispatcher.dispatchDue()).as("not due before its back-off ends").isZero();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> dispatcher.dispatchDue() == 1);
        JsonNode second = message(id);
        assertThat(second.get("attempts").asInt()).isEqualTo(2);
        assertThat(Duration.between(Instant.parse(second.get("createdAt").asString()),
                Instant.parse(second.get("nextAttemptAt").asString()))).as("waits longer the second time")
                .isGreaterThan(Duration.ofSeconds(2));

        smtp = startSmtp();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            dispatcher.dispatchDue();
            return message(id).get("status").asString();
        }, "SENT"::equals);
        dispatchUntilNoneDue();
        assertThat(received(id)).hasSize(1);
        assertThat(message(id).get("attempts").asInt()).isEqualTo(3);
        assertThat(message(id).get("lastError").isNull()).isTrue();
    }

    @Test
    void afterTheLastAttemptAMessageFailsAndAnAgentCanSendACopy() throws Exception {
        String sku = article("5.00", "EUR", "19");
        smtp.stop();
        String id = confirmationOf(order("en", sku)).get("id").asString();
        Dispatcher impatient = new Dispatcher(messages, Dispatcher.senderFor(settings.smtp()),
                new NotificationProperties(settings.smtp(), null, settings.publicUrl(), 10, 2, Duration.ZERO,
                        Duration.ZERO, settings.lease()), documents);

        impatient.dispatchDue();
        impatient.dispatchDue();
        JsonNode failed = message(id);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(2);
        assertThat(impatient.dispatchDue()).as("a failed message is not tried again").isZero();

        smtp = startSmtp();
        String copy = expect(api.post("/api/v1/messages/" + id + "/resend", "{}"), 201).json().get("id").asString();
        dispatchUntilNoneDue();
        assertThat(message(copy).get("status").asString()).isEqualTo("SENT");
        assertThat(received(copy)).hasSize(1);
        assertThat(Mails.attachments(received(copy).get(0))).as("the copy carries the same PDF").singleElement()
                .satisfies(a -> assertThat(a.fileName()).startsWith("confirmation-"));
        assertThat(received(id)).isEmpty();
        assertThat(message(id).get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void twoDispatchersOnOneDatabaseNeverSendTheSameMessageTwice() throws Exception {
        String sku = article("5.00", "EUR", "19");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(confirmationOf(order(List.of("de", "en", "es", "ko").get(i % 4), sku)).get("id").asString());
        }
        Dispatcher otherNode = new Dispatcher(messages, Dispatcher.senderFor(settings.smtp()), settings, documents);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (Dispatcher node : List.of(dispatcher, otherNode)) {
                Callable<Integer> work = () -> {
                    start.await();
                    int total = 0;
                    for (int n = node.dispatchDue(); n > 0; n = node.dispatchDue()) {
                        total += n;
                    }
                    return total;
                };
                claimed.add(nodes.submit(work));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : claimed) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).as("claims by both nodes together").isEqualTo(ids.size());
        } finally {
            nodes.shutdownNow();
        }

        for (String id : ids) {
            assertThat(received(id)).as("mails for " + id).hasSize(1);
            assertThat(message(id).get("status").asString()).isEqualTo("SENT");
            assertThat(message(id).get("attempts").asInt()).isEqualTo(1);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(ids.size());
    }

    @Test
    void aMessageWhoseNodeDiedMidSendIsTakenOverAfterTheLease() throws Exception {
        String sku = article("5.00", "EUR", "19");
        String id = confirmationOf(order("es", sku)).get("id").asString();
        List<Messages.Claimed> diedWith = messages.claimDue(10, settings.lease());
        assertThat(diedWith).extracting(c -> c.message().id().toString()).containsExactly(id);
        assertThat(message(id).get("status").asString()).isEqualTo("SENDING");
        assertThat(dispatcher.dispatchDue()).as("still leased to the node that claimed it").isZero();

        Dispatcher survivor = new Dispatcher(messages, Dispatcher.senderFor(settings.smtp()),
                new NotificationProperties(settings.smtp(), null, settings.publicUrl(), 10, 5,
                        settings.firstRetryAfter(), settings.maxRetryAfter(), Duration.ZERO), documents);
        assertThat(survivor.dispatchDue()).isEqualTo(1);
        assertThat(message(id).get("status").asString()).isEqualTo("SENT");
        assertThat(received(id)).hasSize(1);
        assertThat(messages.sent(diedWith.get(0))).as("the old claim no longer counts").isFalse();
    }

    @Test
    void aPurchaseOrderThatComesLaterSendsTheBackorderedCustomerOneDelayNoticeWithTheNewDate() throws Exception {
        String sku = fixtures.article("PHYSICAL", "5.00", "EUR", "19", true, false);
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Proveedor " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 30, "currency", "EUR")), 201);
        expect(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "supplier", supplier,
                "reorderPoint", 0, "targetLevel", 10)), 200);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String po = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", location,
                "lines", List.of(Map.of("sku", sku, "quantity", 10, "unitPrice", "2.00",
                        "expectedOn", today.plusDays(5).toString()))), "Idempotency-Key", Fixtures.unique("po")), 201)
                .json().get("id").asString();
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", sku, 2));
        body.put("customer", Map.of("email", Fixtures.unique("es").toLowerCase() + "@example.com", "name",
                "Lucía Muster", "locale", "es"));
        JsonNode order = expect(api.placeOrder(body), 201).json();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                "amount", Map.of("amount", order.get("totals").get("gross").get("amount").asString(),
                        "currency", "EUR"))), 201);
        java.time.LocalDate promised = java.time.LocalDate.parse(order.get("deliverBy").asString());

        expect(api.post("/api/v1/purchase-orders/" + po + "/change", Map.of("reason", "el proveedor se retrasa",
                "lines", List.of(Map.of("line", 1, "expectedOn", today.plusDays(19).toString())))), 200);
        promises.movePromises();
        promises.movePromises();
        dispatchUntilNoneDue();

        java.time.LocalDate moved = java.time.LocalDate.parse(api.get("/api/v1/orders/" + order.get("id").asString())
                .json().get("deliverBy").asString());
        assertThat(moved).isAfter(promised).isAfterOrEqualTo(today.plusDays(19));
        List<MimeMessage> notices = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().equals("Su pedido " + order.get("number").asString() + " se retrasa")) {
                notices.add(mail);
            }
        }
        assertThat(notices).singleElement().satisfies(mail -> assertThat(Mails.text(mail))
                .contains("Ahora le prometemos la entrega para el " + java.time.format.DateTimeFormatter
                        .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(java.util.Locale.forLanguageTag("es")).format(moved)));
    }
}
