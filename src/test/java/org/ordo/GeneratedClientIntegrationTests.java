package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordo.client.ApiClient;
import org.ordo.client.ApiException;
import org.ordo.client.api.ArticlesApi;
import org.ordo.client.api.DigitalGoodsApi;
import org.ordo.client.api.DocumentsApi;
import org.ordo.client.api.InventoryApi;
import org.ordo.client.api.OrdersApi;
import org.ordo.client.api.PaymentsApi;
import org.ordo.client.model.ArticleDraft;
import org.ordo.client.model.Entitlement;
import org.ordo.client.model.FieldError;
import org.ordo.client.model.LocationDraft;
import org.ordo.client.model.OrderView;
import org.ordo.client.model.PlaceOrder;
import org.ordo.client.model.Receipt;
import org.ordo.client.model.StatementImport;
import org.ordo.client.model.StoredDocument;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An integrator's scenario through the Java client that openapi-generator builds from docs/api/openapi.json during
 * the build (with its default validation of the document): if the document and the server disagree about a type, a
 * media type or a required field, the generated client fails here as it would for the integrator. Files go both ways
 * through it: a digital good and a bank statement are uploaded as files, a PDF and the digital good come back as
 * files, byte for byte.
 */
@IntegrationTest
class GeneratedClientIntegrationTests {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @Test
    void anIntegratorRunsOrderToCashThroughTheGeneratedClient() throws Exception {
        ApiClient client = new ApiClient().setBasePath("http://localhost:" + port)
                .addDefaultHeader("Authorization", "Bearer " + Api.ADMIN_KEY);
        InventoryApi inventory = new InventoryApi(client);
        ArticlesApi articles = new ArticlesApi(client);
        OrdersApi orders = new OrdersApi(client);
        DocumentsApi documents = new DocumentsApi(client);
        var json = client.getObjectMapper();

        String location = Fixtures.unique("L").substring(0, 10);
        inventory.registerLocation(json.readValue("""
                {"code":"%s","name":"Warehouse","priority":1,"address":{"name":"Lager","street":"Hauptstr. 1",
                "postalCode":"10115","city":"Berlin","country":"DE"}}""".formatted(location), LocationDraft.class));
        String shirt = Fixtures.unique("SKU");
        articles.registerArticle(json.readValue("""
                {"sku":"%s","type":"PHYSICAL","name":{"en":"Shirt"},"price":{"amount":"20.00","currency":"EUR"},
                "taxRate":"19","priceIncludesTax":false,"backorderable":false,"weightGrams":250}""".formatted(shirt),
                ArticleDraft.class));
        String ebook = Fixtures.unique("SKU");
        articles.registerArticle(json.readValue("""
                {"sku":"%s","type":"DIGITAL","name":{"en":"E-book"},"price":{"amount":"9.99","currency":"EUR"},
                "taxRate":"7","priceIncludesTax":false,"backorderable":false}""".formatted(ebook), ArticleDraft.class));
        inventory.receiveStock(new Receipt().sku(shirt).location(location).quantity(5L).reference("PO-1"));

        // A digital good: bytes that are not text, uploaded as a file and delivered exactly as uploaded.
        byte[] book = new byte[2048];
        new java.util.Random(7).nextBytes(book);
        File upload = Files.write(files.resolve("book.pdf"), book).toFile();
        new DigitalGoodsApi(client).uploadDigitalAsset(ebook, "book.pdf", upload);

        String key = UUID.randomUUID().toString();
        PlaceOrder order = json.readValue("""
                {"channel":"web","externalRef":"%s","customer":{"email":"%s@example.com","name":"Erika Muster",
                "locale":"de"},"shippingAddress":{"name":"Erika Muster","street":"Hauptstr. 1","postalCode":"10115",
                "city":"Berlin","country":"DE"},"currency":"EUR","paymentMethod":"prepayment",
                "lines":[{"sku":"%s","quantity":2},{"sku":"%s","quantity":1}]}""".formatted(Fixtures.unique("SHOP"),
                Fixtures.unique("buyer").toLowerCase(), shirt, ebook), PlaceOrder.class);
        OrderView placed = orders.placeOrder(key, order);
        assertThat(orders.placeOrder(key, order).getId()).as("a retry with the same key").isEqualTo(placed.getId());
        OrderView read = orders.getOrder(placed.getId().toString());
        assertThat(read.getNumber()).isEqualTo(placed.getNumber());
        assertThat(read.getLines()).hasSize(2);

        // The order's first document (its confirmation), byte for byte as stored.
        StoredDocument stored = documents.listDocumentsOfOrder(placed.getId().toString()).get(0);
        byte[] pdf = Files.readAllBytes(documents.downloadDocument(stored.getId().toString()).toPath());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
                .isEqualTo(stored.getSha256());

        // Paid by a bank statement, uploaded as the file the bank gave.
        String statement = "date;amount;currency;reference\n%s;%s;EUR;Order %s\n".formatted(
                java.time.LocalDate.now(java.time.ZoneOffset.UTC), read.getTotals().getGross().getAmount(),
                read.getNumber());
        File csv = Files.writeString(files.resolve("statement.csv"), statement).toFile();
        StatementImport imported = new PaymentsApi(client).importBankStatement(csv);
        assertThat(imported.getMatched()).as(imported.toString()).hasSize(1);

        List<Entitlement> links = await().atMost(Duration.ofSeconds(20))
                .until(() -> orders.listDownloadsOfOrder(placed.getId().toString()), l -> l.size() == 1);
        String token = links.get(0).getUrl().substring("/download/".length());
        ApiClient anyone = new ApiClient().setBasePath("http://localhost:" + port);
        assertThat(Files.readAllBytes(new DigitalGoodsApi(anyone).downloadFile(token).toPath())).isEqualTo(book);

        // A refusal is a problem naming the field. Problem allows members of its own (RFC 9457), so this library
        // generates it as a map: its errors[] are read as the generated FieldError type.
        order.getLines().get(0).setQuantity(0L);
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> orders.placeOrder(UUID.randomUUID().toString(), order));
        assertThat(refused.getCode()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.getResponseBody());
        assertThat(problem.path("type").asText()).isEqualTo("urn:ordo:problem:validation");
        List<FieldError> errors = json.readerForListOf(FieldError.class).readValue(problem.path("errors"));
        assertThat(errors).anySatisfy(e -> assertThat(e.getField()).isEqualTo("lines[0].quantity"));
    }
}
