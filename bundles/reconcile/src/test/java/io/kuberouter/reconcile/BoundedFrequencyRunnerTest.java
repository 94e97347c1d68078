package io.kuberouter.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runner semantics on a virtual clock: every assertion is about virtual time, nothing sleeps. */
class BoundedFrequencyRunnerTest {

    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final FakeScheduler clock = new FakeScheduler();
    private final List<Duration> runs = new ArrayList<>();
    private final Deque<Throwable> failures = new ArrayDeque<>();
    private final List<RunResult> heartbeats = new ArrayList<>();

    /** Records the virtual time of each run; throws the next queued failure, if any. */
    private void sync() throws Exception {
        runs.add(clock.elapsed());
        Throwable failure = failures.poll();
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private BoundedFrequencyRunner.Builder builder() {
        return BoundedFrequencyRunner.builder("test-sync", this::sync)
                .minInterval(MIN).maxInterval(MAX).retryInterval(RETRY)
                .listener(heartbeats::add).scheduler(clock);
    }

    private BoundedFrequencyRunner started() {
        BoundedFrequencyRunner runner = builder().build();
        runner.start();
        return runner;
    }

    private static Duration s(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Test
    void manyRequestsCoalesceIntoOneRun() {
        BoundedFrequencyRunner runner = started();
        for (int i = 0; i < 100; i++) {
            runner.run();
        }
        clock.advance(Duration.ZERO);
        clock.advance(s(0.5));
        assertEquals(List.of(Duration.ZERO), runs);
    }

    @Test
    void requestsWithinMinIntervalWaitAndCoalesce() {
        BoundedFrequencyRunner runner = started();
        runner.run();
        clock.advance(s(0.1));
        runner.run();
        clock.advance(s(0.5));
        runner.run();
        clock.advance(s(0.399));
        assertEquals(1, runs.size());
        clock.advance(s(0.001));
        assertEquals(List.of(Duration.ZERO, s(1)), runs);
        clock.advance(s(10));
        assertEquals(2, runs.size());
    }

    @Test
    void requestAfterQuietPeriodRunsImmediately() {
        BoundedFrequencyRunner runner = started();
        clock.advance(s(30));
        runner.run();
        clock.advance(Duration.ZERO);
        assertEquals(List.of(s(30)), runs);
    }

    @Test
    void runsEveryMaxIntervalWithoutRequests() {
        started();
        clock.advance(s(59.999));
        assertTrue(runs.isEmpty());
        clock.advance(s(0.001));
        clock.advance(s(120));
        assertEquals(List.of(s(60), s(120), s(180)), runs);
    }

    @Test
    void maxIntervalCountsFromTheEndOfTheRun() {
        BoundedFrequencyRunner runner = BoundedFrequencyRunner.builder("slow", () -> {
            runs.add(clock.elapsed());
            clock.elapse(s(3));
        }).minInterval(MIN).maxInterval(MAX).retryInterval(RETRY).scheduler(clock).build();
        runner.start();
        clock.advance(s(130));
        assertEquals(List.of(s(60), s(123)), runs);
    }

    @Test
    void failedRunIsRetriedAfterRetryInterval() {
        failures.add(new IllegalStateException("kernel said no"));
        BoundedFrequencyRunner runner = started();
        runner.run();
        clock.advance(s(4.999));
        assertEquals(1, runs.size());
        assertEquals("kernel said no", runner.lastError().orElseThrow().getMessage());
        assertEquals(Optional.empty(), runner.lastSuccess());
        clock.advance(s(0.001));
        assertEquals(List.of(Duration.ZERO, s(5)), runs);
        assertEquals(Optional.empty(), runner.lastError());
        assertEquals(Optional.of(Instant.EPOCH.plusSeconds(5)), runner.lastSuccess());
    }

    @Test
    void retryStillRespectsMinInterval() {
        failures.add(new Exception("fail"));
        BoundedFrequencyRunner runner = builder().retryInterval(s(0.1)).build();
        runner.start();
        runner.run();
        clock.advance(s(2));
        assertEquals(List.of(Duration.ZERO, s(1)), runs);
    }

    @Test
    void requestDuringRunCausesOneMoreRun() {
        BoundedFrequencyRunner[] self = new BoundedFrequencyRunner[1];
        self[0] = BoundedFrequencyRunner.builder("reentrant", () -> {
            runs.add(clock.elapsed());
            if (runs.size() == 1) {
                self[0].run();
                self[0].run();
            }
        }).minInterval(MIN).maxInterval(MAX).retryInterval(RETRY).scheduler(clock).build();
        self[0].start();
        self[0].run();
        clock.advance(s(10));
        assertEquals(List.of(Duration.ZERO, s(1)), runs);
    }

    @Test
    void burstAllowsBackToBackRunsThenThrottles() {
        BoundedFrequencyRunner runner = builder().burst(3).build();
        runner.start();
        for (int i = 0; i < 4; i++) {
            runner.run();
            clock.advance(Duration.ZERO);
        }
        assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO), runs);
        clock.advance(s(1));
        assertEquals(4, runs.size());
        assertEquals(s(1), runs.get(3));
    }

