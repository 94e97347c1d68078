package io.kuberouter.router.build;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.Endpoint;
import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.LoadBalancerIngress;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.NodeAddress;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Cluster objects for the builder tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Node node(String name, String ip, String podCidr, Map<String, String> annotations) {
        return new Node(ObjectKey.cluster(name), Map.of(), annotations, List.of(podCidr),
                List.of(new NodeAddress(NodeAddress.INTERNAL_IP, ip)));
    }

    static Service service(String name, ServiceType type, String clusterIp, List<String> externalIps,
            List<String> lbIps, TrafficPolicy external, Map<String, String> annotations) {
        return new Service(new ObjectKey("default", name), "uid-" + name, Map.of(), annotations, type,
                List.of(clusterIp), List.of(IpFamily.IPV4), List.of(), externalIps,
                lbIps.stream().map(ip -> new LoadBalancerIngress(ip, null)).toList(), 0, external,
                TrafficPolicy.CLUSTER, 0, "");
    }

    static EndpointSlice slice(String service, String nodeName, String address) {
        return new EndpointSlice(new ObjectKey("default", service + "-1"), Map.of(), service,
                EndpointSlice.AddressType.IPV4, List.of(),
                List.of(Endpoint.of(List.of(address), true, true, false, nodeName, null)));
    }

    static ClusterSnapshot snapshot(String localNode, List<Node> nodes, List<Service> services,
            List<EndpointSlice> slices) {
        return new ClusterSnapshot(1, localNode, byKey(services, Service::key), byKey(slices, EndpointSlice::key),
                Map.of(), byKey(nodes, Node::key), Map.of(), Map.of());
    }

    private static <T> Map<ObjectKey, T> byKey(List<T> items, Function<T, ObjectKey> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity()));
    }
}
