import java.net.http.HttpResponse;
import java.util.Map;

/**
 * One form of the back office under attack: the page that shows it (its CSRF token is read there, as a browser
 * would), and a post of hostile values, each draw with at least one value the form must refuse, and noise in the
 * others. Refused means a 4xx, or the form's error on the page it leads to; the row comparison shows that nothing
 * changed. Adding a form is one subclass of this, listed in {@link BackOfficeForms#FORMS}.
 */
abstract class BackOfficeForm {

    final String name;
    final String page;

    BackOfficeForm(String name, String page) {
        this.name = name;
        this.page = page;
    }

    /** Posts one hostile draw of the form, as the page's form would send it. */
    abstract HttpResponse<String> post(Browser browser, Generators g) throws Exception;

    /**
     * The rows one accepted post may add, by table (a scan is never lost, so a broken one is taken into review);
     * empty: an accepted post is a defect, for the form must refuse every draw.
     */
    Map<String, Integer> addsWhenAccepted() {
        return Map.of();
    }

    /**
     * What is wrong after a post beyond its answer and the rows (the shop's logo served is no longer the one set before
     * the run), or null: a form checks here what the person would see elsewhere.
     */
    String wrongAfter(Browser browser) throws Exception {
        return null;
    }

    /** A hostile value or, once in three, the value the form wants ({@code fine}): noise beside the fault. */
    static String noisy(Generators g, String fine) {
        return g.random.nextInt(3) == 0 ? g.hostile() : fine;
    }
}
