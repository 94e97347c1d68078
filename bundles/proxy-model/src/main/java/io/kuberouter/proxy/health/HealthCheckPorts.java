package io.kuberouter.proxy.health;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.Endpoint;
import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.proxy.model.ServiceModelBuilder;
import io.kuberouter.proxy.model.SlicesByService;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pure builder of the desired health check ports: every programmable Service (as {@link ServiceModelBuilder#programmable})
 * with {@code spec.healthCheckNodePort != 0} gets its port, answering with the number of its endpoints that are on
 * this node and not terminating (kube-router's {@code isLocal && !isTerminating}), among the endpoints the proxy
 * admits (serving or ready, IPv4/IPv6 slices; an address counts once). Two Services claiming one port: the first by
 * {@code namespace/name} keeps it (the API server allocates these ports uniquely, so this is a guard only).
 */
public final class HealthCheckPorts {

    private HealthCheckPorts() {
    }

    /** Port to health check, ordered by port. */
    public static Map<Integer, HealthCheck> desired(ClusterSnapshot snapshot) {
        Map<ObjectKey, List<EndpointSlice>> slices = SlicesByService.group(snapshot.endpointSlices().values());
        Map<Integer, HealthCheck> ports = new TreeMap<>();
        snapshot.services().values().stream()
                .filter(s -> s.healthCheckNodePort() > 0 && s.healthCheckNodePort() <= 65535)
                .filter(ServiceModelBuilder::programmable)
                .sorted(Comparator.comparing(s -> s.key().toString()))
                .forEach(s -> ports.putIfAbsent(s.healthCheckNodePort(), new HealthCheck(s.key(),
                        localEndpoints(slices.getOrDefault(s.key(), List.of()), snapshot.localNode()))));
        return ports;
    }

    static int localEndpoints(List<EndpointSlice> slices, String nodeName) {
        Set<String> addresses = new HashSet<>();
        for (EndpointSlice slice : slices) {
            if (slice.addressType() == EndpointSlice.AddressType.FQDN) {
                continue;
            }
            for (Endpoint endpoint : slice.endpoints()) {
                if ((endpoint.serving() || endpoint.ready()) && !endpoint.terminating()
                        && !nodeName.isEmpty() && nodeName.equals(endpoint.nodeName())) {
                    addresses.addAll(endpoint.addresses());
                }
            }
        }
        return addresses.size();
    }
}
