package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.rtnl.Rtnl.*;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.route.Nexthop;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteType;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Families;
import io.kuberouter.kernel.netlink.wire.MalformedMessageException;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Decodes {@code RTM_NEWROUTE} dump replies into {@link Route}s. Cache clones ({@code RTM_F_CLONED}),
 * families other than IPv4/IPv6 and route types the model lacks are skipped; the device the kernel
 * reports for blackhole-like routes (IPv6 puts {@code lo} there) is dropped.
 */
public final class RouteReplies {

    private static final Set<RouteType> NO_NEXTHOP =
            EnumSet.of(RouteType.BLACKHOLE, RouteType.UNREACHABLE, RouteType.PROHIBIT, RouteType.THROW);

    private RouteReplies() {
    }

    /** The route of one reply, naming devices with {@code linkName}; empty if it is skipped. */
    public static Optional<Route> route(Message message, IntFunction<String> linkName) {
        ByteBuffer p = message.payload();
        int family = p.get(0) & 0xff;
        int type = p.get(7) & 0xff;
        if (!Families.isInet(family) || (p.getInt(8) & RTM_F_CLONED) != 0 || type < 1 || type > 9) {
            return Optional.empty();
        }
        AddressFamily af = Families.of(family);
        Attributes a = Attributes.parse(message.payloadFrom(RTMSG_LENGTH));
        IpPrefix dst = a.has(RTA_DST) ? new IpPrefix(address(a, RTA_DST, af), p.get(1) & 0xff) : IpPrefix.any(af);
        RouteType routeType = RouteType.of(type);
        List<Nexthop> nexthops = NO_NEXTHOP.contains(routeType) ? List.of() : nexthops(a, p.getInt(8), af, linkName);
        Optional<InetAddress> src = a.has(RTA_PREFSRC) ? Optional.of(address(a, RTA_PREFSRC, af)) : Optional.empty();
        return Optional.of(new Route(dst, nexthops, a.u32(RTA_TABLE, p.get(4) & 0xff), p.get(5) & 0xff,
                Scope.of(p.get(6) & 0xff), routeType, src, a.u32(RTA_PRIORITY, 0)));
    }

    private static List<Nexthop> nexthops(Attributes a, int rtmFlags, AddressFamily af, IntFunction<String> linkName) {
        if (a.has(RTA_MULTIPATH)) {
            return multipath(ByteBuffer.wrap(a.bytes(RTA_MULTIPATH)).order(ByteOrder.nativeOrder()), af,
                    linkName);
        }
        Optional<InetAddress> gateway = a.has(RTA_GATEWAY) ? Optional.of(address(a, RTA_GATEWAY, af)) : Optional.empty();
        Optional<String> dev = a.has(RTA_OIF) ? Optional.of(linkName.apply(a.u32(RTA_OIF))) : Optional.empty();
        if (gateway.isEmpty() && dev.isEmpty()) {
            return List.of();
        }
        return List.of(new Nexthop(gateway, dev, 1, dev.isPresent() && (rtmFlags & RTNH_F_ONLINK) != 0));
    }

    /** {@code struct rtnexthop} list: u16 len, u8 flags, u8 hops (weight - 1), s32 ifindex, attributes. */
    private static List<Nexthop> multipath(ByteBuffer in, AddressFamily af, IntFunction<String> linkName) {
        List<Nexthop> out = new ArrayList<>();
        while (in.remaining() >= RTNEXTHOP_LENGTH) {
            int start = in.position();
            int length = in.getShort(start) & 0xffff;
            if (length < RTNEXTHOP_LENGTH || length > in.remaining()) {
                throw new MalformedMessageException("bad rtnexthop length " + length);
            }
            int flags = in.get(start + 2) & 0xff;
            int ifindex = in.getInt(start + 4);
            Attributes nested = Attributes.parse(in.duplicate().position(start + RTNEXTHOP_LENGTH)
                    .limit(start + length));
            Optional<InetAddress> gateway = nested.has(RTA_GATEWAY)
                    ? Optional.of(address(nested, RTA_GATEWAY, af)) : Optional.empty();
            Optional<String> dev = ifindex > 0 ? Optional.of(linkName.apply(ifindex)) : Optional.empty();
            out.add(new Nexthop(gateway, dev, (in.get(start + 3) & 0xff) + 1,
                    dev.isPresent() && (flags & RTNH_F_ONLINK) != 0));
            in.position(Math.min(in.limit(), start + Netlink.align(length)));
        }
        return out;
    }

    private static InetAddress address(Attributes a, int type, AddressFamily af) {
        return a.address(type, af.bits() / 8);
    }
}
