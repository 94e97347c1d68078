package io.kuberouter.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpPrefixTest {

    @Test
    void parsesAndPrintsCanonicalForms() {
        assertEquals("10.0.0.5/24", IpPrefix.parse("10.0.0.5/24").toString());
        assertEquals("10.0.0.0/24", IpPrefix.parse("10.0.0.5/24").network().toString());
        assertEquals("fd00::1/128", IpPrefix.parse("fd00:0:0:0::1").toString());
        assertEquals("::/0", IpPrefix.any(AddressFamily.INET6).toString());
        assertEquals("fd00::/8", IpPrefix.parse("fd12:3456::1/8").network().toString());
        assertEquals("2001:db8:0:1::1/64", IpPrefix.parse("2001:db8:0:1:0:0:0:1/64").toString());
        assertEquals("::1/128", IpPrefix.parse("::1").toString());
    }

    @Test
    void rejectsNamesAndBadLengths() {
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0/8"));
    }

    @Test
    void containsChecksFamilyAndNetwork() {
        IpPrefix p = IpPrefix.parse("10.244.0.0/16");
        assertTrue(p.contains(IpPrefix.address("10.244.3.4")));
        assertFalse(p.contains(IpPrefix.address("10.245.0.1")));
        assertFalse(p.contains(IpPrefix.address("::1")));
    }
}
