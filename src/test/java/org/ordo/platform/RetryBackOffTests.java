package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryBackOffTests {

    private final RetryBackOff backOff = new RetryBackOff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theWaitDoublesFromTheFirstAndStopsAtTheLongest() {
        assertThat(backOff.after(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backOff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backOff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backOff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backOff.after(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backOff.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backOff.after(Integer.MAX_VALUE)).as("no overflow after many attempts").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void noWaitAtAllStaysNoWait() {
        RetryBackOff atOnce = new RetryBackOff(Duration.ZERO, Duration.ZERO);
        assertThat(atOnce.after(1)).isZero();
        assertThat(atOnce.after(Integer.MAX_VALUE)).isZero();
    }

    @Test
    void aBackOffThatWouldWaitBackwardsOrShrinkIsRefused() {
        assertThatThrownBy(() -> new RetryBackOff(Duration.ofSeconds(-1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackOff(Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
