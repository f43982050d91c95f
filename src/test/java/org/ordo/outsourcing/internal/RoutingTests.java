package org.ordo.outsourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.outsourcing.PartnerKind;
import org.ordo.outsourcing.RoutingRule.Strategy;

/** Each strategy puts own warehouses (no partner), 3PLs and dropship suppliers in the order its name says. */
class RoutingTests {

    private static final Map<String, PartnerKind> KINDS = Map.of("3PL", PartnerKind.THIRD_PARTY_WAREHOUSE,
            "DROP", PartnerKind.DROPSHIP_SUPPLIER);
    private static final Map<String, Integer> COSTS = Map.of("DROP", 740);

    private static List<String> order(Strategy strategy) {
        return List.of("DROP", "3PL", "OWN").stream()
                .sorted(Comparator.comparingInt(l -> Routing.rank(strategy, KINDS.get(l), COSTS.get(l)))).toList();
    }

    @Test
    void ownFirstThenThirdPartyThenDropship() {
        assertThat(order(Strategy.OWN_FIRST)).containsExactly("OWN", "3PL", "DROP");
    }

    @Test
    void thirdPartyFirstThenOwnThenDropship() {
        assertThat(order(Strategy.THIRD_PARTY_FIRST)).containsExactly("3PL", "OWN", "DROP");
    }

    @Test
    void dropshipFirstThenOwnThenThirdParty() {
        assertThat(order(Strategy.DROPSHIP_FIRST)).containsExactly("DROP", "OWN", "3PL");
    }

    @Test
    void lowestCostPutsOwnStockFirstAndUnknownCostsLast() {
        assertThat(order(Strategy.LOWEST_COST)).containsExactly("OWN", "DROP", "3PL");
    }

    @Test
    void priorityRanksEveryLocationAlike() {
        assertThat(Routing.rank(Strategy.PRIORITY, PartnerKind.DROPSHIP_SUPPLIER, 1))
                .isEqualTo(Routing.rank(Strategy.PRIORITY, null, null));
    }
}
