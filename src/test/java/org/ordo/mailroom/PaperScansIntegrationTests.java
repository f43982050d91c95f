package org.ordo.mailroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A fax uploaded over HTTP (TIFF, as fax servers write it) is read by OCR into the review queue with a draft for the
 * customer who sent it, once per scan, and a person confirms it into an order; what is not a scan is refused.
 */
@IntegrationTest
class PaperScansIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anUploadedFaxIsReadByOcrIntoReviewOnceAndConfirmedIntoAnOrderOfThePaperChannel() throws Exception {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = "FAX-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("de", "Artikel"),
                "price", Map.of("amount", "9.00", "currency", "EUR"), "taxRate", "19", "weightGrams", 300)), 201);
        fixtures.receive(sku, location, 10);
        String email = Fixtures.unique("fax").toLowerCase() + "@example.com";
        String customer = expect(api.post("/api/v1/customers", Map.of("email", email, "name", "Erika Muster",
                "addresses", List.of(Fixtures.address("Erika Muster", "DE")))), 201).json().get("id").asString();
        byte[] tiff = tiff(MailboxIntegrationTests.page("BESTELLUNG PER FAX", "Pos 1   " + sku + "   4 Stk"));
        Api agent = api.withNewKey("AGENT");

        Api.Response uploaded = expect(agent.postBytes("/api/v1/paper?fileName=fax-0412.tiff&sender=" + email, tiff,
                "image/tiff"), 201);
        JsonNode entry = uploaded.json();
        assertThat(entry.get("kind").asString()).isEqualTo("ORDER");
        assertThat(entry.get("reason").asString()).startsWith("scan read by OCR").contains("fax-0412.tiff");
        assertThat(entry.get("readText").asString()).contains(sku);
        assertThat(entry.get("contentType").asString()).isEqualTo("image/tiff");
        JsonNode draft = entry.get("draft");
        assertThat(draft.get("channel").asString()).isEqualTo("paper");
        assertThat(draft.get("customerId").asString()).isEqualTo(customer);
        assertThat(draft.get("lines").get(0).get("sku").asString()).isEqualTo(sku);
        assertThat(draft.get("lines").get(0).get("quantity").asLong()).isEqualTo(4);
        assertThat(expect(api.get("/api/v1/inbound-documents/" + entry.get("documentId").asString()), 200).json()
                .get("status").asString()).as("nothing read by OCR is an order before a person confirms it")
                .isEqualTo("REVIEW");

        // the fax server sends it again: the same entry, nothing new
        Api.Response again = expect(agent.postBytes("/api/v1/paper", tiff, "application/octet-stream"), 200);
        assertThat(again.json().get("id").asString()).isEqualTo(entry.get("id").asString());
        assertThat(again.replayed()).isEqualTo("true");

        JsonNode order = expect(agent.post("/api/v1/review-entries/" + entry.get("id").asString() + "/confirm",
                draft), 201).json();
        assertThat(order.get("channel").asString()).isEqualTo("paper");
        assertThat(order.get("lines").get(0).get("quantity").asLong()).isEqualTo(4);
    }

    @Test
    void whatIsNotAScanIsRefusedNamingTheFileAndNothingIsStored() {
        Api api = Api.admin(port).withNewKey("AGENT");
        Api.Response text = api.postBytes("/api/v1/paper", "3 x SKU-1 please".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream");
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.errorFields()).containsExactly("file");
        Api.Response badSender = api.postBytes("/api/v1/paper?sender=not-an-address",
                MailboxIntegrationTests.page("x"), "image/png");
        assertThat(badSender.errorFields()).containsExactly("sender");
        assertThat(Api.admin(port).withNewKey("WAREHOUSE").postBytes("/api/v1/paper", MailboxIntegrationTests.page("x"),
                "image/png").status()).isEqualTo(403);
    }

    private static byte[] tiff(byte[] png) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(ImageIO.read(new ByteArrayInputStream(png)), "tiff", out)).isTrue();
        return out.toByteArray();
    }
}
