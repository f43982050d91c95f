import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small load driver: places orders over HTTP from N concurrent clients for a fixed time and prints
 * orders/s and latency percentiles. Run with the JDK alone:
 *   java bench/PlaceOrders.java http://localhost:8080 API_KEY SKU[,SKU...] CLIENTS SECONDS [LINES]
 * Each order has LINES lines (default 3) taken round-robin from the SKUs, one unit each, and a fresh
 * Idempotency-Key. Answers other than 201 and 409 count as errors.
 */
public class PlaceOrders {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String[] skus = args[2].split(",");
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int lines = args.length > 5 ? Integer.parseInt(args[5]) : 3;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        AtomicInteger sequence = new AtomicInteger();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        int n = sequence.incrementAndGet();
                        StringBuilder body = new StringBuilder("""
                                {"channel":"api","externalRef":"BENCH-%s","customer":{"email":"bench%d@example.com","name":"Bench Client","locale":"en"},\
                                "shippingAddress":{"name":"Bench Client","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"},\
                                "currency":"EUR","paymentMethod":"card","lines":[""".formatted(UUID.randomUUID(), n % 500));
                        for (int l = 0; l < lines; l++) {
                            body.append(l == 0 ? "" : ",").append("{\"sku\":\"").append(skus[(n + l) % skus.length])
                                    .append("\",\"quantity\":1}");
                        }
                        body.append("]}");
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies.add(System.nanoTime() - t0);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int accepted = statuses.getOrDefault(201, new AtomicInteger()).get();
        int refused = statuses.getOrDefault(409, new AtomicInteger()).get();
        int errors = sorted.size() - accepted - refused;
        System.out.printf("clients=%d seconds=%.1f requests=%d accepted=%d refused=%d errors=%d%n", clients, elapsed,
                sorted.size(), accepted, refused, errors);
        System.out.printf("orders/s=%.1f p50=%.1fms p95=%.1fms p99=%.1fms statuses=%s%n", accepted / elapsed,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), statuses);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
