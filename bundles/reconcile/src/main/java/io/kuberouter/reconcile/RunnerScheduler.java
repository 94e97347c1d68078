package io.kuberouter.reconcile;

import java.time.Duration;
import java.time.Instant;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Time and execution for one {@link BoundedFrequencyRunner}. The production implementation is
 * {@link #dedicatedThread(String)}; tests substitute a fake clock that runs due tasks when the
 * test advances time, which makes the runner fully deterministic.
 *
 * <p>Contract: tasks run one at a time, on one thread, never concurrently; a runner owns its
 * scheduler and is its only user.
 */
@ConsumerType
public interface RunnerScheduler {

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}; only differences matter. */
    long nanoTime();

    /** Wall-clock time, used only to timestamp results. */
    Instant now();

    /**
     * Runs {@code task} once, {@code delay} from now.
     *
     * @return a handle that cancels the task if it has not started yet
     */
    Task schedule(Runnable task, Duration delay);

    /**
     * Accepts no more tasks, drops the ones not started, and waits up to {@code timeout} for a
     * task in progress to finish. Never called twice.
     *
     * @return true if no task is running anymore
     */
    boolean shutdown(Duration timeout);

    /**
     * A scheduler backed by one daemon thread named {@code threadName}, created on the first task.
     * If {@link #shutdown} times out, the running task's thread is interrupted.
     */
    static RunnerScheduler dedicatedThread(String threadName) {
        return new ThreadScheduler(threadName);
    }

    /** A scheduled task. */
    @ConsumerType
    @FunctionalInterface
    interface Task {

        /** Cancels the task if it has not started; harmless after it ran. */
        void cancel();
    }
}
