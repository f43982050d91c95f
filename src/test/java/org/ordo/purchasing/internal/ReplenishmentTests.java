package org.ordo.purchasing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The replenishment rule of docs/purchasing.md, with the example given there. */
class ReplenishmentTests {

    @Test
    void thePositionCountsWhatIsOnOrderAndWhatBackordersWaitFor() {
        assertThat(Replenishment.position(3, 10, 5)).isEqualTo(8);
        assertThat(Replenishment.position(0, 0, 4)).isEqualTo(-4);
    }

    @Test
    void atOrAboveTheReorderPointNothingIsSuggested() {
        assertThat(Replenishment.quantity(20, 20, 100L, null, 1, 1)).isZero();
        assertThat(Replenishment.quantity(21, 20, null, 48L, 1, 1)).isZero();
    }

    @Test
    void aTargetLevelIsFilledUpAndRoundedToWholePacks() {
        // the docs' example: position 8, target 100 -> 92, packs of 12 -> 96
        assertThat(Replenishment.quantity(8, 20, 100L, null, 1, 12)).isEqualTo(96);
        // backorders count: position -4 -> 104 -> 108
        assertThat(Replenishment.quantity(-4, 20, 100L, null, 1, 12)).isEqualTo(108);
    }

    @Test
    void aReorderQuantityIsOrderedInMultiplesThatReachTheReorderPoint() {
        assertThat(Replenishment.quantity(19, 20, null, 48L, 1, 1)).isEqualTo(48);
        assertThat(Replenishment.quantity(-60, 20, null, 48L, 1, 1)).isEqualTo(96);
    }

    @Test
    void theMinimumOrderComesBeforeThePacks() {
        assertThat(Replenishment.quantity(18, 20, 25L, null, 30, 1)).isEqualTo(30);
        assertThat(Replenishment.quantity(18, 20, 25L, null, 30, 12)).isEqualTo(36);
    }
}
