package io.kuberouter.bgp.speaker.impl.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.Origin;

/**
 * The compact RIB's promise: a path costs a few array slots, attributes are shared. 500 000 IPv4
 * paths with 50 000 distinct attribute sets (the shape of the benchmark feed) must stay well under
 * 200 octets per path, the budget that keeps the speaker within twice BIRD's memory.
 */
class RibFootprintTest {

    private static final int PATHS = 500_000;
    private static final int PATHS_PER_SET = 10;
    private static final double BUDGET = 150;

    @Test
    void aPathCostsLessThanTheBudget() {
        long before = usedHeap();
        RibFixture fixture = new RibFixture();
        int peer = fixture.peer("10.0.0.2", true, "10.0.0.2");
        PathAttributes attributes = null;
        for (int i = 0; i < PATHS; i++) {
            if (i % PATHS_PER_SET == 0) {
                fixture.interner.release(attributes);
                attributes = fixture.interner.intern(List.of(Origin.IGP,
                        new AsPath(List.of(AsPathSegment.sequence(65001L, 3356L, 10000L + i / PATHS_PER_SET))),
                        new Communities(List.of(new Community(65001, i % 1000)))), new byte[] {10, 0, 0, 2});
            }
            int address = (11 << 24) + (i << 8);
            fixture.rib.update(peer, new IpPrefix(IpPrefix.addressOf(new byte[] {(byte) (address >>> 24),
                    (byte) (address >>> 16), (byte) (address >>> 8), 0}), 24), attributes, attributes);
        }
        fixture.interner.release(attributes);
        fixture.rib.drainChanges((id, row) -> { });
        double perPath = (usedHeap() - before) / (double) PATHS;
        assertEquals(PATHS, fixture.rib.selectedCount());
        assertEquals(PATHS / PATHS_PER_SET, fixture.interner.size());
        assertTrue(perPath < BUDGET, perPath + " octets per path");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
