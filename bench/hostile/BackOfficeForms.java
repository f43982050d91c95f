import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The back office's forms, protected by CSRF, under attack: the admin logs in, each form's page is read for its token,
 * and hostile values are posted. Each answer must be a refusal: a 4xx, or a redirect to a page showing the form's
 * error ({@code class="flash error"}); never a 5xx, never a redirect to a page that is not found (the person would
 * never learn why nothing happened), and never taken, unless the form declares what a taken post adds.
 */
final class BackOfficeForms {

    /** The forms on this build; a new form is a new {@link BackOfficeForm} here. */
    static final List<BackOfficeForm> FORMS = List.of(new MailboxForms(), new StockPolicyForm(), new TransferForms(),
            new CountForms(), new ScanUploadForm(), new BinMoveForm(), new ClosingDayForm(), new SavedViewForm(),
            new ShopForms(), new WarehouseCalendarForm(), new CarrierServiceForm(), new WebhookAndEdiActions());

    final String base;
    final Generators g;
    final Map<String, Map<String, Integer>> answers = new TreeMap<>();
    final List<String> wrong = new ArrayList<>();
    final Map<String, Integer> allowed = new TreeMap<>();

    BackOfficeForms(String base, Generators g) {
        this.base = base;
        this.g = g;
    }

    /** True when every post was refused (or taken as its form declares). */
    boolean run(String adminPassword, int postsPerForm) throws Exception {
        Browser admin = new Browser(base).login("admin", adminPassword);
        for (BackOfficeForm form : FORMS) {
            for (int i = 0; i < postsPerForm; i++) {
                HttpResponse<String> shown = admin.get(form.page);
                if (shown.statusCode() != 200) {
                    wrong.add(form.name + ": its page " + form.page + " answered " + shown.statusCode());
                    break;
                }
                try {
                    judge(form, admin, form.post(admin, g));
                } catch (java.io.IOException e) {
                    // a body over the size limit is refused before it is read, and the connection closed
                    answers.computeIfAbsent(form.name, k -> new TreeMap<>()).merge("connection closed without an answer",
                            1, Integer::sum);
                }
                String after = form.wrongAfter(admin);
                if (after != null) {
                    wrong.add(form.name + ": " + after + " <- " + admin.lastPost);
                }
            }
        }
        return wrong.isEmpty();
    }

    private void judge(BackOfficeForm form, Browser admin, HttpResponse<String> answer) throws Exception {
        int status = answer.statusCode();
        String outcome;
        if (status >= 500) {
            outcome = status + " server error";
        } else if (status >= 400) {
            outcome = String.valueOf(status);
        } else {
            String page = answer.body();
            int pageStatus = status;
            String location = Browser.location(answer);
            if (status == 302 && !location.startsWith("/login")) {
                HttpResponse<String> shown = admin.get(location);
                page = shown.body();
                pageStatus = shown.statusCode();
            }
            // a redirect to the page of something that does not exist (a mailbox by a name no one gave) is a 404 there:
            // refused, but the person never learns why, so it is counted as wrong
            outcome = location.startsWith("/login") ? "302 to the login page"
                    : page.contains("class=\"flash error\"") ? status + " form error"
                    : pageStatus == 404 ? status + " to a page not found"
                    : status + " taken";
        }
        answers.computeIfAbsent(form.name, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        if (outcome.endsWith(" taken") && !form.addsWhenAccepted().isEmpty()) {
            form.addsWhenAccepted().forEach((table, rows) -> allowed.merge(table, rows, Integer::sum));
        } else if (status >= 500 || outcome.endsWith(" taken") || outcome.endsWith("login page")
                || outcome.endsWith("page not found")) {
            wrong.add(form.name + ": " + outcome + " <- " + admin.lastPost);
        }
    }

    String report() {
        StringBuilder out = new StringBuilder("Back-office forms (admin, with the page's CSRF token):\n");
        answers.forEach((form, counts) -> out.append(String.format("  %-20s %s%n", form, counts)));
        out.append(wrong.isEmpty() ? "  Every post refused, or taken as its form declares.\n"
                : "  " + wrong.size() + " WRONG, for example: " + wrong.get(0) + "\n");
        return out.toString();
    }
}
