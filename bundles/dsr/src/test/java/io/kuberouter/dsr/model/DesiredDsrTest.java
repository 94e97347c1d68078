package io.kuberouter.dsr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesiredDsrTest {

    private static final ObjectKey WEB = new ObjectKey("shop", "web");
    private final DsrClaims claims = new DsrClaims(new DsrMarks());

    @Test
    void onlyExternalAndLoadBalancerFrontendsOfAnnotatedServicesAreClaimed() {
        Service dsr = service(Map.of(DsrClaims.ANNOTATION, "tunnel"));
        Optional<Delivery> external = claims.claim(dsr, server(FrontendKind.EXTERNAL_IP, "192.0.2.10"));
        assertEquals(new Delivery(Delivery.Forwarding.TUNNEL, 0x3D9D, false, "dsr"), external.orElseThrow());
        assertTrue(claims.claim(dsr, server(FrontendKind.LOAD_BALANCER, "198.51.100.1")).isPresent());
        assertTrue(claims.claim(dsr, server(FrontendKind.CLUSTER_IP, "10.96.0.10")).isEmpty());
        assertTrue(claims.claim(dsr, server(FrontendKind.NODE_PORT, "10.99.0.1")).isEmpty());
        assertTrue(claims.claim(service(Map.of(DsrClaims.ANNOTATION, "direct")),
                server(FrontendKind.EXTERNAL_IP, "192.0.2.10")).isEmpty(), "only 'tunnel' activates DSR");
        assertTrue(claims.claim(service(Map.of()), server(FrontendKind.EXTERNAL_IP, "192.0.2.10")).isEmpty());
    }

    @Test
    void claimedServersGiveFrontendsAndLocalPodsGiveTunnelsHostNetworkPodsAreSkipped() {
        VirtualServer claimed = server(FrontendKind.EXTERNAL_IP, "192.0.2.10")
                .withDelivery(new Delivery(Delivery.Forwarding.TUNNEL, 7, false, "dsr"));
        VirtualServer nat = server(FrontendKind.CLUSTER_IP, "10.96.0.10");
        ServiceProxyView view = view(new ProxiedService(WEB, List.of(claimed, nat), List.of()));
        ClusterSnapshot snapshot = new ClusterSnapshot(1, "n1", Map.of(), Map.of(),
                Map.of(key("a1"), pod("a1", "10.244.1.10", false), key("h"), pod("h", "10.244.1.12", true)),
                Map.of(), Map.of(), Map.of());

        DesiredDsr desired = DesiredDsr.build(view, snapshot);

        assertEquals(List.of(new DsrFrontend("192.0.2.10", Protocol.TCP, 80, 7)), desired.frontends());
        assertEquals(Map.of("10.244.1.10", new PodTunnel(key("a1"), "10.244.1.10", Set.of("192.0.2.10"))),
                desired.tunnels());
        assertEquals(2, desired.skipped().size(), desired.skipped().toString());
        assertTrue(desired.skipped().stream().anyMatch(s -> s.contains("hostNetwork")));
        assertTrue(desired.skipped().stream().anyMatch(s -> s.startsWith("endpoint 10.244.2.10")));
        assertEquals(Map.of(), DesiredDsr.build(view, null).tunnels(), "pods unknown without cluster state");
    }

    private static VirtualServer server(FrontendKind kind, String address) {
        List<Backend> backends = List.of(
                new Backend("10.244.1.10", 80, "n1", key("a1"), true, true, false),
                new Backend("10.244.1.12", 80, "n1", key("h"), true, true, false),
                new Backend("10.244.2.10", 80, "n1", null, true, true, false),
                new Backend("10.244.3.10", 80, "n2", key("b1"), false, true, false));
        return new VirtualServer(WEB, "http", new Frontend(kind, address, Protocol.TCP, 80), Scheduling.ROUND_ROBIN,
                Delivery.NAT, backends);
    }

    private static ServiceProxyView view(ProxiedService service) {
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
                return Map.of(service.key(), service);
            }
        };
    }

    private static Service service(Map<String, String> annotations) {
        return new Service(WEB, "uid", Map.of(), annotations, ServiceType.CLUSTER_IP, List.of("10.96.0.10"),
                List.of(), List.of(), List.of("192.0.2.10"), List.of(), 0, TrafficPolicy.CLUSTER,
                TrafficPolicy.CLUSTER, 0, "");
    }

    private static ObjectKey key(String name) {
        return new ObjectKey("shop", name);
    }

    private static Pod pod(String name, String ip, boolean hostNetwork) {
        return new Pod(key(name), "uid-" + name, Map.of(), "n1", hostNetwork, "Running", List.of(ip), List.of(),
                List.of(), 30, false);
    }
}
