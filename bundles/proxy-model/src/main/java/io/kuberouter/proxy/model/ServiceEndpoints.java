package io.kuberouter.proxy.model;

import io.kuberouter.api.cluster.Endpoint;
import io.kuberouter.api.cluster.EndpointPort;
import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.proxy.Backend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backends of one Service per port name, from its EndpointSlices as kube-router v2.11 reads them
 * (behaviour inventory §3.2): IPv4 and IPv6 slices only (FQDN ones skipped), an endpoint is admitted when
 * it is serving or ready (so serving-but-terminating endpoints stay), slice ports are matched to service
 * ports by name, an address listed by two slices counts once.
 *
 * <p>Upstream shuffles the backends of every sync at random so that nodes do not all start with the same
 * one; here they are ordered by a hash of node name and endpoint, which spreads them the same way across
 * nodes but keeps one node's order stable from sync to sync.
 */
final class ServiceEndpoints {

    private ServiceEndpoints() {
    }

    /** Backends by service port name. */
    static Map<String, List<Backend>> byPortName(List<EndpointSlice> slices, String nodeName) {
        Map<String, Map<String, Backend>> byPort = new HashMap<>();
        for (EndpointSlice slice : slices) {
            if (slice.addressType() == EndpointSlice.AddressType.FQDN) {
                continue;
            }
            for (Endpoint endpoint : slice.endpoints()) {
                if (endpoint.serving() || endpoint.ready()) {
                    add(byPort, slice.ports(), endpoint, nodeName);
                }
            }
        }
        Map<String, List<Backend>> result = new HashMap<>();
        Comparator<Backend> order = spreadOrder(nodeName);
        byPort.forEach((port, backends) -> result.put(port, backends.values().stream().sorted(order).toList()));
        return result;
    }

    private static void add(Map<String, Map<String, Backend>> byPort, List<EndpointPort> ports, Endpoint endpoint,
            String nodeName) {
        boolean local = !endpoint.nodeName().isEmpty() && endpoint.nodeName().equals(nodeName);
        for (EndpointPort port : ports) {
            if (port.port() < 1 || port.port() > 65535) {
                continue;
            }
            Map<String, Backend> backends = byPort.computeIfAbsent(port.name(), k -> new LinkedHashMap<>());
            for (String address : endpoint.addresses()) {
                Optional<String> ip = IpText.canonical(address);
                ip.ifPresent(a -> backends.putIfAbsent(a + ":" + port.port(), new Backend(a, port.port(),
                        endpoint.nodeName(), endpoint.pod(), local, endpoint.ready(), endpoint.terminating())));
            }
        }
    }

    /** A per-node permutation: the same on every sync of one node, different from node to node. */
    static Comparator<Backend> spreadOrder(String nodeName) {
        return Comparator.<Backend>comparingInt(b -> mix((nodeName + "|" + b.id()).hashCode()))
                .thenComparing(Backend::id);
    }

    /** Murmur3's finalizer: neighbouring strings get unrelated positions. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The backends whose address is of the family of {@code frontendAddress}. */
    static List<Backend> sameFamily(List<Backend> backends, String frontendAddress) {
        boolean v6 = frontendAddress.indexOf(':') >= 0;
        List<Backend> out = new ArrayList<>(backends.size());
        for (Backend b : backends) {
            if ((b.address().indexOf(':') >= 0) == v6) {
                out.add(b);
            }
        }
        return out;
    }
}
