package io.kuberouter.bgp.speaker.impl;

import static io.kuberouter.bgp.speaker.impl.LoopbackSpeakers.address;
import static io.kuberouter.bgp.speaker.impl.LoopbackSpeakers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.BestPathChange;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.LocalRoute;
import io.kuberouter.bgp.speaker.PeerStatus;
import io.kuberouter.bgp.speaker.Route;
import io.kuberouter.bgp.speaker.SessionState;
import io.kuberouter.bgp.speaker.policy.Actions;
import io.kuberouter.bgp.speaker.policy.Conditions;
import io.kuberouter.bgp.speaker.policy.NeighborSet;
import io.kuberouter.bgp.speaker.policy.Policy;
import io.kuberouter.bgp.speaker.policy.PolicyAssignment;
import io.kuberouter.bgp.speaker.policy.RouteDisposition;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;
import io.kuberouter.bgp.speaker.policy.SetMatch;
import io.kuberouter.bgp.speaker.policy.Statement;

/** Speakers of this JVM over loopback TCP: the whole stack from sockets to RIBs and listeners. */
class SpeakerLoopbackTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final IpPrefix PREFIX = IpPrefix.parse("10.244.1.0/24");

    @Test
    void externalPeersExchangeAndWithdrawRoutes() {
        try (LoopbackSpeakers speakers = new LoopbackSpeakers()) {
            BgpSpeaker a = speakers.start(1, 65001);
            BgpSpeaker b = speakers.start(2, 65002);
            connect(speakers, a, 1, 65001, b, 2, 65002);
            a.originate(LocalRoute.of(PREFIX, address(1)));
            await("route at b", TIMEOUT, () -> b.localRibSize(AddressFamily.IPV4_UNICAST) == 1);
            Route route = b.localRib(AddressFamily.IPV4_UNICAST).get(0);
            assertEquals(PREFIX, route.prefix());
            assertEquals(address(1), route.nextHop());
            assertEquals(List.of(AsPathSegment.sequence(65001L)), route.asPath().segments());
            assertEquals(address(1), route.peer().orElseThrow());
            assertEquals(1, a.adjRibOut(address(2), AddressFamily.IPV4_UNICAST).size());
            assertEquals(1, b.peers().get(0).counters().prefixesAccepted());

            a.withdraw(PREFIX);
            await("withdrawal at b", TIMEOUT, () -> b.localRibSize(AddressFamily.IPV4_UNICAST) == 0);
        }
    }

    @Test
    void listenerGetsTheCurrentTableThenEachChange() {
        try (LoopbackSpeakers speakers = new LoopbackSpeakers()) {
            BgpSpeaker a = speakers.start(1, 65001);
            BgpSpeaker b = speakers.start(2, 65002);
            connect(speakers, a, 1, 65001, b, 2, 65002);
            a.originate(LocalRoute.of(PREFIX, address(1)));
            await("route at b", TIMEOUT, () -> b.localRibSize(AddressFamily.IPV4_UNICAST) == 1);
            List<BestPathChange> seen = new ArrayList<>();
            b.subscribe(changes -> {
                synchronized (seen) {
                    seen.addAll(changes);
                }
            });
            a.withdraw(PREFIX);
            await("withdrawal event", TIMEOUT, () -> snapshot(seen).size() == 2);
            assertEquals(address(1), snapshot(seen).get(0).best().orElseThrow().nextHop());
            assertTrue(snapshot(seen).get(1).isWithdrawal());
        }
    }

    @Test
    void routesThatLoopBackAreReceivedButNotUsed() {
        try (LoopbackSpeakers speakers = new LoopbackSpeakers()) {
            BgpSpeaker a = speakers.start(1, 65001);
            BgpSpeaker b = speakers.start(2, 65002);
            BgpSpeaker c = speakers.start(3, 65003);
            a.setPolicy(notTo(address(3)));
            connect(speakers, a, 1, 65001, b, 2, 65002);
            connect(speakers, b, 2, 65002, c, 3, 65003);
            connect(speakers, c, 3, 65003, a, 1, 65001);
            a.originate(LocalRoute.of(PREFIX, address(1)));
            await("a hears its own route back", TIMEOUT,
                    () -> !a.adjRibIn(address(3), AddressFamily.IPV4_UNICAST).isEmpty());
            PeerStatus fromC = a.peers().get(1);
            assertEquals(1, fromC.counters().prefixesReceived(), "c's best path is b's: 65003 65002 65001");
            assertEquals(0, fromC.counters().prefixesAccepted(), "AS_PATH holds 65001 (RFC 4271 §9.1.2)");
            assertTrue(a.localRib(AddressFamily.IPV4_UNICAST).get(0).isLocal());
        }
    }

    @Test
    void removedPeerTakesItsRoutesAlong() {
        try (LoopbackSpeakers speakers = new LoopbackSpeakers()) {
            BgpSpeaker a = speakers.start(1, 65001);
            BgpSpeaker b = speakers.start(2, 65002);
            connect(speakers, a, 1, 65001, b, 2, 65002);
            a.originate(LocalRoute.of(PREFIX, address(1)));
            await("route at b", TIMEOUT, () -> b.localRibSize(AddressFamily.IPV4_UNICAST) == 1);
            b.removePeer(address(1));
            assertEquals(0, b.localRibSize(AddressFamily.IPV4_UNICAST));
            assertTrue(b.peers().isEmpty());
            await("a sees the Cease", TIMEOUT, () -> a.peers().get(0).state() != SessionState.ESTABLISHED);
            assertEquals(6, a.peers().get(0).lastNotification().orElseThrow().errorCode());
        }
    }

    @Test
    void md5KeysMustMatch() {
        try (LoopbackSpeakers speakers = new LoopbackSpeakers()) {
            BgpSpeaker a = speakers.start(1, 65001);
            BgpSpeaker b = speakers.start(2, 65002);
            a.addPeer(speakers.peer(2, 65002, 1).password("s3cret").build());
            b.addPeer(speakers.peer(1, 65001, 2).password("other").build());
            sleep(Duration.ofSeconds(2));
            assertFalse(a.peers().get(0).isEstablished());
            b.updatePeer(speakers.peer(1, 65001, 2).password("s3cret").build());
            await("signed session", TIMEOUT, () -> a.peers().get(0).isEstablished() && b.peers().get(0).isEstablished());
        }
    }

    /** Export everything except to {@code peer}. */
    private static RoutingPolicy notTo(InetAddress peer) {
        NeighborSet set = new NeighborSet("c", List.of(new IpPrefix(peer, 32)));
        Statement reject = new Statement("not-to-c", new Conditions(Optional.empty(), Optional.of(SetMatch.any("c"))),
                Actions.REJECT);
        return new RoutingPolicy(List.of(), List.of(set), List.of(new Policy("export", List.of(reject))),
                PolicyAssignment.ACCEPT_ALL, new PolicyAssignment(List.of("export"), RouteDisposition.ACCEPT));
    }

    /** Peers {@code a} (127.0.0.{@code aHost}) and {@code b} with each other and waits for the session. */
    static void connect(LoopbackSpeakers speakers, BgpSpeaker a, int aHost, long aAs, BgpSpeaker b, int bHost,
            long bAs) {
        a.addPeer(speakers.peer(bHost, bAs, aHost).build());
        b.addPeer(speakers.peer(aHost, aAs, bHost).build());
        await("session " + aHost + "-" + bHost, TIMEOUT, () -> established(a, bHost) && established(b, aHost));
    }

    static boolean established(BgpSpeaker speaker, int peerHost) {
        return speaker.peers().stream().anyMatch(p -> p.address().equals(address(peerHost)) && p.isEstablished());
    }

    private static List<BestPathChange> snapshot(List<BestPathChange> seen) {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
