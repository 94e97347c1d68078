package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.route.Nexthop;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.netlink.wire.Request;
import io.kuberouter.kernel.netlink.wire.rtnl.RouteMessages;
import io.kuberouter.kernel.netlink.wire.rtnl.RouteReplies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Routes} over rtnetlink ({@code RTM_*ROUTE}); one socket per call, in the caller's namespace.
 * Listing asks the kernel for one table when the filter names one and applies the rest of the filter
 * itself.
 */
@Component(service = Routes.class)
public final class NetlinkRoutes implements Routes {

    @Override
    public List<Route> list(RouteFilter filter) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            Map<Integer, String> names = s.linkNames();
            Request dump = new RouteMessages().dumpRoutes(filter.family(), filter.table());
            return s.socket().dump(dump).stream()
                    .map(m -> RouteReplies.route(m, i -> names.getOrDefault(i, "#" + i)))
                    .flatMap(Optional::stream).filter(filter::matches).toList();
        }
    }

    @Override
    public void add(Route route) throws KernelException {
        change(route, "RTM_NEWROUTE", false);
    }

    @Override
    public void replace(Route route) throws KernelException {
        change(route, "RTM_NEWROUTE", true);
    }

    @Override
    public void delete(Route route) throws KernelException {
        change(route, "RTM_DELROUTE", false);
    }

    private void change(Route route, String operation, boolean replace) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            Map<String, Integer> indexes = indexes(s, route, operation);
            RouteMessages messages = new RouteMessages();
            s.socket().execute(operation.equals("RTM_DELROUTE") ? messages.delRoute(route, indexes::get)
                    : messages.newRoute(route, indexes::get, replace));
        }
    }

    /** The index of every device the route's next hops name; ENODEV (as {@code operation}) if one is missing. */
    private static Map<String, Integer> indexes(RtnlSession s, Route route, String operation) throws KernelException {
        Map<String, Integer> indexes = new HashMap<>();
        for (Nexthop nh : route.nexthops()) {
            if (nh.dev().isPresent() && !indexes.containsKey(nh.dev().get())) {
                String dev = nh.dev().get();
                indexes.put(dev, s.link(dev, operation, route.dst() + " table " + route.table()).index());
            }
        }
        return indexes;
    }
}