    @Test
    void exceptionsAndErrorsNeverKillTheRunner() {
        failures.add(new RuntimeException("boom"));
        failures.add(new NoClassDefFoundError("io/kuberouter/Gone"));
        failures.add(new Exception("checked"));
        BoundedFrequencyRunner runner = started();
        runner.run();
        clock.advance(s(30));
        assertEquals(List.of(Duration.ZERO, s(5), s(10), s(15)), runs);
        assertTrue(runner.lastError().isEmpty());
    }

    @Test
    void listenerReceivesHeartbeatWithOutcomeAndDuration() {
        IllegalStateException failure = new IllegalStateException("x");
        BoundedFrequencyRunner runner = BoundedFrequencyRunner.builder("hb", () -> {
            clock.elapse(s(0.25));
            if (heartbeats.isEmpty()) {
                throw failure;
            }
        }).minInterval(MIN).maxInterval(MAX).retryInterval(RETRY).listener(heartbeats::add).scheduler(clock).build();
        runner.start();
        runner.run();
        clock.advance(s(6));
        assertEquals(2, heartbeats.size());
        assertFalse(heartbeats.get(0).succeeded());
        assertSame(failure, heartbeats.get(0).failure());
        assertEquals(s(0.25), heartbeats.get(0).duration());
        assertEquals(Instant.EPOCH.plusMillis(250), heartbeats.get(0).finishedAt());
        assertTrue(heartbeats.get(1).succeeded());
        assertEquals(Instant.EPOCH.plusMillis(5500), heartbeats.get(1).finishedAt());
    }

    @Test
    void failingListenerDoesNotStopTheRunner() {
        BoundedFrequencyRunner runner = builder().listener(result -> {
            throw new IllegalStateException("listener bug");
        }).build();
        runner.start();
        clock.advance(s(120));
        assertEquals(List.of(s(60), s(120)), runs);
        assertTrue(runner.lastSuccess().isPresent());
    }

    @Test
    void requestsBeforeStartAreKept() {
        BoundedFrequencyRunner runner = builder().build();
        runner.run();
        clock.advance(s(1));
        assertTrue(runs.isEmpty());
        runner.start();
        clock.advance(Duration.ZERO);
        assertEquals(List.of(s(1)), runs);
    }

    @Test
    void stopCancelsEverythingAndIgnoresLaterRequests() {
        BoundedFrequencyRunner runner = started();
        runner.run();
        clock.advance(Duration.ZERO);
        runner.run();
        assertTrue(runner.stop(Duration.ofSeconds(1)));
        assertTrue(clock.isShutdown());
        assertEquals(0, clock.scheduledTasks());
        runner.run();
        clock.advance(s(600));
        assertEquals(1, runs.size());
        assertTrue(runner.stop(Duration.ofSeconds(1)), "stopping twice is harmless");
        assertThrows(IllegalStateException.class, runner::start);
    }

    @Test
    void startTwiceFails() {
        BoundedFrequencyRunner runner = started();
        assertThrows(IllegalStateException.class, runner::start);
    }

    @Test
    void timingIsSafeAcrossNanoTimeOverflow() {
        FakeScheduler nearOverflow = new FakeScheduler(Long.MAX_VALUE - s(0.5).toNanos());
        List<Duration> at = new ArrayList<>();
        BoundedFrequencyRunner runner = BoundedFrequencyRunner.builder("wrap", () -> at.add(nearOverflow.elapsed()))
                .minInterval(MIN).maxInterval(MAX).retryInterval(RETRY).scheduler(nearOverflow).build();
        runner.start();
        runner.run();
        nearOverflow.advance(Duration.ZERO);
        runner.run();
        nearOverflow.advance(s(0.999));
        assertEquals(1, at.size());
        nearOverflow.advance(s(60.001));
        assertEquals(List.of(Duration.ZERO, s(1), s(61)), at);
    }

    @Test
    void builderValidatesIntervals() {
        SyncFunction noop = () -> { };
        assertThrows(IllegalStateException.class, () -> BoundedFrequencyRunner.builder("x", noop).build());
        assertThrows(IllegalStateException.class, () -> BoundedFrequencyRunner.builder("x", noop)
                .minInterval(s(2)).maxInterval(s(1)).retryInterval(s(1)).build());
        assertThrows(IllegalStateException.class, () -> BoundedFrequencyRunner.builder("x", noop)
                .minInterval(s(-1)).maxInterval(s(1)).retryInterval(s(1)).build());
        assertThrows(IllegalStateException.class, () -> BoundedFrequencyRunner.builder("x", noop)
                .minInterval(s(0)).maxInterval(s(1)).retryInterval(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> BoundedFrequencyRunner.builder("x", noop).burst(0));
        BoundedFrequencyRunner zeroMin = BoundedFrequencyRunner.builder("x", noop)
                .minInterval(Duration.ZERO).maxInterval(s(1)).retryInterval(s(1)).scheduler(clock).build();
        assertEquals("x", zeroMin.name());
    }

    @Test
    void zeroMinIntervalRunsEveryRequest() {
        BoundedFrequencyRunner runner = builder().minInterval(Duration.ZERO).build();
        runner.start();
        for (int i = 0; i < 3; i++) {
            runner.run();
            clock.advance(Duration.ZERO);
        }
        assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO), runs);
    }
}
