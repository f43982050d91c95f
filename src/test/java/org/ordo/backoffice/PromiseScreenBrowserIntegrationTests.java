package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The promise's calendars in a real browser (docs/promise.md, "Calendars in the back office"): a warehouse worker
 * who reads German moves a warehouse's cut-off and the checkout's promise moves with it; a refused form names the
 * faulty field in German and changes nothing; anyone on the screen sees the public holidays the library gives.
 */
@IntegrationTest
class PromiseScreenBrowserIntegrationTests {

    private static final String PASSWORD = "promise-screen-password-1";
    /** 13:30 in Berlin on a Wednesday without a holiday. */
    private static final Instant WEDNESDAY_AFTERNOON = Instant.parse("2027-03-03T12:30:00Z");
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Users users;

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

    private static String shipByAt(Api api, Instant at, String query) {
        AtomicReference<String> shipBy = new AtomicReference<>();
        TestClock.movedBy(Duration.between(Instant.now(), at), () -> shipBy.set(expect(api.get("/api/v1/promise?"
                + query), 200).json().get("options").get(0).get("shipBy").asString()));
        return shipBy.get();
    }

    @Test
    void aWarehouseWorkerMovesTheCutOffAndTheCheckoutsPromiseMovesWithIt() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String carrier = Fixtures.unique("S").replace("-", "_");
        expect(api.put("/api/v1/promise/carrier-services/" + carrier + "/STANDARD", Map.of(
                "deliveryDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "cutOff", "15:00",
                "active", true, "transit", List.of(Map.of("zone", "DE", "days", 1)))), 200);
        String location = fixtures.location(0);
        expect(api.put("/api/v1/promise/warehouses/" + location, Map.of("timeZone", "Europe/Berlin", "country", "DE",
                "region", "BE", "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "handlingDays", 0, "dailyCapacity", 500,
                "cutOffs", List.of(Map.of("carrier", carrier, "service", "STANDARD", "cutOff", "14:00")))), 200);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        String query = "sku=" + sku + "&quantity=1&country=DE&postalCode=10115&carrier=" + carrier;
        // 13:30 is before the cut-off of 14:00: it ships today
        assertThat(shipByAt(api, WEDNESDAY_AFTERNOON, query)).isEqualTo("2027-03-03");

        String worker = Fixtures.unique("cutoff").toLowerCase();
        users.create(worker, PASSWORD, Role.WAREHOUSE, "de", "test");
        browser.login(worker, PASSWORD);
        browser.open("/");
        browser.waitFor(By.cssSelector("a[href='/promise']")).click();
        browser.waitFor(By.id("calendar-" + location)).findElement(By.linkText(location)).click();
        WebElement cutOff = browser.waitFor(By.id("cutOff-" + carrier + "-STANDARD"));
        assertThat(cutOff.getAttribute("value")).isEqualTo("14:00");

        // a capacity of none is refused, named at its field in German, and nothing is saved
        cutOff.clear();
        cutOff.sendKeys("13:00");
        WebElement capacity = browser.find(By.id("dailyCapacity"));
        capacity.clear();
        capacity.sendKeys("0");
        browser.find(By.id("warehouse-save")).click();
        assertThat(browser.waitFor(By.id("error-dailyCapacity")).getText())
                .isEqualTo("Bitte eine ganze Zahl von Bestellungen von 1 bis 1.000.000 angeben.");
        assertThat(browser.find(By.id("cutOff-" + carrier + "-STANDARD")).getAttribute("value")).isEqualTo("13:00");
        assertThat(browser.driver().findElements(By.id("error-timeZone"))).isEmpty();
        assertThat(shipByAt(api, WEDNESDAY_AFTERNOON, query)).isEqualTo("2027-03-03");

        capacity = browser.find(By.id("dailyCapacity"));
        capacity.clear();
        capacity.sendKeys("500");
        browser.find(By.id("warehouse-save")).click();
        assertThat(browser.waitFor(By.id("flash")).getText()).contains(location).contains("gespeichert");
        assertThat(browser.find(By.id("calendar-" + location)).getText()).contains(carrier + " STANDARD 13:00")
                .contains("Mo. Di. Mi. Do. Fr.").doesNotContain("null");

        // 13:30 is now after the cut-off: it ships the next working day
        assertThat(shipByAt(api, WEDNESDAY_AFTERNOON, query)).isEqualTo("2027-03-04");
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void anAgentReadsTheCalendarsAndThePublicHolidaysButChangesNothing() {
        String agent = Fixtures.unique("holidays").toLowerCase();
        users.create(agent, PASSWORD, Role.AGENT, "en", "test");
        browser.login(agent, PASSWORD);
        browser.open("/promise?country=DE&region=BY&year=2027");
        assertThat(browser.waitFor(By.id("holidays")).getText()).contains("2027-01-06").contains("2027-05-27");
        browser.open("/promise?country=DE&region=BE&year=2027");
        assertThat(browser.waitFor(By.id("holidays")).getText()).doesNotContain("2027-01-06")
                .doesNotContain("2027-05-27");
        // Chuseok 2027 (15th day of the 8th lunar month) is 15 September
        browser.open("/promise?country=KR&year=2027");
        assertThat(browser.waitFor(By.id("holidays")).getText()).contains("2027-09-15").contains("Chuseok");
        browser.open("/promise?country=D1&year=2027");
        assertThat(browser.waitFor(By.id("error-holiday-country")).getText())
                .isEqualTo("Enter a country by its ISO code: two capital letters, such as DE.");

        assertThat(browser.driver().findElements(By.id("closing-form"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("new-service"))).isEmpty();
        browser.find(By.cssSelector("#warehouse-calendars a")).click();
        browser.waitFor(By.id("warehouse-form"));
        assertThat(browser.driver().findElements(By.id("warehouse-save"))).isEmpty();
        assertThat(browser.find(By.cssSelector("#warehouse-form fieldset")).getAttribute("disabled")).isNotNull();
    }
}
