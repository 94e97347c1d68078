package io.kuberouter.proxy.nft.sync;

import java.time.Duration;

/** The cluster revision the last successful sync programmed, for callers that wait for a change to land. */
final class AppliedRevision {

    private long revision = -1;

    synchronized void publish(long applied) {
        revision = Math.max(revision, applied);
        notifyAll();
    }

    /** Waits until {@code wanted} or a later revision is programmed; false on timeout. */
    synchronized boolean await(long wanted, Duration timeout) throws InterruptedException {
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
