package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.backoffice.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Shipping addresses are checked by the rules of their country and the carrier when an order arrives, on every
 * channel (docs/addresses.md): a faulty one holds the order (kind ADDRESS) with a readable reason, unchanged.
 */
@IntegrationTest
class AddressCheckIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String sku, location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 100);
    }

    private static Map<String, Object> address(String street, String street2, String postalCode, String city,
            String region, String country) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Erika Mustermann");
        address.put("street", street);
        if (street2 != null) {
            address.put("street2", street2);
        }
        address.put("postalCode", postalCode);
        address.put("city", city);
        if (region != null) {
            address.put("region", region);
        }
        address.put("country", country);
        return address;
    }

    private JsonNode place(Map<String, Object> shippingAddress) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("shippingAddress", shippingAddress);
        order.put("billingAddress", shippingAddress);
        return expect(api.placeOrder(order), 201).json();
    }

    @Test
    void realAddressesOfTheMainCountriesGoThrough() {
        assertThat(place(address("세종대로 110", null, "04524", "서울", null, "KR")).get("status").asString())
                .isEqualTo("OPEN");
        assertThat(place(address("Calle de Alcalá 45", "3º B", "28014", "Madrid", null, "ES")).get("status")
                .asString()).as("a Spanish address with floor and door").isEqualTo("OPEN");
        assertThat(place(address("Mariahilfer Str. 8", null, "1060", "Wien", null, "AT")).get("status").asString())
                .isEqualTo("OPEN");
        assertThat(place(address("Bahnhofstrasse 1", null, "8001", "Zürich", null, "CH")).get("status").asString())
                .isEqualTo("OPEN");
        assertThat(place(address("350 Fifth Avenue", null, "10118", "New York", "NY", "US")).get("status")
                .asString()).isEqualTo("OPEN");
    }

    @Test
    void aKoreanOldSixDigitPostalCodeHoldsTheOrderWithoutChangingIt() {
        JsonNode order = place(address("세종대로 110", null, "110-062", "서울", null, "KR"));

        assertThat(order.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(order.get("hold").get("kind").asString()).isEqualTo("ADDRESS");
        assertThat(order.get("hold").get("reason").asString()).contains("postal code 110-062 does not fit KR")
                .contains("04524");
        assertThat(order.get("shippingAddress").get("postalCode").asString()).as("never changed").isEqualTo("110-062");
        assertThat(order.get("timeline").findValuesAsString("to")).contains("ON_HOLD");
    }

    @Test
    void aSpanishStreetWithFloorAndDoorButNoHouseNumberIsHeld() {
        JsonNode order = place(address("Calle Mayor", "3º 2ª", "28013", "Madrid", null, "ES"));

        assertThat(order.get("hold").get("kind").asString()).isEqualTo("ADDRESS");
        assertThat(order.get("hold").get("reason").asString()).contains("\"Calle Mayor\" has no house number");
    }

    @Test
    void aPackstationWithoutAConfiguredCarrierAndAnAmericanAddressWithoutStateAreHeld() {
        assertThat(place(address("Packstation 105", "Postnummer 12345678", "53113", "Bonn", null, "DE"))
                .get("hold").get("reason").asString()).contains("parcel locker");
        assertThat(place(address("350 Fifth Avenue", null, "10118", "New York", null, "US")).get("hold")
                .get("reason").asString()).contains("state or province");
    }

    @Test
    void anOrderHeldForAnotherReasonIsHeldForItsAddressWhenThatHoldIsReleased() {
        String expensive = fixtures.article("1500.00", "EUR", "19");
        fixtures.receive(expensive, location, 5);
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", expensive, 1));
        order.put("shippingAddress", address("Hauptstr. 1", null, "1011", "Berlin", null, "DE"));
        JsonNode placed = expect(api.placeOrder(order), 201).json();
        assertThat(placed.get("hold").get("kind").asString()).as("a large first order").isEqualTo("FRAUD");

        JsonNode released = expect(api.post("/api/v1/orders/" + placed.get("id").asString() + "/release-hold",
                Map.of("reason", "called the customer: a real order")), 200).json();

        assertThat(released.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(released.get("hold").get("kind").asString()).isEqualTo("ADDRESS");
        assertThat(released.get("releasedAt").isNull()).as("not sent to the warehouse").isTrue();

        JsonNode agentDecides = expect(api.post("/api/v1/orders/" + placed.get("id").asString() + "/release-hold",
                Map.of("reason", "the customer confirmed the postal code")), 200).json();
        assertThat(agentDecides.get("status").asString()).as("a person's release of the address hold stands")
                .isEqualTo("OPEN");
    }

    @Test
    void anOrderFileWithAFaultyAddressPlacesTheOrderOnHold() {
        String source = Fixtures.unique("shop").toLowerCase();
        String reference = Fixtures.unique("F");
        String csv = "reference,sku,quantity,customerEmail,customerName,currency,paymentMethod,shipName,shipStreet,"
                + "shipPostalCode,shipCity,shipCountry\n" + reference + "," + sku + ",1," + reference.toLowerCase()
                + "@example.com,Erika Muster,EUR,prepayment,Erika Muster,Hauptstraße,10115,Berlin,DE\n";
        JsonNode preview = expect(api.postBytes("/api/v1/imports/orders?source=" + source + "&fileName=orders.csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv"), 201).json();
        String id = preview.get("id").asString();
        expect(api.post("/api/v1/imports/orders/" + id + "/commit", ""), 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                expect(api.get("/api/v1/imports/orders/" + id), 200).json().get("status").asString()));

        JsonNode items = expect(api.get("/api/v1/orders?q=" + source + "/" + reference), 200).json().get("items");
        JsonNode order = expect(api.get("/api/v1/orders/" + items.get(0).get("id").asString()), 200).json();
        assertThat(order.get("channel").asString()).isEqualTo("file");
        assertThat(order.get("hold").get("kind").asString()).isEqualTo("ADDRESS");
        assertThat(order.get("hold").get("reason").asString()).contains("no house number");
    }

    @Test
    void theBackOfficeNamesTheProblemInTheAgentsLanguage() {
        JsonNode order = place(address("Hauptstr. 1", null, "1011", "Berlin", null, "DE"));
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String name = Fixtures.unique("agent").toLowerCase();
        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("username", name, "password", "agent-password-1", "role", "AGENT",
                "locale", "de"));
        WebSession agent = WebSession.login(port, name, "agent-password-1");

        String page = agent.get("/orders/" + order.get("number").asString()).body();

        assertThat(page).contains("Die Postleitzahl 1011 passt nicht zu DE; erwartet wie 10115.");
    }

    private Api.Response changeAddress(JsonNode order, Map<String, Object> address) {
        return api.post("/api/v1/orders/" + order.get("id").asString() + "/changes",
                Map.of("reason", "customer called with the right address", "shippingAddress", address),
                "Idempotency-Key", java.util.UUID.randomUUID().toString(),
                "If-Match", "\"" + order.get("version").asInt() + "\"");
    }

    @Test
    void correctingTheAddressByAChangeLiftsTheAddressHoldAndAFaultyNewOneHoldsTheOrder() {
        JsonNode held = place(address("세종대로 110", null, "110-062", "서울", null, "KR"));
        assertThat(held.get("hold").get("kind").asString()).isEqualTo("ADDRESS");

        expect(changeAddress(held, address("세종대로 110", null, "04524", "서울", null, "KR")), 201);

        JsonNode corrected = expect(api.get("/api/v1/orders/" + held.get("id").asString()), 200).json();
        assertThat(corrected.get("status").asString()).isEqualTo("OPEN");
        assertThat(corrected.get("hold").isNull() || corrected.get("hold").isMissingNode()).isTrue();
        assertThat(corrected.get("shippingAddress").get("postalCode").asString()).isEqualTo("04524");

        JsonNode fine = place(address("Hauptstr. 1", null, "10115", "Berlin", null, "DE"));
        assertThat(fine.get("status").asString()).isEqualTo("OPEN");
        expect(changeAddress(fine, address("Packstation 105", "Postnummer 12345678", "53113", "Bonn", null, "DE")),
                201);

        JsonNode locker = expect(api.get("/api/v1/orders/" + fine.get("id").asString()), 200).json();
        assertThat(locker.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(locker.get("hold").get("kind").asString()).isEqualTo("ADDRESS");
        assertThat(locker.get("hold").get("reason").asString()).contains("parcel locker");
    }
}
