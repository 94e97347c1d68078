package io.kuberouter.firewall.lab;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.harness.Netns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab network in host network namespaces: a node namespace with the bridge {@code kube-bridge} (as
 * kube-router's CNI config), {@code br_netfilter} calling iptables and ip6tables for bridged traffic (a per-netns
 * setting on this kernel), and the nine pods x/y/z × a/b/c as namespaces on veths into the bridge, each running a
 * {@link PodAgent}; one more agent runs in the node namespace (node traffic, host-network pods). Pod-to-pod
 * traffic is bridged and crosses the node's FORWARD chain, as between pods of one kube-router node.
 * {@link #close()} ends the agents and deletes every namespace, also after a failed start.
 */
final class LabTopology implements AutoCloseable {

    static final List<LabPod> PODS = pods();
    static final String BRIDGE = "kube-bridge";

    private final Netns node;
    private final List<Netns> namespaces = new ArrayList<>();
    private final Map<LabPod, PodAgent> agents = new LinkedHashMap<>();
    private PodAgent nodeAgent;

    private LabTopology() {
        node = Netns.create();
        namespaces.add(node);
    }

    static LabTopology create() {
        LabTopology lab = new LabTopology();
        try {
            lab.bridge();
            for (LabPod pod : PODS) {
                lab.attach(pod);
            }
            lab.nodeAgent = PodAgent.start(lab.node, "node", List.of(LabPod.BRIDGE_V4, LabPod.BRIDGE_V6));
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    Netns node() {
        return node;
    }

    PodAgent agent(LabPod pod) {
        return agents.get(pod);
    }

    PodAgent nodeAgent() {
        return nodeAgent;
    }

    /** Forgets every connection the node tracks, so each case starts from new connections only. */
    void flushConntrack() {
        node.run("conntrack", "-F");
        node.run("conntrack", "-F", "-f", "ipv6");
    }

    @Override
    public void close() {
        agents.values().forEach(PodAgent::close);
        if (nodeAgent != null) {
            nodeAgent.close();
        }
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            namespaces.get(i).close();
        }
    }

    private void bridge() {
        node.ip("link", "add", BRIDGE, "type", "bridge");
        node.ip("link", "set", BRIDGE, "up");
        node.ip("addr", "add", LabPod.BRIDGE_V4 + "/24", "dev", BRIDGE);
        node.ip("-6", "addr", "add", LabPod.BRIDGE_V6 + "/64", "dev", BRIDGE, "nodad");
        node.exec("sysctl", "-qw", "net.bridge.bridge-nf-call-iptables=1", "net.bridge.bridge-nf-call-ip6tables=1",
                "net.ipv4.icmp_ratelimit=0", "net.ipv6.icmp.ratelimit=0");
    }

    private void attach(LabPod pod) {
        Netns ns = Netns.create();
        namespaces.add(ns);
        String peer = "veth-" + pod.namespace() + "-" + pod.name();
        ns.veth("eth0", node, peer);
        node.ip("link", "set", peer, "master", BRIDGE);
        ns.ip("addr", "add", pod.ip(IpFamily.IPV4) + "/24", "dev", "eth0");
        ns.ip("-6", "addr", "add", pod.ip(IpFamily.IPV6) + "/64", "dev", "eth0", "nodad");
        ns.ip("route", "add", "default", "via", LabPod.BRIDGE_V4);
        ns.ip("-6", "route", "add", "default", "via", LabPod.BRIDGE_V6);
        agents.put(pod, PodAgent.start(ns, pod.toString(), List.of(pod.ip(IpFamily.IPV4), pod.ip(IpFamily.IPV6))));
    }

    private static List<LabPod> pods() {
        List<LabPod> pods = new ArrayList<>();
        for (String ns : List.of("x", "y", "z")) {
            for (String name : List.of("a", "b", "c")) {
                pods.add(new LabPod(ns, name));
            }
        }
        return List.copyOf(pods);
    }
}
