package org.ordo.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Messages delivered to a partner's HTTP endpoint or folder through the outbox, and interchanges taken from its drop folder. */
@IntegrationTest
class EdiDeliveryIntegrationTests extends EdiPartnerSetup {

    @Test
    void aPartnersEndpointThatFailsTwiceGetsEachMessageDeliveredExactlyOnce() throws Exception {
        List<String> keys = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/edi", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the partner's endpoint is down for the first two requests, then takes everything
            int status = requests.incrementAndGet() <= 2 ? 503 : 200;
            if (status == 200) {
                keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                delivered.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            Map<String, Object> body = partnerBody(partner, sender, "GTIN");
            body.put("delivery", "HTTP");
            body.put("deliveryUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/edi");
            expect(api.put("/api/v1/edi/partners/" + partner, body), 200);

            expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                    Map.of("REF", reference(), "PO", Fixtures.unique("PO")))), 200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> requests.get() >= 2);
            // the failed attempts wait before they are tried again: a while later, each is delivered once
            TestClock.movedBy(java.time.Duration.ofMinutes(5), () -> {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                        .until(() -> delivered.size() >= 3);
                org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(5))
                        .atMost(java.time.Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
            });
        } finally {
            server.stop(0);
        }
        JsonNode out = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200).json()
                .get("items");
        assertThat(out).hasSize(3);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                java.util.stream.StreamSupport.stream(out.spliterator(), false).map(m -> m.get("id").asString())
                        .toList());
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(
                java.util.stream.StreamSupport.stream(out.spliterator(), false).map(m -> m.get("body").asString())
                        .toList());
        assertThat(requests.get()).isEqualTo(5);
        assertThat(out).allSatisfy(m -> assertThat(m.get("deliveryStatus").asString()).isEqualTo("DELIVERED"));
        assertThat(out).extracting(m -> m.get("deliveryAttempts").asInt()).contains(2).allMatch(n -> n <= 2);
    }

    @Test
    void aMessageResentThroughTheApiReachesThePartnerAgainAsItWasSent() throws Exception {
        List<String> keys = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/edi", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            delivered.add(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            Map<String, Object> body = partnerBody(partner, sender, "GTIN");
            body.put("delivery", "HTTP");
            body.put("deliveryUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/edi");
            expect(api.put("/api/v1/edi/partners/" + partner, body), 200);
            JsonNode answer = expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                    Map.of("REF", reference(), "PO", Fixtures.unique("PO")))), 200).json();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> delivered.size() >= 3);
            JsonNode contrl = awaitOutgoing("CONTRL", 1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "DELIVERED"
                    .equals(awaitOutgoing("CONTRL", 1).get("deliveryStatus").asString()));

            // the partner lost it: sent again, as it was sent (same body, same Idempotency-Key)
            JsonNode queued = expect(api.post("/api/v1/edi/messages/" + contrl.get("id").asString() + "/resend",
                    Map.of()), 202).json();
            assertThat(queued.get("deliveryStatus").asString()).isEqualTo("QUEUED");
            assertThat(queued.get("controlNumber").asLong()).isEqualTo(contrl.get("controlNumber").asLong());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> delivered.size() >= 4);
            assertThat(keys.get(3)).isEqualTo(contrl.get("id").asString());
            assertThat(delivered.get(3)).isEqualTo(contrl.get("body").asString());

            // a message in is not sent anywhere; an unknown id is not found
            String in = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=IN"), 200).json()
                    .get("items").get(0).get("id").asString();
            expect(api.post("/api/v1/edi/messages/" + in + "/resend", Map.of()), 422);
            expect(api.post("/api/v1/edi/messages/" + java.util.UUID.randomUUID() + "/resend", Map.of()), 404);
            assertThat(answer.get("messages")).hasSize(2);
        } finally {
            server.stop(0);
        }
        assertThat(delivered).hasSize(4);
    }

    @Test
    void aPartnerWithAFolderFindsEachMessageThereAsAFileOfItsOwn() throws Exception {
        Map<String, Object> body = partnerBody(partner, sender, "GTIN");
        body.put("delivery", "FOLDER");
        expect(api.put("/api/v1/edi/partners/" + partner, body), 200);

        expect(post(interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO")))), 200);

        java.nio.file.Path folder = java.nio.file.Path.of("target/it-data/edi/outbox", partner);
        JsonNode out = expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=OUT"), 200).json()
                .get("items");
        assertThat(out).hasSize(3);
        for (JsonNode message : out) {
            java.nio.file.Path file = folder.resolve(message.get("type").asString() + "-"
                    + message.get("controlNumber").asLong() + ".edi");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> java.nio.file.Files.exists(file));
            assertThat(java.nio.file.Files.readString(file)).isEqualTo(message.get("body").asString());
        }
        try (var files = java.nio.file.Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(3).allMatch(n -> n.endsWith(".edi"));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                java.util.stream.StreamSupport.stream(expect(api.get("/api/v1/edi/messages?partner=" + partner
                        + "&direction=OUT"), 200).json().get("items").spliterator(), false)
                        .allMatch(m -> m.get("deliveryStatus").asString().equals("DELIVERED")));
    }

    @Test
    void aFileInThePartnersDropFolderBecomesOrdersAndMovesToProcessed() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("target/it-data/edi/inbox", partner);
        String ref = reference();
        byte[] body = interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", ref, "PO", Fixtures.unique("PO")));
        drop(folder, "orders-1.edi", body);

        java.nio.file.Path processed = folder.resolve("processed/orders-1.edi");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> java.nio.file.Files.exists(processed.resolveSibling("orders-1.edi.answer.json")));
        assertThat(java.nio.file.Files.readAllBytes(processed)).isEqualTo(body);
        assertThat(folder.resolve("orders-1.edi")).doesNotExist();
        JsonNode answer = Api.JSON.readTree(java.nio.file.Files.readString(processed.resolveSibling("orders-1.edi.answer.json")));
        assertThat(answer.get("messages")).extracting(m -> m.get("outcome").asString())
                .containsExactly("PLACED", "PLACED");
        assertThat(expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=IN"), 200).json()
                .get("items")).hasSize(2);
    }

    @Test
    void aFileReadAgainAfterACrashBeforeItsMoveCreatesNothingTwice() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("target/it-data/edi/inbox", partner);
        byte[] body = interchange("orders-una-release.edi", StandardCharsets.ISO_8859_1,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO")));
        // the first reading took the interchange, then the poller died before it moved the file
        JsonNode first = expect(post(body), 200).json();
        drop(folder, "again.edi", body);

        java.nio.file.Path answer = folder.resolve("processed/again.edi.answer.json");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> java.nio.file.Files.exists(answer));
        assertThat(Api.JSON.readTree(java.nio.file.Files.readString(answer))).isEqualTo(first);
        assertThat(expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=IN"), 200).json()
                .get("items")).hasSize(2);
    }

    @Test
    void aFileThatIsNoInterchangeOfThePartnerIsRefusedWithTheReason() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("target/it-data/edi/inbox", partner);
        drop(folder, "garbage.edi", new byte[] {0, 1, 2, (byte) 0xff, 'U', 'N', 'B'});
        String other = Fixtures.gtin();
        Map<String, Object> otherPartner = partnerBody(Fixtures.unique("OT").replace("-", ""), other, "GTIN");
        expect(api.post("/api/v1/edi/partners", otherPartner), 201);
        String theirs = new String(interchange("orders-una-release.edi", StandardCharsets.UTF_8,
                Map.of("REF", reference(), "PO", Fixtures.unique("PO"))), StandardCharsets.UTF_8).replace(sender, other);
        drop(folder, "theirs.edi", theirs.getBytes(StandardCharsets.ISO_8859_1));

        java.nio.file.Path refused = folder.resolve("refused");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> java.nio.file.Files.exists(refused.resolve("theirs.edi.reason.txt"))
                        && java.nio.file.Files.exists(refused.resolve("garbage.edi.reason.txt")));
        assertThat(java.nio.file.Files.readString(refused.resolve("theirs.edi.reason.txt")))
                .contains("UNB.sender").contains("folder of " + partner);
        assertThat(java.nio.file.Files.readString(refused.resolve("garbage.edi.reason.txt"))).isNotBlank();
        assertThat(refused.resolve("garbage.edi")).exists();
        assertThat(expect(api.get("/api/v1/edi/messages?partner=" + otherPartner.get("code")), 200).json()
                .get("items")).isEmpty();
    }
}
