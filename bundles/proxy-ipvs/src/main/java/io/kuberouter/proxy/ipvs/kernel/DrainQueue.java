package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Destinations left at weight 0 by graceful termination, each with the time it may be deleted at the latest
 * (behaviour inventory §3.8: the pod's {@code terminationGracePeriodSeconds}, else
 * {@code --ipvs-graceful-period}). Not thread-safe: owned by the sync thread.
 */
final class DrainQueue {

    /** One draining destination (weight 0) and its deadline. */
    record Draining(Destination destination, Instant deadline) {
    }

    private final Map<ServiceKey, Map<String, Draining>> queue = new HashMap<>();

    /** Starts draining {@code destination} of {@code key} unless it already drains. */
    void start(ServiceKey key, Destination destination, Duration grace, Instant now) {
        queue.computeIfAbsent(key, k -> new HashMap<>())
                .putIfAbsent(destination.target(), new Draining(destination.withWeight(0), now.plus(grace)));
    }

    /** The destination is desired again or gone. */
    void stop(ServiceKey key, String target) {
        Map<String, Draining> draining = queue.get(key);
        if (draining != null && draining.remove(target) != null && draining.isEmpty()) {
            queue.remove(key);
        }
    }

    /** The whole service is gone. */
    void forget(ServiceKey key) {
        queue.remove(key);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Services with draining destinations, as a copy. */
    Set<ServiceKey> keys() {
        return Set.copyOf(queue.keySet());
    }

    /** The draining destinations of {@code key} by target, as a copy. */
    Map<String, Draining> of(ServiceKey key) {
        return Map.copyOf(queue.getOrDefault(key, Map.of()));
    }

    boolean drains(ServiceKey key, String target) {
        return queue.getOrDefault(key, Map.of()).containsKey(target);
    }

    void clear() {
        queue.clear();
    }
}
