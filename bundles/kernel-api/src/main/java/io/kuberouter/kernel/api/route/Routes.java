package io.kuberouter.kernel.api.route;

import io.kuberouter.kernel.api.KernelException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Routes of the calling thread's namespace. A route is identified by (table, dst, metric) and, for
 * IPv4, its type; next hops, protocol, scope and src are attributes.
 */
@ProviderType
public interface Routes {

    /** Routes matching {@code filter} (cache-cloned routes excluded). */
    List<Route> list(RouteFilter filter) throws KernelException;

    /** Adds a route; EEXIST if one with the same identity exists, ENODEV/ENETUNREACH for a bad next hop. */
    void add(Route route) throws KernelException;

    /** Adds the route or replaces the one with the same identity ({@code NLM_F_CREATE|NLM_F_REPLACE}). */
    void replace(Route route) throws KernelException;

    /** Deletes the route with this identity; ESRCH if there is none. */
    void delete(Route route) throws KernelException;
}
