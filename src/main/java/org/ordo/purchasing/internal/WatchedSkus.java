package org.ordo.purchasing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ordo.platform.PerTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which SKUs have a stock policy (a reorder point at some location), as the caller's transaction knows them: each
 * SKU asked once per transaction, so the orders of a batch (an EDI interchange's transaction of messages) ask for
 * the SKUs none before them named. A SKU without a policy has nothing to watch: the reorder watch stores no event
 * publication and runs no transaction for an order of such SKUs (docs/benchmarks.md, P4).
 */
@Component
public class WatchedSkus {

    private final JdbcClient jdbc;
    private final PerTransaction<Map<String, Boolean>> known = new PerTransaction<>();

    WatchedSkus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when one of these SKUs has a stock policy; outside a transaction asked each time. */
    public boolean anyOf(Collection<String> skus) {
        Map<String, Boolean> watched = known.get(HashMap::new).orElseGet(HashMap::new);
        List<String> asking = new ArrayList<>();
        for (String sku : skus) {
            Boolean policy = watched.get(sku);
            if (Boolean.TRUE.equals(policy)) {
                return true;
            }
            if (policy == null && sku != null) {
                asking.add(sku);
            }
        }
        if (asking.isEmpty()) {
            return false;
        }
        asking.forEach(sku -> watched.put(sku, false));
        List<String> withPolicy = jdbc.sql("SELECT DISTINCT sku FROM stock_policy WHERE sku = ANY(:skus)")
                .param("skus", asking.toArray(String[]::new)).query(String.class).list();
        withPolicy.forEach(sku -> watched.put(sku, true));
        return !withPolicy.isEmpty();
    }
}
