package io.kuberouter.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/** A virtual clock: scheduled tasks run on the test thread when the test advances time. */
final class FakeScheduler implements RunnerScheduler {

    private final PriorityQueue<Scheduled> queue;
    private final long origin;
    private long nanos;
    private long seq;
    private boolean shutdown;

    FakeScheduler() {
        this(0);
    }

    /** Starts the monotonic clock at {@code startNanos}, e.g. near overflow. */
    FakeScheduler(long startNanos) {
        origin = startNanos;
        nanos = startNanos;
        queue = new PriorityQueue<>(
                Comparator.comparingLong((Scheduled s) -> s.at - startNanos).thenComparingLong(Scheduled::seq));
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant now() {
        return Instant.EPOCH.plusNanos(nanos - origin);
    }

    @Override
    public Task schedule(Runnable task, Duration delay) {
        if (shutdown) {
            throw new IllegalStateException("scheduled after shutdown");
        }
        Scheduled scheduled = new Scheduled(nanos + delay.toNanos(), seq++, task);
        queue.add(scheduled);
        return () -> queue.remove(scheduled);
    }

    @Override
    public boolean shutdown(Duration timeout) {
        shutdown = true;
        queue.clear();
        return true;
    }

    /** Moves time forward by {@code by}, running every task that falls due, in order. */
    void advance(Duration by) {
        long target = nanos + by.toNanos();
        while (!queue.isEmpty() && queue.peek().at - target <= 0) {
            Scheduled next = queue.poll();
            if (next.at - nanos > 0) {
                nanos = next.at;
            }
            next.task.run();
        }
        if (target - nanos > 0) {
            nanos = target;
        }
    }

    /** Moves time forward without running tasks, as if the current task took that long. */
    void elapse(Duration by) {
        nanos += by.toNanos();
    }

    /** Time since the start, for assertions. */
    Duration elapsed() {
        return Duration.ofNanos(nanos - origin);
    }

    int scheduledTasks() {
        return queue.size();
    }

    boolean isShutdown() {
        return shutdown;
    }

    private record Scheduled(long at, long seq, Runnable task) {
    }
}
