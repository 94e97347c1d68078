package io.kuberouter.api.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeTest {

    private static Node node(NodeAddress... addresses) {
        return new Node(ObjectKey.cluster("n1"), Map.of(), Map.of(), List.of("10.244.1.0/24"), List.of(addresses));
    }

    @Test
    void primaryIsFirstInternalThenFirstExternal() {
        Node n = node(new NodeAddress("ExternalIP", "203.0.113.5"), new NodeAddress("Hostname", "n1"),
                new NodeAddress("InternalIP", "10.0.0.5"));
        assertEquals(Optional.of("10.0.0.5"), n.primaryIp());
        assertEquals(List.of("10.0.0.5", "203.0.113.5"), n.ips());
        assertEquals(Optional.of("203.0.113.5"), node(new NodeAddress("ExternalIP", "203.0.113.5")).primaryIp());
    }

    @Test
    void bestIpPrefersPrimaryThenInternalThenExternalOfTheFamily() {
        Node n = node(new NodeAddress("InternalIP", "10.0.0.5"), new NodeAddress("ExternalIP", "2001:db8::9"),
                new NodeAddress("InternalIP", "fd00::5"));
        assertEquals(Optional.of("10.0.0.5"), n.bestIp(IpFamily.IPV4));
        assertEquals(Optional.of("fd00::5"), n.bestIp(IpFamily.IPV6));
        assertTrue(n.supports(IpFamily.IPV6));
    }

    @Test
    void familyWithoutAddressIsNotSupported() {
        Node n = node(new NodeAddress("InternalIP", "10.0.0.5"), new NodeAddress("Hostname", "fd00::1"));
        assertFalse(n.supports(IpFamily.IPV6));
        assertEquals(Optional.empty(), node().primaryIp());
    }
}
