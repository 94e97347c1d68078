package io.kuberouter.api.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Pod, reduced to what the firewall, the proxy (graceful termination) and DSR use.
 *
 * @param nodeName {@code spec.nodeName}, empty while unscheduled
 * @param phase {@code status.phase}, empty when unknown
 * @param podIPs {@code status.podIPs} (falling back to {@code status.podIP})
 * @param hostIPs {@code status.hostIPs} (falling back to {@code status.hostIP})
 * @param terminationGracePeriodSeconds {@code spec.terminationGracePeriodSeconds}, or -1 when unset
 * @param deleting true once {@code metadata.deletionTimestamp} is set
 */
public record Pod(
        ObjectKey key,
        String uid,
        Map<String, String> labels,
        String nodeName,
        boolean hostNetwork,
        String phase,
        List<String> podIPs,
        List<String> hostIPs,
        List<ContainerPort> containerPorts,
        long terminationGracePeriodSeconds,
        boolean deleting) implements ClusterObject {

    public Pod {
        Objects.requireNonNull(key, "key");
        labels = Map.copyOf(labels);
        nodeName = nodeName == null ? "" : nodeName;
        phase = phase == null ? "" : phase;
        podIPs = List.copyOf(podIPs);
        hostIPs = List.copyOf(hostIPs);
        containerPorts = List.copyOf(containerPorts);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.POD;
    }

    /** True once the pod has run to completion (phase Succeeded or Failed). */
    public boolean finished() {
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
}
