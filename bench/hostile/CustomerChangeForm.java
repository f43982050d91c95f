import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's change form on the tracking page (docs/order-changes.md#by-the-customer; no login, the token in
 * the link is the key) under attack, on the first order whose form is open: the form is read for its CSRF token, key and
 * version, and posted with one value it must refuse (a version that is none or stale, a country that is no ISO
 * code, a postal code overlong or not fitting the country (1011 for DE), control characters in the name, a line
 * changed to an article that is no size of it) and noise in the others. Each answer must be a 4xx with the form's problem shown; a redirect to the order's
 * page would be a change taken. Also a forged token: 404.
 */
final class CustomerChangeForm {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(key|version)\" value=\"([^\"]*)\"");

    final String base;
    final Generators g;
    final String secret;
    final List<String> orders;
    String token;
    final Map<String, Integer> answers = new TreeMap<>();
    final List<String> wrong = new ArrayList<>();

    /**
     * {@code trackingSecret}: ORDO_TRACKING_SECRET of the server, with which the orders' links are made;
     * {@code orders}: ids of orders, the first whose change form is open is attacked.
     */
    CustomerChangeForm(String base, Generators g, String trackingSecret, List<String> orders) {
        this.base = base;
        this.g = g;
        this.secret = trackingSecret;
        this.orders = orders;
    }

    /** The order's link token as the server makes it: its id and an HMAC-SHA256 of the id, URL-safe base64. */
    static String token(String secret, UUID order) throws Exception {
        byte[] id = ByteBuffer.allocate(16).putLong(order.getMostSignificantBits())
                .putLong(order.getLeastSignificantBits()).array();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.trim().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(48).put(id)
                .put(mac.doFinal(id)).array());
    }

    boolean run(int posts) throws Exception {
        Browser customer = new Browser(base);
        for (String order : orders) {
            String link = token(secret, UUID.fromString(order));
            if (customer.get("/track/" + link + "/change").body().contains("id=\"customer-change-form\"")) {
                token = link;
                break;
            }
        }
        if (token == null) {
            wrong.add("none of " + orders.size() + " orders has its change form open");
            return false;
        }
        for (int i = 0; i < posts; i++) {
            boolean forged = g.random.nextInt(8) == 0;
            String link = forged ? token.substring(0, 40) + "A".repeat(24) : token;
            HttpResponse<String> form = customer.get("/track/" + link + "/change");
            if (forged) {
                judge("forged token, page", form.statusCode(), form.statusCode() == 404 ? "404" : form.statusCode() + " shown");
                continue;
            }
            if (form.statusCode() != 200 || !form.body().contains("id=\"customer-change-form\"")) {
                wrong.add("the change form closed during the run: " + form.statusCode());
                return false;
            }
            Map<String, String> hidden = new TreeMap<>();
            Matcher m = HIDDEN.matcher(form.body());
            while (m.find()) {
                hidden.put(m.group(1), m.group(2));
            }
            List<String> fields = new ArrayList<>(List.of("key", g.pick(hidden.get("key"), g.hostile()),
                    "version", hidden.getOrDefault("version", "1")));
            List<String> address = new ArrayList<>(List.of("address-name", BackOfficeForm.noisy(g, "Erika Muster"),
                    "address-street", BackOfficeForm.noisy(g, "Hauptstr. 2"), "address-postalCode", "10115",
                    "address-city", BackOfficeForm.noisy(g, "Berlin"), "address-country", "DE",
                    "address-phone", BackOfficeForm.noisy(g, "+4930123456")));
            String fault;
            switch (g.random.nextInt(6)) {
                case 0 -> {
                    fault = "version";
                    fields.set(3, g.pick("", "0", "-1", "abc", "999999", "1.5", "99999999999", "\u0661"));
                }
                case 1 -> {
                    fault = "country";
                    address.set(9, g.pick("XX", "DEU", "1", "", "d\u0000"));
                }
                case 2 -> {
                    fault = "postalCode";
                    address.set(5, g.pick("1".repeat(30), "a\u0007b", "\ud800", "1011", "ABCDE"));
                }
                case 3 -> {
                    fault = "name";
                    address.set(1, g.pick("a\u0000b", "esc\u001b[31m", "x".repeat(500), ""));
                }
                case 4 -> {
                    fault = "size";
                    fields.addAll(List.of("sku-1", g.pick("NO-SUCH-SKU", "MUG-WHITE", "' OR '1'='1")));
                }
                default -> {
                    fault = "street";
                    address.set(3, g.pick("", "a\u0000b", "x".repeat(1000)));
                }
            }
            fields.addAll(address);
            HttpResponse<String> answer = customer.post("/track/" + token + "/change", fields.toArray(String[]::new));
            int status = answer.statusCode();
            judge(fault, status, status == 302 ? "302 taken"
                    : status >= 400 && status < 500 && answer.body().contains("id=\"change-problem\"") ? status + " problem shown"
                    : String.valueOf(status));
        }
        return wrong.isEmpty();
    }

    private void judge(String fault, int status, String outcome) {
        answers.merge(fault + " " + outcome, 1, Integer::sum);
        boolean refused = fault.startsWith("forged") ? status == 404 : status >= 400 && status < 500;
        if (!refused) {
            wrong.add(fault + ": " + outcome);
        }
    }

    String report() {
        return String.format("Customer change form (tracking page): answers %s; %s%n", answers,
                wrong.isEmpty() ? "every post refused." : wrong.size() + " WRONG, for example: " + wrong.get(0));
    }
}
