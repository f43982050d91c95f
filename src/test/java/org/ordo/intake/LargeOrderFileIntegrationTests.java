package org.ordo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A 100,000-line order file: previewed and imported with its progress counted and its faulty rows named. */
@IntegrationTest
class LargeOrderFileIntegrationTests {

    static final int LINES = 100_000;
    static final int LINES_PER_ORDER = 100;

    @LocalServerPort
    int port;

    @Test
    void aHundredThousandLineFileImportsWithProgressAndPerRowErrors() throws Exception {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String sku = fixtures.article("1.00", "EUR", "19");
            fixtures.receive(sku, location, LINES);
            skus.add(sku);
        }
        String source = Fixtures.unique("big").toLowerCase();
        String prefix = Fixtures.unique("R");
        StringBuilder csv = new StringBuilder(LINES * 60);
        csv.append("reference;sku;quantity;customerEmail;currency;paymentMethod;shipName;shipStreet;shipPostalCode;"
                + "shipCity;shipCountry\n");
        // three faulty rows, each in its own order: those three orders fail whole, the other 997 are placed
        List<Integer> faulty = List.of(1_234, 50_000, 99_999);
        for (int line = 0; line < LINES; line++) {
            int order = line / LINES_PER_ORDER;
            String quantity = faulty.contains(line) ? "1.0" : "1";
            csv.append(prefix).append('-').append(order).append(';').append(skus.get(line % skus.size())).append(';')
                    .append(quantity).append(";buyer").append(order % 50).append("@example.com;EUR;prepayment;")
                    .append("Erika Muster;Hauptstr. 1;10115;Berlin;DE\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        long started = System.nanoTime();
        // the preview reads the whole file before it answers: longer than Api's timeout allows on a busy machine
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/imports/orders?source=" + source + "&fileName=big.csv"))
                .timeout(Duration.ofMinutes(15)).header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode preview = Api.JSON.readTree(uploaded.body());
        long previewed = System.nanoTime();
        assertThat(preview.get("rows").asInt()).isEqualTo(LINES);
        assertThat(preview.get("units").asInt()).isEqualTo(LINES / LINES_PER_ORDER);
        assertThat(preview.get("rowsWithErrors").asInt()).isEqualTo(3);
        assertThat(preview.get("errors").findValues("row")).extracting(JsonNode::asInt)
                .containsExactly(1_234 + 2, 50_000 + 2, 99_999 + 2);
        assertThat(preview.get("errors").findValuesAsString("column")).containsOnly("quantity");

        String id = preview.get("id").asString();
        expect(api.post("/api/v1/imports/orders/" + id + "/commit", ""), 202);
        TreeSet<Integer> seen = new TreeSet<>();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode now = expect(api.get("/api/v1/imports/orders/" + id), 200).json();
            seen.add(now.get("unitsDone").asInt());
            return "DONE".equals(now.get("status").asString());
        });
        long imported = System.nanoTime();
        JsonNode done = expect(api.get("/api/v1/imports/orders/" + id), 200).json();
        System.out.printf("100,000-line order file: preview %.1f s, import of %d orders %.1f s%n",
                (previewed - started) / 1e9, done.get("units").asInt(), (imported - previewed) / 1e9);

        assertThat(done.get("created").asInt()).isEqualTo(997);
        assertThat(done.get("failed").asInt()).isEqualTo(3);
        assertThat(done.get("unitsDone").asInt()).isEqualTo(1_000);
        assertThat(seen).as("progress counted in batches while importing")
                .anyMatch(n -> n > 0 && n < 1_000);
        JsonNode order = expect(api.get("/api/v1/orders/" + expect(api.get("/api/v1/orders?q=" + source + "/" + prefix
                + "-998"), 200).json().get("items").get(0).get("id").asString()), 200).json();
        assertThat(order.get("lines").size()).isEqualTo(LINES_PER_ORDER);
        assertThat(expect(api.get("/api/v1/orders?q=" + source + "/" + prefix + "-12"), 200).json().get("items")
                .size()).as("the order with the faulty row 1236").isZero();
    }
}
