package io.kuberouter.bgp.speaker.impl.rib;

import static io.kuberouter.bgp.speaker.impl.rib.RibFixture.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.IpPrefix;

/** Paths, selection changes, stale paths and reference counting of one family's RIB. */
class FamilyRibTest {

    private final RibFixture fixture = new RibFixture();
    private final FamilyRib rib = fixture.rib;
    private final int peer = fixture.peer("10.0.0.2", true, "10.0.0.2");

    @Test
    void reportsEachChangedPrefixOnceWithItsNewBestRow() {
        fixture.announce(peer, "10.244.0.0/24", attributes().path(65001L));
        fixture.announce(peer, "10.244.0.0/24", attributes().path(65001L, 65002L));
        fixture.announce(peer, "10.244.1.0/24", attributes().path(65001L));
        List<String> changes = drain();
        assertEquals(List.of("10.244.0.0/24 best", "10.244.1.0/24 best"), changes);
        assertEquals(List.of(), drain());
        assertEquals(2, rib.selectedCount());
    }

    @Test
    void aWorsePathOfAnotherPeerIsNoChange() {
        int other = fixture.peer("10.0.0.3", true, "10.0.0.3");
        fixture.announce(peer, "10.244.0.0/24", attributes().path(65001L));
        drain();
        fixture.announce(other, "10.244.0.0/24", attributes().path(65003L, 65004L));
        assertEquals(List.of(), drain());
        rib.withdraw(other, IpPrefix.parse("10.244.0.0/24"));
        assertEquals(List.of(), drain());
    }

    @Test
    void lastWithdrawalIsReportedAndFreesPrefixAndAttributes() {
        fixture.announce(peer, "10.244.0.0/24", attributes().path(65001L));
        drain();
        rib.withdraw(peer, IpPrefix.parse("10.244.0.0/24"));
        assertEquals(List.of("10.244.0.0/24 none"), drain());
        assertEquals(0, rib.prefixes().size());
        assertEquals(0, fixture.interner.size());
        assertEquals(0, rib.paths().size());
    }

    @Test
    void equalAttributesAreSharedByReference() {
        fixture.announce(peer, "10.244.0.0/24", attributes().path(65001L));
        fixture.announce(peer, "10.244.1.0/24", attributes().path(65001L));
        PathTable paths = rib.paths();
        int first = paths.best(rib.prefixes().find(IpPrefix.parse("10.244.0.0/24")));
        int second = paths.best(rib.prefixes().find(IpPrefix.parse("10.244.1.0/24")));
        assertSame(paths.received(first), paths.received(second));
        assertEquals(1, fixture.interner.size());
    }

    @Test
    void staleRemovalKeepsRefreshedPaths() {
        fixture.announce(peer, "10.244.0.0/24", attributes().path(65001L));
        fixture.announce(peer, "10.244.1.0/24", attributes().path(65001L));
        rib.markStale(peer);
        fixture.announce(peer, "10.244.1.0/24", attributes().path(65001L));
        drain();
        rib.removePaths(peer, true);
        assertEquals(List.of("10.244.0.0/24 none"), drain());
        assertEquals(-1, fixture.bestSource("10.244.0.0/24"));
        assertEquals(peer, fixture.bestSource("10.244.1.0/24"));
    }

    @Test
    void reimportAppliesANewPolicyToReceivedPaths() {
        fixture.announce(peer, "10.244.0.0/24", attributes().path(65001L));
        drain();
        rib.reimport((source, prefix, received) -> null);
        assertEquals(List.of("10.244.0.0/24 none"), drain());
        assertEquals(1, rib.receivedCount(peer));
        assertEquals(0, rib.acceptedCount(peer));
        rib.reimport((source, prefix, received) -> {
            fixture.interner.retain(received);
            return received;
        });
        assertEquals(List.of("10.244.0.0/24 best"), drain());
        assertEquals(1, rib.acceptedCount(peer));
    }

    private List<String> drain() {
        List<String> changes = new ArrayList<>();
        rib.drainChanges((id, row) -> changes.add(rib.prefixes().prefix(id) + (row == PathTable.NONE ? " none" : " best")));
        return changes;
    }
}
