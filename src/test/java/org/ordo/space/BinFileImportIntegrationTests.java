package org.ordo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A warehouse's bins come from a CSV through the file import: the preview names every faulty row and column, the
 * commit sets up each good bin with its capacities as the bins API would, a later file changes a bin, and the same
 * file again changes nothing.
 */
@IntegrationTest
class BinFileImportIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String source;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        source = Fixtures.unique("racking").toLowerCase();
    }

    @Test
    void binsFromACsvArePreviewedThenSetUpWithTheirCapacitiesAndTheSameFileAgainChangesNothing() {
        String location = fixtures.location(1);
        byte[] file = ("location;code;pickSequence;lengthMm;widthMm;heightMm;maxWeightGrams;palletPlaces\n"
                + location + ";A-01;10;1000;600;400;80000;\n"
                + location + ";A-02;20;1000;600;400;;2\n"
                + location + ";A-03;;1000;600;400;;\n"
                + location + ";bad code;40;;;;;\n"
                + "NOWHERE;A-05;50;;;;;\n").getBytes(StandardCharsets.UTF_8);

        JsonNode preview = expect(api.postBytes("/api/v1/imports/bins?source=" + source + "&fileName=bins.csv", file,
                "text/csv"), 201).json();
        assertThat(preview.get("units").asInt()).isEqualTo(5);
        assertThat(preview.get("errors").findValuesAsString("column")).as("each fault names its column")
                .containsExactlyInAnyOrder("pickSequence", "code", "location");
        assertThat(expect(api.get("/api/v1/locations/" + location + "/bins"), 200).json())
                .as("the preview sets up nothing").isEmpty();

        JsonNode done = commitAndWait(preview);
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(3);
        JsonNode a01 = bin(location, "A-01");
        assertThat(a01.get("pickSequence").asInt()).isEqualTo(10);
        assertThat(a01.get("volumeMm3").asLong()).isEqualTo(1000L * 600 * 400);
        assertThat(a01.get("maxWeightGrams").asLong()).isEqualTo(80000);
        assertThat(bin(location, "A-02").get("palletPlaces")
                .asInt()).isEqualTo(2);
        assertThat(bin(location, "A-03")).as("a row with a fault sets up nothing").isNull();

        JsonNode again = commitAndWait(expect(api.postBytes("/api/v1/imports/bins?source=" + source, file,
                "text/csv"), 201).json());
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(again.get("created").asInt()).isZero();

        // a re-racked aisle: a later file moves A-01 on the pick path and makes it smaller
        byte[] later = ("location,code,pickSequence,lengthMm,widthMm,heightMm\n" + location + ",A-01,15,500,600,400\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(commitAndWait(expect(api.postBytes("/api/v1/imports/bins?source=" + source, later, "text/csv"),
                201).json()).get("created").asInt()).isEqualTo(1);
        JsonNode changed = bin(location, "A-01");
        assertThat(changed.get("pickSequence").asInt()).isEqualTo(15);
        assertThat(changed.get("volumeMm3").asLong()).isEqualTo(500L * 600 * 400);

        assertThat(api.withNewKey("WAREHOUSE").postBytes("/api/v1/imports/bins?source=" + source, file, "text/csv")
                .status()).as("setting up bins is the admin's").isEqualTo(403);
    }

    private JsonNode bin(String location, String code) {
        for (JsonNode bin : expect(api.get("/api/v1/locations/" + location + "/bins"), 200).json()) {
            if (bin.get("code").asString().equals(code)) {
                return bin;
            }
        }
        return null;
    }

    private JsonNode commitAndWait(JsonNode preview) {
        String id = preview.get("id").asString();
        expect(api.post("/api/v1/imports/bins/" + id + "/commit", ""), 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                expect(api.get("/api/v1/imports/bins/" + id), 200).json().get("status").asString()));
        return expect(api.get("/api/v1/imports/bins/" + id), 200).json();
    }
}
