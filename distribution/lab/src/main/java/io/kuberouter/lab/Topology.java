package io.kuberouter.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a scenario's network: nodes as namespaces on the node network, optionally static routes between their pod
 * CIDRs, and pods as namespaces attached to their node by CNI. Namespace names: {@code krlab-<run>-node-<node>} and
 * {@code krlab-<run>-pod-<namespace>-<pod>} (plus {@code krlab-<run>-fabric}). ICMP rate limiting is off in node and
 * pod namespaces, so that every probe of an unreachable or closed target gets its ICMP error ("unreachable",
 * "refused") instead of a timeout that depends on how many probes ran in the same second.
 */
final class Topology {
    private static final String NO_ICMP_RATE_LIMIT = "net.ipv4.icmp_ratemask=0";

    private Topology() {
    }

    /** Creates every node: its namespace, its link to the node network, IPv4 forwarding on. */
    static List<LabNode> createNodes(Scenario scenario, NodeNetwork network, Created created) {
        List<LabNode> nodes = new ArrayList<>();
        for (Scenario.Node node : scenario.nodes()) {
            String netns = created.netns("node-" + node.name());
            network.attach(netns, node.internalIp());
            Shell.execIn(netns, "sysctl", "-qw", "net.ipv4.ip_forward=1", NO_ICMP_RATE_LIMIT);
            nodes.add(new LabNode(node.name(), netns, node.internalIp(), node.podCidr()));
        }
        return nodes;
    }

    /**
     * What the router capability will do, by hand: on each node a route to every other node's pod CIDR via that
     * node's InternalIP.
     */
    static void addStaticRoutes(List<LabNode> nodes) {
        for (LabNode node : nodes) {
            String[] routes = nodes.stream().filter(other -> other != node)
                    .map(other -> "route add " + other.podCidr() + " via " + other.internalIp() + " dev "
                            + NodeNetwork.NODE_LINK)
                    .toArray(String[]::new);
            if (routes.length > 0) {
                NodeNetwork.batch(node.netns(), routes);
            }
        }
    }

    /** Creates every pod's namespace and attaches it to its node's kube-bridge with the CNI plugins. */
    static List<LabPod> attachPods(Scenario scenario, List<LabNode> nodes, Cni cni, Created created, Path ipamDir) {
        List<LabPod> pods = new ArrayList<>();
        for (Scenario.Pod pod : scenario.pods()) {
            LabNode node = nodes.stream().filter(n -> n.name().equals(pod.nodeName())).findFirst().orElseThrow();
            String netns = created.netns("pod-" + pod.namespace() + "-" + pod.name());
            Shell.execIn(netns, "sysctl", "-qw", NO_ICMP_RATE_LIMIT);
            String ip = cni.add(pod, netns, scenario.node(node.name()), node.netns(), ipamDir.resolve(node.name()));
            pods.add(new LabPod(pod.namespace(), pod.name(), node.name(), netns, ip, pod.ports()));
        }
        return pods;
    }
}
