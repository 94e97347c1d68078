package io.kuberouter.proxy.ipvs.plan;

import static io.kuberouter.proxy.ipvs.plan.PlanFixtures.model;
import static io.kuberouter.proxy.ipvs.plan.PlanFixtures.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.Problem;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesiredIpvsTest {

    private static final ObjectKey A = new ObjectKey("shop", "a");
    private static final ObjectKey B = new ObjectKey("shop", "b");
    private final DesiredIpvs desired = new DesiredIpvs();

    @Test
    void reportsOnlyTheKeysWhoseEntryChanged() {
        ProxiedService a = model(A, server(A, FrontendKind.CLUSTER_IP, "10.96.0.1", Protocol.TCP, 80, "10.244.1.5:80"),
                server(A, FrontendKind.NODE_PORT, "10.99.0.1", Protocol.TCP, 30080, "10.244.1.5:80"));
        assertEquals(2, put(a).size());
        assertEquals(Set.of(), put(a));
        ProxiedService moved = model(A, server(A, FrontendKind.CLUSTER_IP, "10.96.0.1", Protocol.TCP, 80,
                "10.244.1.6:80"), server(A, FrontendKind.NODE_PORT, "10.99.0.1", Protocol.TCP, 30080, "10.244.1.5:80"));
        assertEquals(Set.of(key("10.96.0.1", 80)), put(moved));
        Set<ServiceKey> changed = new HashSet<>();
        desired.remove(A, changed);
        assertEquals(2, changed.size());
        assertTrue(desired.entries().isEmpty() && desired.services().isEmpty());
    }

    @Test
    void countsBoundAddressesFrontendAddressesAndPortEntries() {
        put(model(A, server(A, FrontendKind.CLUSTER_IP, "10.96.0.1", Protocol.TCP, 80),
                server(A, FrontendKind.CLUSTER_IP, "10.96.0.1", Protocol.UDP, 53),
                server(A, FrontendKind.NODE_PORT, "10.99.0.1", Protocol.TCP, 30080)));
        assertEquals(Set.of(IpPrefix.address("10.96.0.1")), desired.boundAddresses());
        assertEquals(Set.of(IpPrefix.address("10.96.0.1"), IpPrefix.address("10.99.0.1")), desired.frontendAddresses());
        assertEquals(Set.of("10.96.0.1,tcp:80", "10.96.0.1,udp:53", "10.99.0.1,tcp:30080"), desired.portEntries());
        put(model(A, server(A, FrontendKind.CLUSTER_IP, "10.96.0.1", Protocol.UDP, 53)));
        assertTrue(desired.binds(IpPrefix.address("10.96.0.1")));
        assertFalse(desired.serves(IpPrefix.address("10.99.0.1")));
        assertEquals(Set.of("10.96.0.1,udp:53"), desired.portEntries());
    }

    @Test
    void theServiceSortingFirstWinsAContestedFrontendUntilItLetsGo() {
        put(model(B, server(B, FrontendKind.EXTERNAL_IP, "192.0.2.7", Protocol.TCP, 80, "10.244.2.2:80")));
        Set<ServiceKey> changed = put(model(A, server(A, FrontendKind.EXTERNAL_IP, "192.0.2.7", Protocol.TCP, 80,
                "10.244.1.1:80")));
        assertEquals(Set.of(key("192.0.2.7", 80)), changed);
        assertEquals(A, desired.entry(key("192.0.2.7", 80)).owner());
        List<Problem> conflicts = desired.conflicts();
        assertEquals(1, conflicts.size());
        assertEquals(B, conflicts.get(0).service());
        assertEquals("frontend-conflict", conflicts.get(0).reason());
        Set<ServiceKey> after = new HashSet<>();
        desired.remove(A, after);
        assertEquals(B, desired.entry(key("192.0.2.7", 80)).owner());
        assertEquals(List.of(), desired.conflicts());
        desired.remove(B, after);
        assertNull(desired.entry(key("192.0.2.7", 80)));
    }

    private Set<ServiceKey> put(ProxiedService model) {
        Set<ServiceKey> changed = new HashSet<>();
        desired.put(model, IpvsTranslation.entries(model), changed);
        return changed;
    }

    private static ServiceKey key(String vip, int port) {
        return new ServiceKey.ByAddress(IpPrefix.address(vip), io.kuberouter.kernel.api.IpProtocol.TCP, port);
    }
}
