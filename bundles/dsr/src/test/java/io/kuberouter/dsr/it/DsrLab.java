package io.kuberouter.dsr.it;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node, its pods and a client on the node network, in network namespaces wired over netlink:
 *
 * <pre>
 *   client 10.99.0.9 ──┐                   route 192.0.2.0/24 (external IPs) via n1
 *   n1 10.99.0.1 ──────┴── br0 (fabric)    n1: kube-bridge 10.244.1.1/24: a1 .10, a2 .11
 * </pre>
 *
 * Each pod runs a {@link PodServer} on port 80 of every address (DSR does no port remapping).
 */
final class DsrLab implements AutoCloseable {

    static final Map<String, String> PODS = Map.of("a1", "10.244.1.10", "a2", "10.244.1.11");

    private final NetlinkLinks links = new NetlinkLinks();
    private final NetlinkAddresses addresses = new NetlinkAddresses();
    private final NetlinkRoutes routes = new NetlinkRoutes();
    private final ProcSysctls sysctls = new ProcSysctls();
    private final Map<String, Netns> namespaces = new LinkedHashMap<>();
    private final List<PodServer> servers = new ArrayList<>();

    static DsrLab up() throws Exception {
        DsrLab lab = new DsrLab();
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
        for (String name : List.of("fabric", "n1", "client", "a1", "a2")) {
            namespaces.put(name, Netns.create());
        }
        Inside.run(ns("fabric"), () -> {
            links.add(new LinkSpec.Bridge("br0", 0));
            links.setUp("br0", true);
        });
        uplink("n1", "10.99.0.1");
        uplink("client", "10.99.0.9");
        Inside.run(ns("n1"), () -> {
            links.add(new LinkSpec.Bridge("kube-bridge", 0));
            addresses.add(Address.of("kube-bridge", IpPrefix.parse("10.244.1.1/24")));
            links.setUp("kube-bridge", true);
            sysctls.set("net/ipv4/ip_forward", "1");
        });
        for (Map.Entry<String, String> pod : PODS.entrySet()) {
            pod(pod.getKey(), pod.getValue());
            servers.add(PodServer.onAllAddresses(ns(pod.getKey()), pod.getKey(), 80));
        }
        Inside.run(ns("client"), () -> routes.add(Route.to(IpPrefix.parse("192.0.2.0/24"))
                .via(IpPrefix.address("10.99.0.1")).build()));
    }

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

    private void pod(String name, String ip) throws Exception {
        String port = "vp-" + name;
        Inside.run(ns("n1"), () -> {
            links.add(new LinkSpec.Veth(port, 0, "eth0", Optional.of(Inside.ref(ns(name)))));
            links.setMaster(port, Optional.of("kube-bridge"));
            links.setUp(port, true);
        });
        Inside.run(ns(name), () -> {
            links.setUp("lo", true);
            addresses.add(Address.of("eth0", IpPrefix.parse(ip + "/24")));
            links.setUp("eth0", true);
            routes.add(Route.to(IpPrefix.any(AddressFamily.INET)).via(IpPrefix.address("10.244.1.1")).build());
        });
    }

    @Override
    public void close() throws Exception {
        for (PodServer server : servers) {
            server.close();
        }
        List<Netns> all = new ArrayList<>(namespaces.values());
        Collections.reverse(all);
        all.forEach(Netns::close);
    }
}
