package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a newcomer sees first, in a real browser: statuses as coloured chips in words of the reader's language (no
 * internal codes), a late order flagged, a search that finds by surname, part of a number, SKU in any case and
 * part of an e-mail and says when the to-do view hides a match, a sidebar with the shop's name and a favicon, and
 * no page wider than a 1440 or 820 px screen.
 */
@IntegrationTest
class FirstLookBrowserIntegrationTests {

    /** Upper-case words with an underscore or a bare status code: what an enum looks like when it leaks. */
    private static final Pattern RAW_CODE = Pattern.compile(
            "\\b(ON_HOLD|PARTIALLY_SHIPPED|PARTIALLY_REFUNDED|PARTIALLY_RETURNED|UNFULFILLED|BACKORDERED|RELEASED"
                    + "|PENDING|AUTHORIZED|OPEN|PAID|SHIPPED|DELIVERED|CANCELLED|COMPLETED)\\b");

    /** Message, document, movement and payment kinds and message statuses as their codes read. */
    private static final Pattern KIND_CODE = Pattern.compile(
            "\\b(ORDER_CONFIRMATION|CONFIRMATION|INVOICE|BANK_TRANSFER|RECEIPT|RESERVATION|ISSUE|QUEUED|SENDING|SENT"
                    + "|KEPT|FAILED|BOOKED)\\b");

    private static Browser browser;

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String sku;
    String surname;
    String emailPart;

    @BeforeAll
    static void startBrowser(@org.springframework.beans.factory.annotation.Value("${local.server.port}") int port) {
        browser = Browser.start(port);
        browser.login("admin", Api.ADMIN_PASSWORD);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void stock() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        sku = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(sku, location, 50);
        surname = "Zimmer" + Fixtures.unique("x").replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        emailPart = Fixtures.unique("firstlook").toLowerCase().replaceAll("[^a-z0-9]", "");
    }

    @AfterEach
    void englishAndWide() {
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        language("en");
    }

    @Test
    void statusesAreChipsInTheReadersLanguageAndALateOrderIsFlagged() {
        String number = order(Instant.now().minus(2, ChronoUnit.DAYS));
        browser.open("/orders?q=" + number);
        browser.waitFor(By.id("order-" + number));
        var row = browser.find(By.id("order-" + number));
        assertThat(row.findElements(By.cssSelector(".chip")).stream().map(c -> c.getAttribute("data-status")))
                .contains("OPEN", "PENDING", "UNFULFILLED");
        assertThat(row.findElement(By.cssSelector(".chip.payment-pending")).getText()).isEqualTo("unpaid");
        assertThat(row.findElement(By.cssSelector(".chip.late")).getText()).isEqualTo("late");
        assertThat(RAW_CODE.matcher(row.getText()).find()).as(row.getText()).isFalse();
        assertThat(row.getText()).as("money as English writes it").contains("€").doesNotContain("EUR");

        browser.open("/orders/" + number);
        assertThat(browser.waitFor(By.id("order-late")).getText()).isEqualTo("late");
        assertThat(browser.find(By.cssSelector("#payment-status .chip")).getText()).isEqualTo("unpaid");

        language("ko");
        browser.open("/orders/" + number);
        browser.waitFor(By.id("order-late"));
        String header = browser.find(By.tagName("h1")).getText();
        assertThat(RAW_CODE.matcher(header).find()).as(header).isFalse();
        assertThat(browser.find(By.cssSelector("#payment-status .chip")).getText()).isNotEqualTo("unpaid");
        browser.screenshot("order-detail-ko");
    }

    @Test
    void theSearchFindsBySurnamePartOfTheNumberSkuInAnyCaseAndPartOfTheEmail() {
        String number = order(null);
        String digits = number.substring(number.length() - 5);
        for (String q : List.of(surname.toLowerCase(), digits, sku.toLowerCase(), emailPart)) {
            browser.open("/orders?q=" + q);
            browser.waitFor(By.id("queue"));
            assertThat(browser.driver().findElements(By.id("order-" + number))).as("search for " + q).hasSize(1);
        }
    }

