package io.kuberouter.hairpin.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesiredHairpinTest {

    private static final ObjectKey WEB = new ObjectKey("shop", "web");

    @Test
    void annotatedServicesGetRulesForClusterIpsAndNodePortsAndExternalIpsOnlyWhenAskedFor() {
        ServiceProxyView view = view();
        assertEquals(Set.of(rule("10.96.0.10", 80), rule("10.99.0.1", 30080)),
                DesiredHairpin.build(view, snapshot(Map.of(DesiredHairpin.ANNOTATION, "")), false).rules());
        assertEquals(Set.of(rule("10.96.0.10", 80), rule("10.99.0.1", 30080), rule("192.0.2.10", 80)),
                DesiredHairpin.build(view, snapshot(Map.of(DesiredHairpin.ANNOTATION, "",
                        DesiredHairpin.EXTERNAL_IPS_ANNOTATION, "")), false).rules());
        assertEquals(Set.of(), DesiredHairpin.build(view, snapshot(Map.of()), false).rules());
        assertEquals(Set.of(rule("10.96.0.10", 80), rule("10.99.0.1", 30080)),
                DesiredHairpin.build(view, snapshot(Map.of()), true).rules(), "--hairpin-mode: every Service");
        assertEquals(Map.of("10.244.1.10", new ObjectKey("shop", "a1")),
                DesiredHairpin.build(view, snapshot(Map.of()), true).endpoints(), "only local endpoints");
    }

    private static HairpinRule rule(String vip, int port) {
        return new HairpinRule("10.244.1.10", vip, port);
    }

    private static ServiceProxyView view() {
        List<Backend> backends = List.of(new Backend("10.244.1.10", 8080, "n1", new ObjectKey("shop", "a1"), true,
                true, false), new Backend("10.244.2.10", 8080, "n2", null, false, true, false));
        List<VirtualServer> servers = List.of(server(FrontendKind.CLUSTER_IP, "10.96.0.10", 80, Delivery.NAT, backends),
                server(FrontendKind.NODE_PORT, "10.99.0.1", 30080, Delivery.NAT, backends),
                server(FrontendKind.EXTERNAL_IP, "192.0.2.10", 80, Delivery.NAT, backends),
                server(FrontendKind.LOAD_BALANCER, "198.51.100.1", 80,
                        new Delivery(Delivery.Forwarding.TUNNEL, 5, false, "dsr"), backends));
        ProxiedService service = new ProxiedService(WEB, servers, List.of());
        return new ServiceProxyView() {
            @Override
            public String backend() {
                return "ipvs";
            }

            @Override
            public long revision() {
                return 1;
            }

            @Override
            public Map<ObjectKey, ProxiedService> services() {
                return Map.of(WEB, service);
            }
        };
    }

    private static VirtualServer server(FrontendKind kind, String vip, int port, Delivery delivery,
            List<Backend> backends) {
        return new VirtualServer(WEB, "http", new Frontend(kind, vip, Protocol.TCP, port), Scheduling.ROUND_ROBIN,
                delivery, backends);
    }

    private static ClusterSnapshot snapshot(Map<String, String> annotations) {
        Service service = new Service(WEB, "uid", Map.of(), annotations, ServiceType.NODE_PORT, List.of("10.96.0.10"),
                List.of(), List.of(), List.of("192.0.2.10"), List.of(), 0, TrafficPolicy.CLUSTER,
                TrafficPolicy.CLUSTER, 0, "");
        return new ClusterSnapshot(1, "n1", Map.of(WEB, service), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }
}
