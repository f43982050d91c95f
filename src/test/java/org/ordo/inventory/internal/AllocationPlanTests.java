package org.ordo.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.inventory.Shortage;
import org.ordo.inventory.StockAllocation;
import org.ordo.inventory.StockDemand;
import org.ordo.inventory.internal.StockLedger.LockedLevel;

/** Which warehouse gives what, without a database: the three steps of {@link AllocationPlan}. */
class AllocationPlanTests {

    private static final UUID BERLIN = UUID.randomUUID();
    private static final UUID HAMBURG = UUID.randomUUID();

    private static LockedLevel berlin(String sku, long onHand, long reserved, long quarantined) {
        return new LockedLevel(sku, BERLIN, "BER", 1, onHand, reserved, quarantined);
    }

    private static LockedLevel hamburg(String sku, long onHand) {
        return new LockedLevel(sku, HAMBURG, "HAM", 2, onHand, 0, 0);
    }

    private static StockDemand.Line line(int no, String sku, long quantity, boolean backorderable) {
        return new StockDemand.Line(no, sku, quantity, backorderable);
    }

    private static AllocationPlan plan(List<StockDemand.Line> lines, LockedLevel... levels) {
        return AllocationPlan.of(lines, List.of(levels), AllocationPlan.BY_PRIORITY);
    }

    @Test
    void theWholeOrderComesFromOneWarehouseWhenOneHasItAllEvenIfAnEarlierOneHasPart() {
        List<StockDemand.Line> lines = List.of(line(1, "SHIRT", 2, false), line(2, "CAP", 1, false));

        StockAllocation allocation = plan(lines, berlin("SHIRT", 5, 0, 0), hamburg("SHIRT", 5), hamburg("CAP", 1))
                .allocation(lines);

        assertThat(allocation.lines()).allSatisfy(l -> assertThat(l.parts()).singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo("HAM")));
    }

    @Test
    void whenNoWarehouseHasItAllEachLineIsSplitByPriority() {
        List<StockDemand.Line> lines = List.of(line(1, "SHIRT", 6, false));

        AllocationPlan plan = plan(lines, hamburg("SHIRT", 4), berlin("SHIRT", 3, 0, 0));

        assertThat(plan.shortages()).isEmpty();
        assertThat(plan.allocation(lines).lines().get(0).parts()).containsExactly(
                new StockAllocation.Part("BER", 3), new StockAllocation.Part("HAM", 3));
    }

    @Test
    void reservedAndQuarantinedUnitsAreNotGivenAgain() {
        List<StockDemand.Line> lines = List.of(line(1, "SHIRT", 4, false));

        AllocationPlan plan = plan(lines, berlin("SHIRT", 10, 5, 3), hamburg("SHIRT", 2));

        assertThat(plan.allocation(lines).lines().get(0).parts()).containsExactly(
                new StockAllocation.Part("BER", 2), new StockAllocation.Part("HAM", 2));
    }

    @Test
    void whatIsMissingIsBackorderedWhereTheLineAllowsItAndOtherwiseAShortage() {
        List<StockDemand.Line> lines = List.of(line(1, "SHIRT", 5, true), line(2, "CAP", 3, false));

        AllocationPlan plan = plan(lines, berlin("SHIRT", 2, 0, 0), hamburg("CAP", 1));

        StockAllocation.Line shirt = plan.allocation(lines).lines().get(0);
        assertThat(shirt.reserved()).isEqualTo(2);
        assertThat(shirt.backordered()).isEqualTo(3);
        assertThat(plan.shortages()).containsExactly(new Shortage(2, "CAP", 3, 1));
    }

    @Test
    void aSkuWithNoStockAnywhereIsAShortageOfNothingAvailable() {
        List<StockDemand.Line> lines = List.of(line(1, "GHOST", 1, false));

        assertThat(plan(lines).shortages()).containsExactly(new Shortage(1, "GHOST", 1, 0));
    }
}
