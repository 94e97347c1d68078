package io.kuberouter.kernel.api.route;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.Scope;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A route. Build one with {@link #to(IpPrefix)}.
 *
 * @param dst destination network (host bits must be zero)
 * @param nexthops one path, several for a multipath route ({@code RTA_MULTIPATH}), none for
 *        blackhole/unreachable/prohibit/throw routes
 * @param table routing table id, 1..2^31-1 ({@link #TABLE_MAIN} 254, {@link #TABLE_LOCAL} 255)
 * @param protocol originator ({@code RTPROT_*}, 0..255), e.g. {@link #PROTO_KERNEL}, or 17 for routes
 *        kube-router injects from BGP
 * @param scope route scope
 * @param type route type
 * @param src preferred source address ({@code RTA_PREFSRC}), same family as dst
 * @param metric route priority ({@code RTA_PRIORITY}), 0 = none
 */
public record Route(IpPrefix dst, List<Nexthop> nexthops, int table, int protocol, Scope scope, RouteType type,
        Optional<InetAddress> src, int metric) {

    public static final int TABLE_MAIN = 254;
    public static final int TABLE_LOCAL = 255;
    public static final int PROTO_KERNEL = 2;
    public static final int PROTO_BOOT = 3;
    public static final int PROTO_STATIC = 4;

    private static final EnumSet<RouteType> NO_NEXTHOP =
            EnumSet.of(RouteType.BLACKHOLE, RouteType.UNREACHABLE, RouteType.PROHIBIT, RouteType.THROW);

    public Route {
        Objects.requireNonNull(dst, "dst");
        nexthops = List.copyOf(nexthops);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(src, "src");
        if (!dst.equals(dst.network())) {
            throw new IllegalArgumentException("route destination has host bits set: " + dst);
        }
        if (nexthops.isEmpty() != NO_NEXTHOP.contains(type)) {
            throw new IllegalArgumentException(type + " route to " + dst + " with " + nexthops.size() + " next hops");
        }
        if (table < 1 || protocol < 0 || protocol > 255 || metric < 0) {
            throw new IllegalArgumentException("bad table/protocol/metric " + table + "/" + protocol + "/" + metric);
        }
        if (src.map(s -> AddressFamily.of(s) != dst.family()).orElse(false)
                || nexthops.stream().anyMatch(n -> n.gateway().map(g -> AddressFamily.of(g) != dst.family())
                        .orElse(false))) {
            throw new IllegalArgumentException("route to " + dst + " mixes address families");
        }
    }

    /** Starts a route to {@code dst}: main table, boot protocol, unicast, no metric. */
    public static Builder to(IpPrefix dst) {
        return new Builder(dst);
    }

    public AddressFamily family() {
        return dst.family();
    }

    /** Builder; scope defaults to host for local routes, link for gateway-less unicast, else universe. */
    public static final class Builder {
        private final IpPrefix dst;
        private final List<Nexthop> nexthops = new ArrayList<>();
        private int table = TABLE_MAIN;
        private int protocol = PROTO_BOOT;
        private Scope scope;
        private RouteType type = RouteType.UNICAST;
        private InetAddress src;
        private int metric;

        private Builder(IpPrefix dst) {
            this.dst = dst;
        }

        /** Adds a path; call several times for a multipath route. */
        public Builder nexthop(Nexthop nexthop) {
            nexthops.add(nexthop);
            return this;
        }

        public Builder via(InetAddress gateway) {
            return nexthop(Nexthop.via(gateway));
        }

        public Builder dev(String dev) {
            return nexthop(Nexthop.dev(dev));
        }

        public Builder table(int value) {
            table = value;
            return this;
        }

        public Builder protocol(int value) {
            protocol = value;
            return this;
        }

        public Builder scope(Scope value) {
            scope = value;
            return this;
        }

        public Builder type(RouteType value) {
            type = value;
            return this;
        }

        public Builder src(InetAddress value) {
            src = value;
            return this;
        }

        public Builder metric(int value) {
            metric = value;
            return this;
        }

        public Route build() {
            return new Route(dst, nexthops, table, protocol, scope != null ? scope : defaultScope(), type,
                    Optional.ofNullable(src), metric);
        }

        private Scope defaultScope() {
            if (type == RouteType.LOCAL) {
                return Scope.HOST;
            }
            boolean direct = !nexthops.isEmpty() && nexthops.stream().allMatch(n -> n.gateway().isEmpty());
            return type == RouteType.UNICAST && direct ? Scope.LINK : Scope.UNIVERSE;
        }
    }
}
