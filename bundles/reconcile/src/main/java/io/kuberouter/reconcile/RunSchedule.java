package io.kuberouter.reconcile;

import java.time.Duration;

/**
 * Decides when the next run of a {@link BoundedFrequencyRunner} is due. Pure logic over monotonic
 * nanosecond readings; not thread-safe (the runner guards it with its lock).
 *
 * <p>The minimum interval and the burst follow the generic cell rate algorithm: a run may start
 * once {@code now >= tat - (burst - 1) * min}, and each start moves the theoretical arrival time
 * {@code tat} one minimum interval past {@code max(tat, now)}. So at most {@code burst} runs start
 * back to back, and on average no more than one per minimum interval.
 */
final class RunSchedule {

    private final long minNanos;
    private final long maxNanos;
    private final long retryNanos;
    private final long burstNanos;
    private long tat;
    private long lastEnd;
    private boolean requested;
    private boolean retrying;
    private long retryAt;

    RunSchedule(Duration min, Duration max, Duration retry, int burst) {
        minNanos = min.toNanos();
        maxNanos = max.toNanos();
        retryNanos = retry.toNanos();
        burstNanos = Math.multiplyExact(minNanos, burst - 1L);
    }

    /** Starts the clocks: the first periodic run is due one maximum interval after {@code now}. */
    void start(long now) {
        tat = now;
        lastEnd = now;
    }

    /** Records a request to run as soon as the minimum interval allows. */
    void request() {
        requested = true;
    }

    /** Nanoseconds from {@code now} until the next run should start; 0 means now. */
    long delay(long now) {
        long wanted = lastEnd + maxNanos - now;
        if (requested) {
            wanted = Math.min(wanted, 0);
        }
        if (retrying) {
            wanted = Math.min(wanted, retryAt - now);
        }
        long allowed = tat - burstNanos - now;
        return Math.max(0, Math.max(wanted, allowed));
    }

    /** A run starts at {@code now}: it serves every request and retry recorded so far. */
    void started(long now) {
        requested = false;
        retrying = false;
        tat = now + Math.max(tat - now, 0) + minNanos;
    }

    /** The run that started last ended at {@code now}. */
    void finished(long now, boolean succeeded) {
        lastEnd = now;
        retrying = !succeeded;
        retryAt = now + retryNanos;
    }
}
