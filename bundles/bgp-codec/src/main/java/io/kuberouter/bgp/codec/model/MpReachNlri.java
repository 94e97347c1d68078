package io.kuberouter.bgp.codec.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * MP_REACH_NLRI, type 14, optional non-transitive (RFC 4760 §3): reachable NLRI of a family other
 * than the UPDATE's own IPv4 fields.
 *
 * @param family AFI/SAFI of next hop and NLRI
 * @param nextHops the Network Address of Next Hop: one address, or for IPv6 a global and a
 *     link-local address (RFC 2545 §3)
 * @param prefixes the reachable prefixes
 */
public record MpReachNlri(AddressFamily family, List<InetAddress> nextHops, List<IpPrefix> prefixes)
        implements PathAttribute {

    public MpReachNlri {
        Objects.requireNonNull(family, "family");
        nextHops = List.copyOf(nextHops);
        prefixes = List.copyOf(prefixes);
    }
}
