package io.kuberouter.kernel.netlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.TunnelMode;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.harness.Kernel;
import io.kuberouter.kernel.harness.KernelTest;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.impl.NetlinkAddresses;
import io.kuberouter.kernel.netlink.impl.NetlinkIpvs;
import io.kuberouter.kernel.netlink.impl.NetlinkLinks;
import io.kuberouter.kernel.netlink.impl.NetlinkRoutes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real traffic through what our services programmed (a UML guest when the host lacks ip_vs, ipip or
 * dummy). Three namespaces: director {@code n1} (VIP 10.96.0.10 on kube-dummy-if, IPVS), backend
 * {@code n2} (10.2.0.2, default route via n1) and client {@code n3} (10.1.0.3, default route via n1),
 * joined by veth pairs created from n1 with their peers placed in n2 and n3; a third pair n2-n3 is the
 * direct return path of tunnelled (DSR) connections, whose replies carry the VIP as source and so cannot
 * pass n1, which owns that address.
 */
@KernelTest(requires = {Kernel.IPVS, Kernel.IPIP, Kernel.DUMMY})
class DatapathGuestIT {

    private static final String VIP = "10.96.0.10";

    private final NetlinkLinks links = new NetlinkLinks();
    private final NetlinkAddresses addresses = new NetlinkAddresses();
    private final NetlinkRoutes routes = new NetlinkRoutes();
    private final NetlinkIpvs ipvs = new NetlinkIpvs();

    /**
     * Masquerade: VIP:80 to the backend's 10.2.0.2:9090. Tunnel (DSR): VIP:8080 to the backend, which
     * decapsulates on tunl0, holds the VIP there and gets the packet unchanged (same port, 8080); it
     * answers from the VIP straight back through n1's routing, not through IPVS. Either way the
     * backend sees the client's own address.
     */
    @Test
    void tcpThroughTheVipReachesTheBackend() throws Exception {
        try (Netns n1 = Netns.create(); Netns n2 = Netns.create(); Netns n3 = Netns.create()) {
            wire(n1, n2, n3);
            ServiceKey masqKey = new ServiceKey.ByAddress(IpPrefix.address(VIP), IpProtocol.TCP, 80);
            ServiceKey dsrKey = new ServiceKey.ByAddress(IpPrefix.address(VIP), IpProtocol.TCP, 8080);
            Inside.run(n1, () -> {
                ipvs.addService(VirtualService.of(masqKey, "rr"));
                ipvs.addDestination(masqKey, Destination.of(IpPrefix.address("10.2.0.2"), 9090, ForwardingMethod.MASQ, 1));
                ipvs.addService(VirtualService.of(dsrKey, "rr"));
                ipvs.addDestination(dsrKey, Destination.of(IpPrefix.address("10.2.0.2"), 8080, ForwardingMethod.TUNNEL, 1));
            });
            assertEquals("n2 saw 10.1.0.3", connect(n2, "10.2.0.2", 9090, n3, 80));
            acceptTunnelledVip(n2, n3);
            assertEquals("n2 saw 10.1.0.3", connect(n2, VIP, 8080, n3, 8080));
            DestinationStatus viaDirector = settled(n1, masqKey);
            DestinationStatus direct = settled(n1, dsrKey);
            assertTrue(viaDirector.stats().outPackets() > 0, viaDirector.toString());
            assertEquals(0, direct.stats().outPackets(), direct.toString());
        }
    }

    /** The destination's counters once the estimator has folded in the connection (within ~2 s). */
    private DestinationStatus settled(Netns director, ServiceKey key) throws Exception {
        DestinationStatus d = Inside.call(director, () -> ipvs.destinations(key)).get(0);
        for (int i = 0; i < 50 && d.stats().inPackets() < 3; i++) {
            Thread.sleep(100);
            d = Inside.call(director, () -> ipvs.destinations(key)).get(0);
        }
        assertEquals(1, d.stats().connections(), d.toString());
        return d;
    }

