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

    private static void replace(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }
}
