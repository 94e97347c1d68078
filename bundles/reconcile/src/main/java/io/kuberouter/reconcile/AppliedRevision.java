package io.kuberouter.reconcile;

import java.time.Duration;

/**
 * The cluster state revision a controller last programmed into the kernel, for callers that wait for a change
 * to land (tests, benchmarks, read-only views). Revisions only grow: publishing an older one changes nothing.
 *
 * <p>Threading: thread-safe; {@link #await} blocks the caller only.
 */
public final class AppliedRevision {

    private long revision = -1;

    /** The controller programmed everything up to {@code applied}. */
    public synchronized void publish(long applied) {
        revision = Math.max(revision, applied);
        notifyAll();
    }

    /** Waits until {@code wanted} or a later revision is programmed; false on timeout. */
    public synchronized boolean await(long wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (revision < wanted) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
