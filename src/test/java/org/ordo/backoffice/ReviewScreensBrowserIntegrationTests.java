package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.intake.Intake;
import org.ordo.intake.OpenReview;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.ordering.PlaceOrder;
import org.ordo.party.CustomerDraft;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The review queue in a real browser: an agent finds a mail in free text in the queue, sees what was read beside
 * the original, corrects the draft's quantity and address and confirms it into an order.
 */
@IntegrationTest
class ReviewScreensBrowserIntegrationTests {

    private static final String PASSWORD = "review-password-1";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    Intake intake;
    @Autowired
    ReviewQueue queue;

    @BeforeAll
    static void startBrowser(@org.springframework.beans.factory.annotation.Value("${local.server.port}") int port) {
        browser = Browser.start(port);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAgentCorrectsADraftFromAMailAndConfirmsItIntoAnOrder() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("7.50", "EUR", "19");
        fixtures.receive(sku, location, 10);
        String email = Fixtures.unique("mail").toLowerCase() + "@example.com";
        String text = "Hello, please send three of " + sku + " to Hauptstr. 1, 10115 Berlin. Erika";
        UUID document = intake.archive("email", "text/plain", text.getBytes(StandardCharsets.UTF_8), "test");
        ReviewEntry entry = queue.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER,
                "mail in free text: 1 line(s) read from the text; check them", email, text,
                new PlaceOrder("email", null, null, CustomerDraft.contact(email, "Erika Muster", null), null, null,
                        "EUR", "prepayment", null, null, List.of(new PlaceOrder.Line(sku, 1L)))));
        String agent = Fixtures.unique("agent").toLowerCase();
        users.create(agent, PASSWORD, Role.AGENT, "en", "test");

        browser.login(agent, PASSWORD);
        browser.open("/review");
        browser.waitFor(By.id("entry-" + entry.id())).findElement(By.tagName("a")).click();
        browser.waitFor(By.id("read-text"));
        assertThat(browser.find(By.id("read-text")).getText()).contains("three of " + sku);
        assertThat(browser.find(By.id("original-text")).getText()).contains("three of " + sku);
        assertThat(browser.find(By.id("entry-status")).getText()).isEqualTo("open");

        browser.find(By.id("take")).click();
        browser.waitUntil(d -> agent.equals(d.findElement(By.id("entry-owner")).getText().replace("user:", "")));

        replace(browser.find(By.id("draft-lines")), sku + " 3");
        replace(browser.find(By.id("draft-street")), "Hauptstr. 1");
        replace(browser.find(By.id("draft-postal-code")), "10115");
        replace(browser.find(By.id("draft-city")), "Berlin");
        replace(browser.find(By.id("draft-country")), "DE");
        browser.find(By.id("confirm")).click();

        browser.waitFor(By.id("order-number"));
        assertThat(browser.policyViolations()).isEmpty();
        JsonNode confirmed = expect(api.get("/api/v1/review-entries/" + entry.id()), 200).json();
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("decidedBy").asString()).isEqualTo("user:" + agent);
        JsonNode order = expect(api.get("/api/v1/orders/" + confirmed.get("orderId").asString()), 200).json();
        assertThat(browser.find(By.id("order-number")).getText()).isEqualTo(order.get("number").asString());
        assertThat(order.get("channel").asString()).isEqualTo("email");
        assertThat(order.get("lines").get(0).get("quantity").asLong()).isEqualTo(3);
        assertThat(order.get("shippingAddress").get("city").asString()).isEqualTo("Berlin");
        assertThat(order.get("inboundDocumentId").asString()).isEqualTo(document.toString());
    }

    @Autowired
    org.ordo.ordering.OrderFollowUps followUps;

    @Test
    void anAgentReopensTheOrderOfAPaymentThatCameAfterItExpired() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String sku = fixtures.article("7.50", "EUR", "19");
        fixtures.receive(sku, fixtures.location(1), 5);
        java.util.Map<String, Object> placed = new java.util.HashMap<>(Fixtures.order("EUR", sku, 1));
        placed.put("paymentMethod", "card");
        JsonNode[] order = new JsonNode[1];
        org.ordo.TestClock.movedBy(java.time.Duration.ofDays(-15), () -> order[0] = expect(api.placeOrder(placed),
                201).json());
        followUps.expireUnpaid();
        String number = order[0].get("number").asString();
        expect(api.post("/api/v1/payments/bank-transfers", java.util.Map.of("order", number,
                "amount", order[0].get("totals").get("gross"), "reference", number)), 201);
        String entry = null;
        for (JsonNode item : expect(api.get("/api/v1/review-entries?kind=LATE_PAYMENT&limit=200"), 200).json()
                .get("items")) {
            entry = item.get("reason").asString().contains(number) ? item.get("id").asString() : entry;
        }
        String agent = Fixtures.unique("agent").toLowerCase();
        users.create(agent, PASSWORD, Role.AGENT, "en", "test");

        browser.login(agent, PASSWORD);
        java.util.Map<String, Object> waiting = new java.util.HashMap<>(Fixtures.order("EUR", sku, 1));
        waiting.put("paymentMethod", "prepayment");
        String unpaid = expect(api.placeOrder(waiting), 201).json().get("number").asString();
        browser.open("/orders/" + unpaid);
        assertThat(browser.waitFor(By.id("unpaid-expiry")).getText())
                .startsWith("Unless its payment arrives, the order is cancelled automatically from");
        browser.open("/review/" + entry);
        browser.waitFor(By.id("late-payment"));
        assertThat(browser.driver().findElements(By.id("reject"))).as("never rejected: the money would be lost").isEmpty();
        browser.find(By.id("reopen-order")).click();
        browser.waitUntil(d -> !d.findElement(By.id("entry-status")).getText().equals("open"));

        assertThat(browser.policyViolations()).isEmpty();
        JsonNode now = expect(api.get("/api/v1/orders/" + number), 200).json();
        assertThat(now.get("status").asString()).isEqualTo("OPEN");
        assertThat(now.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(expect(api.get("/api/v1/review-entries/" + entry), 200).json().get("status").asString())
                .isEqualTo("RESOLVED");
    }

    @Test
    void anAgentUploadsAFaxScanReadsItBesideThePageAndConfirmsItIntoAnOrder() throws Exception {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = "SCAN-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999);
        expect(api.post("/api/v1/articles", java.util.Map.of("sku", sku, "type", "PHYSICAL", "name",
                java.util.Map.of("de", "Artikel"), "price", java.util.Map.of("amount", "9.00", "currency", "EUR"),
                "taxRate", "19", "weightGrams", 300)), 201);
        fixtures.receive(sku, location, 10);
        String email = Fixtures.unique("scan").toLowerCase() + "@example.com";
        expect(api.post("/api/v1/customers", java.util.Map.of("email", email, "name", "Erika Muster",
                "addresses", List.of(Fixtures.address("Erika Muster", "DE")))), 201);
        java.nio.file.Path scan = java.nio.file.Files.createTempFile("fax-", ".png");
        java.nio.file.Files.write(scan, page("BESTELLUNG PER FAX", "Pos 1   " + sku + "   4 Stk"));
        String agent = Fixtures.unique("agent").toLowerCase();
        users.create(agent, PASSWORD, Role.AGENT, "en", "test");

        browser.login(agent, PASSWORD);
        // a file that is not a scan is refused with the reason, and nothing waits for it
        java.nio.file.Path notAScan = java.nio.file.Files.createTempFile("order-", ".png");
        java.nio.file.Files.writeString(notAScan, "sku,quantity\n" + sku + ",4\n");
        browser.open("/review");
        browser.waitFor(By.id("scan-file")).sendKeys(notAScan.toAbsolutePath().toString());
        browser.find(By.id("scan-upload")).click();
        browser.waitUntil(d -> d.getPageSource().contains("must be a PDF, PNG, TIFF or JPEG"));

        browser.waitFor(By.id("scan-file")).sendKeys(scan.toAbsolutePath().toString());
        browser.find(By.id("scan-sender")).sendKeys(email);
        browser.find(By.id("scan-upload")).click();
        // the page image beside what OCR read, and the draft prefilled from it
        browser.waitFor(By.id("read-text"));
        assertThat(browser.find(By.id("read-text")).getText()).contains(sku);
        assertThat(browser.driver().findElements(By.id("page-image"))).isNotEmpty();
        assertThat(browser.find(By.id("draft-lines")).getAttribute("value")).isEqualTo(sku + " 4");
        String entryUrl = browser.driver().getCurrentUrl();
        String entryId = entryUrl.substring(entryUrl.lastIndexOf('/') + 1);
        JsonNode entry = expect(api.get("/api/v1/review-entries/" + entryId), 200).json();
        assertThat(entry.get("kind").asString()).isEqualTo("ORDER");
        assertThat(entry.get("reason").asString()).startsWith("scan read by OCR").contains(scan.getFileName()
                .toString());
        assertThat(entry.get("draft").get("channel").asString()).isEqualTo("paper");

        browser.find(By.id("confirm")).click();
        browser.waitFor(By.id("order-number"));
        assertThat(browser.policyViolations()).isEmpty();
        JsonNode confirmed = expect(api.get("/api/v1/review-entries/" + entryId), 200).json();
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode order = expect(api.get("/api/v1/orders/" + confirmed.get("orderId").asString()), 200).json();
        assertThat(order.get("channel").asString()).isEqualTo("paper");
        assertThat(order.get("lines").get(0).get("quantity").asLong()).isEqualTo(4);
        assertThat(order.get("inboundDocumentId").asString()).isEqualTo(entry.get("documentId").asString());
    }

    /** A scanned page: black text on white at about 150 dpi, the way a fax or a scanner writes it. */
    private static byte[] page(String... lines) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1654, 1000,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 44));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 120, 200 + i * 110);
        }
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static void replace(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }
}
