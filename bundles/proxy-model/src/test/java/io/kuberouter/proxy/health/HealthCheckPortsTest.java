package io.kuberouter.proxy.health;

import static io.kuberouter.proxy.fixture.ServiceBuilder.service;
import static io.kuberouter.proxy.fixture.SliceBuilder.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.cluster.ClusterObject;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.fixture.ServiceBuilder;
import io.kuberouter.proxy.fixture.SliceBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthCheckPortsTest {

    private static final String SELF = "node-a";
    private static final ObjectKey WEB = new ObjectKey("shop", "web");

    private static ServiceBuilder local(int port) {
        return service("shop", "web").type(ServiceType.LOAD_BALANCER).clusterIp("10.96.0.10")
                .nodePort("http", Protocol.TCP, 80, 30080).externalPolicy(TrafficPolicy.LOCAL)
                .healthCheckNodePort(port);
    }

    private static SliceBuilder slices() {
        return slice("shop", "web-1", "web").port("http", Protocol.TCP, 8080);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no health check port", List.of(local(0).build(),
                        slices().ready("10.1.0.1", SELF).build()), Map.of()),
                Arguments.of("two local ready endpoints, one remote", List.of(local(31000).build(),
                        slices().ready("10.1.0.1", SELF).ready("10.1.0.2", SELF).ready("10.2.0.1", "node-b").build()),
                        Map.of(31000, new HealthCheck(WEB, 2))),
                Arguments.of("no endpoints", List.of(local(31000).build()), Map.of(31000, new HealthCheck(WEB, 0))),
                Arguments.of("terminating local endpoints do not count, serving-not-ready ones do",
                        List.of(local(31000).build(), slices().endpoint("10.1.0.1", SELF, false, true, true)
                                .endpoint("10.1.0.2", SELF, false, true, false)
                                .endpoint("10.1.0.3", SELF, false, false, false).build()),
                        Map.of(31000, new HealthCheck(WEB, 1))),
                Arguments.of("an address in two slices counts once", List.of(local(31000).build(),
                        slices().ready("10.1.0.1", SELF).build(),
                        slice("shop", "web-2", "web").port("http", Protocol.TCP, 8080).ready("10.1.0.1", SELF).build()),
                        Map.of(31000, new HealthCheck(WEB, 1))),
                Arguments.of("a Service of another proxy is left out", List.of(local(31000)
                        .label("service.kubernetes.io/service-proxy-name", "other").build()), Map.of()),
                Arguments.of("two Services on one port: the first by namespace/name keeps it", List.of(
                        local(31000).build(), service("shop", "api").type(ServiceType.LOAD_BALANCER)
                                .clusterIp("10.96.0.11").externalPolicy(TrafficPolicy.LOCAL)
                                .healthCheckNodePort(31000).build()),
                        Map.of(31000, new HealthCheck(new ObjectKey("shop", "api"), 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void desiredPorts(String name, List<ClusterObject> objects, Map<Integer, HealthCheck> expected) {
        FakeClusterState cluster = new FakeClusterState(SELF);
        cluster.put(objects.toArray(ClusterObject[]::new));
        assertEquals(expected, HealthCheckPorts.desired(cluster.snapshot()));
    }
}
