package io.kuberouter.itests;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.reconcile.BoundedFrequencyRunner;
import io.kuberouter.reconcile.RunListener;
import io.kuberouter.reconcile.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A test-only capability with one controller: a {@link BoundedFrequencyRunner} that syncs every
 * {@code period} and beats after each run, as the capability bundles will. {@link #block()} makes
 * its next sync hang until {@link #release()}, so its heartbeat stops.
 */
final class RunnerCapability implements Capability, RunListener {

    static final String CONTROLLER = "sync";

    private final String name;
    private final Duration period;
    private final Instant started = Instant.now();
    private final BoundedFrequencyRunner runner;
    private volatile Instant firstBeat;
    private volatile Instant lastBeat;
    private volatile CountDownLatch gate;

    RunnerCapability(String name, Duration period) {
        this.name = name;
        this.period = period;
        this.runner = BoundedFrequencyRunner.builder(name + "-" + CONTROLLER, this::sync)
                .minInterval(Duration.ZERO).maxInterval(period).retryInterval(period).listener(this).build();
    }

    void start() {
        runner.start();
        runner.run();
    }

    void block() {
        gate = new CountDownLatch(1);
        runner.run();
    }

    void release() {
        CountDownLatch blocked = gate;
        gate = null;
        if (blocked != null) {
            blocked.countDown();
        }
    }

    void stop() {
        release();
        runner.stop(Duration.ofSeconds(5));
    }

    private void sync() throws InterruptedException {
        CountDownLatch blocked = gate;
        if (blocked != null) {
            blocked.await();
        }
    }

    @Override
    public void runFinished(RunResult result) {
        if (firstBeat == null) {
            firstBeat = result.finishedAt();
        }
        lastBeat = result.finishedAt();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KernelOwnership ownership() {
        return new KernelOwnership(List.of("KUBE-ITEST-"), List.of("kube-itest-"), List.of(), List.of(), List.of(77),
                List.of());
    }

    @Override
    public Heartbeats heartbeats() {
        return new Heartbeats(List.of(new Heartbeats.Controller(CONTROLLER, started, firstBeat, lastBeat, period)));
    }
}
