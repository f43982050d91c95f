import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Fault test: N requests at once with one Idempotency-Key and one body (a client retrying in a storm).
 * Every answer must be 201 with the same body: one order. JDK only:
 *   java bench/Retries.java BASE_URL API_KEY SKU EXTERNAL_REF [N]
 * Exits 1 otherwise.
 */
public class Retries {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String sku = args[2];
        String externalRef = args[3];
        int n = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        String idempotencyKey = "retry-" + externalRef;
        String body = """
                {"channel":"api","externalRef":"%s","customer":{"email":"retry@example.com","name":"Retry Storm","locale":"en"},\
                "shippingAddress":{"name":"Retry Storm","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"},\
                "currency":"EUR","paymentMethod":"card","lines":[{"sku":"%s","quantity":2}]}""".formatted(externalRef, sku);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        Set<String> locations = ConcurrentHashMap.newKeySet();
        Map<String, Integer> replayed = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread thread = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                        .timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                ready.countDown();
                int status;
                try {
                    go.await();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    bodies.add(response.body());
                    response.headers().firstValue("Location").ifPresent(locations::add);
                    replayed.merge(response.headers().firstValue("Idempotent-Replayed").orElse("none"), 1,
                            Integer::sum);
                } catch (Exception e) {
                    status = -1;
                }
                synchronized (statuses) {
                    statuses.merge(status, 1, Integer::sum);
                }
            });
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long started = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        boolean one = statuses.getOrDefault(201, 0) == n && bodies.size() == 1 && locations.size() == 1;
        System.out.printf("%d concurrent requests with one Idempotency-Key in %.1f s: statuses %s, %d distinct bodies, "
                + "%d distinct order locations %s, Idempotent-Replayed %s -> %s%n", n, elapsed, statuses, bodies.size(),
                locations.size(), locations, replayed, one ? "one order" : "WRONG");
        System.exit(one ? 0 : 1);
    }
}
