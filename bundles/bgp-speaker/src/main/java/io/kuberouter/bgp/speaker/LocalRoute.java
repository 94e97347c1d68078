package io.kuberouter.bgp.speaker;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;

/**
 * A route the speaker originates (ORIGIN IGP, empty AS_PATH).
 *
 * @param prefix the destination
 * @param nextHop the next hop advertised, of the prefix's family; peers of another AS still get
 *     it unchanged, as GoBGP does for local routes (next-hop-self policy overrides)
 * @param communities COMMUNITIES to attach (RFC 1997), may be empty
 */
public record LocalRoute(IpPrefix prefix, InetAddress nextHop, List<Community> communities) {

    public LocalRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(nextHop, "nextHop");
        if (prefix.address().getAddress().length != nextHop.getAddress().length) {
            throw new IllegalArgumentException("next hop " + nextHop + " is not of the family of " + prefix);
        }
        communities = List.copyOf(communities);
    }

    /** A route without communities. */
    public static LocalRoute of(IpPrefix prefix, InetAddress nextHop) {
        return new LocalRoute(prefix, nextHop, List.of());
    }
}
