package io.kuberouter.bgp.speaker.impl.session;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Capability;
import io.kuberouter.bgp.codec.model.ExtendedMessageCapability;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.model.OpenMessage;
import io.kuberouter.bgp.codec.model.RouteRefreshCapability;

/**
 * What this side proposes and expects on one connection: the OPEN it sends (RFC 4271 §4.2 with
 * the capabilities of RFC 5492) and the peer AS it requires.
 *
 * @param localAs the local AS
 * @param routerId the local BGP Identifier
 * @param peerAs the AS the peer must open with (RFC 4271 §6.2, Bad Peer AS)
 * @param holdTime the proposed hold time in seconds
 * @param families the families offered (RFC 4760 §8)
 * @param gracefulRestart the graceful restart capability to send (RFC 4724 §3), if any
 */
public record LocalOpen(long localAs, Inet4Address routerId, long peerAs, int holdTime, Set<AddressFamily> families,
        Optional<GracefulRestartCapability> gracefulRestart) {

    private static final int MAX_TWO_OCTET_AS = 0xFFFF;

    public LocalOpen {
        Objects.requireNonNull(routerId, "routerId");
        families = Set.copyOf(families);
        Objects.requireNonNull(gracefulRestart, "gracefulRestart");
    }

    /** Internal when both sides are in the same AS (RFC 4271 §1.1). */
    public PeerType peerType() {
        return localAs == peerAs ? PeerType.INTERNAL : PeerType.EXTERNAL;
    }

    /**
     * The OPEN: AS_TRANS in My Autonomous System when the AS needs 4 octets (RFC 6793 §4.1);
     * multiprotocol (one per family, in a stable order), route refresh (RFC 2918), 4-octet AS,
     * extended messages (RFC 8654) and graceful restart capabilities.
     */
    public OpenMessage message() {
        List<Capability> capabilities = new ArrayList<>();
        families.stream().sorted((a, b) -> a.afi() != b.afi() ? a.afi() - b.afi() : a.safi() - b.safi())
                .map(MultiprotocolCapability::new).forEach(capabilities::add);
        capabilities.add(new RouteRefreshCapability());
        capabilities.add(new FourOctetAsCapability(localAs));
        capabilities.add(new ExtendedMessageCapability());
        gracefulRestart.ifPresent(capabilities::add);
        int myAs = localAs > MAX_TWO_OCTET_AS ? FourOctetAsCapability.AS_TRANS : (int) localAs;
        return OpenMessage.of(myAs, holdTime, routerId, capabilities);
    }
}
