package org.ordo;

import java.util.HashMap;
import java.util.Map;

import org.ordo.catalog.ArticleDraft;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.LocationDraft;
import org.ordo.inventory.Receipt;
import org.ordo.ordering.PlaceOrder;
import org.ordo.platform.Json;

/**
 * Test data for module tests ({@link ModuleIntegrationTest}), made through the services every started module has
 * (catalog, inventory) and unique per call. Commands are read from JSON as a client sends them, so a test names
 * only the fields it means.
 */
public final class ModuleFixtures {

    private final Catalog catalog;
    private final InventoryManagement inventory;
    private final Json json;

    public ModuleFixtures(Catalog catalog, InventoryManagement inventory, Json json) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.json = json;
    }

    /** A new article (9.90 EUR, 19 % tax) and the units of it received at a new location of its own. */
    public record Stock(String sku, String location) {
    }

    /** A new article with units in stock at a new location; {@code gtin} may be null. */
    public Stock stock(long units, String gtin) {
        String sku = Fixtures.unique("MOD");
        String location = Fixtures.unique("L").replace("-", "").substring(0, 8).toUpperCase();
        Map<String, Object> article = new HashMap<>(Map.of("sku", sku, "type", "PHYSICAL", "name",
                Map.of("en", "Module test mug"), "price", Map.of("amount", "9.90", "currency", "EUR"),
                "taxRate", "19", "weightGrams", 300));
        if (gtin != null) {
            article.put("gtin", gtin);
        }
        catalog.register(read(article, ArticleDraft.class));
        inventory.registerLocation(read(Map.of("code", location, "name", "Module test", "priority", 1),
                LocationDraft.class));
        inventory.receive(new Receipt(sku, location, units, null, null));
        return new Stock(sku, location);
    }

    /** A prepaid web order of {@code units} of the article, by a new customer who reads {@code locale}. */
    public PlaceOrder order(Stock stock, long units, String locale) {
        Map<String, Object> order = Fixtures.order("EUR", stock.sku(), units);
        order.put("customer", Map.of("email", Fixtures.unique("buyer").toLowerCase() + "@example.com", "name",
                "Erika Muster", "locale", locale));
        return read(order, PlaceOrder.class);
    }

    /** A command as a client would send it. */
    public <T> T read(Map<String, Object> body, Class<T> type) {
        return json.readRequest(Api.JSON.writeValueAsBytes(body), type);
    }
}
