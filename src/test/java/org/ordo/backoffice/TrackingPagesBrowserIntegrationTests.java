package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.security.TrackingTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The pages a customer opens from the link in their mails, in each language customers get (de, en, es, ko), on a
 * 1440 px screen and on a 390 px phone: the order page while it waits and after it was delivered (parcel, download
 * links, a return), the change form (open, with a refusal, and closed), the return form (and its refusals), and
 * what a download link answers when it is used up. On each: the page is in the customer's language, nothing is
 * wider than the window, and no internal code, stored actor or missing text is in the visible text. Screenshots go
 * to {@code target/screenshots/track-{language}-{width}-{page}.png}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingPagesBrowserIntegrationTests {

    private static final List<String> LANGUAGES = List.of("de", "en", "es", "ko");
    private static final List<Integer> WIDTHS = List.of(1440, 390);

    @LocalServerPort
    int port;
    @Autowired
    TrackingTokens tokens;
    @Autowired
    JdbcClient jdbc;

    private Browser browser;
    private ScreenChecks checks;
    private final Map<String, List<Page>> pages = new LinkedHashMap<>();

    /** A page by the name its screenshot gets, its path, and what the customer does on it before it is looked at. */
    record Page(String name, String path, Consumer<Browser> then) {
    }

    @BeforeAll
    void makeTheOrders() {
        checks = ScreenChecks.of(jdbc);
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        DeliveredOrders floor = new DeliveredOrders(api, api.withNewKey("WAREHOUSE"));
        String location = fixtures.location(1);
        String shirt = fixtures.article("19.90", "EUR", "19");
        fixtures.receive(shirt, location, 40);
        String ebook = fixtures.article("DIGITAL", "9.99", "EUR", "7", false, true);
        expect(api.send("PUT", "/api/v1/digital/assets/" + ebook + "?filename=handbuch.pdf",
                "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII), "application/pdf"), 204);
        for (String language : LANGUAGES) {
            List<Page> those = new ArrayList<>();
            // waiting for the payment: the order page and its change form, open
            JsonNode waiting = expect(api.placeOrder(inLanguage(Fixtures.order("EUR", shirt, 1), language)), 201)
                    .json();
            String open = "/track/" + tokens.token(UUID.fromString(waiting.get("id").asString()));
            those.add(new Page("waiting", open, b -> { }));
            those.add(new Page("change", open + "/change", b -> { }));
            those.add(new Page("change-refused", open + "/change", sent("change-submit", "change-problem", b -> {
                b.find(By.id("address-country")).clear();
                b.find(By.id("address-country")).sendKeys("XX");
            })));

            // delivered, with a download link and one unit announced for return
            JsonNode order = expect(api.placeOrder(inLanguage(Fixtures.order("EUR", shirt, 2, ebook, 1), language)),
                    201).json();
            expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                    "amount", Map.of("amount", order.get("totals").get("gross").get("amount").asString(),
                            "currency", "EUR"))), 201);
            floor.delivered(floor.ship(order, location, Map.of(1, 2L)));
            expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", Map.of("resolution",
                    "REFUND", "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "WRONG_SIZE"))),
                    "Idempotency-Key", UUID.randomUUID().toString()), 201);
            String delivered = "/track/" + tokens.token(UUID.fromString(order.get("id").asString()));
            those.add(new Page("delivered", delivered, b -> { }));
            those.add(new Page("change-closed", delivered + "/change", b -> { }));
            those.add(new Page("return", delivered + "/return", b -> { }));
            those.add(new Page("return-refused", delivered + "/return", sent("return-submit", "return-problem", b -> {
                b.find(By.id("resolution-exchange")).click();
                b.find(By.id("return-iban")).sendKeys("XX12");
            })));
            // the link in the mail, used up: what the customer's browser shows
            JsonNode link = expect(api.get("/api/v1/orders/" + order.get("id").asString() + "/downloads"), 200)
                    .json().get(0);
            String download = link.get("url").asString().replaceFirst("^https?://[^/]+", "");
            for (int i = 0; i < link.get("maxDownloads").asInt(); i++) {
                expect(api.get(download), 200);
            }
            expect(api.get(download), 410);
            those.add(new Page("download-used-up", download, b -> b.waitFor(By.id("track-download-gone"))));
            pages.put(language, those);
        }
        browser = Browser.start(port);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyPageOfTheCustomerReadsInTheirLanguageOnADeskAndOnAPhone() {
        List<DynamicNode> runs = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (int width : WIDTHS) {
                runs.add(DynamicContainer.dynamicContainer(language + " at " + width + " px", pages.get(language)
                        .stream().map(p -> DynamicTest.dynamicTest(p.name() + " " + p.path(),
                                () -> check(p, language, width)))));
            }
        }
        return runs.stream();
    }

    private void check(Page page, String language, int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        browser.open(page.path());
        browser.waitFor(By.tagName("main"));
        page.then().accept(browser);
        browser.screenshot("track-" + language + "-" + width + "-" + page.name());
        String where = page.name() + " (" + page.path() + ") in " + language + " at " + width + " px";
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).as(where + ": the customer's language")
                .isEqualTo(language);
        checks.assertReadable(browser, where, language);
    }

    /** The customer fills the form in, sends it, and the page comes back with the refusal in this element. */
    private static Consumer<Browser> sent(String submit, String refusal, Consumer<Browser> filling) {
        return b -> {
            filling.accept(b);
            b.find(By.id(submit)).click();
            b.waitFor(By.id(refusal));
        };
    }

    private static Map<String, Object> inLanguage(Map<String, Object> order, String language) {
        Map<String, Object> body = new LinkedHashMap<>(order);
        body.put("customer", Map.of("email", Fixtures.unique("kunde").toLowerCase() + "@example.com", "name",
                "Kim Muster", "locale", language));
        return body;
    }
}
