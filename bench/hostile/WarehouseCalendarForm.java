import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Promise > a warehouse's calendar (docs/promise.md#calendars-in-the-back-office): a time zone that is none, a country
 * or region that is no ISO code, no working day (or only names that are no weekday), handling days or a capacity out
 * of range or no whole number, a cut-off that is no time of day; and the calendar of a location that does not exist.
 * A valid post would change every promise from BER: every draw has one value the form must refuse.
 */
final class WarehouseCalendarForm extends BackOfficeForm {

    WarehouseCalendarForm() {
        super("warehouse calendar", "/promise/warehouses/BER");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String location = "BER";
        String timeZone = noisy(g, "Europe/Berlin");
        String country = noisy(g, "DE");
        String region = noisy(g, "BE");
        List<String> days = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        String handling = noisy(g, "1");
        String capacity = noisy(g, "500");
        String cutOff = noisy(g, "14:00");
        switch (g.random.nextInt(8)) {
            case 0 -> timeZone = g.pick("Mars/Olympus_Mons", "", "UTC+25:00", "GMT+99", "x".repeat(65),
                    "../../../../etc/localtime", "Europe/Berlin\u0007");
            case 1 -> country = g.pick("", "D", "DEU", "1A", "D1", "äö", "\u0661\u0662", "XX", "ZZ");
            case 2 -> region = g.pick("BAYERN", "B-Y", "ÜB", "B Y");
            case 3 -> days = g.pick(List.of(), List.of("FUNDAY"), List.of("monday", "tuesday"), List.of("1", "8"));
            case 4 -> handling = g.pick("31", "-1", "1.5", "abc", "", "99999999999999999999", "1e1", "\u0661");
            case 5 -> capacity = g.pick("0", "1000001", "1e3", "", "-5", "2.5");
            case 6 -> cutOff = g.pick("25:00", "14:60", "2pm", "24:00", "14.00", "1400", "14");
            default -> location = Generators.enc(g.pick("NO-SUCH-LOC", g.hostileAscii()));
        }
        List<String> fields = new ArrayList<>(List.of("timeZone", timeZone, "country", country, "region", region,
                "handlingDays", handling, "dailyCapacity", capacity, "cutOff.DHL/STANDARD", cutOff));
        days.forEach(d -> fields.addAll(List.of("workingDays", d)));
        return browser.post("/promise/warehouses/" + location, fields.toArray(String[]::new));
    }
}
