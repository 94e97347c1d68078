package io.kuberouter.bgp.speaker.impl.rib;

import static io.kuberouter.bgp.speaker.impl.rib.RibFixture.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.OriginType;

/** One test per elimination step of RFC 4271 §9.1.2.2 (and RFC 4456 §9), in their order. */
class BestPathSelectorTest {

    private static final String PREFIX = "10.244.0.0/24";

    private final RibFixture fixture = new RibFixture();

    @Test
    void higherLocalPrefOfInternalRoutesWinsFirst() {
        int shortPath = fixture.peer("10.0.0.2", false, "10.0.0.2");
        int preferred = fixture.peer("10.0.0.3", false, "10.0.0.3");
        fixture.announce(shortPath, PREFIX, attributes().path(65001L).localPref(100));
        fixture.announce(preferred, PREFIX, attributes().path(65001L, 65002L, 65003L).localPref(200));
        assertEquals(preferred, fixture.bestSource(PREFIX));
    }

    @Test
    void externalRoutesHaveTheDefaultPreference() {
        int longer = fixture.peer("10.0.0.2", true, "10.0.0.2");
        int shorter = fixture.peer("10.0.0.3", true, "10.0.0.3");
        fixture.announce(longer, PREFIX, attributes().path(65001L, 65002L).localPref(500));
        fixture.announce(shorter, PREFIX, attributes().path(65003L));
        assertEquals(shorter, fixture.bestSource(PREFIX));
    }

    @Test
    void localRouteBeatsLearnedRouteOfEqualPreference() {
        int peer = fixture.peer("10.0.0.2", true, "10.0.0.2");
        fixture.announce(peer, PREFIX, attributes().path(65001L));
        fixture.announce(PathSource.LOCAL_INDEX, PREFIX, attributes());
        assertEquals(PathSource.LOCAL_INDEX, fixture.bestSource(PREFIX));
    }

    @Test
    void shorterAsPathWins() {
        int longer = fixture.peer("10.0.0.2", true, "10.0.0.2");
        int shorter = fixture.peer("10.0.0.9", true, "10.0.0.9");
        fixture.announce(longer, PREFIX, attributes().path(65001L, 65002L));
        fixture.announce(shorter, PREFIX, attributes().path(65003L));
        assertEquals(shorter, fixture.bestSource(PREFIX));
    }

    @Test
    void lowerOriginWins() {
        int incomplete = fixture.peer("10.0.0.2", true, "10.0.0.2");
        int egp = fixture.peer("10.0.0.9", true, "10.0.0.9");
        fixture.announce(incomplete, PREFIX, attributes().path(65001L).origin(OriginType.INCOMPLETE));
        fixture.announce(egp, PREFIX, attributes().path(65002L).origin(OriginType.EGP));
        assertEquals(egp, fixture.bestSource(PREFIX));
    }

    @Test
    void medIsComparedOnlyBetweenRoutesFromTheSameNeighborAs() {
        int highMed = fixture.peer("10.0.0.2", true, "10.0.0.2");
        int lowMed = fixture.peer("10.0.0.5", true, "10.0.0.5");
        int otherAs = fixture.peer("10.0.0.3", true, "10.0.0.3");
        fixture.announce(highMed, PREFIX, attributes().path(65001L).med(10));
        fixture.announce(lowMed, PREFIX, attributes().path(65001L).med(5));
        fixture.announce(otherAs, PREFIX, attributes().path(65002L).med(100));
        assertEquals(otherAs, fixture.bestSource(PREFIX),
                "the MED 5 route only eliminates MED 10; router id 10.0.0.3 < 10.0.0.5 decides");
    }

    @Test
    void externalBeatsInternal() {
        int internal = fixture.peer("10.0.0.2", false, "10.0.0.2");
        int external = fixture.peer("10.0.0.9", true, "10.0.0.9");
        fixture.announce(internal, PREFIX, attributes().path(65001L));
        fixture.announce(external, PREFIX, attributes().path(65002L));
        assertEquals(external, fixture.bestSource(PREFIX));
    }

    @Test
    void lowerBgpIdentifierWinsAndOriginatorIdStandsInForIt() {
        int lowId = fixture.peer("10.0.0.9", false, "10.0.0.2");
        int reflected = fixture.peer("10.0.0.8", false, "10.0.0.3");
        fixture.announce(lowId, PREFIX, attributes().path(65001L));
        fixture.announce(reflected, PREFIX, attributes().path(65001L).originator("10.0.0.1").clusterList("1.1.1.1"));
        assertEquals(reflected, fixture.bestSource(PREFIX), "ORIGINATOR_ID 10.0.0.1 < 10.0.0.2 (RFC 4456 §9)");
    }

    @Test
    void shorterClusterListWins() {
        int twoHops = fixture.peer("10.0.0.2", false, "10.0.0.2");
        int oneHop = fixture.peer("10.0.0.3", false, "10.0.0.3");
        fixture.announce(twoHops, PREFIX, attributes().path(65001L).originator("10.0.0.7").clusterList("1.1.1.1", "2.2.2.2"));
        fixture.announce(oneHop, PREFIX, attributes().path(65001L).originator("10.0.0.7").clusterList("1.1.1.1"));
        assertEquals(oneHop, fixture.bestSource(PREFIX));
    }

    @Test
    void lowerPeerAddressDecidesLast() {
        int high = fixture.peer("10.0.0.20", false, "10.0.0.9");
        int low = fixture.peer("10.0.0.10", false, "10.0.0.9");
        fixture.announce(high, PREFIX, attributes().path(65001L));
        fixture.announce(low, PREFIX, attributes().path(65001L));
        assertEquals(low, fixture.bestSource(PREFIX));
    }

    @Test
    void rejectedPathsAreNeverSelected() {
        int rejected = fixture.peer("10.0.0.2", true, "10.0.0.2");
        PathAttributes attributes = attributes().path(65001L).intern(fixture.interner);
        fixture.rib.update(rejected, IpPrefix.parse(PREFIX), attributes, null);
        assertEquals(-1, fixture.bestSource(PREFIX));
        assertEquals(1, fixture.rib.receivedCount(rejected));
        assertEquals(0, fixture.rib.acceptedCount(rejected));
    }
}
