package io.kuberouter.reconcile;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a {@link SyncFunction} on one dedicated thread with bounded frequency, like kube-proxy's
 * {@code runner/bounded_frequency_runner.go}. Guarantees, once {@link #start() started}:
 *
 * <ol>
 *   <li>Runs start no more often than once per <em>minimum interval</em>; a burst of up to
 *       {@code burst} back-to-back runs is allowed after a quiet period (default burst 1).</li>
 *   <li>A run starts at least every <em>maximum interval</em> (measured from the end of the
 *       previous run) even if nobody calls {@link #run()}.</li>
 *   <li>After a failed run another run starts after the <em>retry interval</em> (still subject to
 *       the minimum interval).</li>
 *   <li>{@link #run()} never blocks and coalesces: any number of requests made before a run starts
 *       are served by that one run; a request made while a run is in progress causes one more.</li>
 *   <li>Whatever the sync function throws is a failed run; the runner keeps going.</li>
 * </ol>
 *
 * <p>After every run a {@link RunListener} receives a {@link RunResult} (the heartbeat), and
 * {@link #lastSuccess()} / {@link #lastError()} are updated for health reporting.
 *
 * <p>Threading: all public methods are thread-safe. The sync function and the listener run on the
 * runner's thread; they must not call {@link #stop}, which waits for the run in progress.
 */
@ProviderType
public final class BoundedFrequencyRunner {

    private static final System.Logger LOG = System.getLogger(BoundedFrequencyRunner.class.getName());

    private final String name;
    private final SyncFunction sync;
    private final RunListener listener;
    private final RunnerScheduler scheduler;
    private final RunSchedule schedule;
    private final Object lock = new Object();
    private RunnerScheduler.Task pending;
    private long pendingAt;
    private boolean started;
    private boolean stopped;
    private volatile Instant lastSuccess;
    private volatile Throwable lastError;

    private BoundedFrequencyRunner(Builder builder) {
        name = builder.name;
        sync = builder.sync;
        listener = builder.listener;
        scheduler = builder.scheduler != null ? builder.scheduler : RunnerScheduler.dedicatedThread(name);
        schedule = new RunSchedule(builder.minInterval, builder.maxInterval, builder.retryInterval, builder.burst);
    }

    /**
     * Starts building a runner.
     *
     * @param name the runner's name, also the name of its thread
     * @param sync the function to run
     */
    public static Builder builder(String name, SyncFunction sync) {
        return new Builder(name, sync);
    }

    /** The name given to the builder. */
    public String name() {
        return name;
    }

    /**
     * Starts the clocks. The first run starts on the first request, or one maximum interval from
     * now. Requests made before {@code start()} are kept.
     *
     * @throws IllegalStateException if already started or stopped
     */
    public void start() {
        synchronized (lock) {
            if (started || stopped) {
                throw new IllegalStateException("runner " + name + " was already started");
            }
            started = true;
            schedule.start(scheduler.nanoTime());
            reschedule();
        }
    }

    /** Requests a run as soon as the minimum interval allows; never blocks. Ignored after stop. */
    public void run() {
        synchronized (lock) {
            schedule.request();
            if (started && !stopped) {
                reschedule();
            }
        }
    }

    /**
     * Stops the runner: no run starts anymore, and a run in progress may finish for up to
     * {@code timeout}, after which its thread is interrupted. Stopping twice is harmless.
     *
     * @return true if no run is in progress anymore
     */
    public boolean stop(Duration timeout) {
        synchronized (lock) {
            if (stopped) {
                return true;
            }
            stopped = true;
            cancelPending();
        }
        return scheduler.shutdown(Objects.requireNonNull(timeout, "timeout"));
    }

    /** When the latest successful run ended; empty before the first. */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    /** What the latest run threw; empty if it succeeded or nothing ran yet. */
    public Optional<Throwable> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void wake() {
        synchronized (lock) {
            cancelPending();
            if (stopped) {
                return;
            }
            long now = scheduler.nanoTime();
            if (schedule.delay(now) > 0) {
                reschedule();
                return;
            }
            schedule.started(now);
        }
        RunResult result = execute();
        synchronized (lock) {
            schedule.finished(scheduler.nanoTime(), result.succeeded());
            lastError = result.failure();
            if (result.succeeded()) {
                lastSuccess = result.finishedAt();
            }
            if (!stopped) {
                reschedule();
            }
        }
        notifyListener(result);
    }

    // Anything thrown is a failed run, including Errors such as NoClassDefFoundError after a bundle
    // the sync function uses was refreshed: the runner must outlive it.
    private RunResult execute() {
        long begin = scheduler.nanoTime();
        Throwable failure = null;
        try {
            sync.sync();
        } catch (Throwable t) {
            failure = t;
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        Duration duration = Duration.ofNanos(scheduler.nanoTime() - begin);
        return new RunResult(scheduler.now(), duration, failure);
    }

    private void notifyListener(RunResult result) {
        try {
            listener.runFinished(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "run listener of " + name + " failed", e);
        }
    }

    /** Makes sure a wake-up is scheduled no later than the next due run. Caller holds the lock. */
    private void reschedule() {
        long now = scheduler.nanoTime();
        long due = now + schedule.delay(now);
        if (pending != null && pendingAt - due <= 0) {
            return;
        }
        cancelPending();
        pending = scheduler.schedule(this::wake, Duration.ofNanos(due - now));
        pendingAt = due;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /**
     * Configures a {@link BoundedFrequencyRunner}. The three intervals are required; they must
     * satisfy {@code 0 <= min <= max}, {@code max > 0} and {@code retry > 0}.
     */
    @ProviderType
    public static final class Builder {

        private final String name;
        private final SyncFunction sync;
        private Duration minInterval;
        private Duration maxInterval;
        private Duration retryInterval;
        private int burst = 1;
        private RunListener listener = result -> { };
        private RunnerScheduler scheduler;

        private Builder(String name, SyncFunction sync) {
            this.name = Objects.requireNonNull(name, "name");
            this.sync = Objects.requireNonNull(sync, "sync");
        }

        /** The shortest time between the starts of two runs (beyond the burst). */
        public Builder minInterval(Duration interval) {
            minInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The longest time from the end of one run to the start of the next. */
        public Builder maxInterval(Duration interval) {
            maxInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The time from the end of a failed run to the start of its retry. */
        public Builder retryInterval(Duration interval) {
            retryInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** How many runs may start back to back after a quiet period; default 1. */
        public Builder burst(int runs) {
            if (runs < 1) {
                throw new IllegalArgumentException("burst must be at least 1: " + runs);
            }
            burst = runs;
            return this;
        }

        /** Receives a heartbeat after every run; default none. */
        public Builder listener(RunListener runListener) {
            listener = Objects.requireNonNull(runListener, "runListener");
            return this;
        }

        /** Time and thread of the runner; default {@link RunnerScheduler#dedicatedThread} named as the runner. */
        public Builder scheduler(RunnerScheduler runnerScheduler) {
            scheduler = Objects.requireNonNull(runnerScheduler, "runnerScheduler");
            return this;
        }

        /**
         * Builds the runner (not started yet).
         *
         * @throws IllegalStateException if an interval is missing or the intervals are inconsistent
         */
        public BoundedFrequencyRunner build() {
            if (minInterval == null || maxInterval == null || retryInterval == null) {
                throw new IllegalStateException("min, max and retry intervals are required");
            }
            if (minInterval.isNegative() || !positive(maxInterval) || !positive(retryInterval)
                    || minInterval.compareTo(maxInterval) > 0) {
                throw new IllegalStateException("need 0 <= min <= max, max > 0, retry > 0; got min "
                        + minInterval + ", max " + maxInterval + ", retry " + retryInterval);
            }
            return new BoundedFrequencyRunner(this);
        }

        private static boolean positive(Duration interval) {
            return !interval.isNegative() && !interval.isZero();
        }
    }
}
