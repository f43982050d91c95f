package org.ordo.promise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a day's capacity is shared over its stripes (docs/adr/0009). */
class BookingSharesTests {

    @Test
    void aNewDaysCapacityIsSharedEvenly() {
        assertThat(Bookings.shares(new int[8], 800)).containsOnly(100);
        assertThat(Bookings.shares(new int[8], 10)).containsExactly(2, 2, 1, 1, 1, 1, 1, 1);
        assertThat(Bookings.shares(new int[3], 3)).containsExactly(1, 1, 1);
    }

    @Test
    void aChangedCapacityLeavesEachStripeAtLeastWhatItBooked() {
        // raised from 8 (shares of 2, booked 2, 1, 0, 0): the rest goes to the smallest shares
        assertThat(Bookings.shares(new int[] { 2, 1, 0, 0 }, 12)).containsExactly(3, 3, 3, 3);
        // lowered to 5 with 4 booked: one share of room left, on a stripe with nothing booked
        assertThat(Bookings.shares(new int[] { 2, 1, 1, 0 }, 5)).containsExactly(2, 1, 1, 1);
        // lowered below what is booked: each stripe full at what it booked
        assertThat(Bookings.shares(new int[] { 2, 1, 1, 0 }, 3)).containsExactly(2, 1, 1, 0);
    }
}
