package io.kuberouter.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The node network: a bridge {@value #BRIDGE} in the run's own {@code fabric} namespace, and for each node a veth
 * pair from that bridge to {@code eth0} in the node's namespace, holding the node's InternalIP. The fabric's own
 * bridge address is the network's highest host address; the shared API listens there. Nothing is created outside
 * the run's namespaces.
 *
 * <p>A node whose address lies outside the node network is on a <em>routed subnet</em>: the /24 around its address,
 * on the same bridge, whose highest host address the fabric also holds and forwards for. Nodes of a routed subnet
 * reach everything else through that gateway; nodes of the node network reach each routed subnet through the
 * fabric's node-network address. So two nodes of different subnets talk through a router, as nodes in different
 * racks do (what the router capability's ipip overlay is for).
 */
final class NodeNetwork {
    static final String BRIDGE = "br0";
    /** The node side of each node's link. */
    static final String NODE_LINK = "eth0";

    private final Ipv4Cidr cidr;
    private final String fabric;
    private final List<String> mainNodes = new ArrayList<>();
    private final List<Ipv4Cidr> routedSubnets = new ArrayList<>();
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
        Ipv4Cidr subnet = cidr.contains(address) ? cidr : Ipv4Cidr.parse(address + "/24");
        if (address.equals(subnet.lastHost())) {
            throw new IllegalArgumentException("node address " + address + " must differ from " + subnet.lastHost()
                    + " (the fabric's)");
        }
        String fabricSide = "n" + links++;
        batch(fabric, "link add " + fabricSide + " type veth peer name " + NODE_LINK + " netns " + nodeNetns,
                "link set " + fabricSide + " master " + BRIDGE + " up");
        batch(nodeNetns, "addr add " + address + "/" + subnet.length() + " dev " + NODE_LINK,
                "link set " + NODE_LINK + " up");
        if (subnet == cidr) {
            mainNodes.add(nodeNetns);
            routedSubnets.forEach(routed -> routeVia(nodeNetns, routed, fabricAddress()));
            return;
        }
        if (!routedSubnets.contains(subnet)) {
            addRoutedSubnet(subnet);
        }
        batch(nodeNetns, "route add default via " + subnet.lastHost());
    }

    /** The fabric becomes {@code subnet}'s gateway; every node of the node network routes it through the fabric. */
    private void addRoutedSubnet(Ipv4Cidr subnet) {
        if (routedSubnets.isEmpty()) {
            Shell.execIn(fabric, "sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.send_redirects=0",
                    "net.ipv4.conf." + BRIDGE + ".send_redirects=0");
        }
        routedSubnets.add(subnet);
        batch(fabric, "addr add " + subnet.lastHost() + "/" + subnet.length() + " dev " + BRIDGE);
        mainNodes.forEach(node -> routeVia(node, subnet, fabricAddress()));
    }

    private static void routeVia(String nodeNetns, Ipv4Cidr subnet, String gateway) {
        batch(nodeNetns, "route add " + subnet + " via " + gateway);
    }

    /** Runs {@code ip -n NETNS -batch -} with one command per line (one process for all of them). */
    static void batch(String netns, String... commands) {
        Shell.run(List.of("ip", "-n", netns, "-batch", "-"), Map.of(), String.join("\n", commands) + "\n").orThrow();
    }
}
