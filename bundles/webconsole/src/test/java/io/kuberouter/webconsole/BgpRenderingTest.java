package io.kuberouter.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.OriginType;
import io.kuberouter.bgp.speaker.BestPathListener;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.LocalRoute;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.PeerCounters;
import io.kuberouter.bgp.speaker.PeerStatus;
import io.kuberouter.bgp.speaker.Route;
import io.kuberouter.bgp.speaker.SessionState;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import io.kuberouter.bgp.speaker.Subscription;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The BGP page and {@code kr:bgp}: peers with state, uptime and prefix counts; the Loc-RIB search. */
class BgpRenderingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void peersWithStateUptimeAndPrefixCounts() throws Exception {
        BgpRows rows = BgpRows.of(new StubSpeaker(), "", NOW);
        assertEquals("AS 64512, router id 10.99.0.1, listening on 10.99.0.1 port 179", rows.speaker());
        assertEquals(List.of(new BgpRows.Peer("10.99.0.2", 64513, "ESTABLISHED", "1h 1m 5s", 2, 2, 1, "10.99.0.2", 90,
                "ipv4-unicast", "-"), new BgpRows.Peer("10.99.0.3", 64514, "ACTIVE", "-", 0, 0, 0, "-", 0, "-", "-")),
                rows.peers());
        assertEquals(List.of("10.244.1.0/24", "10.244.2.0/24", "192.0.2.0/24"),
                rows.routes().stream().map(BgpRows.RibRow::prefix).toList());
        assertEquals(new BgpRows.RibRow("10.244.2.0/24", "10.99.0.2", "64513 {65000 65001}", "igp", "100", "-", "-",
                "10.99.0.2"), rows.routes().get(1));
        assertEquals("local", rows.routes().get(0).from());
    }

    @Test
    void theSearchFindsTheBestPathsCoveringOrWithinTheQuery() throws Exception {
        assertEquals(List.of("10.244.2.0/24"), prefixes("10.244.2.7"));
        assertEquals(List.of("10.244.1.0/24", "10.244.2.0/24"), prefixes("10.244.0.0/16"));
        assertEquals(List.of(), prefixes("fd00::1"));
        BgpRows bad = BgpRows.of(new StubSpeaker(), "ten.one", NOW);
        assertEquals("not an address or prefix: ten.one", bad.queryProblem());
        assertTrue(BgpHtml.render(bad).contains("ui-state-error'>not an address or prefix: ten.one"));
    }

    @Test
    void thePageAndTheCommand() throws Exception {
        BgpRows rows = BgpRows.of(new StubSpeaker(), "10.244.0.0/16", NOW);
        String html = BgpHtml.render(rows);
        assertTrue(html.contains("<tr data-peer='10.99.0.2'><td>10.99.0.2</td><td>64513</td><td>ESTABLISHED</td>"
                + "<td>1h 1m 5s</td><td>2</td><td>2</td><td>1</td>"), html);
        assertTrue(html.contains("<input name='q' value='10.244.0.0/16'"), html);
        assertEquals(2, html.split("<tr data-prefix=", -1).length - 1, html);
        String text = BgpText.render(rows);
        assertTrue(text.contains("peer 10.99.0.2 AS 64513: ESTABLISHED, up 1h 1m 5s, received 2, accepted 2, "
                + "advertised 1"), text);
        assertTrue(text.contains("loc-rib: 3 best paths, 2 matching 10.244.0.0/16\n"
                + "  10.244.1.0/24 via 0.0.0.0, as-path (local AS), origin igp"), text);
        assertEquals("no BGP speaker running\n", BgpText.render(null));
        assertTrue(BgpHtml.render(null).contains("no BGP speaker running"));
    }

    private static List<String> prefixes(String query) throws Exception {
        return BgpRows.of(new StubSpeaker(), query, NOW).routes().stream().map(BgpRows.RibRow::prefix).toList();
    }

    /** A speaker with two peers and three best paths; only the read methods work. */
    private static final class StubSpeaker implements BgpSpeaker {

        private final InetAddress peer = InetAddress.getByName("10.99.0.2");

        StubSpeaker() throws Exception {
        }

        @Override
        public SpeakerConfig config() {
            try {
                return SpeakerConfig.of(64512, (Inet4Address) InetAddress.getByName("10.99.0.1"),
                        List.of(InetAddress.getByName("10.99.0.1")));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<PeerStatus> peers() {
            try {
                return List.of(new PeerStatus(peer, 64513, SessionState.ESTABLISHED,
                        Optional.of(NOW.minusSeconds(3665)), Optional.of((Inet4Address) peer), 90,
                        Set.of(AddressFamily.IPV4_UNICAST), false, Optional.empty(),
                        new PeerCounters(1, 1, 2, 3, 4, 5, 0, 0, 0, 1, 2, 2, 1)),
                        new PeerStatus(InetAddress.getByName("10.99.0.3"), 64514, SessionState.ACTIVE, Optional.empty(),
                                Optional.empty(), 0, Set.of(), false, Optional.empty(),
                                new PeerCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<Route> localRib(AddressFamily family) {
            if (!family.equals(AddressFamily.IPV4_UNICAST)) {
                return List.of();
            }
            return List.of(route("192.0.2.0/24", Optional.of(peer), AsPath.EMPTY),
                    route("10.244.2.0/24", Optional.of(peer), new AsPath(List.of(AsPathSegment.sequence(64513L),
                            new AsPathSegment(io.kuberouter.bgp.codec.model.SegmentType.AS_SET, List.of(65000L, 65001L))))),
                    route("10.244.1.0/24", Optional.empty(), AsPath.EMPTY));
        }

        private Route route(String prefix, Optional<InetAddress> from, AsPath path) {
            InetAddress nextHop = from.isPresent() ? peer : IpPrefix.parse("0.0.0.0/0").address();
            return new Route(IpPrefix.parse(prefix), nextHop, path, OriginType.IGP, OptionalLong.of(100),
                    OptionalLong.empty(), List.of(), Optional.empty(), List.of(), from, false);
        }

        @Override
        public int localRibSize(AddressFamily family) {
            return localRib(family).size();
        }

        @Override
        public List<Route> adjRibIn(InetAddress address, AddressFamily family) {
            return List.of();
        }

        @Override
        public List<Route> adjRibOut(InetAddress address, AddressFamily family) {
            return List.of();
        }

        @Override
        public void addPeer(PeerConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void updatePeer(PeerConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removePeer(InetAddress address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void originate(LocalRoute route) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void withdraw(IpPrefix prefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setPolicy(RoutingPolicy policy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription subscribe(BestPathListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
