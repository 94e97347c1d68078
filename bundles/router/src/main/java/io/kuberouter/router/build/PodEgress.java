package io.kuberouter.router.build;

import io.kuberouter.api.cluster.Node;
import io.kuberouter.bgp.codec.model.IpPrefix;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What pod egress SNAT needs (behaviour reference §5.1 steps 2 and 6): the IPv4 pod CIDRs of every node (ipset
 * {@code kube-router-pod-subnets}, hash:net) and the IPv4 InternalIPs and ExternalIPs of every node
 * ({@code kube-router-node-ips}, hash:ip). Pure.
 *
 * @param podSubnets every node's IPv4 pod CIDRs, sorted, as {@code a.b.c.d/len}
 * @param nodeIps every node's IPv4 addresses, sorted
 */
public record PodEgress(List<String> podSubnets, List<String> nodeIps) {

    public static final String POD_SUBNETS_SET = "kube-router-pod-subnets";
    public static final String NODE_IPS_SET = "kube-router-node-ips";
    /**
     * Upstream's rule in nat POSTROUTING, as {@code iptables-save} prints it: traffic from a pod to anything that
     * is neither a pod nor a node leaves with the node's address.
     */
    public static final String RULE = "-A POSTROUTING -m set --match-set " + POD_SUBNETS_SET + " src -m set ! "
            + "--match-set " + POD_SUBNETS_SET + " dst -m set ! --match-set " + NODE_IPS_SET + " dst -j MASQUERADE";

    public PodEgress {
        podSubnets = List.copyOf(podSubnets);
        nodeIps = List.copyOf(nodeIps);
    }

    public static PodEgress of(Collection<Node> nodes, Consumer<String> problems) {
        TreeSet<String> subnets = new TreeSet<>();
        TreeSet<String> ips = new TreeSet<>();
        for (Node node : nodes) {
            for (IpPrefix cidr : PodCidrs.of(node, problems)) {
                if (cidr.isIpv4()) {
                    subnets.add(cidr.address().getHostAddress() + "/" + cidr.length());
                }
            }
            node.ips().stream().filter(ip -> !ip.contains(":")).forEach(ips::add);
        }
        return new PodEgress(List.copyOf(subnets), List.copyOf(ips));
    }
}
