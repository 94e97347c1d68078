package io.kuberouter.bgp.speaker.impl.session;

import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;

/**
 * The codec constraints of one connection, shared by its decoders and encoder: the initial ones
 * until the OPENs are exchanged, then the negotiated ones. Confined to the channel's event loop.
 */
public final class SessionConstraints {

    private PeerConstraints current;

    public SessionConstraints(PeerType peerType) {
        this.current = PeerConstraints.initial(peerType);
    }

    public PeerConstraints get() {
        return current;
    }

    void set(PeerConstraints negotiated) {
        current = negotiated;
    }
}
