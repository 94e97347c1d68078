package io.kuberouter.router.kernel;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.reconcile.Operations;
import io.kuberouter.router.build.KernelRoutes;
import io.kuberouter.router.build.RouteInjection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Realizes injected routes with RouteReplace (upstream re-applies them the same way every
 * {@code --injected-routes-sync-period}). Owned, and pruned: routes of protocol 0x11 in the main table and every
 * route of table 77.
 */
final class RouteOperations implements Operations<Route> {

    private final Routes routes;

    RouteOperations(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void update(Route route) throws KernelException {
        routes.replace(route);
    }

    @Override
    public void delete(Route route) throws KernelException {
        try {
            routes.delete(route);
        } catch (KernelException e) {
            if (!e.is(Errno.ESRCH) && !e.is(Errno.ENODEV)) {
                throw e;
            }
        }
    }

    @Override
    public void prune(Collection<Route> desired) throws KernelException {
        Set<KernelRoutes.RouteKey> wanted = desired.stream().map(KernelRoutes.RouteKey::of)
                .collect(Collectors.toSet());
        for (Route route : owned()) {
            if (!wanted.contains(KernelRoutes.RouteKey.of(route))) {
                delete(route);
            }
        }
    }

    /** Every route the router owns in the kernel. */
    List<Route> owned() throws KernelException {
        List<Route> owned = new ArrayList<>();
        for (AddressFamily family : AddressFamily.values()) {
            owned.addAll(list(new RouteFilter(family, Route.TABLE_MAIN, RouteInjection.PROTOCOL, Optional.empty(),
                    Optional.empty())));
            owned.addAll(list(RouteFilter.table(family, RouteInjection.TABLE)));
        }
        return owned;
    }

    /** The routes matching {@code filter}; none when the table does not exist (the kernel's ENOENT for IPv6). */
    private List<Route> list(RouteFilter filter) throws KernelException {
        try {
            return routes.list(filter);
        } catch (KernelException e) {
            if (e.is(Errno.ENOENT)) {
                return List.of();
            }
            throw e;
        }
    }
}
