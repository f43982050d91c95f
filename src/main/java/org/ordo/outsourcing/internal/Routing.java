package org.ordo.outsourcing.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ordo.inventory.FulfilmentRouting;
import org.ordo.outsourcing.FulfilmentPartner;
import org.ordo.outsourcing.PartnerKind;
import org.ordo.outsourcing.RoutingRule;
import org.springframework.stereotype.Component;

/**
 * The routing rules applied in allocation: ranks each location for each SKU of a demand by the rule that applies
 * (the article's, else the channel's, else the default). A delivery promise would ask the same ranks to know which
 * location ships (docs/outsourced-fulfilment.md).
 */
@Component
class Routing implements FulfilmentRouting {

    /** Where a partner's cost per unit is not known: after every known one. */
    static final int UNKNOWN_COST = Integer.MAX_VALUE / 2;

    private final RoutingRules rules;
    private final Partners partners;
    private final PartnerReports reports;

    Routing(RoutingRules rules, Partners partners, PartnerReports reports) {
        this.rules = rules;
        this.partners = partners;
        this.reports = reports;
    }

    @Override
    public Ranks ranks(String channel, Collection<String> skus) {
        return ranks(channel, null, skus);
    }

    /**
     * {@inheritDoc} With {@code LOWEST_COST}, a partner's cost counts only in the order's currency: a cost in
     * another currency is not comparable (Ordo keeps no exchange rates), so that partner ranks with those of
     * unknown cost, after every known one.
     */
    @Override
    public Ranks ranks(String channel, String currency, Collection<String> skus) {
        List<RoutingRule> applying = rules.applying(channel, skus);
        if (applying.isEmpty()) {
            return null;
        }
        Map<String, PartnerKind> kinds = new HashMap<>();
        partners.all().forEach(p -> kinds.put(p.location(), p.kind()));
        // the article's rule wins over the channel's, the channel's over the default
        Map<String, RoutingRule.Strategy> bySku = new HashMap<>();
        RoutingRule.Strategy byChannel = null;
        RoutingRule.Strategy byDefault = RoutingRule.Strategy.PRIORITY;
        for (RoutingRule r : applying) {
            if (r.article() != null) {
                bySku.put(r.article(), r.strategy());
            } else if (r.channel() != null) {
                byChannel = r.strategy();
            } else {
                byDefault = r.strategy();
            }
        }
        RoutingRule.Strategy fallback = byChannel != null ? byChannel : byDefault;
        Map<String, Map<String, Integer>> costs = new HashMap<>();
        if (bySku.containsValue(RoutingRule.Strategy.LOWEST_COST) || fallback == RoutingRule.Strategy.LOWEST_COST) {
            for (FulfilmentPartner p : partners.all()) {
                reports.unitCosts(p.location(), skus).forEach((sku, cost) -> {
                    if (currency == null || currency.equals(cost.currency())) {
                        costs.computeIfAbsent(sku, k -> new HashMap<>()).put(p.location(), cents(cost.amount()));
                    }
                });
            }
        }
        RoutingRule.Strategy otherwise = fallback;
        return (sku, location) -> rank(bySku.getOrDefault(sku, otherwise), kinds.get(location),
                costs.getOrDefault(sku, Map.of()).get(location));
    }

    /** The rank of a location of this kind (null: Ordo's own) under a strategy; {@code cost} in hundredths, or null. */
    static int rank(RoutingRule.Strategy strategy, PartnerKind kind, Integer cost) {
        return switch (strategy) {
            case PRIORITY -> 0;
            case OWN_FIRST -> kind == null ? 0 : kind == PartnerKind.THIRD_PARTY_WAREHOUSE ? 1 : 2;
            case THIRD_PARTY_FIRST -> kind == PartnerKind.THIRD_PARTY_WAREHOUSE ? 0 : kind == null ? 1 : 2;
            case DROPSHIP_FIRST -> kind == PartnerKind.DROPSHIP_SUPPLIER ? 0 : kind == null ? 1 : 2;
            case LOWEST_COST -> kind == null ? 0 : cost == null ? UNKNOWN_COST : cost;
        };
    }

    private static int cents(BigDecimal amount) {
        return amount.movePointRight(2).min(BigDecimal.valueOf(UNKNOWN_COST - 1)).intValue();
    }
}
