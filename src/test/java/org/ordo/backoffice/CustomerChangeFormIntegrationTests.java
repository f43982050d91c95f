package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.security.TrackingTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer's change form on the tracking page checks a new address as the API does, and refuses on the form
 * what the API would hold the order for (docs/order-changes.md#by-the-customer): a postal code that does not fit the
 * country, a country that is none. Refused means a 422 with the problem shown in the customer's language, and the
 * order, its timeline and its messages as they were.
 */
@IntegrationTest
class CustomerChangeFormIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TrackingTokens tokens;
    @Autowired
    OrderManagement orders;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddressTheApiWouldHoldTheOrderForIsRefusedOnTheFormAndChangesNothing() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        UUID id = UUID.fromString(expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json().get("id")
                .asString());
        String path = "/track/" + tokens.token(id) + "/change";
        WebSession customer = new WebSession(port);
        customer.get(path);
        long timeline = rows("order_timeline", id);
        long messages = rows("message", id);

        record Fault(String field, String value, String shown) {
        }
        for (Fault fault : List.of(
                new Fault("postalCode", "?", "Die Postleitzahl ? passt nicht zu DE; erwartet wie 10115."),
                new Fault("postalCode", "1011", "Die Postleitzahl 1011 passt nicht zu DE; erwartet wie 10115."),
                new Fault("postalCode", "1".repeat(30), "darf höchstens 20 Zeichen lang sein"),
                new Fault("street", "Hauptstraße", "Die Straße „Hauptstraße“ hat keine Hausnummer."),
                new Fault("country", "XX", "ist kein Ländercode nach ISO 3166 alpha-2"))) {
            Map<String, String> form = form("1");
            form.put("address-" + fault.field(), fault.value());
            WebSession.Page refused = customer.post(path, form);
            assertThat(refused.status()).as(fault.toString()).isEqualTo(422);
            assertThat(refused.body()).as(fault.toString()).contains("id=\"change-problem\"")
                    .contains(fault.shown());
        }
        // a version written in other digits than ASCII ones is none (Integer.parseInt would read 1)
        Map<String, String> arabic = form("\u0661");
        WebSession.Page refused = customer.post(path, arabic);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"change-problem\"");

        assertThat(orders.require(id).version()).isEqualTo(1);
        assertThat(orders.require(id).shippingAddress().street()).isEqualTo("Hauptstr. 1");
        assertThat(orders.require(id).hold()).isNull();
        assertThat(rows("order_timeline", id)).isEqualTo(timeline);
        assertThat(rows("message", id)).isEqualTo(messages);

        // the same form with an address that fits is taken
        WebSession.Page taken = customer.post(path, form("1"));
        assertThat(taken.status()).isEqualTo(302);
        assertThat(orders.require(id).shippingAddress().street()).isEqualTo("Hauptstr. 2");
        assertThat(orders.require(id).hold()).isNull();
    }

    private static Map<String, String> form(String version) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", UUID.randomUUID().toString());
        form.put("version", version);
        form.put("address-name", "Erika Muster");
        form.put("address-street", "Hauptstr. 2");
        form.put("address-postalCode", "10117");
        form.put("address-city", "Berlin");
        form.put("address-country", "DE");
        return form;
    }

    private long rows(String table, UUID order) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE order_id = :id").param("id", order)
                .query(Long.class).single();
    }
}
