package io.kuberouter.bgp.speaker.impl.rib;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Where the paths of one source index come from: a peer, or the speaker itself (index {@link
 * #LOCAL_INDEX}). Replaced, not changed, when a session brings a new BGP Identifier.
 *
 * @param index the index stored in path rows, 0..65535
 * @param address the peer's address; the speaker's router id for local routes
 * @param external the peer is in another AS
 * @param routeReflectorClient the peer is a route-reflector client (RFC 4456)
 * @param routerId the peer's BGP Identifier as an unsigned number (RFC 4271 §9.1.2.2 f)
 * @param clusterId the CLUSTER_ID of reflection from and to this route-reflector client (RFC 4456 §7)
 */
public record PathSource(int index, InetAddress address, boolean external, boolean routeReflectorClient,
        long routerId, Inet4Address clusterId) {

    /** Source index of the speaker's own routes. */
    public static final int LOCAL_INDEX = 0;

    /** Largest source index: row entries keep the index in 16 bits. */
    public static final int MAX_INDEX = 0xFFFF;

    public PathSource {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("source index out of range: " + index);
        }
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(clusterId, "clusterId");
    }

    /** True for the speaker's own routes. */
    public boolean isLocal() {
        return index == LOCAL_INDEX;
    }

    /** This source with another BGP Identifier. */
    public PathSource withRouterId(long id) {
        return new PathSource(index, address, external, routeReflectorClient, id, clusterId);
    }
}
