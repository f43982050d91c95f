import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * P1 load driver: places orders over HTTP from N concurrent clients for a fixed time and prints orders/s and
 * latency percentiles. JDK only:
 *   java bench/PlaceOrders.java BASE_URL API_KEY SKU[,SKU...] CLIENTS SECONDS [LINES] [RESULT.json|-] [ANSWERS.log]
 * Each order has LINES lines (default 3), each a different SKU drawn at random, one unit each, an inline
 * customer out of 500 taken in turn (created by the first 500 orders, found by e-mail after that) and a fresh
 * Idempotency-Key. 201 counts as
 * placed, anything else (409 included: stock should never run out here) as an error. With ANSWERS.log, every
 * answer is written there as it comes, one line each: the time it came (epoch ms), the status (-1: no answer, e.g.
 * the server was gone or the request timed out), the externalRef, the Idempotency-Key and the latency in ms; the
 * fault scripts check the database against it. A request times out after REQUEST_TIMEOUT_S seconds (default 60);
 * after a failed request a client waits 100 ms, so that a server that is down is not hammered.
 */
public class PlaceOrders {

    private static final AtomicInteger CUSTOMER = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String[] skus = args[2].split(",");
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int lines = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        Path json = args.length > 6 && !args[6].equals("-") ? Path.of(args[6]) : null;
        java.io.PrintWriter answers = args.length > 7
                ? new java.io.PrintWriter(Files.newBufferedWriter(Path.of(args[7])), true) : null;
        Duration timeout = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("REQUEST_TIMEOUT_S", "60")));
        if (lines > skus.length) {
            throw new IllegalArgumentException("need at least " + lines + " SKUs");
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<List<Long>> latencies = new ArrayList<>();
        List<Map<Integer, Integer>> statuses = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            Map<Integer, Integer> counts = new TreeMap<>();
            latencies.add(mine);
            statuses.add(counts);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String idempotencyKey = UUID.randomUUID().toString();
                    String externalRef = "BENCH-" + UUID.randomUUID();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                            .timeout(timeout)
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .header("Idempotency-Key", idempotencyKey)
                            .POST(HttpRequest.BodyPublishers.ofString(order(skus, lines, externalRef))).build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - t0;
                    mine.add(took);
                    counts.merge(status, 1, Integer::sum);
                    if (answers != null) {
                        synchronized (answers) {
                            answers.printf("%d %d %s %s %d%n", System.currentTimeMillis(), status, externalRef,
                                    idempotencyKey, took / 1_000_000);
                        }
                    }
                    if (status < 200 || status >= 300) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (answers != null) {
            answers.close();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        statuses.forEach(m -> m.forEach((s, n) -> byStatus.merge(s, n, Integer::sum)));
        int placed = byStatus.getOrDefault(201, 0);
        int errors = all.size() - placed;
        double rate = placed / elapsed;
        System.out.printf("P1 clients=%-3d %8.1f orders/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  (%d placed, %d errors %s, %.1f s)%n",
                clients, rate, pct(all, 50), pct(all, 95), pct(all, 99), placed, errors, byStatus, elapsed);
        if (json != null) {
            Files.writeString(json, """
                    {"clients": %d, "seconds": %.1f, "placed": %d, "errors": %d, "ordersPerSecond": %.1f, \
                    "p50Ms": %.2f, "p95Ms": %.2f, "p99Ms": %.2f}
                    """.formatted(clients, elapsed, placed, errors, rate, pct(all, 50), pct(all, 95), pct(all, 99)));
        }
        System.exit(errors == 0 ? 0 : 1);
    }

    static String order(String[] skus, int lines, String externalRef) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder body = new StringBuilder("""
                {"channel":"api","externalRef":"%s","customer":{"email":"bench%d@example.com","name":"Bench Client","locale":"en"},\
                "shippingAddress":{"name":"Bench Client","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"},\
                "currency":"EUR","paymentMethod":"card","lines":[""".formatted(externalRef, CUSTOMER.getAndIncrement() % 500));
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < lines) {
            int i = random.nextInt(skus.length);
            if (!picked.contains(i)) {
                picked.add(i);
            }
        }
        for (int l = 0; l < lines; l++) {
            body.append(l == 0 ? "" : ",").append("{\"sku\":\"").append(skus[picked.get(l)]).append("\",\"quantity\":1}");
        }
        return body.append("]}").toString();
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
