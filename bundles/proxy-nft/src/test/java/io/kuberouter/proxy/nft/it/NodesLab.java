package io.kuberouter.proxy.nft.it;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.fixture.PodServer;
import io.kuberouter.kernel.netlink.impl.NetlinkAddresses;
import io.kuberouter.kernel.netlink.impl.NetlinkLinks;
import io.kuberouter.kernel.netlink.impl.NetlinkRoutes;
import io.kuberouter.kernel.netlink.impl.ProcSysctls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two nodes and an outside client on one node network, pods behind each node's {@code kube-bridge}, all in host
 * network namespaces wired over netlink from the JVM (the IPVS backend's guest lab, on the host kernel):
 *
 * <pre>
 *   client 10.99.0.9 ──┐                      routes 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 via n1
 *   n1 10.99.0.1 ──────┼── br0 (fabric)       n1: kube-bridge 10.244.1.1/24: a1 .10, a2 .11
 *   n2 10.99.0.2 ──────┘                      n2: kube-bridge 10.244.2.1/24: b1 .10, c2 .20 (client pod)
 * </pre>
 *
 * Each node routes the other's pod CIDR via the other's node IP (what the router capability does) and has a
 * default route to an absent gateway 10.99.0.254, as a node's uplink would: service addresses that match no
 * rule are routed (and then refused by the proxy's filter hooks) rather than unroutable.
 */
final class NodesLab implements AutoCloseable {

    private final NetlinkLinks links = new NetlinkLinks();
    private final NetlinkAddresses addresses = new NetlinkAddresses();
    private final NetlinkRoutes routes = new NetlinkRoutes();
    private final ProcSysctls sysctls = new ProcSysctls();
    private final Map<String, Netns> namespaces = new LinkedHashMap<>();
    private final List<PodServer> servers = new ArrayList<>();

    static NodesLab up() throws Exception {
        NodesLab lab = new NodesLab();
        try {
            lab.build();
            return lab;
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
    }

    Netns ns(String name) {
        return namespaces.get(name);
    }

    private void build() throws Exception {
        for (String name : List.of("fabric", "n1", "n2", "client", "a1", "a2", "b1", "c2")) {
            namespaces.put(name, Netns.create());
        }
        Inside.run(ns("fabric"), () -> {
            links.add(new LinkSpec.Bridge("br0", 0));
            links.setUp("br0", true);
        });
        uplink("n1", "10.99.0.1");
        uplink("n2", "10.99.0.2");
        uplink("client", "10.99.0.9");
        node("n1", "10.244.1", "10.244.2.0/24", "10.99.0.2");
        node("n2", "10.244.2", "10.244.1.0/24", "10.99.0.1");
        pod("n1", "a1", "10.244.1.10", "10.244.1.1");
        pod("n1", "a2", "10.244.1.11", "10.244.1.1");
        pod("n2", "b1", "10.244.2.10", "10.244.2.1");
        pod("n2", "c2", "10.244.2.20", "10.244.2.1");
        Inside.run(ns("client"), () -> {
            for (String range : List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")) {
                routes.add(Route.to(IpPrefix.parse(range)).via(IpPrefix.address("10.99.0.1")).build());
            }
        });
        for (String[] pod : new String[][] {{"a1", "10.244.1.10"}, {"a2", "10.244.1.11"}, {"b1", "10.244.2.10"}}) {
            servers.add(PodServer.start(ns(pod[0]), pod[0], pod[1], 8080, 5353));
        }
    }

    /** {@code eth0} of {@code name} on the fabric bridge. */
    private void uplink(String name, String ip) throws Exception {
        String port = "v-" + name;
        Inside.run(ns("fabric"), () -> {
            links.add(new LinkSpec.Veth(port, 0, "eth0", Optional.of(Inside.ref(ns(name)))));
            links.setMaster(port, Optional.of("br0"));
            links.setUp(port, true);
        });
        Inside.run(ns(name), () -> {
            links.setUp("lo", true);
            addresses.add(Address.of("eth0", IpPrefix.parse(ip + "/24")));
            links.setUp("eth0", true);
        });
    }

    private void node(String name, String podNet, String otherPods, String otherNode) throws Exception {
        Inside.run(ns(name), () -> {
            links.add(new LinkSpec.Bridge("kube-bridge", 0));
            addresses.add(Address.of("kube-bridge", IpPrefix.parse(podNet + ".1/24")));
            links.setUp("kube-bridge", true);
            routes.add(Route.to(IpPrefix.parse(otherPods)).via(IpPrefix.address(otherNode)).build());
            routes.add(Route.to(IpPrefix.any(AddressFamily.INET)).via(IpPrefix.address("10.99.0.254")).build());
            sysctls.set("net/ipv4/ip_forward", "1");
        });
    }

    private void pod(String node, String name, String ip, String gateway) throws Exception {
        String port = "vp-" + name;
        Inside.run(ns(node), () -> {
            links.add(new LinkSpec.Veth(port, 0, "eth0", Optional.of(Inside.ref(ns(name)))));
            links.setMaster(port, Optional.of("kube-bridge"));
            links.setUp(port, true);
        });
        Inside.run(ns(name), () -> {
            links.setUp("lo", true);
            addresses.add(Address.of("eth0", IpPrefix.parse(ip + "/24")));
            links.setUp("eth0", true);
            routes.add(Route.to(IpPrefix.any(AddressFamily.INET)).via(IpPrefix.address(gateway)).build());
        });
    }

    @Override
    public void close() throws Exception {
        for (PodServer server : servers) {
            server.close();
        }
        List<Netns> all = new ArrayList<>(namespaces.values());
        java.util.Collections.reverse(all);
        all.forEach(Netns::close);
    }
}
