import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Requests an HTTP client refuses to send, written to a socket: malformed request lines, header injection, bad
 * lengths, invalid UTF-8, an unknown method, two Host headers, a 40,000-character path, a digital article's file
 * announced larger than its limit. Requests whose correct answer
 * is a 5xx by the HTTP standard (an unsupported HTTP version: 505, an unknown transfer coding: 501) are not made.
 */
final class RawRequests extends Family {

    final String adminKey;
    final Map<String, Object> order;

    /** {@code order}: a valid order body, sent with broken framing. */
    RawRequests(Generators g, String adminKey, Map<String, Object> order) {
        super("raw requests", g);
        this.adminKey = adminKey;
        this.order = order;
    }

    @Override
    List<String> aims() {
        return List.of("GET /api/v1/orders", "POST /api/v1/orders", "POST /api/v1/articles",
                "PUT /api/v1/digital/assets/{sku}");
    }

    @Override
    int weight() {
        return 3;
    }

    @Override
    Request next() {
        String auth = "Authorization: Bearer " + adminKey + "\r\n";
        String body = new String(Json.bytes(order), StandardCharsets.UTF_8);
        String request = switch (g.random.nextInt(13)) {
            case 0 -> "GET /api/v1/orders/%zz HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            case 1 -> "GET /api/v1/orders?q=%ED%A0%80%00 HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            case 2 -> "GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            case 3 -> "POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/json\r\nIdempotency-Key: raw\r\nContent-Length: -5\r\n\r\n" + body;
            case 4 -> "POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/json\r\nIdempotency-Key: raw\r\nContent-Length: 99999999999999999999\r\n\r\n" + body;
            case 5 -> "POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/json\r\nIdempotency-Key: raw\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n";
            case 6 -> "GET /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \u00ff\u00fe\u0000key\r\n\r\n";
            case 7 -> "GET /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x\r\n injected: yes\r\n\r\n";
            case 8 -> "BREW /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            case 9 -> "GET /api/v1/orders HTTP/1.1\r\n" + auth + "Host: a\r\nHost: b\r\n\r\n";
            case 10 -> "GET " + "/a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            // a digital article's file announced one byte over its limit (ORDO_DIGITAL_MAX_FILE_SIZE, 100 MiB): 413 at once
            case 12 -> "PUT /api/v1/digital/assets/TSHIRT-BLK-M?filename=huge.zip HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/zip\r\nContent-Length: " + (100L * 1024 * 1024 + 1) + "\r\n\r\n";
            default -> "POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/json; charset=nonsense\r\nContent-Length: 2\r\n\r\n{}";
        };
        return new Request(this, "RAW", "RAW", "", Map.of(), request.getBytes(StandardCharsets.ISO_8859_1), false);
    }


    /** The status line's code, or -1 when the server closed the connection without one. */
    static int send(String base, byte[] request) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, 12);
            String line = new String(head, 0, n, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
