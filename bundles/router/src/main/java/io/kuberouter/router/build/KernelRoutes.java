package io.kuberouter.router.build;

import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.rule.Rule;
import java.util.Map;

/**
 * The kernel state the router wants: ipip tunnels by name, routes by {@link RouteKey}, policy rules.
 */
public record KernelRoutes(Map<String, LinkSpec.IpTunnel> tunnels, Map<RouteKey, Route> routes,
        Map<Rule, Rule> rules) {

    public KernelRoutes {
        tunnels = Map.copyOf(tunnels);
        routes = Map.copyOf(routes);
        rules = Map.copyOf(rules);
    }

    /** A route's identity in the kernel: table, destination and metric. */
    public record RouteKey(int table, String dst, int metric) {
        public static RouteKey of(Route route) {
            return new RouteKey(route.table(), route.dst().toString(), route.metric());
        }
    }
}
