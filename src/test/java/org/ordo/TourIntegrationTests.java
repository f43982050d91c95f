package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.ordo.backoffice.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs docs/tour.sh, as a reader would, against Ordo on a fresh demo database of its own (not the shared test
 * database: the tour expects the demo data, the other tests expect none). The admin key and password are the ones
 * Ordo writes into its data directory on a first start, as the README says. The context is closed afterwards, so
 * its PostgreSQL does not run alongside the shared one for the rest of the test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ordo.data-dir=" + TourIntegrationTests.DATA_DIR,
        "ordo.db.embedded-clean=true",
        "ordo.demo-data=true",
        "ordo.payment.webhook-secret=" + TourIntegrationTests.PAYMENT_SECRET,
        "ordo.shipping.webhook-secret=" + TourIntegrationTests.TRACKING_SECRET,
        "ordo.orders.follow-up-every=PT24H",
        "ordo.billing.quote-expiry-every=PT24H",
        "logging.level.org.ordo.platform.web=WARN"})
@DirtiesContext
class TourIntegrationTests {

    static final String DATA_DIR = "target/tour-data";
    static final String PAYMENT_SECRET = "whsec_tour";
    static final String TRACKING_SECRET = "trk_tour";

    @LocalServerPort
    int port;

    @Test
    void theTourRunsAsWrittenOnAFreshDemoDatabase() throws Exception {
        ProcessBuilder tour = new ProcessBuilder("bash", TourDocumentTests.SCRIPT.toString()).redirectErrorStream(true);
        tour.environment().put("ORDO_URL", "http://localhost:" + port);
        tour.environment().put("ORDO_DATA_DIR", Path.of(DATA_DIR).toAbsolutePath().toString());
        tour.environment().put("ORDO_PAYMENT_WEBHOOK_SECRET", PAYMENT_SECRET);
        tour.environment().put("ORDO_SHIPPING_WEBHOOK_SECRET", TRACKING_SECRET);
        tour.environment().remove("ORDO_API_KEY");
        tour.environment().remove("ORDO_ADMIN_PASSWORD");
        Process process = tour.start();
        // read before waiting: a script that writes more than the pipe holds would otherwise never end
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("The tour ran:");
    }

    /**
     * The README's picture: the order queue on the demo data, as the admin sees it after the first start. Saved to
     * target/screenshots/order-queue-demo.png; {@code -Dordo.docs.write=true} also replaces docs/images/order-queue.png.
     */
    @Test
    void theOrderQueueShowsEveryDemoOrderToTheAdmin() throws Exception {
        String password = Files.readString(Path.of(DATA_DIR, "admin-password")).strip();
        try (Browser browser = Browser.start(port)) {
            browser.login("admin", password).open("/orders");
            browser.waitFor(By.cssSelector("#queue-rows tr"));
            assertThat(browser.driver().findElements(By.cssSelector("#queue-rows tr"))).hasSizeGreaterThanOrEqualTo(10);
            // sixty days of history: the to-do view starts with the late orders, flagged
            assertThat(browser.driver().findElements(By.cssSelector("#queue-rows tr.late .chip.late"))).isNotEmpty();
            Path shot = browser.screenshot("order-queue-demo");
            if (Boolean.getBoolean("ordo.docs.write")) {
                Files.copy(shot, Path.of("docs/images/order-queue.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
