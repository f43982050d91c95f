import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hostile-input fault run's runner (bench/fault-hostile.sh compiles this folder and runs it): N generated hostile
 * requests over every operation of the API, drawn from the request families (one class per endpoint family), none
 * of which may get a 5xx answer or change anything but what its family declares for an accepted request; then the
 * back office's forms, the customer change form and session reuse after disable. JDK only:
 *   java -cp CLASSES Hostile BASE_URL ADMIN_KEY WAREHOUSE_KEY N SEED REPORT.txt PAYMENT_WEBHOOK_SECRET ADMIN_PASSWORD
 *       SHOP_SECRET TRACKING_SECRET SKIPPED.txt ALLOWED.txt
 * (an empty secret or password leaves out what needs it). Prints first which operations are covered; writes to
 * ALLOWED.txt the rows the accepted requests may add ("table rows" per line) for the script's row comparison.
 * Exits 1 when any answer is a 5xx, a request that must be refused was taken, a form post or a reused session was
 * served, or an operation is neither covered nor skipped.
 */
public class Hostile {

    /** The status counted for a request that had to be refused but was taken (a signed unfit amount, a shop webhook). */
    static final int TAKEN = -3;

    static List<Family> families(Generators g, String adminKey, String warehouseKey, Ids ids, String webhookSecret,
            String shopSecret) {
        JsonWrites writes = new JsonWrites(g, adminKey, warehouseKey, ids);
        List<Family> families = new ArrayList<>(List.of(writes, new Reads(g, adminKey, warehouseKey, ids),
                new RawRequests(g, adminKey, writes.order()), new EdiInterchanges(g, adminKey),
                new FileUploads(g, adminKey), new PaperScans(g, adminKey), new ShopwareApp(g)));
        if (webhookSecret != null) {
            families.add(new SignedAmounts(g, webhookSecret, ids.order()));
        }
        if (shopSecret != null) {
            families.add(new ShopWebhooks(g, shopSecret));
        }
        return families;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminKey = args[1];
        int n = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        Path report = Path.of(args[5]);
        String webhookSecret = given(args, 6);
        String adminPassword = given(args, 7);
        String shopSecret = given(args, 8);
        String trackingSecret = given(args, 9);
        Map<String, String> skipped = skipped(Path.of(args[10]));
        Path allowedFile = Path.of(args[11]);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Ids ids = new Ids(firstId(get(http, base, adminKey, "/api/v1/orders?limit=1")),
                firstId(get(http, base, adminKey, "/api/v1/customers?limit=1")),
                firstId(get(http, base, adminKey, "/api/v1/suppliers")));
        Generators g = new Generators(seed);
        List<Family> families = families(g, adminKey, args[2], ids, webhookSecret, shopSecret);

        StringBuilder out = new StringBuilder();
        Coverage coverage = new Coverage(Json.map(new SchemaHostile.Reader(get(http, base, null, "/v3/api-docs")).value()),
                skipped);
        families.forEach(f -> coverage.aim(f.name, f.aims()));
        // the warehouse's key is an under-privileged one only where the document says WAREHOUSE may not call: a cycle
        // count with it is the warehouse's own count, taken (201), not an authentication hole
        families.stream().filter(f -> f instanceof JsonWrites).map(f -> (JsonWrites) f)
                .forEach(w -> w.warehouseMayCall = (method, path) -> coverage.allows("WAREHOUSE", method, path));
        out.append(coverage.report());
        System.out.print(out);

        int totalWeight = families.stream().mapToInt(Family::weight).sum();
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int roll = g.random.nextInt(totalWeight);
            Family family = families.get(0);
            for (Family f : families) {
                family = f;
                roll -= f.weight();
                if (roll < 0) {
                    break;
                }
            }
            requests.add(family.next());
        }
        Map<String, Map<Integer, Integer>> byFault = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> allowed = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    Request r = requests.get(i);
                    int status = send(http, base, r);
                    synchronized (byStatus) {
                        byStatus.merge(status, 1, Integer::sum);
                        byFault.computeIfAbsent(r.fault(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
                        if (status >= 200 && status < 300) {
                            r.family().addsWhenAccepted(r, status).forEach((table, rows) -> allowed.merge(table, rows, Integer::sum));
                        }
                        if (status >= 500 || status == TAKEN) {
                            String body = r.body() == null ? "" : new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8);
                            serverErrors.add(status + " " + r.fault() + " " + r.method() + " " + r.path() + " "
                                    + shown(r.headers(), adminKey, args[2]) + " " + body);
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
        double elapsed = (System.nanoTime() - started) / 1e9;
        out.setLength(0);
        out.append(String.format("%d hostile requests in %.1f s (seed %d); answers by status (-1: connection closed without an answer, -2: refused by the client, -3: a request that had to be refused was taken):%n", n, elapsed, seed));
        out.append("  all: ").append(byStatus).append('\n');
        byFault.forEach((fault, counts) -> out.append(String.format("  %-16s %s%n", fault, counts)));
        long fivexx = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        long taken = byStatus.getOrDefault(TAKEN, 0);
        out.append(fivexx == 0 ? "No 5xx answers.\n" : fivexx + " 5xx answers, for example:\n");
        out.append(webhookSecret == null ? "No signed amounts (no webhook secret given).\n" : "");
        out.append(shopSecret == null ? "No shop webhooks (no shop secret given).\n" : "");
        out.append(taken == 0 ? "Every signed unfit amount, hostile shop webhook and Shopware registration was refused.\n"
                : taken + " requests that had to be refused were taken!\n");
        serverErrors.stream().limit(20).forEach(s -> out.append("  ").append(s.replaceAll("[\\r\\n]", " ")).append('\n'));

        boolean formsRefused = true;
        boolean sessionsRefused = true;
        int attempts = Math.max(5, n / 50);
        if (adminPassword != null) {
            BackOfficeForms forms = new BackOfficeForms(base, g);
            formsRefused = forms.run(adminPassword, attempts);
            forms.allowed.forEach((table, rows) -> allowed.merge(table, rows, Integer::sum));
            out.append(forms.report());
        } else {
            out.append("No back-office forms (no admin password given).\n");
        }
        if (trackingSecret != null) {
            List<String> orders = allIds(get(http, base, adminKey, "/api/v1/orders?limit=100"));
            CustomerChangeForm change = new CustomerChangeForm(base, g, trackingSecret, orders);
            formsRefused &= change.run(attempts);
            out.append(change.report());
            CustomerReturnForm giveBack = new CustomerReturnForm(base, g, trackingSecret, orders);
            formsRefused &= giveBack.run(attempts);
            out.append(giveBack.report());
        } else {
            out.append("No customer change or return form (no tracking secret given).\n");
        }
        if (adminPassword != null) {
            SessionReuse reuse = new SessionReuse(base, seed);
            sessionsRefused = reuse.run(adminPassword, Math.max(10, n / 100));
            out.append(reuse.report());
        }
        StringBuilder rows = new StringBuilder();
        allowed.forEach((table, count) -> rows.append(table).append(' ').append(count).append('\n'));
        Files.writeString(allowedFile, rows.toString());
        out.append(allowed.isEmpty() ? "Accepted requests that may add rows: none.\n"
                : "Accepted requests may add, as their families declare: " + allowed + "\n");
        boolean complete = coverage.missing().isEmpty();
        if (!complete) {
            out.append(coverage.missing().size()).append(" operations neither covered nor skipped: ")
                    .append(coverage.missing()).append('\n');
        }
        System.out.print(out);
        // String.getBytes writes what cannot be encoded (a lone surrogate a generator made) as '?', where
        // Files.writeString would throw and lose the whole report
        Files.write(report, (coverage.report() + out).getBytes(StandardCharsets.UTF_8));
        System.exit(fivexx == 0 && taken == 0 && formsRefused && sessionsRefused && complete ? 0 : 1);
    }

    static int send(HttpClient http, String base, Request r) {
        if (r.method().equals("RAW")) {
            return RawRequests.send(base, r.body());
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(60));
            r.headers().forEach(b::header);
            r.family().prepare(r, b);
            if (r.body() == null) {
                b.method(r.method(), HttpRequest.BodyPublishers.noBody());
            } else if (r.chunked()) {
                b.method(r.method(), HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(r.body())));
            } else {
                b.method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.body()));
            }
            HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.family().judge(r, answer.statusCode(), answer.body());
        } catch (IllegalArgumentException e) {
            return -2; // the client itself refused to send it
        } catch (Exception e) {
            return -1; // no answer: the server closed the connection
        }
    }

    /**
     * The headers as sent, for the report: each value cut to 60 characters, the run's own keys named rather than
     * shown, so that a request taken or failing can be told apart from its neighbours (which key, which header).
     */
    static Map<String, String> shown(Map<String, String> headers, String adminKey, String warehouseKey) {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String v = value.replace(adminKey, "<admin key>");
            v = warehouseKey.isEmpty() ? v : v.replace(warehouseKey, "<warehouse key>");
            shown.put(name, v.length() > 60 ? v.substring(0, 60) + "…(" + v.length() + ")" : v);
        });
        return shown;
    }

    /** "METHOD /template  reason" per line; # starts a comment. */
    static Map<String, String> skipped(Path file) throws Exception {
        Map<String, String> skipped = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return skipped;
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.strip().split("\\s+", 3);
            if (parts.length == 3 && !parts[0].startsWith("#")) {
                skipped.put(parts[0] + " " + parts[1], parts[2]);
            }
        }
        return skipped;
    }

    static String given(String[] args, int i) {
        return args.length > i && !args[i].isBlank() ? args[i] : null;
    }

    static String get(HttpClient http, String base, String key, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static List<String> allIds(String json) {
        List<String> ids = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String firstId(String json) {
        var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        return m.find() ? m.group(1) : UUID.randomUUID().toString();
    }
}
