package org.ordo.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.backoffice.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A calendar's countries are ISO 3166-1 codes that exist (docs/promise.md): {@code XX} has the form of one and names
 * none, so a warehouse "in XX" would silently have no public holidays. Refused by the API (422 naming the field) and
 * by the back office's form (its error at the field), and nothing is saved; a number typed in other digits than
 * ASCII ones is refused the same way.
 */
@IntegrationTest
class CalendarCountriesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountryThatIsNoIsoCodeIsRefusedByTheApiAndTheFormAndNothingIsSaved() {
        Api api = Api.admin(port);
        String location = new Fixtures(api).location(0);
        long versions = jdbc.sql("SELECT count(*) FROM promise_calendar_version").query(Long.class).single();

        for (String country : List.of("XX", "ZZ", "QM")) {
            Api.Response refused = api.put("/api/v1/promise/warehouses/" + location, calendar(country));
            assertThat(refused.status()).as(country).isEqualTo(422);
            assertThat(refused.errorFields()).as(country).containsExactly("country");
            assertThat(api.get("/api/v1/promise?sku=X&quantity=1&country=" + country).errorFields()).as(country)
                    .contains("country");
        }
        Map<String, Object> transit = Map.of("deliveryDays", List.of("MONDAY"), "cutOff", "15:00", "active", true,
                "transit", List.of(Map.of("zone", "XX", "days", 1)));
        Api.Response service = api.put("/api/v1/promise/carrier-services/DHL/STANDARD", transit);
        assertThat(service.status()).isEqualTo(422);
        assertThat(service.errorFields()).contains("transit[0].zone");

        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        admin.get("/promise/warehouses/" + location);
        WebSession.Page form = admin.post("/promise/warehouses/" + location, form("XX", "1"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).contains("id=\"error-country\"").doesNotContain("id=\"error-handlingDays\"");
        // handling days in Arabic-Indic digits: Long.parseLong would read 1
        form = admin.post("/promise/warehouses/" + location, form("DE", "\u0661"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).contains("id=\"error-handlingDays\"").doesNotContain("id=\"error-country\"");
        assertThat(jdbc.sql("SELECT count(*) FROM promise_calendar_version").query(Long.class).single())
                .as("nothing saved").isEqualTo(versions);

        // a real country is taken, by both
        expect(api.put("/api/v1/promise/warehouses/" + location, calendar("AT")), 200);
        assertThat(admin.post("/promise/warehouses/" + location, form("DE", "1")).status()).isEqualTo(302);
    }

    private static Map<String, Object> calendar(String country) {
        return Map.of("timeZone", "Europe/Berlin", "country", country, "workingDays", List.of("MONDAY", "FRIDAY"),
                "handlingDays", 1, "dailyCapacity", 100);
    }

    private static Map<String, String> form(String country, String handlingDays) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("timeZone", "Europe/Berlin");
        form.put("country", country);
        form.put("region", "");
        form.put("workingDays", "MONDAY");
        form.put("handlingDays", handlingDays);
        form.put("dailyCapacity", "100");
        return form;
    }
}
