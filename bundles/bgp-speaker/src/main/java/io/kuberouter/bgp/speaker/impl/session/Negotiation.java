package io.kuberouter.bgp.speaker.impl.session;

import java.net.Inet4Address;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.ExtendedMessageCapability;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.model.OpenMessage;
import io.kuberouter.bgp.codec.model.RouteRefreshCapability;

/**
 * What the two OPENs of a connection agreed on.
 *
 * @param peerRouterId the peer's BGP Identifier
 * @param holdTime the smaller of the two hold times (RFC 4271 §4.2), 0 = no keepalives
 * @param families families both sides offered; IPv4 unicast is implied for a peer without
 *     multiprotocol capabilities (RFC 4760 §8)
 * @param routeRefresh the peer accepts ROUTE-REFRESH (RFC 2918)
 * @param peerGracefulRestart the peer's graceful restart capability, when both sides advertised
 *     one (RFC 4724)
 * @param constraints the codec constraints from now on (RFC 6793, RFC 8654)
 */
public record Negotiation(Inet4Address peerRouterId, int holdTime, Set<AddressFamily> families,
        boolean routeRefresh, Optional<GracefulRestartCapability> peerGracefulRestart, PeerConstraints constraints) {

    public Negotiation {
        families = Set.copyOf(families);
    }

    static Negotiation of(LocalOpen local, OpenMessage open) {
        List<AddressFamily> offered = open.capabilities().stream()
                .filter(MultiprotocolCapability.class::isInstance)
                .map(capability -> ((MultiprotocolCapability) capability).family()).toList();
        Set<AddressFamily> families = new HashSet<>(offered.isEmpty() ? List.of(AddressFamily.IPV4_UNICAST) : offered);
        families.retainAll(local.families());
        boolean fourOctetAs = open.capability(FourOctetAsCapability.class).isPresent();
        boolean extended = open.capability(ExtendedMessageCapability.class).isPresent();
        Optional<GracefulRestartCapability> restart = local.gracefulRestart().isPresent()
                ? open.capability(GracefulRestartCapability.class) : Optional.empty();
        return new Negotiation(open.bgpIdentifier(), Math.min(local.holdTime(), open.holdTime()), families,
                open.capability(RouteRefreshCapability.class).isPresent(), restart,
                new PeerConstraints(fourOctetAs, extended, local.peerType()));
    }
}
