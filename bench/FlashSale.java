import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * P2 flash sale: CLIENTS concurrent clients make ATTEMPTS one-unit orders of one SKU that has STOCK units.
 * Exactly STOCK must be placed (201), every other attempt refused with 409, and nothing else answered.
 *   java bench/FlashSale.java BASE_URL API_KEY SKU STOCK CLIENTS ATTEMPTS [RESULT.json]
 * Exits 1 when the counts are not exactly that.
 */
public class FlashSale {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String sku = args[2];
        int stock = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int attempts = Integer.parseInt(args[5]);
        Path json = args.length > 6 ? Path.of(args[6]) : null;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (int n = next.getAndIncrement(); n < attempts; n = next.getAndIncrement()) {
                    String body = """
                            {"channel":"web","externalRef":"FLASH-%s","customer":{"email":"flash%d@example.com","name":"Flash Buyer","locale":"en"},\
                            "shippingAddress":{"name":"Flash Buyer","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"},\
                            "currency":"EUR","paymentMethod":"card","lines":[{"sku":"%s","quantity":1}]}"""
                            .formatted(UUID.randomUUID(), n % 1000, sku);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<Integer, Integer> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.get()));
        int placed = byStatus.getOrDefault(201, 0);
        int refused = byStatus.getOrDefault(409, 0);
        int other = attempts - placed - refused;
        boolean exact = placed == stock && other == 0;
        System.out.printf("P2 flash sale: %d attempts from %d clients on %d units in %.1f s: %d placed, %d refused (409), "
                + "%d other %s -> %.1f attempts/s, %s%n", attempts, clients, stock, elapsed, placed, refused, other,
                byStatus, attempts / elapsed, exact ? "exact" : "WRONG");
        if (json != null) {
            Files.writeString(json, """
                    {"stock": %d, "clients": %d, "attempts": %d, "placed": %d, "refused409": %d, "other": %d, \
                    "seconds": %.2f, "attemptsPerSecond": %.1f, "exact": %s}
                    """.formatted(stock, clients, attempts, placed, refused, other, elapsed, attempts / elapsed, exact));
        }
        System.exit(exact ? 0 : 1);
    }
}
