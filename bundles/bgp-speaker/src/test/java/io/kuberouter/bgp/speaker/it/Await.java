package io.kuberouter.bgp.speaker.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline. */
final class Await {

    private Await() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Checks {@code invariant} every 100 ms for {@code duration}; fails as soon as it does not hold. */
    static void holds(String what, Duration duration, BooleanSupplier invariant) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            if (!invariant.getAsBoolean()) {
                throw new AssertionError("no longer true: " + what);
            }
            pause(Duration.ofMillis(100));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
