package io.kuberouter.api.capability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Heartbeats of one capability's controllers, judged by kube-router's health rule
 * ({@code pkg/healthcheck/health_controller.go}): a controller is stale when the time since its
 * last heartbeat exceeds its sync period, plus the time it took from start to its first
 * heartbeat, plus 1.5 s.
 */
public record Heartbeats(List<Controller> controllers) {

    /** Grace added to every controller's period. */
    public static final Duration GRACE = Duration.ofMillis(1500);

    public Heartbeats {
        controllers = List.copyOf(controllers);
    }

    /** The controllers that are stale at {@code now}; empty when healthy. */
    public List<Controller> stale(Instant now) {
        return controllers.stream().filter(c -> c.stale(now)).toList();
    }

    /**
     * One controller's heartbeat record.
     *
     * @param started when the controller became alive
     * @param firstBeat the first heartbeat, {@code null} before it
     * @param lastBeat the latest heartbeat, {@code null} before the first
     * @param period the controller's sync period
     */
    public record Controller(String name, Instant started, Instant firstBeat, Instant lastBeat, Duration period) {

        public Controller {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(started, "started");
            java.util.Objects.requireNonNull(period, "period");
        }

        /** Stale when {@code now - last > period + ttl + GRACE}, ttl = first beat - start. */
        public boolean stale(Instant now) {
            Instant last = lastBeat == null ? started : lastBeat;
            Duration ttl = firstBeat == null ? Duration.ZERO : Duration.between(started, firstBeat);
            return Duration.between(last, now).compareTo(period.plus(ttl).plus(GRACE)) > 0;
        }
    }
}
