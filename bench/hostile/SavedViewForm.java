import java.net.http.HttpResponse;

/**
 * Orders > Save view (docs/back-office.md): a name that is empty, only blanks, or longer than 60 characters, with
 * hostile noise in the filter. A valid post would add a saved view: every draw must be refused.
 */
final class SavedViewForm extends BackOfficeForm {

    SavedViewForm() {
        super("saved view", "/orders");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String name = g.pick("", "   ", "v".repeat(61), "\u200b".repeat(70));
        return browser.post("/orders/views", "name", name, "filter", noisy(g, "status=ON_HOLD"), "shared",
                g.pick("true", "false", "yes"));
    }
}
