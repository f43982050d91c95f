package org.ordo.channels.internal;

import java.util.Map;
import java.util.TreeMap;

import org.ordo.platform.Address;

/**
 * Tells a shop that its order was changed in Ordo, through the platform's order edit or update API. Each call
 * makes the shop's order what Ordo's is now: it reads the shop's order, changes only what differs (quantities by
 * SKU, lines added or removed, the shipping address) and leaves a note. So a retry after a lost answer, or a later
 * version's notice, changes nothing twice. Any failure throws, and the notice is tried again later.
 */
public interface ShopOrderEditor {

    /**
     * The order as it is now in Ordo: its version and why it changed, the quantity of each SKU (absent: none),
     * and the shipping address.
     */
    record Changed(int version, String reason, Map<String, Long> quantities, Address shipping) {

        /** The note the shop keeps with its order. */
        String note() {
            return "Order changed in Ordo (version " + version + "): " + reason;
        }
    }

    void reportChanged(ShopPlatformClient.Target target, Changed changed);

    /** The first word of a name as first name, the rest as last name (the shops keep the two apart). */
    static String[] firstAndLast(String name) {
        String whole = name == null ? "" : name.strip();
        int space = whole.indexOf(' ');
        return space < 0 ? new String[] {whole, ""} : new String[] {whole.substring(0, space),
                whole.substring(space + 1).strip()};
    }

    /**
     * What the shop must change, by SKU: each quantity the shop has that differs from the one wanted (0: remove it),
     * and each wanted SKU the shop lacks. Empty when the shop already has the order as wanted, so a retry whose first
     * call went through changes nothing.
     */
    static Map<String, Long> differing(Map<String, Long> shop, Map<String, Long> wanted) {
        Map<String, Long> differ = new TreeMap<>();
        shop.forEach((sku, quantity) -> {
            long want = wanted.getOrDefault(sku, 0L);
            if (want != quantity) {
                differ.put(sku, want);
            }
        });
        wanted.forEach((sku, want) -> {
            if (!shop.containsKey(sku) && want > 0) {
                differ.put(sku, want);
            }
        });
        return differ;
    }

    /** Text for a JSON body: null as the empty string, as the shops expect for a cleared field. */
    static String text(String value) {
        return value == null ? "" : value;
    }
}
