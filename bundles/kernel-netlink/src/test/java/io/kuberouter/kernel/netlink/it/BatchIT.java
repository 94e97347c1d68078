package io.kuberouter.kernel.netlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.harness.NetnsExtension;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.impl.NetlinkRoutes;
import io.kuberouter.kernel.netlink.socket.NetlinkSocket;
import io.kuberouter.kernel.netlink.socket.RequestFailure;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import io.kuberouter.kernel.netlink.wire.rtnl.RouteMessages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The socket's batching against the host kernel: thousands of acknowledged requests in windows of up
 * to 1024 per sendmsg, each refusal mapped back to its own request, and a dump that spans many
 * multipart datagrams.
 */
@ExtendWith(NetnsExtension.class)
class BatchIT {

    private static final int ROUTES = 3000;

    @Test
    void errorsMapToTheirRequestsAcrossWindows(Netns ns) throws Exception {
        RouteMessages messages = new RouteMessages();
        List<Request> batch = new ArrayList<>();
        for (int i = 0; i < ROUTES; i++) {
            batch.add(messages.newRoute(host(i), dev -> 1, false));
        }
        batch.set(1500, messages.newRoute(host(7), dev -> 1, false));
        batch.set(2999, messages.newRoute(host(8), dev -> 1, false));
        List<RequestFailure> failures = Inside.call(ns, () -> {
            try (NetlinkSocket socket = NetlinkSocket.open(Netlink.NETLINK_ROUTE)) {
                assertTrue(socket.window() <= 1024 && socket.window() < ROUTES, "window " + socket.window());
                return socket.executeAll(batch);
            }
        });
        assertEquals(List.of(1500, 2999), failures.stream().map(RequestFailure::index).toList());
        assertTrue(failures.stream().allMatch(f -> f.error().is(Errno.EEXIST)));
        assertEquals("RTM_NEWROUTE 10.200.0.7/32 table 77: File exists (EEXIST, errno 17)",
                failures.get(0).error().getMessage());
        List<Route> listed = Inside.call(ns, () -> new NetlinkRoutes().list(RouteFilter.table(AddressFamily.INET, 77)));
        assertEquals(ROUTES - 2, listed.size());
        assertEquals(ROUTES - 2, ns.ip("route", "show", "table", "77").lines().count());
    }

    /** 10.200.x.y/32 dev lo (index 1) in table 77, protocol 17. */
    private static Route host(int i) {
        return Route.to(IpPrefix.parse("10.200." + i / 256 + "." + i % 256 + "/32")).dev("lo").table(77).protocol(17)
                .build();
    }
}
