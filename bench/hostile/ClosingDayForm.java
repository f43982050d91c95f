import java.net.http.HttpResponse;

/**
 * Promise > Closing days (docs/promise.md#calendars-in-the-back-office): a day that is not a date (or not a real
 * one), a warehouse that does not exist, or no reason. A valid post would close a day for every promise: every draw
 * must be refused.
 */
final class ClosingDayForm extends BackOfficeForm {

    ClosingDayForm() {
        super("closing day", "/promise");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String location = noisy(g, "*");
        String day = noisy(g, "2027-12-24");
        String reason = noisy(g, "stock-taking");
        switch (g.random.nextInt(3)) {
            case 0 -> day = g.pick("2027-02-30", "24.12.2027", "", "2027-13-01", "yesterday");
            case 1 -> location = g.pick("NO-SUCH-LOC", "BER\u0000");
            default -> reason = g.pick("", "   ", "x".repeat(2_000));
        }
        return browser.post("/promise/closing-days", "location", location, "day", day, "reason", reason);
    }
}
