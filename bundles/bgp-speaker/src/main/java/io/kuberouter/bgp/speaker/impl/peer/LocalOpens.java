package io.kuberouter.bgp.speaker.impl.peer;

import java.util.Optional;

import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability.ForwardingState;
import io.kuberouter.bgp.speaker.GracefulRestartConfig;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import io.kuberouter.bgp.speaker.impl.session.LocalOpen;

/** The OPEN parameters of a peer's connections. */
final class LocalOpens {

    private LocalOpens() {
    }

    /**
     * Graceful restart (RFC 4724 §3) is advertised when both the speaker and the peer enable it;
     * while the speaker is restarting the Restart State bit is set, and the Forwarding State bit
     * of each family says the kernel routes were kept meanwhile (kube-router leaves them in place).
     */
    static LocalOpen of(SpeakerConfig speaker, PeerConfig peer, boolean restarting) {
        GracefulRestartConfig restart = speaker.gracefulRestart();
        Optional<GracefulRestartCapability> capability = Optional.empty();
        if (restart.enabled() && peer.gracefulRestart()) {
            capability = Optional.of(new GracefulRestartCapability(restarting, false,
                    (int) restart.restartTime().toSeconds(),
                    peer.families().stream().map(family -> new ForwardingState(family, restarting)).toList()));
        }
        return new LocalOpen(speaker.asn(), speaker.routerId(), peer.peerAsn(), (int) peer.holdTime().toSeconds(),
                peer.families(), capability);
    }
}
