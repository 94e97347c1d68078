package io.kuberouter.router.build;

import static io.kuberouter.router.build.Fixtures.node;
import static io.kuberouter.router.build.Fixtures.service;
import static io.kuberouter.router.build.Fixtures.slice;
import static io.kuberouter.router.build.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import io.kuberouter.bgp.codec.model.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceVipsTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void flagsSelectTheKinds() {
        Service lb = service("lb", ServiceType.LOAD_BALANCER, "10.96.0.10", List.of("192.0.2.1"),
                List.of("198.51.100.1"), TrafficPolicy.CLUSTER, Map.of());

        assertEquals(Set.of(), vips(RouterSettings.defaults(), List.of(lb), List.of()));
        assertEquals(set("10.96.0.10/32"), vips(RouterSettings.defaults().withAdvertise(true, false, false),
                List.of(lb), List.of()));
        assertEquals(set("10.96.0.10/32", "192.0.2.1/32", "198.51.100.1/32"),
                vips(RouterSettings.defaults().withAdvertise(true, true, true), List.of(lb), List.of()));
    }

    @Test
    void annotationsOverrideTheFlags() {
        Service on = service("on", ServiceType.CLUSTER_IP, "10.96.0.11", List.of(), List.of(), TrafficPolicy.CLUSTER,
                Map.of(ServiceVips.ADVERTISE_CLUSTER_IP, "true"));
        Service off = service("off", ServiceType.CLUSTER_IP, "10.96.0.12", List.of(), List.of(),
                TrafficPolicy.CLUSTER, Map.of(ServiceVips.ADVERTISE_CLUSTER_IP, "false"));
        Service bad = service("bad", ServiceType.CLUSTER_IP, "10.96.0.13", List.of(), List.of(),
                TrafficPolicy.CLUSTER, Map.of(ServiceVips.ADVERTISE_CLUSTER_IP, "yes"));

        assertEquals(set("10.96.0.11/32"), vips(RouterSettings.defaults(), List.of(on, off, bad), List.of()));
        assertEquals(1, problems.size(), "the malformed boolean is reported: " + problems);
    }

    @Test
    void localTrafficPolicyNeedsALocalEndpoint() {
        Service local = service("web", ServiceType.LOAD_BALANCER, "10.96.0.10", List.of("192.0.2.1"),
                List.of("198.51.100.1"), TrafficPolicy.LOCAL, Map.of());
        RouterSettings all = RouterSettings.defaults().withAdvertise(true, true, true);

        assertEquals(set("10.96.0.10/32"), vips(all, List.of(local), List.of(slice("web", "n2", "10.244.2.5"))),
                "ClusterIP does not depend on the external policy");
        assertEquals(set("10.96.0.10/32", "192.0.2.1/32", "198.51.100.1/32"),
                vips(all, List.of(local), List.of(slice("web", "n1", "10.244.1.5"))));
    }

    @Test
    void skipLbIpsAndProxyModeAndHeadless() {
        Service skip = service("skip", ServiceType.LOAD_BALANCER, "10.96.0.10", List.of(), List.of("198.51.100.1"),
                TrafficPolicy.CLUSTER, Map.of(ServiceVips.SKIP_LB_IPS, ""));
        Service headless = service("headless", ServiceType.CLUSTER_IP, "None", List.of(), List.of(),
                TrafficPolicy.CLUSTER, Map.of());
        RouterSettings all = RouterSettings.defaults().withAdvertise(true, true, true);

        assertEquals(set("10.96.0.10/32"), vips(all, List.of(skip), List.of()));
        Set<IpPrefix> none = vips(all, List.of(new Service(headless.key(), "u", Map.of(), Map.of(),
                ServiceType.CLUSTER_IP, List.of(), List.of(), List.of(), List.of(), List.of(), 0,
                TrafficPolicy.CLUSTER, TrafficPolicy.CLUSTER, 0, "")), List.of());
        assertEquals(Set.of(), none);
    }

    private Set<IpPrefix> vips(RouterSettings settings, List<Service> services, List<EndpointSlice> slices) {
        ClusterSnapshot snapshot = snapshot("n1", List.of(node("n1", "10.99.0.1", "10.244.1.0/24", Map.of())),
                services, slices);
        return ServiceVips.select(snapshot, "n1", List.of("10.99.0.1"), settings, problems::add);
    }

    private static Set<IpPrefix> set(String... prefixes) {
        return Set.of(prefixes).stream().map(IpPrefix::parse).collect(java.util.stream.Collectors.toSet());
    }
}
