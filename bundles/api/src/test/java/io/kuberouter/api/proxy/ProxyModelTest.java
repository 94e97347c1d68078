package io.kuberouter.api.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyModelTest {

    private static final ObjectKey WEB = new ObjectKey("shop", "web");

    @Test
    void keysAreKubeRoutersServiceVipAndEndpointIds() {
        Frontend vip = new Frontend(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.UDP, 53);
        VirtualServer server = new VirtualServer(WEB, "dns", vip, Scheduling.ROUND_ROBIN, Delivery.NAT, List.of());
        assertEquals("10.96.0.10-udp-53", vip.id());
        assertEquals("shop-web-dns", server.portId());
        assertEquals("10.244.1.5:8053", new Backend("10.244.1.5", 8053, "n1", null, true, true, false).id());
        assertEquals(IpFamily.IPV6, new Frontend(FrontendKind.NODE_PORT, "fd00::1", Protocol.TCP, 30080).family());
    }

    @Test
    void valuesAreImmutableCopies() {
        EnumSet<SchedulerFlag> flags = EnumSet.of(SchedulerFlag.FLAG_1);
        Scheduling scheduling = new Scheduling("mh", flags, 0);
        flags.add(SchedulerFlag.FLAG_2);
        assertEquals(EnumSet.of(SchedulerFlag.FLAG_1), EnumSet.copyOf(scheduling.flags()));
        assertFalse(scheduling.sticky());
        assertTrue(new Scheduling("rr", EnumSet.noneOf(SchedulerFlag.class), 10800).sticky());
        List<Backend> backends = new ArrayList<>();
        VirtualServer server = new VirtualServer(WEB, "", new Frontend(FrontendKind.EXTERNAL_IP, "192.0.2.1",
                Protocol.TCP, 80), scheduling, Delivery.NAT, backends);
        backends.add(new Backend("10.244.1.5", 80, "", null, false, true, false));
        assertEquals(List.of(), server.backends());
        Delivery dsr = new Delivery(Delivery.Forwarding.TUNNEL, 0x2a, false, "dsr");
        assertEquals(dsr, server.withDelivery(dsr).delivery());
    }

    @Test
    void rejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new Frontend(FrontendKind.CLUSTER_IP, "10.96.0.1",
                Protocol.TCP, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backend("10.0.0.1", 65536, "", null, false, true, false));
        assertThrows(IllegalArgumentException.class, () -> new Scheduling("rr", EnumSet.noneOf(SchedulerFlag.class), -1));
        assertThrows(IllegalArgumentException.class, () -> new Delivery(Delivery.Forwarding.NAT, 1L << 32, true, ""));
    }

    @Test
    void viewLooksUpOneServiceFromTheMap() {
        ProxiedService web = ProxiedService.none(WEB);
        ServiceProxyView view = new ServiceProxyView() {
            @Override
            public String backend() {
                return "ipvs";
            }

            @Override
            public long revision() {
                return 7;
            }

            @Override
            public Map<ObjectKey, ProxiedService> services() {
                return Map.of(WEB, web);
            }
        };
        assertEquals(Optional.of(web), view.service(WEB));
        assertEquals(Optional.empty(), view.service(new ObjectKey("shop", "db")));
        assertTrue(FrontendKind.NODE_PORT.external() && !FrontendKind.CLUSTER_IP.external());
    }
}
