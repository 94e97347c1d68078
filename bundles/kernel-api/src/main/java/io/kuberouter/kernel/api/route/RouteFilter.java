package io.kuberouter.kernel.api.route;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import java.util.Objects;
import java.util.Optional;

/**
 * Selects routes for {@link Routes#list(RouteFilter)}; every present criterion must match.
 *
 * @param family address family (required)
 * @param table table id, 0 = every table
 * @param protocol {@code RTPROT_*}, 0 = any
 * @param dev routes with a next hop out of this interface
 * @param dst routes to exactly this prefix
 */
public record RouteFilter(AddressFamily family, int table, int protocol, Optional<String> dev, Optional<IpPrefix> dst) {

    public RouteFilter {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(dst, "dst");
        if (table < 0 || protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("bad table/protocol " + table + "/" + protocol);
        }
    }

    /** Every route of a family in every table. */
    public static RouteFilter all(AddressFamily family) {
        return new RouteFilter(family, 0, 0, Optional.empty(), Optional.empty());
    }

    /** Every route of a family in one table. */
    public static RouteFilter table(AddressFamily family, int table) {
        return new RouteFilter(family, table, 0, Optional.empty(), Optional.empty());
    }

    /** True iff {@code route} satisfies every criterion. */
    public boolean matches(Route route) {
        return route.family() == family
                && (table == 0 || route.table() == table)
                && (protocol == 0 || route.protocol() == protocol)
                && dst.map(route.dst()::equals).orElse(true)
                && dev.map(d -> route.nexthops().stream().anyMatch(n -> n.dev().equals(Optional.of(d)))).orElse(true);
    }
}
