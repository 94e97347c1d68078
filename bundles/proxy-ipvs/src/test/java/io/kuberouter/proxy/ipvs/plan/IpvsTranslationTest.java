package io.kuberouter.proxy.ipvs.plan;

import static io.kuberouter.proxy.ipvs.plan.PlanFixtures.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.SchedulerFlag;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpvsTranslationTest {

    private static final ObjectKey WEB = new ObjectKey("shop", "web");

    @Test
    void clusterIpBecomesAnAddressServiceWithMasqueradedWeightOneDestinations() {
        IpvsEntry e = IpvsTranslation.entry(server(WEB, FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80,
                "10.244.1.5:8080", "10.244.2.6:8080"));
        ServiceKey key = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.TCP, 80);
        assertEquals(VirtualService.of(key, "rr"), e.state().service());
        assertEquals(List.of(Destination.of(IpPrefix.address("10.244.1.5"), 8080, ForwardingMethod.MASQ, 1),
                Destination.of(IpPrefix.address("10.244.2.6"), 8080, ForwardingMethod.MASQ, 1)), e.state().destinations());
        assertTrue(e.bindsAddress());
        assertEquals("10.96.0.10,tcp:80", e.portEntry());
    }

    @Test
    void affinityIsPersistenceAndSchedulerFlagsMapToIpvsFlags() {
        VirtualServer base = server(WEB, FrontendKind.CLUSTER_IP, "fd00:96::a", Protocol.UDP, 53);
        VirtualServer sticky = new VirtualServer(WEB, "", base.frontend(),
                new Scheduling("mh", EnumSet.of(SchedulerFlag.FLAG_1, SchedulerFlag.FLAG_2, SchedulerFlag.FLAG_3),
                        300), Delivery.NAT, List.of());
        VirtualService s = IpvsTranslation.entry(sticky).state().service();
        assertEquals("mh", s.scheduler());
        assertEquals(Set.of(ServiceFlag.PERSISTENT, ServiceFlag.SCHED_FALLBACK, ServiceFlag.SCHED_PORT,
                ServiceFlag.SCHED_FLAG_3), s.flags());
        assertEquals(300, s.timeout());
        assertEquals(128, s.netmask());
    }

    @Test
    void nodePortsAreNotBoundAndSctpIsWrittenAsProtocol132() {
        IpvsEntry e = IpvsTranslation.entry(server(WEB, FrontendKind.NODE_PORT, "10.99.0.1", Protocol.SCTP, 30080));
        assertFalse(e.bindsAddress());
        assertEquals("10.99.0.1,132:30080", e.portEntry());
    }

    @Test
    void aClaimedDeliveryBecomesAFwmarkServiceWithTunnelDestinations() {
        VirtualServer external = server(WEB, FrontendKind.EXTERNAL_IP, "192.0.2.7", Protocol.TCP, 80, "10.244.1.5:80");
        IpvsEntry e = IpvsTranslation.entry(external.withDelivery(
                new Delivery(Delivery.Forwarding.TUNNEL, 0x2a, false, "dsr")));
        assertEquals(new ServiceKey.ByFwmark(AddressFamily.INET, 0x2a), e.key());
        assertEquals(ForwardingMethod.TUNNEL, e.state().destinations().get(0).method());
        assertFalse(e.bindsAddress());
        assertEquals("192.0.2.7,tcp:80", e.portEntry());
    }
}
