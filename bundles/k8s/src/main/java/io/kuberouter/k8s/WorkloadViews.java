package io.kuberouter.k8s;

import static io.kuberouter.k8s.Lists.map;
import static io.kuberouter.k8s.Lists.orEmpty;
import static io.kuberouter.k8s.ServiceViews.key;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.kuberouter.api.cluster.ContainerPort;
import io.kuberouter.api.cluster.Namespace;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.NodeAddress;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.cluster.Protocol;
import java.util.List;
import java.util.function.Function;

/** Converts Pods, Nodes and Namespaces from the fabric8 model into views. */
final class WorkloadViews {

    private WorkloadViews() {
    }

    static Pod pod(io.fabric8.kubernetes.api.model.Pod p) {
        ObjectMeta meta = p.getMetadata();
        PodSpec spec = p.getSpec();
        PodStatus status = p.getStatus() == null ? new PodStatus() : p.getStatus();
        Long grace = spec.getTerminationGracePeriodSeconds();
        return new Pod(key(meta), meta.getUid(), orEmpty(meta.getLabels()), spec.getNodeName(),
                Boolean.TRUE.equals(spec.getHostNetwork()), status.getPhase(),
                ips(status.getPodIPs(), io.fabric8.kubernetes.api.model.PodIP::getIp, status.getPodIP()),
                ips(status.getHostIPs(), io.fabric8.kubernetes.api.model.HostIP::getIp, status.getHostIP()),
                containerPorts(spec), grace == null ? -1 : grace, meta.getDeletionTimestamp() != null);
    }

    private static <T> List<String> ips(List<T> list, Function<T, String> ip, String single) {
        List<String> ips = orEmpty(list).stream().map(ip).filter(a -> a != null && !a.isBlank()).toList();
        return ips.isEmpty() && single != null && !single.isBlank() ? List.of(single) : ips;
    }

    private static List<ContainerPort> containerPorts(PodSpec spec) {
        return orEmpty(spec.getContainers()).stream()
                .flatMap(c -> orEmpty(c.getPorts()).stream())
                .map(p -> new ContainerPort(p.getName(), Protocol.parse(p.getProtocol()),
                        Lists.orZero(p.getContainerPort())))
                .toList();
    }

    static Node node(io.fabric8.kubernetes.api.model.Node n) {
        ObjectMeta meta = n.getMetadata();
        var spec = n.getSpec();
        List<String> cidrs = spec == null ? List.of() : orEmpty(spec.getPodCIDRs());
        if (cidrs.isEmpty() && spec != null && spec.getPodCIDR() != null) {
            cidrs = List.of(spec.getPodCIDR());
        }
        List<NodeAddress> addresses = n.getStatus() == null ? List.of()
                : map(n.getStatus().getAddresses(), a -> new NodeAddress(a.getType(), a.getAddress()));
        return new Node(key(meta), orEmpty(meta.getLabels()), orEmpty(meta.getAnnotations()), cidrs, addresses);
    }

    static Namespace namespace(io.fabric8.kubernetes.api.model.Namespace ns) {
        return new Namespace(key(ns.getMetadata()), orEmpty(ns.getMetadata().getLabels()));
    }
}
