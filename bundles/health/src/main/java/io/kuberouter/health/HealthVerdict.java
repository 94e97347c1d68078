package io.kuberouter.health;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The agent's health at one instant: healthy iff no running capability has a stale controller
 * (rule in {@link Heartbeats}).
 *
 * @param stale one entry per stale controller, e.g. {@code proxy/ipvs: last heartbeat 95 s ago}
 */
record HealthVerdict(List<String> stale) {

    static HealthVerdict of(Collection<Capability> capabilities, Instant now) {
        List<String> stale = new ArrayList<>();
        for (Capability capability : capabilities) {
            for (Heartbeats.Controller c : capability.heartbeats().stale(now)) {
                Instant last = c.lastBeat() == null ? c.started() : c.lastBeat();
                stale.add(capability.name() + "/" + c.name() + ": last heartbeat "
                        + Duration.between(last, now).toSeconds() + " s ago, period " + c.period().toSeconds() + " s");
            }
        }
        return new HealthVerdict(List.copyOf(stale));
    }

    boolean healthy() {
        return stale.isEmpty();
    }

    /** The response body: {@code OK} or {@code Unhealthy} followed by the stale controllers. */
    String body() {
        return healthy() ? "OK\n" : "Unhealthy: " + String.join("; ", stale) + "\n";
    }
}
