package org.ordo.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.springframework.core.task.TaskDecorator;

/**
 * Work done as if it happened at an earlier moment: while {@link #at} runs, the application's {@link Clock} tells
 * that moment (plus the time spent since) on this thread, and on the threads of the listeners it hands work to
 * after commit. The demo data uses it to place and ship orders on past days through the ordinary services, so the
 * history it leaves has the timestamps a real shop's would have. Nothing else backdates: other threads, and this
 * one outside {@link #at}, see the system clock.
 */
public final class Backdating {

    private static final ThreadLocal<Moment> MOMENT = new ThreadLocal<>();

    private Backdating() {
    }

    /** Runs {@code work} with the application clock set to {@code at} on this thread; returns its result. */
    public static <T> T at(Instant at, Supplier<T> work) {
        Moment outer = MOMENT.get();
        MOMENT.set(new Moment(at, System.nanoTime()));
        try {
            return work.get();
        } finally {
            restore(outer);
        }
    }

    /** Runs {@code work} with the application clock set to {@code at} on this thread. */
    public static void at(Instant at, Runnable work) {
        at(at, () -> {
            work.run();
            return null;
        });
    }

    private static void restore(Moment outer) {
        if (outer == null) {
            MOMENT.remove();
        } else {
            MOMENT.set(outer);
        }
    }

    /**
     * The application clock: {@code system} (the system's in UTC, or a test's movable clock), or the backdated moment
     * on a thread inside {@link #at}.
     */
    public static Clock clock(Clock system) {
        return new Clock() {
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
                Moment moment = MOMENT.get();
                return moment == null ? system.instant() : moment.now();
            }
        };
    }

    /** Hands the backdated moment of the submitting thread to the listener that runs the task. */
    static TaskDecorator decorator() {
        return task -> {
            Moment moment = MOMENT.get();
            if (moment == null) {
                return task;
            }
            return () -> {
                Moment outer = MOMENT.get();
                MOMENT.set(moment);
                try {
                    task.run();
                } finally {
                    restore(outer);
                }
            };
        };
    }

    private record Moment(Instant at, long startedNanos) {
        Instant now() {
            return at.plus(Duration.ofNanos(System.nanoTime() - startedNanos));
        }
    }
}
