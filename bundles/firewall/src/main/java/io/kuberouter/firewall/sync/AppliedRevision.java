package io.kuberouter.firewall.sync;

import java.time.Duration;

/** The cluster revision the kernel state was last built from, and a way to wait for one. Thread-safe. */
final class AppliedRevision {

    private long revision = -1;

    synchronized void publish(long applied) {
        revision = Math.max(revision, applied);
        notifyAll();
    }

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
