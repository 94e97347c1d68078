package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.route.Nexthop;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.route.Routes;
import java.util.List;
import java.util.Optional;

/**
 * Fake {@link Routes}: operations {@code RTM_GETROUTE}, {@code RTM_NEWROUTE}, {@code RTM_DELROUTE}.
 * Identity is (family, table, dst, metric). A next-hop device must exist (ENODEV); a gateway must lie
 * inside a prefix of an address on that device, or on any link when no device is given, unless the
 * next hop is on-link (ENETUNREACH otherwise).
 */
public final class FakeRoutes implements Routes {

    private final FakeKernel kernel;

    FakeRoutes(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public List<Route> list(RouteFilter filter) throws KernelException {
        synchronized (kernel) {
            return kernel.enter("RTM_GETROUTE", "").routes.stream().filter(filter::matches).toList();
        }
    }

    @Override
    public void add(Route route) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = enterNew(route);
            if (find(ns, route).isPresent()) {
                throw KernelException.of("RTM_NEWROUTE", describe(route), Errno.EEXIST);
            }
            ns.routes.add(route);
        }
    }

    @Override
    public void replace(Route route) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = enterNew(route);
            find(ns, route).ifPresentOrElse(old -> ns.routes.set(ns.routes.indexOf(old), route),
                    () -> ns.routes.add(route));
        }
    }

    @Override
    public void delete(Route route) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("RTM_DELROUTE", describe(route));
            Route old = find(ns, route).orElseThrow(
                    () -> KernelException.of("RTM_DELROUTE", describe(route), Errno.ESRCH));
            ns.routes.remove(old);
        }
    }

    private NetnsState enterNew(Route route) throws KernelException {
        NetnsState ns = kernel.enter("RTM_NEWROUTE", describe(route));
        for (Nexthop n : route.nexthops()) {
            if (n.dev().isPresent()) {
                FakeLinks.required(ns, n.dev().get(), "RTM_NEWROUTE");
            }
            if (n.gateway().isPresent() && !n.onlink() && !reachable(ns, n)) {
                throw KernelException.of("RTM_NEWROUTE", describe(route), Errno.ENETUNREACH);
            }
        }
        return ns;
    }

    private static boolean reachable(NetnsState ns, Nexthop n) {
        for (Address a : ns.addresses) {
            if (n.dev().map(a.link()::equals).orElse(true) && a.prefix().contains(n.gateway().get())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Route> find(NetnsState ns, Route route) {
        return ns.routes.stream().filter(r -> r.family() == route.family() && r.table() == route.table()
                && r.dst().equals(route.dst()) && r.metric() == route.metric()).findFirst();
    }

    private static String describe(Route r) {
        return r.dst() + " table " + r.table();
    }
}
