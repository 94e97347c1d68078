package io.kuberouter.bgp.speaker.impl.export;

import java.net.InetAddress;
import java.util.Objects;

import io.kuberouter.bgp.speaker.impl.rib.PathSource;

/**
 * The peer routes are advertised to, on its current session.
 *
 * @param peer the peer as a path source (index, external, route-reflector client, cluster id)
 * @param localAs the speaker's AS
 * @param localAddress the speaker's address on the session, the next hop of next-hop-self
 */
public record ExportTarget(PathSource peer, long localAs, InetAddress localAddress) {

    public ExportTarget {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(localAddress, "localAddress");
    }
}
