import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * P3 read driver: times GET requests one at a time (one client, so the figure is the latency of the request, not
 * of a queue in front of it) and prints p50/p95/p99 per request type. JDK only:
 *   java bench/ReadLatency.java BASE_URL API_KEY REPETITIONS RESULT.json NAME=PATHS [NAME=PATHS...]
 * API_KEY is sent as a bearer token; {@code cookie:NAME=VALUE[; ...]} sends these cookies instead (a logged-in
 * back-office session).
 * PATHS is one path, or @FILE with one path per line, taken in turn (e.g. different orders for the detail).
 * Each type is first warmed up with REPETITIONS / 5 requests that are not counted. Any answer but 200 counts as
 * an error and makes the exit status 1.
 * <p>
 * CLIENT (environment) chooses the HTTP client: {@code jdk} (default), the JDK's HttpClient; {@code socket}, a
 * plain blocking HTTP/1.1 client on one kept-alive socket, which adds less time of its own (about what curl
 * measures), so its figures are closer to what the server takes; {@code both}: every type with each, one after
 * the other, the socket's rows named NAME/socket.
 */
public class ReadLatency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String[] auth = args[1].startsWith("cookie:") ? new String[] {"Cookie", args[1].substring(7)}
                : new String[] {"Authorization", "Bearer " + args[1]};
        int repetitions = Integer.parseInt(args[2]);
        Path json = Path.of(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String client = System.getenv().getOrDefault("CLIENT", "jdk");
        List<Run> runs = new ArrayList<>();
        for (int a = 4; a < args.length; a++) {
            String name = args[a].substring(0, args[a].indexOf('='));
            String spec = args[a].substring(name.length() + 1);
            if (!client.equals("socket")) {
                runs.add(new Run(name, spec, false));
            }
            if (!client.equals("jdk")) {
                runs.add(new Run(client.equals("both") ? name + "/socket" : name, spec, true));
            }
        }
        URI baseUri = URI.create(base);
        SocketClient socket = new SocketClient(baseUri.getHost(), baseUri.getPort());
        StringBuilder out = new StringBuilder("{");
        int errors = 0;
        System.out.printf("%-22s %6s %9s %9s %9s %9s%n", "request", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (Run run : runs) {
            boolean bySocket = run.bySocket();
            String name = run.name();
            String spec = run.spec();
            List<String> paths = spec.startsWith("@")
                    ? Files.readAllLines(Path.of(spec.substring(1))).stream().filter(l -> !l.isBlank()).toList()
                    : List.of(spec);
            List<Long> times = new ArrayList<>();
            int warmup = Math.max(1, repetitions / 5);
            int failed = 0;
            for (int i = 0; i < warmup + repetitions; i++) {
                String path = paths.get(i % paths.size());
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30)).header(auth[0], auth[1]).GET().build();
                long t0 = System.nanoTime();
                int status;
                try {
                    status = bySocket ? socket.get(path, auth)
                            : http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                } catch (Exception e) {
                    socket.close();
                    status = -1;
                }
                long took = System.nanoTime() - t0;
                if (i >= warmup) {
                    times.add(took);
                    if (status != 200) {
                        failed++;
                    }
                }
            }
            Collections.sort(times);
            errors += failed;
            System.out.printf("%-22s %6d %9.1f %9.1f %9.1f %9.1f%s%n", name, times.size(), pct(times, 50),
                    pct(times, 95), pct(times, 99), times.get(times.size() - 1) / 1e6,
                    failed == 0 ? "" : "  (" + failed + " errors)");
            out.append(out.length() > 1 ? ", " : "").append(String.format(Locale.ROOT,
                    "\"%s\": {\"n\": %d, \"errors\": %d, \"p50Ms\": %.2f, \"p95Ms\": %.2f, \"p99Ms\": %.2f, \"maxMs\": %.2f}",
                    name, times.size(), failed, pct(times, 50), pct(times, 95), pct(times, 99),
                    times.get(times.size() - 1) / 1e6));
        }
        Files.writeString(json, out.append("}\n").toString());
        System.exit(errors == 0 ? 0 : 1);
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    record Run(String name, String spec, boolean bySocket) {
    }

    /** GET over one kept-alive socket, blocking; reads and drops the body (Content-Length or chunked). */
    static final class SocketClient {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        SocketClient(String host, int port) {
            this.host = host;
            this.port = port;
        }

        int get(String path, String[] header) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 65536);
                out = socket.getOutputStream();
            }
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + header[0] + ": "
                    + header[1] + "\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = chunk(); size > 0; size = chunk()) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) { // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                while (in.read() >= 0) { // until the server closes
                }
                close = true;
            }
            if (close) {
                close();
            }
            return status;
        }

        private long chunk() throws IOException {
            String size = line();
            int semicolon = size.indexOf(';');
            return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in a body");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