    @Test
    void aSearchSaysWhenTheToDoViewHidesAMatchAndOffersAllOrders() {
        String number = order(null);
        String id = expect(api.get("/api/v1/orders/" + number), 200).json().path("id").asString();
        expect(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "changed mind")), 200);
        browser.open("/orders?q=" + surname);
        assertThat(browser.waitFor(By.id("hidden-matches")).getText()).contains("One more order matches");
        assertThat(browser.driver().findElements(By.id("order-" + number))).isEmpty();
        browser.find(By.id("show-all-matches")).click();
        assertThat(browser.waitFor(By.id("order-" + number)).getText()).contains("cancelled");
    }

    @Test
    void theLayoutHasASidebarWithTheShopsNameAFaviconAndFitsA1440AndAn820PixelScreen() {
        order(Instant.now().minus(1, ChronoUnit.DAYS));
        browser.open("/orders");
        browser.waitFor(By.id("queue"));
        assertThat(browser.find(By.id("shop-name")).getText()).isNotBlank();
        assertThat(browser.find(By.cssSelector("aside.sidebar #nav-orders")).getAttribute("class")).contains("active");
        assertThat(browser.find(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/backoffice/favicon.svg");
        for (String language : List.of("en", "ko")) {
            language(language);
            for (int width : new int[] {1440, 820}) {
                browser.driver().manage().window().setSize(new Dimension(width, 1000));
                for (String page : List.of("/orders", "/dashboard", "/inventory")) {
                    browser.open(page);
                    browser.waitFor(By.tagName("main"));
                    assertThat(overflow()).as(page + " at " + width + " px in " + language).isEmpty();
                }
                browser.open("/orders");
                browser.waitFor(By.id("queue"));
                assertThat(browser.find(By.cssSelector("#queue th:nth-child(9)")).isDisplayed())
                        .as("the promised column at " + width + " px").isTrue();
                browser.screenshot("queue-" + language + "-" + width);
            }
        }
    }

    @Test
    void kindsAndTimelineReasonsAreWordsInTheReadersLanguage() {
        String number = order(null);
        String gross = expect(api.get("/api/v1/orders/" + number), 200).json().path("totals").path("gross")
                .path("amount").asString();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", number, "amount",
                Map.of("amount", gross, "currency", "EUR"))), 201);
        language("ko");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.open("/orders/" + number);
            assertThat(browser.waitFor(By.id("messages")).getText()).contains("주문 확인");
            assertThat(browser.find(By.id("documents")).getText()).contains("주문 확인서");
        });
        String order = browser.find(By.tagName("main")).getText();
        assertThat(KIND_CODE.matcher(order).find()).as(order).isFalse();
        // reasons Ordo wrote are in the reader's language too; the API keeps the English sentence
        assertThat(browser.find(By.id("timeline")).getText()).contains("채널로 접수", "창고로 출고 지시: 결제 완료")
                .doesNotContain("placed via", "released to the warehouse");
        assertThat(expect(api.get("/api/v1/orders/" + number), 200).json().path("timeline").get(0).path("reason")
                .asString()).startsWith("placed via");

        browser.open("/inventory/" + sku + "/ledger");
        String ledger = browser.waitFor(By.tagName("main")).getText();
        assertThat(ledger).contains("입고", "예약");
        assertThat(KIND_CODE.matcher(ledger).find()).as(ledger).isFalse();
    }

    /** The elements wider than the window, which would make the page scroll sideways (as every screen is checked). */
    private List<String> overflow() {
        return ScreenChecks.overflow(browser);
    }

    private void language(String language) {
        browser.open("/orders");
        var select = new Select(browser.waitFor(By.id("language")));
        if (!language.equals(select.getFirstSelectedOption().getAttribute("value"))) {
            select.selectByValue(language);
            browser.waitUntil(d -> language.equals(new Select(d.findElement(By.id("language")))
                    .getFirstSelectedOption().getAttribute("value")));
        }
    }

    /** An unpaid order of two units and one more of the article, promised at {@code promisedAt} when given. */
    private String order(Instant promisedAt) {
        Map<String, Object> order = new LinkedHashMap<>(Fixtures.order("EUR", sku, 2));
        order.put("customer", Map.of("email", emailPart + "@example.com", "name", "Erika " + surname, "locale", "de"));
        if (promisedAt != null) {
            order.put("promisedAt", promisedAt.toString());
        }
        return expect(api.placeOrder(order), 201).json().path("number").asString();
    }
}
