package io.kuberouter.router.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.TunnelMode;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.rule.Rule;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteInjectionTest {

    private static final InetAddress SELF = IpPrefix.address("10.99.0.1");
    private static final IpPrefix SUBNET = IpPrefix.parse("10.99.0.0/24");
    private static final IpPrefix OWN_PODS = IpPrefix.parse("10.244.1.0/24");

    @Test
    void sameSubnetIsRoutedDirectly() {
        KernelRoutes routes = build(Map.of(IpPrefix.parse("10.244.2.0/24"), IpPrefix.address("10.99.0.2")),
                RouterSettings.defaults());

        assertEquals(Map.of(), routes.tunnels());
        Route route = routes.routes().values().iterator().next();
        assertEquals(IpPrefix.parse("10.244.2.0/24"), route.dst());
        assertEquals(Optional.of(IpPrefix.address("10.99.0.2")), route.nexthops().get(0).gateway());
        assertEquals(0x11, route.protocol());
        assertEquals(Map.of(Rule.from(OWN_PODS, RouteInjection.RULE_PRIORITY, 77),
                Rule.from(OWN_PODS, RouteInjection.RULE_PRIORITY, 77)), routes.rules());
    }

    @Test
    void otherSubnetGoesThroughAnIpipTunnel() {
        InetAddress remote = IpPrefix.address("10.98.0.2");
        KernelRoutes routes = build(Map.of(IpPrefix.parse("10.244.2.0/24"), remote), RouterSettings.defaults());

        String name = RouteInjection.tunnelName(remote);
        assertEquals(Map.of(name, new LinkSpec.IpTunnel(name, 0, TunnelMode.IPIP, SELF, Optional.of(remote), 0)),
                routes.tunnels());
        assertEquals(2, routes.routes().size());
        Route main = routes.routes().get(new KernelRoutes.RouteKey(254, "10.244.2.0/24", 0));
        assertEquals(Optional.of(name), main.nexthops().get(0).dev());
        assertEquals(Optional.of(SELF), main.src());
        Route table77 = routes.routes().get(new KernelRoutes.RouteKey(77, "10.98.0.2/32", 0));
        assertEquals(Optional.of(name), table77.nexthops().get(0).dev());
    }

    @Test
    void fullOverlayTunnelsEvenOnTheSameSubnetAndNoOverlayDropsOtherSubnets() {
        InetAddress sameSubnet = IpPrefix.address("10.99.0.2");
        InetAddress otherSubnet = IpPrefix.address("10.98.0.2");
        Map<IpPrefix, InetAddress> learned = Map.of(IpPrefix.parse("10.244.2.0/24"), sameSubnet,
                IpPrefix.parse("10.244.3.0/24"), otherSubnet);

        assertEquals(2, build(learned, RouterSettings.defaults().withOverlay(true, true)).tunnels().size());
        KernelRoutes off = build(learned, RouterSettings.defaults().withOverlay(false, false));
        assertEquals(Map.of(), off.tunnels());
        assertEquals(List.of("10.244.2.0/24"), off.routes().values().stream().map(r -> r.dst().toString()).toList());
        assertEquals(Map.of(), off.rules());
    }

    @Test
    void ownPodCidrAndOwnNextHopAreIgnored() {
        KernelRoutes routes = build(Map.of(OWN_PODS, IpPrefix.address("10.99.0.2"),
                IpPrefix.parse("10.244.9.0/24"), SELF), RouterSettings.defaults());

        assertTrue(routes.routes().isEmpty());
    }

    @Test
    void tunnelNameIsUpstreamsHash() {
        // tun- + 11 hex digits of sha256("1099023"), within the 15 character limit
        String name = RouteInjection.tunnelName(IpPrefix.address("10.99.0.23"));
        assertEquals(15, name.length());
        assertTrue(name.matches("tun-[0-9a-f]{11}"), name);
    }

    private static KernelRoutes build(Map<IpPrefix, InetAddress> learned, RouterSettings settings) {
        return RouteInjection.build(learned, List.of(SELF), List.of(SUBNET), List.of(OWN_PODS), settings);
    }
}
