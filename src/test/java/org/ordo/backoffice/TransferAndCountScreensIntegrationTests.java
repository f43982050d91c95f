package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The transfer and count screens without a browser: a buyer ships a transfer and may not receive it, the warehouse
 * receives part of it and then the rest (its words in German), a big count waits for a second person and the one who
 * counted cannot approve it.
 */
@IntegrationTest
class TransferAndCountScreensIntegrationTests {

    private static final String PASSWORD = "stock-screens-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    private WebSession person(Role role, String locale) {
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, locale, "test");
        return WebSession.login(port, name, PASSWORD);
    }

    private static long[] at(Api api, String sku, String location) {
        for (JsonNode l : api.get("/api/v1/inventory/" + sku).json().get("locations")) {
            if (l.get("location").asString().equals(location)) {
                return new long[] {l.get("onHand").asLong(), l.get("reserved").asLong()};
            }
        }
        return new long[] {0, 0};
    }

    @Test
    void aBuyerShipsATransferAndTheWarehouseReceivesItInParts() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String from = fixtures.location(1);
        String to = fixtures.location(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, from, 8);

        WebSession buyer = person(Role.PURCHASING, "en");
        assertThat(buyer.get("/transfers").body()).contains("ship-form").doesNotContain("receive-all");
        assertThat(buyer.post("/transfers", Map.of("from", from, "to", to, "sku", sku, "quantity", "5", "note",
                "for the sale")).status()).isEqualTo(302);
        assertThat(at(api, sku, from)).containsExactly(3, 0);
        JsonNode shipped = api.get("/api/v1/transfers?status=IN_TRANSIT&limit=200").json().get("items")
                .valueStream().filter(t -> t.get("lines").get(0).get("sku").asString().equals(sku)).findFirst()
                .orElseThrow();
        String id = shipped.get("id").asString();
        buyer.post("/transfers", Map.of("from", from, "to", to, "sku", sku, "quantity", "9"));
        assertThat(at(api, sku, from)).as("more than there is: nothing leaves").containsExactly(3, 0);
        assertThat(buyer.post("/transfers/" + id + "/receipt", Map.of()).status()).as("buyers do not receive")
                .isEqualTo(403);

        WebSession warehouse = person(Role.WAREHOUSE, "de");
        String page = warehouse.get("/transfers").body();
        assertThat(page).contains(shipped.get("number").asString(), "unterwegs", "receive-line", "receive-all");
        warehouse.post("/transfers/" + id + "/receipt", Map.of("sku", sku, "quantity", "3"));
        assertThat(at(api, sku, to)).containsExactly(3, 0);
        assertThat(api.get("/api/v1/transfers/" + id).json().get("status").asString()).isEqualTo("IN_TRANSIT");
        warehouse.post("/transfers/" + id + "/receipt", Map.of());
        assertThat(at(api, sku, to)).containsExactly(5, 0);
        assertThat(api.get("/api/v1/transfers/" + id).json().get("status").asString()).isEqualTo("RECEIVED");
    }

    @Test
    void aBigCountWaitsForASecondPersonOnTheCountScreen() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 40);

        WebSession counter = person(Role.WAREHOUSE, "en");
        assertThat(counter.get("/counts").body()).contains("count-form");
        assertThat(counter.post("/counts", Map.of("sku", sku, "location", location, "counted", "25")).status())
                .isEqualTo(302);
        JsonNode waiting = api.get("/api/v1/cycle-counts?status=AWAITING_APPROVAL&limit=200").json().get("items")
                .valueStream().filter(c -> c.get("sku").asString().equals(sku)).findFirst().orElseThrow();
        assertThat(at(api, sku, location)).as("15 is above the threshold: nothing booked yet")
                .containsExactly(40, 0);
        assertThat(counter.get("/counts").body()).contains("waiting-" + waiting.get("number").asString());

        counter.post("/counts/" + waiting.get("id").asString() + "/decision", Map.of("approve", "true"));
        assertThat(at(api, sku, location)).as("not by the one who counted").containsExactly(40, 0);

        WebSession second = person(Role.WAREHOUSE, "ko");
        assertThat(second.get("/counts").body()).contains("승인 대기");
        second.post("/counts/" + waiting.get("id").asString() + "/decision", Map.of("approve", "true"));
        assertThat(at(api, sku, location)).containsExactly(25, 0);
        assertThat(person(Role.PURCHASING, "en").get("/counts").status()).as("buyers do not count")
                .isEqualTo(403);
    }
    @Test
    void theWarehouseClosesATransferShortOnTheScreenWithAReasonAndAnAgentCannot() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String from = fixtures.location(1);
        String to = fixtures.location(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, from, 10);
        JsonNode shipped = expect(api.post("/api/v1/transfers", Map.of("from", from, "to", to, "lines",
                List.of(Map.of("sku", sku, "quantity", 6))), "Idempotency-Key", Fixtures.unique("tr")), 201).json();
        String id = shipped.get("id").asString();
        expect(api.post("/api/v1/transfers/" + id + "/receipt", Map.of("lines", List.of(Map.of("sku", sku,
                "quantity", 2)))), 200);

        WebSession agent = person(Role.AGENT, "en");
        assertThat(agent.get("/transfers").body()).contains(shipped.get("number").asString())
                .doesNotContain("close-short");
        assertThat(agent.post("/transfers/" + id + "/closure", Map.of("reason", "gone")).status())
                .as("agents ship, they do not close").isEqualTo(403);

        WebSession warehouse = person(Role.WAREHOUSE, "de");
        assertThat(warehouse.get("/transfers").body()).contains("close-short", "Mit Fehlmenge schließen");
        assertThat(warehouse.follow(warehouse.post("/transfers/" + id + "/closure", Map.of("reason", " "))).body())
                .as("no reason: refused, naming the field").contains(FieldLabels.of("reason", Locale.GERMAN)
                        + ": ist erforderlich: geben Sie an, warum nichts mehr ankommt");
        assertThat(api.get("/api/v1/transfers/" + id).json().get("status").asString()).isEqualTo("IN_TRANSIT");

        String page = warehouse.follow(warehouse.post("/transfers/" + id + "/closure", Map.of("reason",
                "Palette vom LKW gefallen", "lost", "true"))).body();
        assertThat(page).contains("als verloren ausgebucht", "mit Fehlmenge geschlossen", "Palette vom LKW gefallen");
        JsonNode closed = api.get("/api/v1/transfers/" + id).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED_SHORT");
        assertThat(closed.get("lost").asBoolean()).isTrue();
        assertThat(at(api, sku, from)).as("the 4 lost on the way are written off at the source")
                .containsExactly(4, 0);
        assertThat(at(api, sku, to)).containsExactly(2, 0);
        assertThat(warehouse.follow(warehouse.post("/transfers/" + id + "/closure", Map.of("reason", "again")))
                .body()).as("closed once, said in German").contains("Nicht möglich: Umlagerung "
                        + shipped.get("number").asString() + " ist mit Fehlmenge geschlossen und kann nicht");
        assertThat(at(api, sku, from)).containsExactly(4, 0);
    }

    @Test
    void refusedCountsAndTransfersAreExplainedInTheWorkersLanguage() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        WebSession german = person(Role.WAREHOUSE, "de");
        german.get("/counts");
        WebSession.Page count = german.post("/counts", Map.of("sku", "NO-SUCH-SKU", "location", location,
                "counted", "3"));
        assertThat(german.follow(count).body()).contains("Nicht gespeichert: " + FieldLabels.of("sku", Locale.GERMAN)
                + ": ist keine bekannte SKU");

        WebSession korean = person(Role.PURCHASING, "ko");
        korean.get("/transfers");
        WebSession.Page transfer = korean.post("/transfers", Map.of("from", location, "to", location, "sku", sku,
                "quantity", "2"));
        assertThat(korean.follow(transfer).body()).contains("저장되지 않음: " + FieldLabels.of("to", Locale.KOREAN)
                + ": 출발 창고와 다른 창고여야 합니다");

        WebSession english = person(Role.WAREHOUSE, "en");
        english.get("/counts");
        assertThat(english.follow(english.post("/counts", Map.of("sku", "NO-SUCH-SKU", "location", location,
                "counted", "3"))).body()).contains("Not saved: " + FieldLabels.of("sku", Locale.ENGLISH)
                        + ": is not a known SKU");
        assertThat(at(api, sku, location)).as("nothing counted or moved").containsExactly(0, 0);
    }

    @Test
    void aWholeBinIsCountedOnTheCountScreenArticleByArticleWithoutSeeingTheBooks() {
        Api api = Api.admin(port);
        String[] made = binA01WithTwoArticles(api);
        String location = made[0];
        String found = made[1];
        String gone = made[2];

        WebSession counter = person(Role.WAREHOUSE, "en");
        String bin = "/counts/bin?location=" + location + "&bin=A-01";
        String page = counter.get(bin).body();
        assertThat(page).contains("Bin A-01 at " + location).as("blind: the books are not shown")
                .doesNotContain(found).doesNotContain(gone);
        page = counter.get(bin + "&sku=" + found + "&counted=3").body();
        assertThat(page).contains("bin-count-line-" + found);
        page = counter.get(bin + "&lineSku=" + found + "&lineCounted=3&sku=" + found + "&counted=1").body();
        assertThat(page).as("a second scan of the article adds to it")
                .contains("name=\"lineSku\" value=\"" + found + "\"", "name=\"lineCounted\" value=\"4\"");
        assertThat(counter.get(bin + "&lineSku=" + found + "&lineCounted=4&sku=NO-SUCH&counted=1").body())
                .contains("NO-SUCH is not a known article").contains("bin-count-line-" + found);
        assertThat(counter.follow(counter.get("/counts/bin?location=" + location + "&bin=NOPE")).body())
                .as("a bin that does not exist").contains("Not possible");
        assertThat(held(api, location, "A-01")).as("nothing booked while scanning").containsEntry(found, 5L)
                .containsEntry(gone, 2L);

        String done = counter.follow(counter.postForm("/counts/bin", "location=" + location
                + "&bin=A-01&lineSku=" + found + "&lineCounted=4")).body();
        assertThat(done).contains("Bin A-01 counted: 2 articles, 0 of them waiting for approval.");
        assertThat(held(api, location, "A-01")).as("the article not scanned was not found")
                .containsOnly(Map.entry(found, 4L));
        assertThat(at(api, gone, location)).containsExactly(0, 0);
    }

    @Test
    void aBinCountWithALineThatDoesNotReadIsRefusedWholeAndBooksNothing() {
        Api api = Api.admin(port);
        String[] made = binA01WithTwoArticles(api);
        String location = made[0];
        String found = made[1];
        String other = made[2];
        WebSession counter = person(Role.WAREHOUSE, "en");
        counter.get("/counts/bin?location=" + location + "&bin=A-01");

        // Each line must read: left out, it would have counted both articles as zero (the bin's "empty count").
        for (String line : List.of("lineSku=" + found + "&lineCounted=1.5", "lineSku=" + found + "&lineCounted=-1",
                "lineSku=" + found + "&lineCounted=", "lineSku=&lineCounted=3",
                "lineSku=" + found + "&lineCounted=%D9%A3", "lineSku=" + found + "&lineCounted=%EF%BC%93",
                "lineSku=" + found)) {
            WebSession.Page answer = counter.postForm("/counts/bin", "location=" + location + "&bin=A-01&" + line);
            assertThat(answer.status()).as(line).isEqualTo(302);
            assertThat(counter.follow(answer).body()).as(line).contains("flash error").contains("line");
        }
        // a scanned code with braces goes back to the bin's page as text, not as a template of the redirect
        WebSession.Page braces = counter.postForm("/counts/bin", "location=" + location
                + "&bin=A-01&lineSku=%7Bx%7D&lineCounted=1");
        assertThat(braces.status()).isEqualTo(302);
        assertThat(braces.location()).contains("lineSku=%7Bx%7D");
        assertThat(counter.follow(braces).status()).isEqualTo(200);
        // nor do codes longer than any SKU, or hundreds of them, make a redirect longer than a server takes
        StringBuilder many = new StringBuilder("location=" + location + "&bin=A-01&lineSku=" + "x".repeat(10_000)
                + "&lineCounted=1");
        for (int i = 0; i < 300; i++) {
            many.append("&lineSku=%C3%A4").append(i).append("&lineCounted=1");
        }
        WebSession.Page longer = counter.postForm("/counts/bin", many.toString());
        assertThat(longer.status()).isEqualTo(302);
        assertThat(longer.location().length()).isLessThan(8000);
        assertThat(counter.follow(longer).body()).contains("flash error");
        // no bin or warehouse to go back to: the counts page says why, in one step
        for (String where : List.of("location=" + location + "&bin=NOPE", "location=NO-SUCH-LOC&bin=A-01",
                "location=%7Bx%7D&bin=A-01")) {
            WebSession.Page answer = counter.postForm("/counts/bin", where + "&lineSku=" + found + "&lineCounted=1");
            assertThat(answer.location()).as(where).endsWith("/counts");
            assertThat(counter.follow(answer).body()).as(where).contains("flash error");
        }
        assertThat(held(api, location, "A-01")).as("nothing booked").containsEntry(found, 5L)
                .containsEntry(other, 2L);
        assertThat(at(api, other, location)).containsExactly(2, 0);
    }

    /** A new warehouse with bin A-01 holding 5 of one new article and 2 of another: location, first, second. */
    private static String[] binA01WithTwoArticles(Api api) {
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String first = fixtures.article("10.00", "EUR", "19");
        String second = fixtures.article("10.00", "EUR", "19");
        expect(api.put("/api/v1/locations/" + location + "/bins/A-01", Map.of("pickSequence", 1)), 200);
        fixtures.receive(first, location, 5);
        fixtures.receive(second, location, 2);
        return new String[] {location, first, second};
    }

    private static Map<String, Long> held(Api api, String location, String bin) {
        Map<String, Long> held = new java.util.HashMap<>();
        expect(api.get("/api/v1/locations/" + location + "/bins/" + bin + "/contents"), 200).json().get("items")
                .forEach(i -> held.put(i.get("sku").asString(), i.get("quantity").asLong()));
        return held;
    }
}
