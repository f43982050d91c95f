package org.ordo.purchasing.internal;

import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.Address;
import org.ordo.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which purchase orders go to a customer instead of a warehouse (dropship): the customer's address and the
 * fulfilment request each answers, unique, so one request never orders twice.
 */
@Repository
public class DropshipOrders {

    private final JdbcClient jdbc;
    private final Json json;

    DropshipOrders(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The purchase order placed for a fulfilment request, if one was. */
    public Optional<UUID> ofRequest(UUID request) {
        return jdbc.sql("SELECT id FROM purchase_order WHERE dropship_request = :request").param("request", request)
                .query(UUID.class).optional();
    }

    /** Marks a purchase order just placed as shipped to {@code shipTo} for {@code request}. */
    public void shipTo(UUID purchaseOrder, UUID request, Address shipTo) {
        jdbc.sql("""
                UPDATE purchase_order SET ship_to = CAST(:shipTo AS jsonb), dropship_request = :request WHERE id = :id
                """).param("id", purchaseOrder).param("request", request).param("shipTo", json.write(shipTo))
                .update();
    }

    /** Where a purchase order is delivered when that is a customer's address; empty for one to a warehouse. */
    public Optional<Address> shipTo(UUID purchaseOrder) {
        return jdbc.sql("SELECT ship_to FROM purchase_order WHERE id = :id AND ship_to IS NOT NULL")
                .param("id", purchaseOrder).query(String.class).optional().map(s -> json.read(s, Address.class));
    }
}
