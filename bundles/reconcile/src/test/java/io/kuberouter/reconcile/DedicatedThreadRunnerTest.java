package io.kuberouter.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The runner on its real thread. Ordering is enforced with latches; no assertion depends on how
 * long anything takes (the timeouts only bound a broken test).
 */
class DedicatedThreadRunnerTest {

    private static final long WAIT_SECONDS = 5;

    private static BoundedFrequencyRunner.Builder builder(String name, SyncFunction sync) {
        return BoundedFrequencyRunner.builder(name, sync)
                .minInterval(Duration.ZERO).maxInterval(Duration.ofHours(1)).retryInterval(Duration.ofHours(1));
    }

    @Test
    void runsOnItsOwnNamedThread() throws InterruptedException {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch heartbeat = new CountDownLatch(1);
        BoundedFrequencyRunner runner = builder("kr-proxy-sync", () -> thread.set(Thread.currentThread().getName()))
                .listener(result -> heartbeat.countDown()).build();
        runner.start();
        runner.run();
        assertTrue(heartbeat.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("kr-proxy-sync", thread.get());
        assertTrue(runner.lastSuccess().isPresent(), "set before the listener is called");
        assertTrue(runner.stop(Duration.ofSeconds(WAIT_SECONDS)));
    }

    @Test
    void stopWaitsForTheRunInProgress() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        RunnerScheduler thread = RunnerScheduler.dedicatedThread("kr-stop-test");
        BoundedFrequencyRunner runner = builder("kr-stop-test", () -> {
            entered.countDown();
            release.await();
            finished.set(true);
        }).scheduler(new ReleasingScheduler(thread, release)).build();
        runner.start();
        runner.run();
        assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS));

        assertTrue(runner.stop(Duration.ofSeconds(WAIT_SECONDS)));
        assertTrue(finished.get(), "stop returned only after the run in progress ended");
    }

    @Test
    void stopIsBoundedAndInterruptsAStuckRun() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        BoundedFrequencyRunner runner = builder("kr-stuck-test", () -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }).build();
        runner.start();
        runner.run();
        assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS));

        assertFalse(runner.stop(Duration.ofMillis(20)));
        assertTrue(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    /** Releases the blocked sync function only once shutdown has begun. */
    private record ReleasingScheduler(RunnerScheduler delegate, CountDownLatch release) implements RunnerScheduler {

        @Override
        public long nanoTime() {
            return delegate.nanoTime();
        }

        @Override
        public Instant now() {
            return delegate.now();
        }

        @Override
        public Task schedule(Runnable task, Duration delay) {
            return delegate.schedule(task, delay);
        }

        @Override
        public boolean shutdown(Duration timeout) {
            release.countDown();
            return delegate.shutdown(timeout);
        }
    }
}
