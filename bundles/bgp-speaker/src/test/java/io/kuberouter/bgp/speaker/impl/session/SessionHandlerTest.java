package io.kuberouter.bgp.speaker.impl.session;

import static io.kuberouter.bgp.speaker.impl.session.SessionHarness.LOCAL_ID;
import static io.kuberouter.bgp.speaker.impl.session.SessionHarness.PEER_ID;
import static io.kuberouter.bgp.speaker.impl.session.SessionHarness.peerOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.ExtendedMessageCapability;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.KeepaliveMessage;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.OpenMessage;
import io.kuberouter.bgp.codec.model.RouteRefreshCapability;
import io.kuberouter.bgp.codec.model.RouteRefreshMessage;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.speaker.SessionState;

/** The connection state machine of RFC 4271 §8.2.2 on an EmbeddedChannel, from OpenSent on. */
class SessionHandlerTest {

    private static final UpdateMessage END_OF_RIB = UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST);

    @Test
    void sendsOpenWithItsCapabilitiesWhenTheConnectionComesUp() {
        SessionHarness harness = new SessionHarness(65001, 90);
        OpenMessage open = assertInstanceOf(OpenMessage.class, harness.sent());
        assertEquals(65000, open.myAutonomousSystem());
        assertEquals(90, open.holdTime());
        assertEquals(LOCAL_ID, open.bgpIdentifier());
        assertTrue(open.capabilities().containsAll(List.of(new MultiprotocolCapability(AddressFamily.IPV4_UNICAST),
                new RouteRefreshCapability(), new FourOctetAsCapability(65000), new ExtendedMessageCapability())));
        assertEquals(SessionState.OPEN_SENT, harness.session.state());
    }

    @Test
    void openThenKeepaliveEstablishesTheSession() {
        SessionHarness harness = new SessionHarness(65001, 90);
        harness.sent();
        harness.receive(peerOpen(65001, 30, PEER_ID));
        assertInstanceOf(KeepaliveMessage.class, harness.sent());
        assertEquals(SessionState.OPEN_CONFIRM, harness.session.state());
        assertEquals(30, harness.session.negotiation().holdTime(), "the smaller hold time (RFC 4271 §4.2)");
        assertEquals(PEER_ID, harness.session.negotiation().peerRouterId());
        harness.receive(new KeepaliveMessage());
        assertEquals(SessionState.ESTABLISHED, harness.session.state());
        assertEquals(1, harness.owner.established);
    }

    @Test
    void updatesAndRouteRefreshesReachTheOwnerInEstablished() {
        SessionHarness harness = new SessionHarness(65001, 90);
        harness.establish(90);
        harness.receive(END_OF_RIB);
        harness.receive(RouteRefreshMessage.request(AddressFamily.IPV4_UNICAST));
        assertEquals(List.of(END_OF_RIB), harness.owner.updates);
        assertEquals(List.of(AddressFamily.IPV4_UNICAST), harness.owner.refreshes);
        assertEquals(1, harness.owner.counters.received(2));
    }

    @Test
    void keepalivesGoOutEveryThirdOfTheHoldTime() {
        SessionHarness harness = new SessionHarness(65001, 9);
        harness.establish(9);
        harness.advanceSeconds(3);
        assertInstanceOf(KeepaliveMessage.class, harness.sent());
        harness.receive(new KeepaliveMessage());
        harness.advanceSeconds(3);
        assertInstanceOf(KeepaliveMessage.class, harness.sent());
        assertTrue(harness.channel.isOpen());
    }

    @Test
    void aPeerIsSilentOnceItMissedAKeepalive() {
        SessionHarness harness = new SessionHarness(65001, 9);
        harness.establish(9);
        harness.advanceSeconds(2);
        assertFalse(harness.session.peerSilent());
        harness.advanceSeconds(2);
        assertTrue(harness.session.peerSilent());
        harness.receive(new KeepaliveMessage());
        assertFalse(harness.session.peerSilent());
    }

    @Test
    void holdTimerExpiryEndsTheSessionWithNotification() {
        SessionHarness harness = new SessionHarness(65001, 9);
        harness.establish(9);
        harness.advanceSeconds(6);
        harness.receive(new KeepaliveMessage());
        harness.advanceSeconds(6);
        assertTrue(harness.channel.isOpen(), "a message restarted the hold timer");
        harness.advanceSeconds(3);
        skipKeepalives(harness);
        harness.assertNotificationSent(4, 0);
        assertFalse(harness.channel.isOpen());
        assertTrue(harness.owner.end.keepsRoutes(), "a silent peer may be restarting (RFC 4724)");
    }

    @Test
    void openSentWaitsFourMinutesForTheOpen() {
        SessionHarness harness = new SessionHarness(65001, 3);
        harness.sent();
        harness.advanceSeconds(239);
        assertTrue(harness.channel.isOpen());
        harness.advanceSeconds(1);
        harness.assertNotificationSent(4, 0);
    }

    @Test
    void holdTimeZeroMeansNoKeepalivesAndNoHoldTimer() {
        SessionHarness harness = new SessionHarness(65001, 0);
        harness.establish(90);
        harness.advanceSeconds(3600);
        assertNull(harness.channel.readOutbound());
        assertTrue(harness.channel.isOpen());
    }

    @Test
    void openFromTheWrongAsIsBadPeerAs() {
        SessionHarness harness = new SessionHarness(65001, 90);
        harness.sent();
        harness.receive(peerOpen(65099, 90, PEER_ID));
        harness.assertNotificationSent(2, 2);
        assertFalse(harness.channel.isOpen());
        assertEquals(0, harness.owner.opens);
    }

    @Test
    void internalPeerWithOurIdentifierIsRefused() {
        SessionHarness harness = new SessionHarness(65000, 90);
        harness.sent();
        harness.receive(peerOpen(65000, 90, LOCAL_ID));
        harness.assertNotificationSent(2, 3);
    }

    @Test
    void ownerCanRefuseTheOpenForACollision() {
        SessionHarness harness = new SessionHarness(65001, 90);
        harness.owner.openAnswer = Optional.of(
                BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.notification(Octets.EMPTY));
        harness.sent();
        harness.receive(peerOpen(65001, 90, PEER_ID));
        harness.assertNotificationSent(6, 7);
        assertFalse(harness.channel.isOpen());
    }

    @Test
    void unexpectedMessagesAreFiniteStateMachineErrors() {
        SessionHarness openSent = new SessionHarness(65001, 90);
        openSent.sent();
        openSent.receive(new KeepaliveMessage());
        openSent.assertNotificationSent(5, 1);

        SessionHarness openConfirm = new SessionHarness(65001, 90);
        openConfirm.sent();
        openConfirm.receive(peerOpen(65001, 90, PEER_ID));
        openConfirm.sent();
        openConfirm.receive(END_OF_RIB);
        openConfirm.assertNotificationSent(5, 2);

        SessionHarness established = new SessionHarness(65001, 90);
        established.establish(90);
        established.receive(peerOpen(65001, 90, PEER_ID));
        established.assertNotificationSent(5, 3);
    }

    @Test
    void receivedNotificationClosesWithoutAnswer() {
        SessionHarness harness = new SessionHarness(65001, 90);
        harness.establish(90);
        NotificationMessage cease = BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN.notification(Octets.EMPTY);
        harness.receive(cease);
        assertNull(harness.channel.readOutbound());
        assertFalse(harness.channel.isOpen());
        assertEquals(Optional.of(cease), harness.owner.end.received());
        assertFalse(harness.owner.end.keepsRoutes(), "a NOTIFICATION ends graceful restart (RFC 4724 §4.2)");
    }

    @Test
    void malformedUpdateIsTreatedAsWithdraw() {
        SessionHarness harness = new SessionHarness(65001, 90);
        harness.establish(90);
        // RFC 7606 §7.1: ORIGIN 7 withdraws the UPDATE's routes: 10.0.0.0/8 here
        harness.receiveBytes(hex("ffffffffffffffffffffffffffffffff" + "002d" + "02" + "0000" + "0014"
                + "40010107" + "400206020100000001" + "4003040a000002" + "080a"));
        assertEquals(1, harness.owner.withdrawals.size());
        assertEquals(List.of(IpPrefix.parse("10.0.0.0/8")),
                harness.owner.withdrawals.get(0).get(AddressFamily.IPV4_UNICAST));
        assertTrue(harness.channel.isOpen());
    }

    @Test
    void brokenHeaderResetsTheSession() {
        SessionHarness harness = new SessionHarness(65001, 90);
        harness.establish(90);
        harness.receiveBytes(hex("00ffffffffffffffffffffffffffffff" + "0013" + "04"));
        harness.assertNotificationSent(1, 1);
        assertFalse(harness.channel.isOpen());
    }

    private static void skipKeepalives(SessionHarness harness) {
        while (harness.channel.outboundMessages().size() > 1) {
            assertInstanceOf(KeepaliveMessage.class, harness.sent());
        }
    }

    private static byte[] hex(String digits) {
        return Octets.fromHex(digits).toByteArray();
    }
}
