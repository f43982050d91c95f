package org.ordo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.ordo.platform.Backdating;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: the system's, moved by an offset a test sets and takes back
 * ({@link #movedBy}), so that time-dependent rules are tested without rewriting rows. Inside
 * {@code Backdating.at} it tells the backdated moment, as the application's clock does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    /** Runs {@code work} with the application's clock moved by {@code offset}, and moves it back after. */
    public static void movedBy(Duration offset, Runnable work) {
        OFFSET.set(offset);
        try {
            work.run();
        } finally {
            OFFSET.set(Duration.ZERO);
        }
    }

    /** Moved by the offset, and backdated like the application's own clock inside {@code Backdating.at}. */
    @Bean
    @Primary
    Clock movableClock() {
        return Backdating.clock(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(OFFSET.get());
            }
        });
    }
}
