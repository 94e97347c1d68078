package io.kuberouter.proxy.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.KernelOwnership.VipRange;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.model.Settings;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which virtual services the proxy may delete: its ranges and NodePorts, never a foreign one. */
class IpvsOwnershipTest {

    private static final Settings STRICT = new Settings(Set.of(IpFamily.IPV4), List.of(IpPrefix.parse("10.96.0.0/12")),
            List.of(IpPrefix.parse("192.0.2.0/24")), List.of(IpPrefix.parse("198.51.100.0/24")), true, false);

    @Test
    void strictValidationClaimsTheServiceRangesAndNodePortsOnly() throws Exception {
        IpvsOwnership ownership = IpvsOwnership.of(STRICT, 30000, 32767, List.of(IpPrefix.parse("10.96.200.0/24")));
        assertEquals(List.of(VipRange.of("10.96.0.0/12"), VipRange.of("192.0.2.0/24"),
                VipRange.of("198.51.100.0/24")), ownership.vipRanges());
        assertTrue(ownership.owns(tcp("10.96.0.10", 80)), "ClusterIP");
        assertTrue(ownership.owns(tcp("192.0.2.10", 8080)), "external IP");
        assertTrue(ownership.owns(tcp("198.51.100.7", 443)), "LoadBalancer IP");
        assertTrue(ownership.owns(tcp("172.20.0.1", 30080)), "NodePort on a node address");
        assertFalse(ownership.owns(tcp("203.0.113.7", 80)), "an operator's virtual service");
        assertFalse(ownership.owns(tcp("172.20.0.1", 22)), "a node address outside the NodePort range");
        assertFalse(ownership.owns(tcp("10.96.200.5", 80)), "--excluded-cidrs");
        assertTrue(ownership.owns(new ServiceKey.ByFwmark(AddressFamily.INET, 0x1f1d)), "a DSR mark");
        assertFalse(ownership.owns(new ServiceKey.ByFwmark(AddressFamily.INET, 0x4000)), "a mark outside DSR's range");
    }

    @Test
    void withoutStrictValidationAnyAddressCanBeAnExternalIpSoAllAreClaimed() throws Exception {
        Settings lax = new Settings(STRICT.families(), STRICT.clusterIpRanges(), List.of(), List.of(), false, false);
        IpvsOwnership ownership = IpvsOwnership.of(lax, 30000, 32767, List.of(IpPrefix.parse("203.0.113.0/24")));
        assertTrue(ownership.owns(tcp("192.0.2.99", 80)));
        assertFalse(ownership.owns(tcp("203.0.113.7", 80)), "--excluded-cidrs still spares");
    }

    private static ServiceKey tcp(String address, int port) throws Exception {
        return new ServiceKey.ByAddress(InetAddress.getByName(address), IpProtocol.TCP, port);
    }
}
