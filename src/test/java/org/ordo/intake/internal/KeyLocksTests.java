package org.ordo.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KeyLocksTests {

    private final KeyLocks locks = new KeyLocks();

    @Test
    void requestsWithOneKeyTakeTheirTurnsAndOtherKeysDoNotWait() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(pool.submit(() -> locks.withLock("edi:P", "REF1", () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    for (int spin = 0; spin < 10_000; spin++) {
                        Thread.onSpinWait();
                    }
                    return inside.decrementAndGet();
                })));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).as("at most one request with the key at a time").isEqualTo(1);
        // a key held by this thread does not stop another key
        assertThat(locks.withLock("edi:P", "REF1", () -> locks.withLock("edi:P", "REF2", () -> "both"))).isEqualTo("both");
    }
}
