package io.kuberouter.proxy.model;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Node;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the proxy knows about its own node.
 *
 * @param nodeName this node's name; endpoints with this {@code nodeName} are local
 * @param nodeIps the node's best IP per family (kube-router's {@code FindBest*NodeAddress}): NodePort
 *     frontends, the masquerade source and the source of VIP routes
 * @param podCidrs the node's pod CIDRs (masquerade rules skip traffic inside them)
 * @param localAddresses every address on the node's links except those whose name contains {@code dummy},
 *     {@code kube} or {@code docker} and IPv6 link-local ones (kube-router's {@code getAllLocalIPs}): the
 *     NodePort addresses with {@code --nodeport-bindon-all-ip} and the {@code kube-router-local-ips} set
 */
public record NodeContext(String nodeName, Map<IpFamily, String> nodeIps, List<String> podCidrs,
        List<String> localAddresses) {

    public NodeContext {
        Objects.requireNonNull(nodeName, "nodeName");
        nodeIps = Map.copyOf(nodeIps);
        podCidrs = List.copyOf(podCidrs);
        localAddresses = List.copyOf(localAddresses);
    }

    /** The context of {@code node} with the local addresses read from the kernel. */
    public static NodeContext of(Node node, List<String> localAddresses) {
        Map<IpFamily, String> ips = new EnumMap<>(IpFamily.class);
        for (IpFamily family : IpFamily.values()) {
            node.bestIp(family).ifPresent(ip -> ips.put(family, ip));
        }
        return new NodeContext(node.name(), ips, node.podCIDRs(), localAddresses);
    }

    /** The node's best IP of {@code family}, if it has one. */
    public Optional<String> nodeIp(IpFamily family) {
        return Optional.ofNullable(nodeIps.get(family));
    }

    /** The local addresses of {@code family}. */
    public List<String> localAddresses(IpFamily family) {
        return localAddresses.stream().filter(a -> IpFamily.of(a) == family).toList();
    }
}
