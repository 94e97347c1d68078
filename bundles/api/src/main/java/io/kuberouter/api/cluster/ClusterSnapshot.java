package io.kuberouter.api.cluster;

import java.util.List;
import java.util.Map;

/**
 * An immutable, consistent copy of everything the agent watches, taken at one revision. Desired
 * state builders are pure functions of a snapshot (plus configuration).
 *
 * @param revision increases with every change applied to the cluster state
 * @param localNode name of the node this agent runs on
 */
public record ClusterSnapshot(
        long revision,
        String localNode,
        Map<ObjectKey, Service> services,
        Map<ObjectKey, EndpointSlice> endpointSlices,
        Map<ObjectKey, Pod> pods,
        Map<ObjectKey, Node> nodes,
        Map<ObjectKey, Namespace> namespaces,
        Map<ObjectKey, NetworkPolicy> networkPolicies) {

    public ClusterSnapshot {
        services = Map.copyOf(services);
        endpointSlices = Map.copyOf(endpointSlices);
        pods = Map.copyOf(pods);
        nodes = Map.copyOf(nodes);
        namespaces = Map.copyOf(namespaces);
        networkPolicies = Map.copyOf(networkPolicies);
    }

    /** The slices that belong to a service. */
    public List<EndpointSlice> slicesOf(ObjectKey service) {
        return endpointSlices.values().stream().filter(s -> service.equals(s.serviceKey())).toList();
    }

    /** The Node object of this agent's node, or {@code null} when the API has none yet. */
    public Node localNodeObject() {
        return nodes.get(ObjectKey.cluster(localNode));
    }

    /** Number of objects of one kind. */
    public int count(ResourceKind kind) {
        return switch (kind) {
            case SERVICE -> services.size();
            case ENDPOINT_SLICE -> endpointSlices.size();
            case POD -> pods.size();
            case NODE -> nodes.size();
            case NAMESPACE -> namespaces.size();
            case NETWORK_POLICY -> networkPolicies.size();
        };
    }
}
