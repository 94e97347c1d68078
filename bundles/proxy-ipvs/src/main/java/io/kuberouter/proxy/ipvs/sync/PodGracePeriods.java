package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.proxy.ipvs.kernel.GracePeriods;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Drain periods from the snapshot's pods (behaviour inventory §3.8: the pod with the endpoint's address, its
 * {@code terminationGracePeriodSeconds}), else the configured period. The address index is built on the first
 * lookup only, so syncs without removed destinations never pay for it.
 */
final class PodGracePeriods implements GracePeriods {

    private final ClusterSnapshot snapshot;
    private final Duration fallback;
    private Map<InetAddress, Long> seconds;

    PodGracePeriods(ClusterSnapshot snapshot, Duration fallback) {
        this.snapshot = snapshot;
        this.fallback = fallback;
    }

    @Override
    public Duration of(InetAddress endpoint) {
        if (seconds == null) {
            seconds = index(snapshot);
        }
        Long grace = seconds.get(endpoint);
        return grace == null ? fallback : Duration.ofSeconds(grace);
    }

    private static Map<InetAddress, Long> index(ClusterSnapshot snapshot) {
        Map<InetAddress, Long> index = new HashMap<>();
        for (Pod pod : snapshot.pods().values()) {
            if (pod.terminationGracePeriodSeconds() < 0 || pod.hostNetwork()) {
                continue;
            }
            for (String ip : pod.podIPs()) {
                try {
                    index.put(IpPrefix.address(ip), pod.terminationGracePeriodSeconds());
                } catch (IllegalArgumentException e) {
                    // a pod status with a malformed address names no endpoint
                }
            }
        }
        return index;
    }
}
