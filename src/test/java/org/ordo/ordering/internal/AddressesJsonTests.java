package org.ordo.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.platform.Address;
import tools.jackson.databind.json.JsonMapper;

/** The addresses of a batch's orders as their rows get them: each as JSON, written once when billed where shipped. */
class AddressesJsonTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void anOrderBilledWhereItShipsHasItsAddressWrittenOnceAndBothColumnsGetTheSameText() {
        Address lager = address("Zentrallager", "Industriestr. 9");
        Address office = address("Buchhaltung", "Hauptstr. 1");
        List<Orders.NewOrder> orders = List.of(order(lager, lager), // the same address (EDI)
                order(lager, address("Zentrallager", "Industriestr. 9")), // an equal one
                order(lager, office), // billed elsewhere
                order(null, null)); // a digital order ships nowhere
        List<Object> written = new ArrayList<>();

        Orders.AddressesJson json = Orders.AddressesJson.of(orders, value -> {
            written.add(value);
            return value == null ? null : mapper.writeValueAsString(value);
        });

        assertThat(written).as("addresses written as JSON").containsExactly(lager, lager, lager, office, null);
        for (int i = 0; i < orders.size(); i++) {
            assertThat(json.shipping()[i]).isEqualTo(text(orders.get(i).shippingAddress()));
            assertThat(json.billing()[i]).isEqualTo(text(orders.get(i).billingAddress()));
        }
    }

    private String text(Address address) {
        return address == null ? null : mapper.writeValueAsString(address);
    }

    private static Address address(String name, String street) {
        return new Address(name, "Megamarkt GmbH", street, null, "30159", "Hannover", null, "DE", null);
    }

    private static Orders.NewOrder order(Address shipping, Address billing) {
        return new Orders.NewOrder(UUID.randomUUID(), "SO-1", "edi", null, null, null, null, "de", "EUR", "invoice",
                null, shipping, billing, null, null, null, null, null, null, null, null, null);
    }
}
