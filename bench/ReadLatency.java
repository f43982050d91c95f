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
        StringBuilder out = new StringBuilder("{");
        int errors = 0;
        System.out.printf("%-22s %6s %9s %9s %9s %9s%n", "request", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (int a = 4; a < args.length; a++) {
            String name = args[a].substring(0, args[a].indexOf('='));
            String spec = args[a].substring(name.length() + 1);
            List<String> paths = spec.startsWith("@")
                    ? Files.readAllLines(Path.of(spec.substring(1))).stream().filter(l -> !l.isBlank()).toList()
                    : List.of(spec);
            List<Long> times = new ArrayList<>();
            int warmup = Math.max(1, repetitions / 5);
            int failed = 0;
            for (int i = 0; i < warmup + repetitions; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
                        .timeout(Duration.ofSeconds(30)).header(auth[0], auth[1]).GET().build();
                long t0 = System.nanoTime();
                int status;
                try {
                    status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                } catch (Exception e) {
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
}
