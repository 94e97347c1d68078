package io.kuberouter.bgp.speaker.impl.session;

import static io.kuberouter.bgp.speaker.impl.session.SessionHarness.LOCAL_ID;
import static io.kuberouter.bgp.speaker.impl.session.SessionHarness.PEER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability.ForwardingState;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.OpenMessage;

/** What two OPENs agree on (RFC 4271 §4.2, RFC 4760 §8, RFC 4724 §3, RFC 6793). */
class NegotiationTest {

    private static final Set<AddressFamily> BOTH = Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST);
    private static final GracefulRestartCapability RESTART = new GracefulRestartCapability(false, false, 120,
            List.of(new ForwardingState(AddressFamily.IPV4_UNICAST, true)));

    @Test
    void familiesAreThoseBothSidesOfferAndIpv4UnicastIsImplied() {
        LocalOpen local = new LocalOpen(65000, LOCAL_ID, 65001, 90, BOTH, Optional.empty());
        OpenMessage ipv6Only = OpenMessage.of(65001, 30, PEER_ID,
                List.of(new MultiprotocolCapability(AddressFamily.IPV6_UNICAST)));
        Negotiation negotiation = Negotiation.of(local, ipv6Only);
        assertEquals(Set.of(AddressFamily.IPV6_UNICAST), negotiation.families());
        assertEquals(30, negotiation.holdTime());
        assertFalse(negotiation.constraints().fourOctetAs(), "the peer did not offer 4-octet AS numbers");

        Negotiation plain = Negotiation.of(local, OpenMessage.of(65001, 90, PEER_ID, List.of()));
        assertEquals(Set.of(AddressFamily.IPV4_UNICAST), plain.families());
    }

    @Test
    void gracefulRestartNeedsBothSides() {
        OpenMessage open = OpenMessage.of(65001, 90, PEER_ID, List.of(RESTART));
        LocalOpen without = new LocalOpen(65000, LOCAL_ID, 65001, 90, BOTH, Optional.empty());
        LocalOpen with = new LocalOpen(65000, LOCAL_ID, 65001, 90, BOTH, Optional.of(RESTART));
        assertTrue(Negotiation.of(without, open).peerGracefulRestart().isEmpty());
        assertEquals(Optional.of(RESTART), Negotiation.of(with, open).peerGracefulRestart());
    }

    @Test
    void sessionEndKeepsRoutesOnlyWithoutNotificationOrOnHoldTimerExpiry() {
        assertTrue(SessionEnd.CONNECTION_LOST.keepsRoutes());
        var holdExpired = new SessionEnd(Optional.of(BgpError.HOLD_TIMER_EXPIRED.notification(Octets.EMPTY)),
                Optional.empty());
        assertTrue(holdExpired.keepsRoutes());
        var cease = new SessionEnd(Optional.of(BgpError.CEASE_ADMINISTRATIVE_RESET.notification(Octets.EMPTY)),
                Optional.empty());
        assertFalse(cease.keepsRoutes());
    }
}
