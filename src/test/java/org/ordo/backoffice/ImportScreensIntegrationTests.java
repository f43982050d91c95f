package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The back office's file import: upload, preview with the rows' errors, import, progress until done. */
@IntegrationTest
class ImportScreensIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anAgentUploadsAnOrderFileSeesItsErrorsImportsItAndWatchesTheProgressBarReachTheEnd() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("9.90", "EUR", "19");
        fixtures.receive(sku, location, 10);
        String source = Fixtures.unique("bo").toLowerCase();
        String good = Fixtures.unique("G"), bad = Fixtures.unique("B");
        String file = "reference;sku;quantity;customerEmail;currency;paymentMethod;shipName;shipStreet;shipPostalCode;"
                + "shipCity;shipCountry\n"
                + good + ";" + sku + ";2;" + good.toLowerCase() + "@example.com;EUR;prepayment;Erika;Hauptstr. 1;10115;Berlin;DE\n"
                + bad + ";" + sku + ";zwei;" + bad.toLowerCase() + "@example.com;EUR;prepayment;Erika;Hauptstr. 1;10115;Berlin;DE\n";

        WebSession agent = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        assertThat(agent.get("/imports").body()).contains("id=\"upload-form\"");
        WebSession.Page uploaded = agent.postFile("/imports", Map.of("kind", "orders", "source", source), "file",
                "bestellungen.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
        String path = uploaded.location().replaceFirst("^https?://[^/]+", "");
        WebSession.Page preview = agent.follow(uploaded);
        assertThat(preview.body()).contains("bestellungen.csv").contains("id=\"commit\"")
                .contains("must be a whole number").contains("<td class=\"num\">3</td>");

        WebSession.Page committed = agent.post(path + "/commit", Map.of());
        assertThat(committed.status()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.get(path + "/progress").body()
                .contains("value=\"100\""));
        String done = agent.get(path + "/progress").body();
        assertThat(done).as("the bar stops polling when done").doesNotContain("hx-get");
        assertThat(done).contains("id=\"created\">1<").contains("id=\"failed\">1<");
        assertThat(api.get("/api/v1/orders?q=" + source + "/" + good).json().get("items").size()).isEqualTo(1);
    }
}
