package io.kuberouter.bgp.speaker;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.NotificationMessage;

/**
 * What the speaker knows about one peer right now.
 *
 * @param address the peer's address
 * @param peerAsn the peer's AS
 * @param state the state of the peer's session (the most advanced of its connections)
 * @param establishedSince when the session reached Established; empty unless established
 * @param remoteRouterId the peer's BGP Identifier from its last OPEN
 * @param holdTime the negotiated hold time in seconds, 0 when keepalives are off or not
 *     negotiated yet
 * @param families the address families negotiated on the session (RFC 4760 §8)
 * @param staleRoutes true while the peer's routes are kept for a graceful restart (RFC 4724 §4.2)
 * @param lastNotification the last NOTIFICATION sent or received, if any
 * @param counters message and prefix counters
 */
public record PeerStatus(InetAddress address, long peerAsn, SessionState state, Optional<Instant> establishedSince,
        Optional<Inet4Address> remoteRouterId, int holdTime, Set<AddressFamily> families, boolean staleRoutes,
        Optional<NotificationMessage> lastNotification, PeerCounters counters) {

    public PeerStatus {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(establishedSince, "establishedSince");
        Objects.requireNonNull(remoteRouterId, "remoteRouterId");
        families = Set.copyOf(families);
        Objects.requireNonNull(lastNotification, "lastNotification");
        Objects.requireNonNull(counters, "counters");
    }

    /** True when the session is up. */
    public boolean isEstablished() {
        return state == SessionState.ESTABLISHED;
    }
}
