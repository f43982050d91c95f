package org.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed logins lock a user name or an address for a window that grows; time is moved, not waited for. */
@IntegrationTest
class LoginThrottleIntegrationTests {

    private static final LoginSettings SETTINGS = new LoginSettings(3, 10, Duration.ofSeconds(30),
            Duration.ofMinutes(5), Duration.ofHours(24));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityAuditLog audit;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void aUserNameIsLockedAfterTooManyFailuresForAWindowThatDoublesEachTime() {
        LoginThrottle throttle = new LoginThrottle(jdbc, SETTINGS, clock, audit);
        String name = Fixtures.unique("guessed").toLowerCase();
        String address = Fixtures.unique("addr");
        throttle.failed(name, address);
        throttle.failed(name, address);
        assertThat(throttle.lockedUntil(name, null)).as("two failures are allowed").isEmpty();
        throttle.failed(name, address);
        assertThat(throttle.lockedUntil(name, null)).contains(clock.instant().plusSeconds(30));
        assertThat(throttle.lockedUntil(name.toUpperCase(), "elsewhere")).as("whatever the address or case")
                .isPresent();

        clock.move(Duration.ofSeconds(29));
        assertThat(throttle.lockedUntil(name, null)).isPresent();
        clock.move(Duration.ofSeconds(2));
        assertThat(throttle.lockedUntil(name, null)).isEmpty();

        throttle.failed(name, address);
        assertThat(throttle.lockedUntil(name, null)).as("the next failure doubles the window")
                .contains(clock.instant().plusSeconds(60));
        clock.move(Duration.ofSeconds(61));
        throttle.failed(name, address);
        assertThat(throttle.lockedUntil(name, null)).contains(clock.instant().plusSeconds(120));
        for (int i = 0; i < 5; i++) {
            clock.move(Duration.ofMinutes(6));
            throttle.failed(name, address);
        }
        assertThat(throttle.lockedUntil(name, null)).as("at most the longest window")
                .contains(clock.instant().plus(Duration.ofMinutes(5)));

        clock.move(Duration.ofHours(25));
        throttle.failed(name, address);
        assertThat(throttle.lockedUntil(name, null)).as("failures are forgotten after a quiet day").isEmpty();
    }

    @Test
    void aSuccessForgetsTheNamesFailuresButNotTheAddresses() {
        LoginThrottle throttle = new LoginThrottle(jdbc, SETTINGS, clock, audit);
        String name = Fixtures.unique("forgetful").toLowerCase();
        String address = Fixtures.unique("addr");
        throttle.failed(name, address);
        throttle.failed(name, address);
        throttle.succeeded(name);
        throttle.failed(name, address);
        throttle.failed(name, address);
        assertThat(throttle.lockedUntil(name, null)).isEmpty();
        assertThat(jdbc.sql("SELECT failures FROM login_failure WHERE throttle_key = :k")
                .param("k", "address:" + address).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void anAddressTryingManyNamesIsLockedForEveryName() {
        LoginThrottle throttle = new LoginThrottle(jdbc, SETTINGS, clock, audit);
        String address = Fixtures.unique("sprayer");
        for (int i = 0; i < 10; i++) {
            throttle.failed(Fixtures.unique("name").toLowerCase(), address);
        }
        String fresh = Fixtures.unique("admin").toLowerCase();
        assertThat(throttle.lockedUntil(fresh, address)).contains(clock.instant().plusSeconds(30));
        assertThat(throttle.lockedUntil(fresh, Fixtures.unique("addr"))).as("from elsewhere").isEmpty();
    }

    @Test
    void forgottenFailuresDoNotPileUp() {
        LoginThrottle throttle = new LoginThrottle(jdbc, SETTINGS, clock, audit);
        String madeUp = Fixtures.unique("made-up").toLowerCase();
        throttle.failed(madeUp, null);
        clock.move(Duration.ofHours(25));
        throttle.failed(Fixtures.unique("other").toLowerCase(), null);
        assertThat(jdbc.sql("SELECT count(*) FROM login_failure WHERE throttle_key = :k").param("k", "user:" + madeUp)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theLockoutGrowsFromTheFirstWindowAndIsCapped() {
        assertThat(SETTINGS.lockoutAfter(2, 3)).isZero();
        assertThat(SETTINGS.lockoutAfter(3, 3)).hasSeconds(30);
        assertThat(SETTINGS.lockoutAfter(4, 3)).hasSeconds(60);
        assertThat(SETTINGS.lockoutAfter(6, 3)).hasSeconds(240);
        assertThat(SETTINGS.lockoutAfter(7, 3)).hasMinutes(5);
        assertThat(SETTINGS.lockoutAfter(1_000, 3)).hasMinutes(5);
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
