import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Promise > a carrier service (docs/promise.md#calendars-in-the-back-office), new or DHL's standard: a carrier or
 * service code that is none, no delivery day, a cut-off that is no time of day, transit days that are no list of
 * "zone days" (a zone that is no country, one named twice, days out of range or no whole number, 301 zones). A valid
 * post would add a service or change DHL's: every draw has one value the form must refuse.
 */
final class CarrierServiceForm extends BackOfficeForm {

    CarrierServiceForm() {
        super("carrier service", "/promise/carrier-services/new");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        boolean existing = g.random.nextBoolean();
        String carrier = existing ? "DHL" : "HOSTILE";
        String service = existing ? "STANDARD" : "NONE";
        List<String> days = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        String cutOff = noisy(g, "15:00");
        String transit = noisy(g, "DE 1, AT 2, * 4");
        String[] codes = {"", "DHL EXPRESS", "X".repeat(33), "DHL-1", "D.H.L", "DHL\u00a0", "'; DROP TABLE x; --"};
        switch (g.random.nextInt(6)) {
            case 0 -> carrier = g.pick(codes);
            case 1 -> service = g.pick(codes);
            case 2 -> days = g.pick(List.of(), List.of("FUNDAY"), List.of("sunday"));
            case 3 -> cutOff = g.pick("24:00", "", "noon", "15:60", "3pm", "25:00");
            case 4 -> transit = g.pick("", "DE", "DE 61", "DE -1", "DE 1, DE 2", "DEU 1", "DE 1 2", "* 99999999999",
                    "DE 1.5", "DE one", "XX", ", ;", "AA 1, ".repeat(301), "DE\u00071");
            default -> transit = g.hostile();
        }
        List<String> fields = new ArrayList<>(List.of("creating", String.valueOf(!existing), "carrier", carrier,
                "service", service, "cutOff", cutOff, "active", "on", "transit", transit));
        days.forEach(d -> fields.addAll(List.of("deliveryDays", d)));
        return browser.post("/promise/carrier-services", fields.toArray(String[]::new));
    }
}
