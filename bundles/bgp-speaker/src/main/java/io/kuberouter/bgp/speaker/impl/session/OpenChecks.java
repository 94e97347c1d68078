package io.kuberouter.bgp.speaker.impl.session;

import java.util.Optional;

import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.OpenMessage;

/**
 * The OPEN checks that need this side's configuration (RFC 4271 §6.2); version, hold time and a
 * zero identifier were already checked by the codec.
 */
final class OpenChecks {

    private OpenChecks() {
    }

    static Optional<NotificationMessage> check(LocalOpen local, OpenMessage open) {
        if (open.autonomousSystem() != local.peerAs()) {
            return Optional.of(BgpError.BAD_PEER_AS.notification(Octets.EMPTY));
        }
        // RFC 6286 §2.2: an internal peer must not use our BGP Identifier
        if (local.peerType() == PeerType.INTERNAL && open.bgpIdentifier().equals(local.routerId())) {
            return Optional.of(BgpError.BAD_BGP_IDENTIFIER.notification(Octets.EMPTY));
        }
        return Optional.empty();
    }
}
