package io.kuberouter.api.capability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Records the heartbeats of one controller, e.g. kube-router's {@code NetworkPolicyController}:
 * {@link #beat()} after every successful sync, judged against the controller's sync period (which
 * bounds the time between syncs) by the rule in {@link Heartbeats}. Thread-safe.
 */
public final class HeartbeatRecorder {

    private final String controller;
    private final Clock clock;
    private final Instant started;
    private final Duration period;
    private volatile Instant firstBeat;
    private volatile Instant lastBeat;

    /** Starts the record now: the controller is alive from this instant. */
    public HeartbeatRecorder(String controller, Clock clock, Duration period) {
        this.controller = java.util.Objects.requireNonNull(controller, "controller");
        this.clock = clock;
        this.started = clock.instant();
        this.period = period;
    }

    public void beat() {
        Instant now = clock.instant();
        if (firstBeat == null) {
            firstBeat = now;
        }
        lastBeat = now;
    }

    /** The record so far, as one controller's heartbeats. */
    public Heartbeats heartbeats() {
        return new Heartbeats(List.of(new Heartbeats.Controller(controller, started, firstBeat, lastBeat, period)));
    }
}
