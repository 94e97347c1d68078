package io.kuberouter.bgp.codec;

import java.util.Objects;

/**
 * What one session negotiated and what the decoder must know about the peer. Passed to every
 * decode and encode call, so the codec itself holds no per-peer state.
 *
 * @param fourOctetAs both sides advertised 4-octet AS support (RFC 6793 §3): AS_PATH and
 *     AGGREGATOR carry 4-octet numbers; otherwise AS4_PATH / AS4_AGGREGATOR are used
 * @param extendedMessage both sides advertised Extended Message support (RFC 8654 §3): messages
 *     other than OPEN and KEEPALIVE may be up to 65535 octets
 * @param peerType internal or external peer
 */
public record PeerConstraints(boolean fourOctetAs, boolean extendedMessage, PeerType peerType) {

    /** Largest message (RFC 4271 §4.1). */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    /** Largest message with Extended Message support (RFC 8654 §4). */
    public static final int MAX_EXTENDED_MESSAGE_LENGTH = 65535;

    public PeerConstraints {
        Objects.requireNonNull(peerType, "peerType");
    }

    /** The constraints before capabilities are negotiated: 2-octet AS numbers, 4096-octet messages. */
    public static PeerConstraints initial(PeerType peerType) {
        return new PeerConstraints(false, false, peerType);
    }

    /** Both 4-octet AS numbers and extended messages negotiated. */
    public static PeerConstraints fourOctetAsAndExtendedMessages(PeerType peerType) {
        return new PeerConstraints(true, true, peerType);
    }

    /** Largest UPDATE, NOTIFICATION or ROUTE-REFRESH this session accepts. */
    public int maxMessageLength() {
        return extendedMessage ? MAX_EXTENDED_MESSAGE_LENGTH : MAX_MESSAGE_LENGTH;
    }

    /** True for external peers. */
    public boolean isExternal() {
        return peerType == PeerType.EXTERNAL;
    }
}
