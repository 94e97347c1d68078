package io.kuberouter.bgp.speaker.impl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.OriginType;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.speaker.Route;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;

/**
 * Builds API {@link Route}s from RIB entries, decoding each attribute set once per view (a view
 * lives for one query or one flush of changes), remembering at most {@link #MEMO_LIMIT} sets.
 */
final class RouteViews {

    static final int MEMO_LIMIT = 1024;

    private final AttributeInterner interner;
    private final Map<PathAttributes, List<PathAttribute>> decoded = new HashMap<>();

    RouteViews(AttributeInterner interner) {
        this.interner = interner;
    }

    Route route(IpPrefix prefix, PathAttributes attributes, Optional<InetAddress> peer, boolean stale) {
        if (decoded.size() >= MEMO_LIMIT && !decoded.containsKey(attributes)) {
            decoded.clear();
        }
        List<PathAttribute> model = decoded.computeIfAbsent(attributes, interner::decode);
        return new Route(prefix, attributes.nextHopAddress(), find(model, AsPath.class).orElse(AsPath.EMPTY),
                OriginType.fromCode(attributes.origin()).orElse(OriginType.INCOMPLETE),
                optional(attributes.localPref()), optional(attributes.med()),
                find(model, Communities.class).map(Communities::communities).orElse(List.of()),
                find(model, OriginatorId.class).map(OriginatorId::originator),
                find(model, ClusterList.class).<List<Inet4Address>>map(ClusterList::clusterIds).orElse(List.of()),
                peer, stale);
    }

    private static OptionalLong optional(long value) {
        return value == PathAttributes.ABSENT ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static <T extends PathAttribute> Optional<T> find(List<PathAttribute> attributes, Class<T> type) {
        return attributes.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
