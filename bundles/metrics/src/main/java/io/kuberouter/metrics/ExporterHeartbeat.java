package io.kuberouter.metrics;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The metrics capability as the health endpoint judges it: like kube-router's MetricsController it
 * beats every 3 s against a fixed 5 s period while the endpoint serves, and owns no kernel state.
 *
 * <p>Threading: beats on its own daemon thread until {@link #close()}.
 */
final class ExporterHeartbeat implements Capability, AutoCloseable {

    static final String NAME = "metrics";
    static final String CONTROLLER = "exporter";
    static final Duration PERIOD = Duration.ofSeconds(5);
    static final Duration TICK = Duration.ofSeconds(3);

    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService ticker;
    private volatile Instant firstBeat;
    private volatile Instant lastBeat;

    ExporterHeartbeat(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kube-router-metrics-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::beat, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        Instant now = clock.instant();
        if (firstBeat == null) {
            firstBeat = now;
        }
        lastBeat = now;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KernelOwnership ownership() {
        return KernelOwnership.NONE;
    }

    @Override
    public Heartbeats heartbeats() {
        return new Heartbeats(List.of(new Heartbeats.Controller(CONTROLLER, started, firstBeat, lastBeat, PERIOD)));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
