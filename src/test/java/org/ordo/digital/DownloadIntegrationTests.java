package org.ordo.digital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Download links as a browser or a download manager uses them. */
@IntegrationTest
class DownloadIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void askingForTheHeadersOfADownloadDoesNotUseItUp() throws Exception {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String ebook = fixtures.article("DIGITAL", "9.99", "EUR", "7", false, false);
        expect(api.put("/api/v1/digital/assets/" + ebook + "?filename=book.pdf", "%PDF-1.4 test"), 204);
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", ebook, 1));
        body.put("paymentMethod", "card");
        body.remove("shippingAddress");
        String id = expect(api.placeOrder(body), 201).json().get("id").asString();
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.succeeded", id, "amount_received", 1069,
                "EUR"), 200);
        var link = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/orders/" + id + "/downloads").json(), l -> l.size() == 1).get(0);
        String url = link.get("url").asString();
        int allowed = link.get("maxDownloads").asInt();

        for (int i = 0; i < allowed + 3; i++) {
            HttpResponse<String> head = send("HEAD", url);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Length")).hasValue("13");
            assertThat(head.headers().firstValue("Content-Disposition").orElseThrow()).contains("book.pdf");
            assertThat(head.body()).isEmpty();
        }
        assertThat(api.get("/api/v1/orders/" + id + "/downloads").json().get(0).get("downloads").asInt()).isZero();

        for (int i = 0; i < allowed; i++) {
            HttpResponse<String> get = send("GET", url);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("%PDF-1.4 test");
        }
        // Used up: HEAD answers what GET would.
        assertThat(send("HEAD", url).statusCode()).isEqualTo(410);
        assertThat(send("GET", url).statusCode()).isEqualTo(410);
        assertThat(send("HEAD", "/download/" + "x".repeat(43)).statusCode()).isEqualTo(404);
    }
}
