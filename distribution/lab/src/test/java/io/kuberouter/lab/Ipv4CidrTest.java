package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Ipv4CidrTest {

    @Test
    void containsAndLastHost() {
        Ipv4Cidr cidr = Ipv4Cidr.parse("10.99.0.7/24");
        assertEquals("10.99.0.0/24", cidr.toString());
        assertEquals("10.99.0.254", cidr.lastHost());
        assertTrue(cidr.contains("10.99.0.1"));
        assertFalse(cidr.contains("10.99.1.1"));
        assertEquals("192.168.3.254", Ipv4Cidr.parse("192.168.0.0/22").lastHost());
    }

    @Test
    void malformedPrefixesAreRefused() {
        for (String text : new String[] {"10.99.0.0", "10.99.0.0/31", "10.99.0/24", "10.99.0.256/24", "x/24"}) {
            assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse(text), text);
        }
    }
}
