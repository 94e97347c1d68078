package io.kuberouter.proxy.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.route.RouteType;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** kube-router #1698: IPv6 VIP routes in the local table whose source is not the node IP are deleted on sync. */
class Ipv6VipRoutesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final GracePeriods GRACE = GracePeriods.fixed(Duration.ofSeconds(30));
    private static final IpPrefix VIP6 = IpPrefix.parse("fd00:96::10/128");
    private static final IpPrefix VIP4 = IpPrefix.parse("10.96.0.10/32");
    private static final InetAddress NODE6 = IpPrefix.address("fd00:99::1");
    private static final InetAddress OTHER6 = IpPrefix.address("fd00:99::77");

    private final FakeNode n1 = new FakeNode();
    private final ProxyReconciler reconciler = new ProxyReconciler(new ProxyOptions(Set.of(IpFamily.IPV4,
            IpFamily.IPV6), false, true, false, Duration.ofSeconds(30), IpvsOwnership.everything(List.of()),
            ProxyOptions.defaults().timeouts()));

    Ipv6VipRoutesTest() throws Exception {
        n1.put("web", FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80, "10.244.1.5:8080");
        n1.put("web6", FrontendKind.CLUSTER_IP, "fd00:96::10", Protocol.TCP, 80, "fd00:244:1::5:8080");
    }

    @Test
    void aFullRoundDeletesTheOtherSourcedLocalRoutesOfAnIpv6VipAndKeepsTheNodeIpOne() throws Exception {
        full();
        n1.fake.routes().add(stray(VIP6, 256, null));
        n1.fake.routes().add(stray(VIP6, 1024, OTHER6));
        n1.fake.routes().add(stray(VIP4, 256, null));

        full();

        assertEquals(Set.of(Optional.of(NODE6)), sources(AddressFamily.INET6, VIP6));
        assertEquals(Set.of(Optional.of(IpPrefix.address("10.99.0.1")), Optional.empty()),
                sources(AddressFamily.INET, VIP4), "IPv4 routes are left as they are, as upstream");
    }

    @Test
    void bindingANewIpv6VipDeletesTheKernelsRouteWithoutSource() throws Exception {
        n1.fake.links().add(new LinkSpec.Dummy(ProxyNames.DUMMY_LINK, 0));
        n1.fake.routes().add(stray(VIP6, 256, null));
        DummyInterface.bind(n1.kernel, VIP6.address(), Optional.of(NODE6));
        assertEquals(Set.of(Optional.of(NODE6)), sources(AddressFamily.INET6, VIP6));
    }

    private void full() throws Exception {
        reconciler.full(n1.kernel, n1.desired, n1.node, n1.local(), GRACE, T0);
    }

    private static Route stray(IpPrefix vip, int metric, InetAddress src) {
        Route.Builder route = Route.to(vip).dev(ProxyNames.DUMMY_LINK).table(Route.TABLE_LOCAL).type(RouteType.LOCAL)
                .protocol(Route.PROTO_KERNEL).scope(Scope.HOST).metric(metric);
        return src == null ? route.build() : route.src(src).build();
    }

    private Set<Optional<InetAddress>> sources(AddressFamily family, IpPrefix vip) throws Exception {
        return n1.fake.routes().list(new RouteFilter(family, Route.TABLE_LOCAL, 0, Optional.of(ProxyNames.DUMMY_LINK),
                Optional.of(vip))).stream().map(Route::src).collect(Collectors.toSet());
    }
}
