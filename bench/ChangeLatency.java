import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Order change driver: places one order with one line per SKU (400 SKUs: a 400-line order) and then changes it
 * REPETITIONS times, one change at a time, each a quantity change of one line (alternately up and down, so stock
 * is reserved and released again), with If-Match from the previous answer's ETag. Times each change request and
 * prints p50/p95/p99/max in milliseconds. JDK only:
 *   java bench/ChangeLatency.java BASE_URL API_KEY SKU,SKU,... REPETITIONS
 * The first REPETITIONS / 5 changes warm up and are not counted. Any answer but 201 makes the exit status 1.
 */
public class ChangeLatency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String[] skus = args[2].split(",");
        int repetitions = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        StringBuilder lines = new StringBuilder();
        for (String sku : skus) {
            lines.append(lines.isEmpty() ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"quantity\":1}");
        }
        String order = """
                {"channel":"api","customer":{"email":"bench-change@example.com","name":"Bench Change","locale":"en"},
                 "shippingAddress":{"name":"Bench","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"},
                 "currency":"EUR","paymentMethod":"invoice","lines":[%s]}""".formatted(lines);
        HttpResponse<String> placed = http.send(post(base + "/api/v1/orders", key, order)
                .header("Idempotency-Key", UUID.randomUUID().toString()).build(), HttpResponse.BodyHandlers.ofString());
        if (placed.statusCode() != 201) {
            throw new IllegalStateException("placing the order: " + placed.statusCode() + " " + placed.body());
        }
        String body = placed.body();
        int at = body.indexOf("\"id\":\"") + 6;
        String id = body.substring(at, body.indexOf('"', at));
        String etag = "\"1\"";

        int warmup = repetitions / 5;
        List<Double> millis = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < warmup + repetitions; i++) {
            int lineNo = (i / 2) % skus.length + 1;
            long quantity = i % 2 == 0 ? 2 : 1;
            String change = "{\"reason\":\"bench\",\"lines\":[{\"lineNo\":%d,\"quantity\":%d}]}".formatted(lineNo,
                    quantity);
            HttpRequest request = post(base + "/api/v1/orders/" + id + "/changes", key, change)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).header("If-Match", etag).build();
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (answer.statusCode() != 201) {
                errors++;
                System.err.println("change " + i + ": " + answer.statusCode() + " " + answer.body());
                etag = "\"" + version(http, base, key, id) + "\"";
                continue;
            }
            etag = answer.headers().firstValue("ETag").orElseThrow();
            if (i >= warmup) {
                millis.add(ms);
            }
        }
        Collections.sort(millis);
        System.out.println(String.format(Locale.ROOT,
                "order change, %d lines, %d changes: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d",
                skus.length, millis.size(), percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                millis.isEmpty() ? 0 : millis.get(millis.size() - 1), errors));
        System.exit(errors == 0 ? 0 : 1);
    }

    private static HttpRequest.Builder post(String url, String key, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String version(HttpClient http, String base, String key, String id) throws Exception {
        HttpResponse<String> o = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders/" + id))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        return o.headers().firstValue("ETag").orElseThrow().replace("\"", "");
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
