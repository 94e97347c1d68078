package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.Capture.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.route.Nexthop;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteType;
import io.kuberouter.kernel.netlink.wire.Ack;
import io.kuberouter.kernel.netlink.wire.Capture;
import io.kuberouter.kernel.netlink.wire.Netlink;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** Routes in custom tables with protocol 17 against iproute2 (vectors/rtnl: kbr0 has index 5). */
class RouteMessagesTest {

    private static final ToIntFunction<String> INDEX = Map.of("kbr0", 5)::get;

    private final RouteMessages routes = new RouteMessages();
    private final InetAddress gw = IpPrefix.address("10.77.0.2");

    /**
     * {@code ip route add 10.78.0.0/24 via 10.77.0.2 dev kbr0 table 77 proto 17}:
     * <pre>
     * 34 00 00 00  18 00  05 06       len 52, RTM_NEWROUTE, REQUEST|ACK|EXCL|CREATE
     * 02 18 00 00  4d 11 00 01        rtmsg: AF_INET, dst /24, src /0, tos 0, table 77, proto 17,
     * 00 00 00 00                            scope universe, type unicast; flags 0
     * 08 00 01 00  0a 4e 00 00        RTA_DST 10.78.0.0
     * 08 00 05 00  0a 4d 00 02        RTA_GATEWAY 10.77.0.2
     * 08 00 04 00  05 00 00 00        RTA_OIF 5
     * </pre>
     */
    @Test
    void addAndDeleteInTable77() {
        Route r = Route.to(IpPrefix.parse("10.78.0.0/24")).nexthop(Nexthop.via(gw, "kbr0")).table(77).protocol(17).build();
        assertSent("route-add", 24, routes.newRoute(r, INDEX, false));
        assertSent("route-del", 25, routes.delRoute(r, INDEX));
    }

    /** Two paths: RTA_MULTIPATH holds rtnexthop {len 16, flags 0, hops = weight - 1, ifindex} + RTA_GATEWAY. */
    @Test
    void replaceMultipath() {
        Route r = Route.to(IpPrefix.parse("10.79.0.0/24")).table(77).protocol(17)
                .nexthop(Nexthop.via(gw, "kbr0"))
                .nexthop(new Nexthop(Optional.of(IpPrefix.address("10.77.0.3")), Optional.of("kbr0"), 2, false)).build();
        assertSent("route-replace-multipath", 24, routes.newRoute(r, INDEX, true));
    }

    @Test
    void blackholeWithMetricSourceAndBigTable() {
        Route blackhole = Route.to(IpPrefix.parse("10.80.0.0/24")).type(RouteType.BLACKHOLE).table(77).protocol(17)
                .metric(100).build();
        assertSent("route-add-blackhole", 24, routes.newRoute(blackhole, INDEX, false));
        Route src = Route.to(IpPrefix.parse("10.81.0.0/24")).dev("kbr0").table(77).protocol(17)
                .src(IpPrefix.address("10.77.0.1")).build();
        assertSent("route-add-src", 24, routes.newRoute(src, INDEX, false));
        Route big = Route.to(IpPrefix.parse("10.82.0.0/24")).nexthop(Nexthop.via(gw, "kbr0")).table(1077).protocol(17)
                .build();
        assertSent("route-add-table-big", 24, routes.newRoute(big, INDEX, false));
        Route v6 = Route.to(IpPrefix.parse("fd78::/64")).nexthop(Nexthop.via(IpPrefix.address("fd77::2"), "kbr0"))
                .table(77).protocol(17).build();
        assertSent("route-add-v6", 24, routes.newRoute(v6, INDEX, false));
    }

    /** Dump filtered by table (RTA_TABLE 77), decoded with device names; ESRCH/EEXIST as errors. */
    @Test
    void dumpOfTable77() {
        Capture c = Capture.load("rtnl/route-dump");
        assertSameMessage(c.sent(26), routes.dumpRoutes(AddressFamily.INET, 77).bytes(), 0);
        List<Route> listed = c.received(24).stream().map(m -> RouteReplies.route(m, i -> i == 5 ? "kbr0" : "?"))
                .flatMap(Optional::stream).toList();
        assertEquals(List.of(
                Route.to(IpPrefix.parse("10.78.0.0/24")).nexthop(Nexthop.via(gw, "kbr0")).table(77).protocol(17).build(),
                Route.to(IpPrefix.parse("10.79.0.0/24")).table(77).protocol(17).nexthop(Nexthop.via(gw, "kbr0"))
                        .nexthop(new Nexthop(Optional.of(IpPrefix.address("10.77.0.3")), Optional.of("kbr0"), 2, false))
                        .build(),
                Route.to(IpPrefix.parse("10.80.0.0/24")).type(RouteType.BLACKHOLE).table(77).protocol(17).metric(100)
                        .build(),
                Route.to(IpPrefix.parse("10.81.0.0/24")).dev("kbr0").table(77).protocol(17).scope(Scope.LINK)
                        .src(IpPrefix.address("10.77.0.1")).build()), listed);
    }

    @Test
    void errors() {
        assertEquals(Errno.EEXIST.number(), lastError("route-add-eexist"));
        assertEquals(Errno.ESRCH.number(), lastError("route-del-esrch"));
    }

    private static int lastError(String vector) {
        List<io.kuberouter.kernel.netlink.wire.Message> acks = Capture.load("rtnl/" + vector).received(Netlink.NLMSG_ERROR);
        return Ack.ofError(acks.get(acks.size() - 1)).errno();
    }

    private static void assertSent(String vector, int type, io.kuberouter.kernel.netlink.wire.Request ours) {
        assertSameMessage(Capture.load("rtnl/" + vector).sent(type), ours.bytes(), Netlink.NLM_F_ACK);
    }
}
