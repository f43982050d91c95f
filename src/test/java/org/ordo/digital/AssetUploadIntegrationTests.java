package org.ordo.digital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordo.Fixtures.expect;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Sha256;
import org.ordo.platform.web.PayloadTooLargeException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The file of a digital article is larger than any JSON request: up to ORDO_DIGITAL_MAX_FILE_SIZE (100 MiB unless
 * set), sent whole or chunked, stored byte for byte; a larger one is refused with 413 naming the limit, and the
 * article keeps the file it had.
 */
@IntegrationTest
class AssetUploadIntegrationTests {

    private static final long LIMIT = 100L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DigitalDelivery digital;

    @Test
    void aFileOfSeveralMebibytesIsStoredWholeAndOneOverTheLimitIsRefusedKeepingTheOldOne() throws Exception {
        Api api = Api.admin(port);
        String ebook = new Fixtures(api).article("DIGITAL", "9.99", "EUR", "7", false, false);
        byte[] pdf = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(pdf);
        assertThat(upload(ebook, "book.pdf", HttpRequest.BodyPublishers.ofByteArray(pdf))).isEqualTo(204);
        assertThat(stored(ebook)).isEqualTo(pdf.length + " " + Sha256.hex(pdf));

        byte[] zip = new byte[2 * 1024 * 1024 + 5];
        new Random(8).nextBytes(zip);
        assertThat(upload(ebook, "book.zip", HttpRequest.BodyPublishers.ofInputStream(() ->
                new ByteArrayInputStream(zip)))).as("chunked").isEqualTo(204);
        assertThat(stored(ebook)).isEqualTo(zip.length + " " + Sha256.hex(zip));

        // announced larger than the limit: refused before a byte of it is read
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/digital/assets/" + ebook + "?filename=huge.zip HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Api.ADMIN_KEY + "\r\nContent-Type: application/zip\r\n"
                    + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(2000), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than " + LIMIT + " bytes");
        }
        // sent without a length and going past it: refused as it streams in
        assertThatThrownBy(() -> digital.upload(ebook, "huge.zip", "application/zip", zeros(LIMIT + 1)))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining(String.valueOf(LIMIT));
        assertThat(stored(ebook)).as("the file it had").isEqualTo(zip.length + " " + Sha256.hex(zip));
    }

    private int upload(String sku, String filename, HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/digital/assets/"
                + sku + "?filename=" + filename)).header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .header("Content-Type", "application/pdf").PUT(body).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private String stored(String sku) {
        return jdbc.sql("SELECT octet_length(content) || ' ' || sha256 FROM digital_asset WHERE sku = :sku")
                .param("sku", sku).query(String.class).single();
    }

    /** {@code n} zero bytes, made as they are read. */
    private static InputStream zeros(long n) {
        return new InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                left -= k;
                return k;
            }
        };
    }
}