    @Test
    void ipipAndDummyLinks() throws Exception {
        try (Netns ns = Netns.create()) {
            Inside.run(ns, () -> {
                links.add(new LinkSpec.Dummy("kube-dummy-if", 0));
                addresses.add(new Address("kube-dummy-if", IpPrefix.parse("10.96.0.10/32"), Scope.LINK));
                links.setUp("kube-dummy-if", true);
                links.add(new LinkSpec.Dummy("d0", 0));
                addresses.add(Address.of("d0", IpPrefix.parse("10.0.0.1/24")));
                links.setUp("d0", true);
                links.add(tunnel("tun-n2", TunnelMode.IPIP, "10.0.0.1", "10.0.0.2", 64));
                links.add(tunnel("kube-tunnel-if", TunnelMode.IPIP, "10.0.0.1", null, 0));
                links.add(tunnel("tun6", TunnelMode.IP6IP6, "fd00::1", "fd00::2", 64));
                links.setUp("tun-n2", true);
                routes.add(Route.to(IpPrefix.parse("10.244.2.0/24")).dev("tun-n2").src(IpPrefix.address("10.0.0.1"))
                        .build());
            });
            assertContains(ns.ip("-d", "link", "show", "tun-n2"), "ipip remote 10.0.0.2 local 10.0.0.1 ttl 64");
            assertContains(ns.ip("-d", "link", "show", "kube-tunnel-if"), "ipip remote any local 10.0.0.1");
            assertContains(ns.ip("-d", "link", "show", "tun6"), "ip6ip6 remote fd00::2 local fd00::1");
            assertContains(ns.ip("addr", "show", "kube-dummy-if"), "inet 10.96.0.10/32 scope link");
            assertContains(ns.ip("route"), "10.244.2.0/24 dev tun-n2 scope link src 10.0.0.1");
            Link dummy = Inside.call(ns, () -> links.get("kube-dummy-if")).orElseThrow();
            assertEquals("dummy", dummy.kind());
            assertTrue(dummy.up());
            assertEquals("ipip", Inside.call(ns, () -> links.get("tun-n2")).orElseThrow().kind());
        }
    }

    /** n1 --c1/eth0-- n3 (client), n1 --b1/eth0-- n2 (backend); VIP on n1's kube-dummy-if. */
    private void wire(Netns n1, Netns n2, Netns n3) throws Exception {
        Inside.run(n1, () -> {
            links.add(new LinkSpec.Veth("c1", 0, "eth0", Optional.of(Inside.ref(n3))));
            links.add(new LinkSpec.Veth("b1", 0, "eth0", Optional.of(Inside.ref(n2))));
            links.add(new LinkSpec.Dummy("kube-dummy-if", 0));
            up(Address.of("c1", IpPrefix.parse("10.1.0.1/24")));
            up(Address.of("b1", IpPrefix.parse("10.2.0.1/24")));
            up(new Address("kube-dummy-if", IpPrefix.parse(VIP + "/32"), Scope.LINK));
        });
        endpoint(n3, "10.1.0.3/24", "10.1.0.1");
        endpoint(n2, "10.2.0.2/24", "10.2.0.1");
        n1.exec("sysctl", "-qw", "net.ipv4.ip_forward=1");
    }

    private void endpoint(Netns ns, String address, String gateway) throws Exception {
        Inside.run(ns, () -> {
            up(Address.of("eth0", IpPrefix.parse(address)));
            routes.add(Route.to(IpPrefix.any(AddressFamily.INET)).via(IpPrefix.address(gateway)).build());
        });
    }

    private void up(Address address) throws Exception {
        addresses.add(address);
        links.setUp(address.link(), true);
    }

    /**
     * DSR backend n2: decapsulate on tunl0 and hold the VIP there; answer the client over a direct
     * n2-n3 pair (10.3.0.0/24). Both ends accept the asymmetric paths (rp_filter 0).
     */
    private void acceptTunnelledVip(Netns n2, Netns n3) throws Exception {
        Inside.run(n2, () -> {
            links.setUp("tunl0", true);
            addresses.add(new Address("tunl0", IpPrefix.parse(VIP + "/32"), Scope.UNIVERSE));
            links.add(new LinkSpec.Veth("r2", 0, "r3", Optional.of(Inside.ref(n3))));
            up(Address.of("r2", IpPrefix.parse("10.3.0.2/24")));
            routes.add(Route.to(IpPrefix.parse("10.1.0.0/24")).via(IpPrefix.address("10.3.0.3")).build());
        });
        Inside.run(n3, () -> up(Address.of("r3", IpPrefix.parse("10.3.0.3/24"))));
        for (String conf : new String[] {"all", "default", "tunl0", "eth0", "r2"}) {
            n2.exec("sysctl", "-qw", "net.ipv4.conf." + conf + ".rp_filter=0");
        }
        for (String conf : new String[] {"all", "default", "eth0", "r3"}) {
            n3.exec("sysctl", "-qw", "net.ipv4.conf." + conf + ".rp_filter=0");
        }
    }

    /** Starts a one-shot backend on {@code bind:bindPort} and connects to VIP:{@code port} from {@code client}. */
    private static String connect(Netns backend, String bind, int bindPort, Netns client, int port) throws Exception {
        Backend server = Backend.start(backend, "n2", bind, bindPort);
        String answer = Inside.call(client, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(VIP, port), 5_000);
                s.setSoTimeout(5_000);
                return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            }
        });
        assertEquals("10.1.0.3", server.clientSeen());
        return answer;
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), text);
    }

    private static LinkSpec tunnel(String name, TunnelMode mode, String local, String remote, int ttl) {
        return new LinkSpec.IpTunnel(name, 0, mode, IpPrefix.address(local),
                Optional.ofNullable(remote).map(IpPrefix::address), ttl);
    }
}
