package org.ordo.mailroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.intake.ReviewEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Mail in through a real IMAP server (GreenMail): a mail in free text waits in review with a draft, the same mail
 * fetched twice is one entry, an EDI attachment becomes an order, a scanned order is read by OCR into a draft.
 */
@IntegrationTest
class MailboxIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Mailroom mailroom;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    GreenMail imap;
    GreenMailUser orders;
    Mailbox mailbox;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        int imapPort = freePort();
        imap = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        String name = Fixtures.unique("orders").toLowerCase();
        orders = imap.setUser(name + "@shop.test", name, "secret");
        mailbox = new Mailbox(name, "127.0.0.1", imapPort, name, "secret", "INBOX", false);
    }

    @AfterEach
    void tearDown() {
        imap.stop();
    }

    @Test
    void aMailInFreeTextWaitsInReviewWithADraftForTheCustomerItCameFrom() throws Exception {
        String sku = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(sku, location, 10);
        String email = Fixtures.unique("buyer").toLowerCase() + "@example.com";
        String customer = expect(api.post("/api/v1/customers", Map.of("email", email, "name", "Erika Muster",
                "addresses", List.of(Fixtures.address("Erika Muster", "DE")))), 201).json().get("id").asString();
        orders.deliver(mail(email, "Bestellung", "Hallo,\nbitte schicken Sie uns 3 x " + sku + "\nDanke, Erika"));

        MailboxPoll poll = mailroom.poll(mailbox);
        assertThat(poll.stored()).isEqualTo(1);

        JsonNode entry = entryFrom(email);
        assertThat(entry.get("kind").asString()).isEqualTo("ORDER");
        assertThat(entry.get("reason").asString()).contains("free text");
        assertThat(entry.get("readText").asString()).contains("bitte schicken Sie uns 3 x " + sku);
        JsonNode draft = entry.get("draft");
        assertThat(draft.get("customerId").asString()).isEqualTo(customer);
        assertThat(draft.get("shippingAddress").get("city").asString()).isEqualTo("Berlin");
        assertThat(draft.get("lines")).hasSize(1);
        assertThat(draft.get("lines").get(0).get("sku").asString()).isEqualTo(sku);
        assertThat(draft.get("lines").get(0).get("quantity").asLong()).isEqualTo(3);
        JsonNode original = expect(api.get("/api/v1/inbound-documents/" + entry.get("documentId").asString()), 200)
                .json();
        assertThat(original.get("channel").asString()).isEqualTo("email");
        assertThat(original.get("contentType").asString()).isEqualTo("message/rfc822");
        // nothing read from free text becomes an order without a person's confirmation
        assertThat(original.get("status").asString()).isEqualTo("REVIEW");
        assertThat(original.get("producedId").isNull()).isTrue();
    }

    @Test
    void theSameMailFetchedTwiceIsStoredOnceAndQueuedOnce() throws Exception {
        String email = Fixtures.unique("twice").toLowerCase() + "@example.com";
        MimeMessage mail = mail(email, "Order", "Please call me back about an order.");
        orders.deliver(mail);
        assertThat(mailroom.poll(mailbox).stored()).isEqualTo(1);
        // the server delivers it again (a forwarding rule, a restore): another UID, the same Message-ID
        orders.deliver(mail);
        MailboxPoll again = mailroom.poll(mailbox);
        assertThat(again.stored()).isZero();
        assertThat(again.alreadyStored()).isEqualTo(1);
        assertThat(mailroom.poll(mailbox).seen()).isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM received_mail WHERE sender = :s").param("s", email)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM review_entry WHERE sender = :s").param("s", email)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(entryFrom(email).get("reason").asString()).contains("no known article number");
    }

    @Test
    void aMailOverTheSizeLimitIsSetAsideOnTheServerAndWaitsInReviewNeverLost() throws Exception {
        Mailbox small = new Mailbox(mailbox.name(), mailbox.host(), mailbox.port(), mailbox.user(),
                mailbox.password(), mailbox.folder(), false, 60_000);
        String email = Fixtures.unique("big").toLowerCase() + "@example.com";
        MimeMessage big = mail(email, "Huge order scan", "See the scan attached.");
        attach(big, "See the scan attached.", "scan.png", "image/png", new byte[200_000]);
        orders.deliver(big);

        MailboxPoll poll = mailroom.poll(small);
        assertThat(poll.stored()).isEqualTo(1);
        JsonNode entry = entryFrom(email);
        assertThat(entry.get("kind").asString()).isEqualTo("OTHER");
        assertThat(entry.get("reason").asString()).contains("over the limit of 0.1 MB").contains("Ordo-Too-Large");
        JsonNode original = expect(api.get("/api/v1/inbound-documents/" + entry.get("documentId").asString()), 200)
                .json();
        assertThat(original.get("contentType").asString()).startsWith("text/plain");
        assertThat(expect(api.get("/api/v1/inbound-documents/" + entry.get("documentId").asString() + "/body"), 200)
                .body()).contains("Subject: Huge order scan").doesNotContain("scan.png");
        // the mail itself stays on the server, copied aside for a person to fetch
        try (jakarta.mail.Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect(small.host(), small.port(), small.user(), small.password());
            jakarta.mail.Folder aside = store.getFolder(Mailbox.ASIDE_FOLDER);
            aside.open(jakarta.mail.Folder.READ_ONLY);
            assertThat(aside.getMessageCount()).isEqualTo(1);
            assertThat(aside.getMessage(1).getSubject()).isEqualTo("Huge order scan");
            aside.close(false);
        }
        // fetched once: the next poll neither stores nor queues it again
        assertThat(mailroom.poll(small).seen()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM review_entry WHERE sender = :s").param("s", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMailWhoseRoutingWasCutOffIsFinishedOnTheNextPollWithoutDoingAnythingTwice() throws Exception {
        String email = Fixtures.unique("cut").toLowerCase() + "@example.com";
        orders.deliver(mail(email, "Order", "Please send the catalogue."));
        mailroom.poll(mailbox);
        // as if the node stopped after routing the text but before marking the mail routed
        jdbc.sql("UPDATE received_mail SET routed_at = NULL WHERE sender = :s").param("s", email).update();

        assertThat(mailroom.poll(mailbox).routed()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT count(*) FROM received_mail WHERE sender = :s AND routed_at IS NOT NULL")
                .param("s", email).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM review_entry WHERE sender = :s").param("s", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCsvOrderFileAttachedToAMailBecomesOrdersThroughTheFileImport() throws Exception {
        String sku = fixtures.article("7.50", "EUR", "19");
        fixtures.receive(sku, location, 10);
        String email = Fixtures.unique("csv").toLowerCase() + "@example.com";
        String reference = Fixtures.unique("R");
        String csv = "reference,sku,quantity,customerEmail,customerName,currency,paymentMethod,shipName,shipStreet,"
                + "shipPostalCode,shipCity,shipCountry\n"
                + reference + "," + sku + ",2," + email + ",Erika Muster,EUR,prepayment,Erika Muster,Hauptstr. 1,"
                + "10115,Berlin,DE\n";
        MimeMessage mail = mail(email, "Order " + reference, "Our order is attached.");
        attach(mail, "Our order is attached.", "order.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        orders.deliver(mail);

        mailroom.poll(mailbox);

        String externalRef = Mailroom.sourceOf(email) + "/" + reference;
        assertThat(jdbc.sql("SELECT count(*) FROM customer_order WHERE external_ref = :r").param("r", externalRef)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM review_entry WHERE sender = :s").param("s", email)
                .query(Long.class).single()).isZero();
        // the same mail routed again (a crash before it was marked routed) places nothing twice
        jdbc.sql("UPDATE received_mail SET routed_at = NULL WHERE sender = :s").param("s", email).update();
        jdbc.sql("DELETE FROM received_mail_part WHERE mail_id IN (SELECT id FROM received_mail WHERE sender = :s)")
                .param("s", email).update();
        mailroom.poll(mailbox);
        assertThat(jdbc.sql("SELECT count(*) FROM customer_order WHERE external_ref = :r").param("r", externalRef)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEdiInterchangeAttachedToAMailBecomesAnOrder() throws Exception {
        String gtin = Fixtures.gtin();
        String sku = Fixtures.unique("EDI");
        expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("de", "Artikel"),
                "price", Map.of("amount", "4.00", "currency", "EUR"), "taxRate", "19", "weightGrams", 300,
                "gtin", gtin)), 201);
        fixtures.receive(sku, location, 20);
        String customerId = expect(api.post("/api/v1/customers", Map.of("email", Fixtures.unique("buyer")
                .toLowerCase() + "@example.com", "name", "Einkauf", "type", "BUSINESS", "company", "Markt GmbH",
                "shipBeforePayment", true)), 201).json().get("id").asString();
        String partner = Fixtures.unique("MB").replace("-", "");
        String sender = Fixtures.gtin();
        String recipient = Fixtures.gtin();
        expect(api.post("/api/v1/edi/partners", Map.ofEntries(Map.entry("code", partner), Map.entry("name", "Markt"),
                Map.entry("customerId", customerId), Map.entry("standard", "EDIFACT"), Map.entry("version", "D96A"),
                Map.entry("senderQualifier", "14"), Map.entry("senderId", sender),
                Map.entry("recipientQualifier", "14"), Map.entry("recipientId", recipient),
                Map.entry("articleNumbers", "GTIN"), Map.entry("currency", "EUR"),
                Map.entry("paymentMethod", "invoice"), Map.entry("shipTo", Fixtures.address("Markt Lager", "DE")))),
                201);
        String reference = "R" + Fixtures.gtin().substring(1);
        String po = Fixtures.unique("PO");
        String interchange = "UNB+UNOC:3+" + sender + ":14+" + recipient + ":14+261205:1000+" + reference + "'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+" + po + "+9'DTM+137:20261205:102'NAD+BY+" + sender
                + "::9'LIN+1++" + gtin + ":SRV'QTY+21:4'UNS+S'CNT+2:1'UNT+9+1'UNZ+1+" + reference + "'";
        String email = Fixtures.unique("edi").toLowerCase() + "@example.com";
        MimeMessage mail = mail(email, "ORDERS " + po, "Order attached.");
        attach(mail, "Order attached.", "orders.edi", "application/EDIFACT",
                interchange.getBytes(StandardCharsets.ISO_8859_1));
        orders.deliver(mail);

        mailroom.poll(mailbox);

        JsonNode placed = expect(api.get("/api/v1/orders?q=" + partner + "/" + po + "&limit=10"), 200).json();
        JsonNode order = null;
        for (JsonNode item : placed.get("items")) {
            if ((partner + "/" + po).equals(item.get("externalRef").asString())) {
                order = item;
            }
        }
        assertThat(order).as(placed.toString()).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM review_entry WHERE sender = :s").param("s", email)
                .query(Long.class).single()).isZero();
        // routed once: polling again places nothing twice
        mailroom.poll(mailbox);
        assertThat(jdbc.sql("SELECT count(*) FROM customer_order WHERE external_ref = :r").param("r", partner + "/" + po)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aScannedOrderIsReadByOcrIntoADraftBesideThePageImage() throws Exception {
        String sku = "SCAN-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("de", "Artikel"),
                "price", Map.of("amount", "9.00", "currency", "EUR"), "taxRate", "19", "weightGrams", 300)), 201);
        String email = Fixtures.unique("fax").toLowerCase() + "@example.com";
        MimeMessage mail = mail(email, "Fax", "");
        attach(mail, "", "fax-page-1.png", "image/png", page("BESTELLUNG / ORDER", "Pos 1   " + sku + "   4 Stk",
                "Lieferung bitte bis Freitag"));
        orders.deliver(mail);

        mailroom.poll(mailbox);

        JsonNode entry = entryFrom(email);
        assertThat(entry.get("reason").asString()).startsWith("scan read by OCR");
        assertThat(entry.get("readText").asString()).contains(sku);
        assertThat(entry.get("contentType").asString()).isEqualTo("image/png");
        assertThat(entry.get("draft").get("lines").get(0).get("sku").asString()).isEqualTo(sku);
        assertThat(entry.get("draft").get("lines").get(0).get("quantity").asLong()).isEqualTo(4);
        Api.Response image = api.get("/api/v1/inbound-documents/" + entry.get("documentId").asString() + "/body");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).startsWith("image/png");
    }

    @Test
    void aPdfOrderFormIsReadFromItsTextAndAScannedPdfByOcr() throws Exception {
        String typed = "FORM-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String scanned = "PAGE-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        for (String sku : List.of(typed, scanned)) {
            expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("de", "Artikel"),
                    "price", Map.of("amount", "9.00", "currency", "EUR"), "taxRate", "19", "weightGrams", 300)), 201);
        }
        String email = Fixtures.unique("paper").toLowerCase() + "@example.com";
        MimeMessage mail = mail(email, "Order forms", "");
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Two orders attached.", "UTF-8");
        mail.setContent(new MimeMultipart(body, file("form.pdf", "application/pdf", textPdf("Menge  Artikel",
                "2      " + typed)), file("scan.pdf", "application/pdf", imagePdf(page("Artikel " + scanned
                + "  Menge 5")))));
        mail.saveChanges();
        orders.deliver(mail);

        mailroom.poll(mailbox);

        List<String> ids = jdbc.sql("SELECT id::text FROM review_entry WHERE sender = :s ORDER BY reason")
                .param("s", email).query(String.class).list();
        assertThat(ids).hasSize(2);
        JsonNode fromText = expect(api.get("/api/v1/review-entries/" + ids.get(0)), 200).json();
        assertThat(fromText.get("reason").asString()).startsWith("PDF read from its text").contains("form.pdf");
        assertThat(fromText.get("draft").get("lines").get(0).get("sku").asString()).isEqualTo(typed);
        assertThat(fromText.get("draft").get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
        JsonNode fromScan = expect(api.get("/api/v1/review-entries/" + ids.get(1)), 200).json();
        assertThat(fromScan.get("reason").asString()).startsWith("scan read by OCR").contains("scan.pdf");
        assertThat(fromScan.get("readText").asString()).contains(scanned);
        assertThat(fromScan.get("draft").get("lines").get(0).get("quantity").asLong()).isEqualTo(5);
    }

    private static MimeBodyPart file(String fileName, String type, byte[] content) throws Exception {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        file.setFileName(fileName);
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        return file;
    }

    private static byte[] textPdf(String... lines) throws IOException {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                for (int i = 0; i < lines.length; i++) {
                    content.beginText();
                    content.newLineAtOffset(72, 700 - i * 20);
                    content.showText(lines[i]);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] imagePdf(byte[] png) throws IOException {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            document.addPage(page);
            var image = org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(document, png,
                    "scan");
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                float width = page.getMediaBox().getWidth();
                content.drawImage(image, 0, page.getMediaBox().getHeight() - width * image.getHeight()
                        / image.getWidth(), width, width * image.getHeight() / image.getWidth());
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private JsonNode entryFrom(String sender) {
        String id = jdbc.sql("SELECT id::text FROM review_entry WHERE sender = :s").param("s", sender)
                .query(String.class).single();
        return expect(api.get("/api/v1/review-entries/" + id), 200).json();
    }

    private static MimeMessage mail(String from, String subject, String text) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from, "Erika Muster"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("orders@shop.test"));
        mail.setSubject(subject);
        mail.setText(text, "UTF-8");
        mail.saveChanges();
        return mail;
    }

    private static void attach(MimeMessage mail, String text, String fileName, String type, byte[] content)
            throws Exception {
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        file.setFileName(fileName);
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        mail.setContent(new MimeMultipart(body, file));
        mail.saveChanges();
    }

    /** A page as a scanner or fax makes it: black text on white, 200 dpi-ish. */
    static byte[] page(String... lines) {
        BufferedImage image = new BufferedImage(1654, 1000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 44));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 120, 200 + i * 110);
        }
        g.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
