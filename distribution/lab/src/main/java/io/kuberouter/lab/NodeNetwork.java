package io.kuberouter.lab;

import java.util.List;
import java.util.Map;

/**
 * The node network: a bridge {@value #BRIDGE} in the run's own {@code fabric} namespace, and for each node a veth
 * pair from that bridge to {@code eth0} in the node's namespace, holding the node's InternalIP. The fabric's own
 * bridge address is the network's highest host address; the shared API listens there. Nothing is created outside
 * the run's namespaces.
 */
final class NodeNetwork {
    static final String BRIDGE = "br0";
    /** The node side of each node's link. */
    static final String NODE_LINK = "eth0";

    private final Ipv4Cidr cidr;
    private final String fabric;
    private int links;

    private NodeNetwork(Ipv4Cidr cidr, String fabric) {
        this.cidr = cidr;
        this.fabric = fabric;
    }

    /** Creates the fabric namespace and its bridge. */
    static NodeNetwork create(Created created, Ipv4Cidr cidr) {
        NodeNetwork network = new NodeNetwork(cidr, created.netns("fabric"));
        batch(network.fabric, "link add " + BRIDGE + " type bridge",
                "addr add " + network.fabricAddress() + "/" + cidr.length() + " dev " + BRIDGE,
                "link set " + BRIDGE + " up");
        return network;
    }

    /** The fabric namespace's name. */
    String fabric() {
        return fabric;
    }

    /** The fabric's address on the node network (the API's address). */
    String fabricAddress() {
        return cidr.lastHost();
    }

    /** Links {@code nodeNetns} to the bridge; its {@value #NODE_LINK} gets {@code address}. */
    synchronized void attach(String nodeNetns, String address) {
        if (!cidr.contains(address) || address.equals(fabricAddress())) {
            throw new IllegalArgumentException("node address " + address + " must lie in the node network " + cidr
                    + " and differ from " + fabricAddress() + " (the API's)");
        }
        String fabricSide = "n" + links++;
        batch(fabric, "link add " + fabricSide + " type veth peer name " + NODE_LINK + " netns " + nodeNetns,
                "link set " + fabricSide + " master " + BRIDGE + " up");
        batch(nodeNetns, "addr add " + address + "/" + cidr.length() + " dev " + NODE_LINK,
                "link set " + NODE_LINK + " up");
    }

    /** Runs {@code ip -n NETNS -batch -} with one command per line (one process for all of them). */
    static void batch(String netns, String... commands) {
        Shell.run(List.of("ip", "-n", netns, "-batch", "-"), Map.of(), String.join("\n", commands) + "\n").orThrow();
    }
}
