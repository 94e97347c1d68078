package io.kuberouter.bgp.speaker.impl.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.IpPrefix;

/** The primitive prefix table against a HashMap, IPv4 and IPv6. */
class PrefixTableTest {

    @Test
    void idsAreStableWhileReferencedAndReusedAfterwards() {
        PrefixTable table = new PrefixTable(true);
        int id = table.acquire(IpPrefix.parse("10.0.0.0/8"));
        assertEquals(id, table.acquire(IpPrefix.parse("10.0.0.0/8")));
        assertEquals(IpPrefix.parse("10.0.0.0/8"), table.prefix(id));
        assertTrue(id != table.acquire(IpPrefix.parse("10.0.0.0/9")), "length is part of the key");
        table.release(id);
        assertTrue(table.isLive(id));
        table.release(id);
        assertFalse(table.isLive(id));
        assertEquals(-1, table.find(IpPrefix.parse("10.0.0.0/8")));
        assertEquals(id, table.acquire(IpPrefix.parse("192.168.0.0/16")));
    }

    @Test
    void randomAcquiresAndReleasesAgreeWithAHashMap() {
        for (boolean ipv4 : new boolean[] {true, false}) {
            PrefixTable table = new PrefixTable(ipv4);
            Map<IpPrefix, Integer> references = new HashMap<>();
            Random random = new Random(42);
            for (int step = 0; step < 200_000; step++) {
                IpPrefix prefix = randomPrefix(random, ipv4);
                if (references.getOrDefault(prefix, 0) > 0 && random.nextBoolean()) {
                    table.release(table.find(prefix));
                    references.merge(prefix, -1, Integer::sum);
                } else {
                    table.acquire(prefix);
                    references.merge(prefix, 1, Integer::sum);
                }
            }
            references.values().removeIf(count -> count == 0);
            assertEquals(references.size(), table.size());
            references.keySet().forEach(prefix -> assertEquals(prefix, table.prefix(table.find(prefix))));
        }
    }

    private static IpPrefix randomPrefix(Random random, boolean ipv4) {
        byte[] address = new byte[ipv4 ? 4 : 16];
        address[0] = 10;
        address[address.length - 2] = (byte) random.nextInt(64);
        return new IpPrefix(IpPrefix.addressOf(address), ipv4 ? 24 + random.nextInt(2) * 8 : 112 + random.nextInt(2) * 16);
    }
}
