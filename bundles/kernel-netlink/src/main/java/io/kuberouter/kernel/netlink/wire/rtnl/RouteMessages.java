package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.rtnl.Rtnl.*;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.route.Nexthop;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.netlink.wire.MessageWriter;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.util.function.ToIntFunction;

/**
 * Encodes {@code RTM_*ROUTE} requests: {@code struct rtmsg} then, in iproute2's order, RTA_DST,
 * RTA_GATEWAY, RTA_PREFSRC, RTA_PRIORITY, RTA_TABLE (tables above 255 only), and RTA_OIF or, for
 * several paths, RTA_MULTIPATH (a list of {@code struct rtnexthop}, each followed by its RTA_GATEWAY).
 * Devices are given by name and turned into indexes by the caller's resolver. Decoding is in
 * {@link RouteReplies}. Not thread-safe.
 */
public final class RouteMessages {

    private final MessageWriter w = new MessageWriter();

    /**
     * Adds a route: EEXIST if one with the same identity exists, unless {@code replace}
     * ({@code NLM_F_REPLACE}), which replaces it.
     */
    public Request newRoute(Route route, ToIntFunction<String> linkIndex, boolean replace) {
        int flags = Netlink.NLM_F_REQUEST | Netlink.NLM_F_CREATE | (replace ? Netlink.NLM_F_REPLACE : Netlink.NLM_F_EXCL);
        w.begin(RTM_NEWROUTE, flags);
        body(route, route.scope().number(), linkIndex);
        return new Request(w.finish(), "RTM_NEWROUTE", describe(route));
    }

    /** Deletes the route; scope {@code RT_SCOPE_NOWHERE} lets the kernel match any scope. */
    public Request delRoute(Route route, ToIntFunction<String> linkIndex) {
        w.begin(RTM_DELROUTE, Netlink.NLM_F_REQUEST);
        body(route, RT_SCOPE_NOWHERE, linkIndex);
        return new Request(w.finish(), "RTM_DELROUTE", describe(route));
    }

    /**
     * Dump of the routes of a family; with {@code table} not 0 the kernel returns only that table
     * ({@code RTA_TABLE} filter, honoured on sockets with {@code NETLINK_GET_STRICT_CHK}).
     */
    public Request dumpRoutes(AddressFamily family, int table) {
        w.begin(RTM_GETROUTE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP).putU8(family.number())
                .putZeros(RTMSG_LENGTH - 1);
        if (table != 0) {
            w.u32(RTA_TABLE, table);
        }
        return new Request(w.finish(), "RTM_GETROUTE", table == 0 ? family.toString() : "table " + table);
    }

    private void body(Route route, int scope, ToIntFunction<String> linkIndex) {
        boolean single = route.nexthops().size() == 1;
        boolean onlink = single && route.nexthops().get(0).onlink();
        w.putU8(route.family().number()).putU8(route.dst().length()).putU8(0).putU8(0)
                .putU8(route.table() > MAX_HEADER_TABLE ? 0 : route.table()).putU8(route.protocol())
                .putU8(scope).putU8(route.type().number()).putU32(onlink ? RTNH_F_ONLINK : 0);
        if (route.dst().length() > 0) {
            w.address(RTA_DST, route.dst().address());
        }
        if (single) {
            route.nexthops().get(0).gateway().ifPresent(g -> w.address(RTA_GATEWAY, g));
        }
        route.src().ifPresent(s -> w.address(RTA_PREFSRC, s));
        if (route.metric() > 0) {
            w.u32(RTA_PRIORITY, route.metric());
        }
        if (route.table() > MAX_HEADER_TABLE) {
            w.u32(RTA_TABLE, route.table());
        }
        if (single) {
            route.nexthops().get(0).dev().ifPresent(d -> w.u32(RTA_OIF, linkIndex.applyAsInt(d)));
        } else if (!route.nexthops().isEmpty()) {
            multipath(route, linkIndex);
        }
    }

    private void multipath(Route route, ToIntFunction<String> linkIndex) {
        int nest = w.nest(RTA_MULTIPATH);
        for (Nexthop nh : route.nexthops()) {
            int start = w.mark();
            w.putU16(0).putU8(nh.onlink() ? RTNH_F_ONLINK : 0).putU8(nh.weight() - 1)
                    .putU32(nh.dev().map(linkIndex::applyAsInt).orElse(0));
            nh.gateway().ifPresent(g -> w.address(RTA_GATEWAY, g));
            w.endNest(start);
        }
        w.endNest(nest);
    }

    private static String describe(Route route) {
        return route.dst() + " table " + route.table();
    }
}
