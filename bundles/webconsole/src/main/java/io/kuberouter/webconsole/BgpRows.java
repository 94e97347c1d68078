package io.kuberouter.webconsole;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.PeerStatus;
import io.kuberouter.bgp.speaker.Route;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The BGP page and {@code kr:bgp} in plain cells: the speaker's settings, each peer's session (FSM state, uptime,
 * prefixes received, accepted and advertised) and a Loc-RIB search. The only class of this bundle that touches the
 * speaker's API, which the bundle imports dynamically: it is loaded only while a speaker is registered.
 *
 * @param speaker e.g. {@code AS 64512, router id 10.99.0.1, listening on 10.99.0.1 port 179}
 * @param query the Loc-RIB search as given, empty for none
 * @param queryProblem why the query was not understood, empty when it was
 * @param ribSize best paths in the Loc-RIB, all families
 * @param routes the matching best paths by prefix, at most {@link #LIMIT}
 */
record BgpRows(String speaker, List<Peer> peers, String query, String queryProblem, int ribSize, List<RibRow> routes) {

    /** Most Loc-RIB rows shown. */
    static final int LIMIT = 200;

    /** One peer's session. */
    record Peer(String address, long asn, String state, String uptime, long received, long accepted, long advertised,
            String routerId, int holdTime, String families, String lastNotification) {
    }

    /** One best path. */
    record RibRow(String prefix, String nextHop, String asPath, String origin, String localPref, String med,
            String communities, String from) {
    }

    /**
     * @param speaker a {@link BgpSpeaker} (typed {@code Object} so that callers need not load its API)
     * @param query an address or prefix: the best paths that cover it or lie within it; empty: every best path
     */
    static BgpRows of(Object speaker, String query, Instant now) {
        BgpSpeaker bgp = (BgpSpeaker) speaker;
        SpeakerConfig config = bgp.config();
        String self = "AS " + config.asn() + ", router id " + config.routerId().getHostAddress() + ", "
                + (config.listenAddresses().isEmpty() ? "not listening" : "listening on "
                        + config.listenAddresses().stream().map(InetAddress::getHostAddress)
                                .collect(Collectors.joining(", ")) + " port " + config.listenPort());
        List<Peer> peers = bgp.peers().stream().map(p -> peer(p, now)).toList();
        String q = query == null ? "" : query.strip();
        List<Route> rib = new ArrayList<>(bgp.localRib(AddressFamily.IPV4_UNICAST));
        rib.addAll(bgp.localRib(AddressFamily.IPV6_UNICAST));
        IpPrefix filter;
        try {
            filter = q.isEmpty() ? null : IpPrefix.parse(q.contains("/") ? q : q + (q.contains(":") ? "/128" : "/32"));
        } catch (IllegalArgumentException e) {
            return new BgpRows(self, peers, q, "not an address or prefix: " + q, rib.size(), List.of());
        }
        List<RibRow> routes = rib.stream().filter(r -> filter == null || overlap(r.prefix(), filter))
                .sorted(Comparator.comparing((Route r) -> r.prefix().isIpv4() ? 0 : 1)
                        .thenComparing(r -> r.prefix().address().getAddress(), Arrays::compareUnsigned)
                        .thenComparingInt(r -> r.prefix().length()))
                .limit(LIMIT).map(BgpRows::route).toList();
        return new BgpRows(self, peers, q, "", rib.size(), routes);
    }

    private static Peer peer(PeerStatus p, Instant now) {
        String families = p.families().stream().map(BgpRows::family).sorted().collect(Collectors.joining(", "));
        String notification = p.lastNotification().map(n -> "code " + n.errorCode() + " subcode " + n.errorSubcode())
                .orElse("-");
        return new Peer(p.address().getHostAddress(), p.peerAsn(), p.state().name(),
                p.establishedSince().map(t -> uptime(Duration.between(t, now))).orElse("-"),
                p.counters().prefixesReceived(), p.counters().prefixesAccepted(), p.counters().prefixesAdvertised(),
                p.remoteRouterId().map(InetAddress::getHostAddress).orElse("-"), p.holdTime(),
                families.isEmpty() ? "-" : families, notification + (p.staleRoutes() ? ", routes stale (graceful restart)" : ""));
    }

    private static RibRow route(Route r) {
        String path = r.asPath().segments().stream().map(BgpRows::segment).collect(Collectors.joining(" "));
        return new RibRow(r.prefix().toString(), r.nextHop().getHostAddress(), path.isEmpty() ? "(local AS)" : path,
                r.origin().name().toLowerCase(Locale.ROOT), r.localPref().isPresent() ? "" + r.localPref().getAsLong() : "-",
                r.med().isPresent() ? "" + r.med().getAsLong() : "-",
                r.communities().isEmpty() ? "-" : r.communities().stream().map(Object::toString)
                        .collect(Collectors.joining(" ")),
                r.peer().map(InetAddress::getHostAddress).orElse("local") + (r.stale() ? " (stale)" : ""));
    }

    private static String segment(AsPathSegment s) {
        String numbers = s.asNumbers().stream().map(String::valueOf).collect(Collectors.joining(" "));
        return s.type().isSet() ? "{" + numbers + "}" : numbers;
    }

    private static String family(AddressFamily f) {
        if (f.equals(AddressFamily.IPV4_UNICAST)) {
            return "ipv4-unicast";
        }
        return f.equals(AddressFamily.IPV6_UNICAST) ? "ipv6-unicast" : f.toString();
    }

    /** True when one prefix contains the other (same family, equal in the shorter one's bits). */
    static boolean overlap(IpPrefix a, IpPrefix b) {
        byte[] x = a.address().getAddress();
        byte[] y = b.address().getAddress();
        if (x.length != y.length) {
            return false;
        }
        int bits = Math.min(a.length(), b.length());
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((x[i / 8] & mask) != (y[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** E.g. {@code 2d 3h 4m 5s}, {@code 42s}. */
    static String uptime(Duration d) {
        long s = Math.max(0, d.toSeconds());
        StringBuilder out = new StringBuilder();
        if (s >= 86_400) {
            out.append(s / 86_400).append("d ");
        }
        if (s >= 3_600) {
            out.append(s % 86_400 / 3_600).append("h ");
        }
        if (s >= 60) {
            out.append(s % 3_600 / 60).append("m ");
        }
        return out.append(s % 60).append('s').toString();
    }
}
