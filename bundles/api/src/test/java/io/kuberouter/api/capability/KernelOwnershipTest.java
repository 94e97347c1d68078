package io.kuberouter.api.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.KernelOwnership.VipRange;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The virtual server ranges of an ownership (since 1.2) and the pre-1.2 constructor. */
class KernelOwnershipTest {

    @Test
    void theSixArgumentFormOwnsNoVirtualServer() throws Exception {
        KernelOwnership old = new KernelOwnership(List.of("X-"), List.of(), List.of(), List.of(), List.of(),
                List.of());
        assertEquals(List.of(), old.vipRanges());
        assertFalse(old.ownsVip(InetAddress.getByName("10.96.0.1")));
    }

    @Test
    void rangesParseAsGoDoesAndContainOnlyTheirFamily() throws Exception {
        VipRange services = VipRange.of("10.96.0.1/12");
        assertEquals("10.96.0.0/12", services.toString());
        assertTrue(services.contains(InetAddress.getByName("10.111.255.254")));
        assertFalse(services.contains(InetAddress.getByName("10.112.0.0")));
        assertFalse(VipRange.of("0.0.0.0/0").contains(InetAddress.getByName("fd00::1")));
        assertTrue(VipRange.of("::/0").contains(InetAddress.getByName("fd00::1")));
        assertEquals(VipRange.of("192.0.2.7/32"), VipRange.of("192.0.2.7"));
        assertEquals("::/0", VipRange.of("::/0").toString());
        assertEquals("fd00::/108", VipRange.of("fd00:0::1/108").toString());
        assertEquals("2001:db8:0:1::/64", VipRange.of("2001:db8:0:1:0:0:0:0/64").toString());
        assertThrows(IllegalArgumentException.class, () -> VipRange.of("example.com/24"));
        assertThrows(IllegalArgumentException.class, () -> VipRange.of("10.0.0.0/33"));
    }

    @Test
    void rangesOverlapWhenOneContainsTheOther() {
        assertTrue(VipRange.of("10.96.0.0/12").overlaps(VipRange.of("10.100.0.0/16")));
        assertTrue(VipRange.of("10.100.0.0/16").overlaps(VipRange.of("0.0.0.0/0")));
        assertFalse(VipRange.of("10.96.0.0/12").overlaps(VipRange.of("10.112.0.0/12")));
        assertFalse(VipRange.of("0.0.0.0/0").overlaps(VipRange.of("::/0")));
    }
}
