package io.kuberouter.firewall.sync;

import java.time.Clock;
import java.time.Instant;

/**
 * Upstream's {@code syncVersion}: the sync's start time in Unix nanoseconds, base 10; strictly increasing even
 * when the clock is coarse or steps back. Not thread-safe; used by the sync thread only.
 */
final class SyncVersions {

    private final Clock clock;
    private long last;

    SyncVersions(Clock clock) {
        this.clock = clock;
    }

    String next() {
        Instant now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        last = Math.max(nanos, last + 1);
        return Long.toString(last);
    }
}
