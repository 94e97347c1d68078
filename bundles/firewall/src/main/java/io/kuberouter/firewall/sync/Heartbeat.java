package io.kuberouter.firewall.sync;

import io.kuberouter.api.capability.Heartbeats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The heartbeat of the firewall's controller, kube-router's {@code NetworkPolicyController}: a beat after every
 * successful sync, judged against {@code --iptables-sync-period} (which bounds the time between syncs). Thread-safe.
 */
final class Heartbeat {

    static final String CONTROLLER = "NetworkPolicyController";

    private final Clock clock;
    private final Instant started;
    private final Duration period;
    private volatile Instant firstBeat;
    private volatile Instant lastBeat;

    Heartbeat(Clock clock, Duration period) {
        this.clock = clock;
        this.started = clock.instant();
        this.period = period;
    }

    void beat() {
        Instant now = clock.instant();
        if (firstBeat == null) {
            firstBeat = now;
        }
        lastBeat = now;
    }

    Heartbeats heartbeats() {
        return new Heartbeats(List.of(new Heartbeats.Controller(CONTROLLER, started, firstBeat, lastBeat,
                period)));
    }
}
