import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's return form on the tracking page (docs/returns.md; no login, the token in the link is the key)
 * under attack, on the first shipped order whose form is open: each post asks for one thing the rules refuse (more
 * than was shipped, a reason that is none, an IBAN that is none, an exchange for an article that does not exist, no
 * line at all) with noise in the note. Each answer must be a 4xx with the form's problem shown; a redirect to the
 * order's page would be a return taken. Like {@link CustomerChangeForm}, it needs the tracking secret.
 */
final class CustomerReturnForm {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]*)\"");
    private static final Pattern LINE = Pattern.compile("name=\"quantity-(\\d+)\"");

    final String base;
    final Generators g;
    final String secret;
    final List<String> orders;
    final Map<String, Integer> answers = new TreeMap<>();
    final List<String> wrong = new ArrayList<>();

    CustomerReturnForm(String base, Generators g, String trackingSecret, List<String> orders) {
        this.base = base;
        this.g = g;
        this.secret = trackingSecret;
        this.orders = orders;
    }

    boolean run(int posts) throws Exception {
        Browser customer = new Browser(base);
        String token = null;
        for (String order : orders) {
            String link = CustomerChangeForm.token(secret, UUID.fromString(order));
            if (customer.get("/track/" + link + "/return").body().contains("id=\"return-form\"")) {
                token = link;
                break;
            }
        }
        if (token == null) {
            wrong.add("none of " + orders.size() + " orders has its return form open");
            return false;
        }
        for (int i = 0; i < posts; i++) {
            HttpResponse<String> form = customer.get("/track/" + token + "/return");
            Matcher key = KEY.matcher(form.body());
            Matcher line = LINE.matcher(form.body());
            if (!key.find() || !line.find()) {
                wrong.add("the return form closed during the run: " + form.statusCode());
                return false;
            }
            String lineNo = line.group(1);
            List<String> fields = new ArrayList<>(List.of("key", key.group(1), "quantity-" + lineNo, "1",
                    "reason-" + lineNo, "WRONG_SIZE", "resolution", "REFUND", "note", BackOfficeForm.noisy(g, "too small")));
            String fault;
            switch (g.random.nextInt(5)) {
                case 0 -> {
                    fault = "quantity";
                    fields.set(3, g.pick("999999", "99999999999999999999", "\u0663"));
                }
                case 1 -> {
                    fault = "reason";
                    fields.set(5, g.pick("", "BORED", g.hostile()));
                }
                case 2 -> {
                    fault = "iban";
                    fields.addAll(List.of("iban", g.pick("XX", "DE89", "a\u0000b", "NULL", "A".repeat(100), "DE89370400440532013000' OR '1'='1")));
                }
                case 3 -> {
                    fault = "exchange";
                    fields.set(7, "EXCHANGE");
                    fields.addAll(List.of("exchange-sku", g.pick("NO-SUCH-SKU", "' OR '1'='1", "<script>alert(1)</script>"), "exchange-quantity",
                            g.pick("1", "0", "-1", "abc")));
                }
                default -> {
                    fault = "nothing chosen";
                    fields.set(3, g.pick("0", "", "-1", "abc", "1.5"));
                }
            }
            HttpResponse<String> answer = customer.post("/track/" + token + "/return", fields.toArray(String[]::new));
            int status = answer.statusCode();
            String outcome = status == 302 ? "302 taken"
                    : status >= 400 && status < 500 && answer.body().contains("id=\"return-problem\"") ? status + " problem shown"
                    : String.valueOf(status);
            answers.merge(fault + " " + outcome, 1, Integer::sum);
            if (status < 400 || status >= 500) {
                wrong.add(fault + ": " + outcome + " <- " + customer.lastPost);
            }
        }
        return wrong.isEmpty();
    }

    String report() {
        return String.format("Customer return form (tracking page): answers %s; %s%n", answers,
                wrong.isEmpty() ? "every post refused." : wrong.size() + " WRONG, for example: " + wrong.get(0));
    }
}
