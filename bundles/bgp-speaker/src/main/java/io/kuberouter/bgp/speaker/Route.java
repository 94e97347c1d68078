package io.kuberouter.bgp.speaker;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.OriginType;

/**
 * One path to a prefix, as a RIB holds it.
 *
 * @param prefix the destination
 * @param nextHop the (global) next hop
 * @param asPath AS_PATH, 4-octet AS numbers
 * @param origin ORIGIN
 * @param localPref LOCAL_PREF if present
 * @param med MULTI_EXIT_DISC if present
 * @param communities COMMUNITIES, empty if absent
 * @param originatorId ORIGINATOR_ID if present (RFC 4456)
 * @param clusterList CLUSTER_LIST, empty if absent (RFC 4456)
 * @param peer the peer the path was learned from; empty for a local route
 * @param stale kept for a restarting peer (RFC 4724 §4.2)
 */
public record Route(IpPrefix prefix, InetAddress nextHop, AsPath asPath, OriginType origin, OptionalLong localPref,
        OptionalLong med, List<Community> communities, Optional<Inet4Address> originatorId,
        List<Inet4Address> clusterList, Optional<InetAddress> peer, boolean stale) {

    public Route {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(asPath, "asPath");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(localPref, "localPref");
        Objects.requireNonNull(med, "med");
        communities = List.copyOf(communities);
        Objects.requireNonNull(originatorId, "originatorId");
        clusterList = List.copyOf(clusterList);
        Objects.requireNonNull(peer, "peer");
    }

    /** True for a route this speaker originates. */
    public boolean isLocal() {
        return peer.isEmpty();
    }
}
