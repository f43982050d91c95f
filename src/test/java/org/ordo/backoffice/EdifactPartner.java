package org.ordo.backoffice;

import static org.ordo.Fixtures.expect;

import java.util.Map;

import org.ordo.Api;
import org.ordo.Fixtures;

/**
 * A retail chain trading by EDIFACT D.96A (GLN qualifier 14, articles by GTIN, on invoice), registered through the
 * API for the back office's EDI screens: its partner code and the sender id its interchanges carry.
 */
record EdifactPartner(String code, String sender) {

    static EdifactPartner register(Api api) {
        String customer = expect(api.post("/api/v1/customers", Map.of("email", Fixtures.unique("edi").toLowerCase()
                + "@example.com", "name", "Einkauf", "type", "BUSINESS", "company", "Kette GmbH",
                "shipBeforePayment", true)), 201).json().get("id").asString();
        String partner = Fixtures.unique("SCR").replace("-", "");
        String sender = Fixtures.gtin();
        expect(api.post("/api/v1/edi/partners", Fixtures.edifactPartner(partner, customer, sender, "4012345000009",
                "GTIN")), 201);
        return new EdifactPartner(partner, sender);
    }
}
