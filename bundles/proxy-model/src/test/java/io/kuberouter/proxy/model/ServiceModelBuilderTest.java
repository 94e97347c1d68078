package io.kuberouter.proxy.model;

import static io.kuberouter.api.cluster.Protocol.SCTP;
import static io.kuberouter.api.cluster.Protocol.TCP;
import static io.kuberouter.api.cluster.Protocol.UDP;
import static io.kuberouter.proxy.fixture.ServiceBuilder.service;
import static io.kuberouter.proxy.fixture.SliceBuilder.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.Problem;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.fixture.ServiceBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of the desired-state builder: Service + EndpointSlices + node + flags in, virtual servers
 * (rendered one per line: kind, frontend, scheduling, sorted backends) and problem reasons out.
 */
class ServiceModelBuilderTest {

    private static final EndpointSlice WEB_SLICE = slice("shop", "web-1", "web").port("http", TCP, 8080)
            .ready("10.244.1.5", "n1").ready("10.244.2.6", "n2").build();
    private static final Settings RANGES = Settings.defaults().withExternalRanges(
            List.of(IpPrefix.parse("192.0.2.0/24")), List.of(IpPrefix.parse("198.51.100.0/24")));

    record Case(String name, Service service, List<EndpointSlice> slices, Settings settings, NodeContext node,
            List<String> servers, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(basics(), endpoints(), families(), nodePorts(), externalIps(), annotations(), policies(),
                localAnnotation()).flatMap(s -> s);
    }

    private static Stream<Case> basics() {
        return Stream.of(
                c("ClusterIP port: every ready endpoint of the port's name", web().build(), List.of(WEB_SLICE),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080")),
                c("headless (no cluster IP): not programmed", service("shop", "web").port("http", TCP, 80).build(),
                        List.of(WEB_SLICE), List.of()),
                c("headless label: not programmed", web().label("service.kubernetes.io/headless", "").build(),
                        List.of(WEB_SLICE), List.of()),
                c("ExternalName: not programmed", web().type(ServiceType.EXTERNAL_NAME).build(), List.of(WEB_SLICE),
                        List.of()),
                c("another proxy's service-proxy-name: not programmed",
                        web().label("service.kubernetes.io/service-proxy-name", "cilium").build(), List.of(WEB_SLICE),
                        List.of()),
                c("service-proxy-name kube-router: programmed",
                        web().label("service.kubernetes.io/service-proxy-name", "kube-router").build(),
                        List.of(WEB_SLICE), List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080")),
                c("no endpoints: the frontend exists without backends", web().build(), List.of(),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr ->")),
                c("ports matched by name, TCP/UDP/SCTP", service("kube-system", "dns").clusterIp("10.96.0.53")
                        .port("dns", UDP, 53).port("dns-tcp", TCP, 53).port("sctp", SCTP, 9).build(),
                        List.of(slice("kube-system", "dns-1", "dns").port("dns", UDP, 5353).port("dns-tcp", TCP, 5354)
                                .ready("10.244.1.9", "n1").build()),
                        List.of("CLUSTER_IP 10.96.0.53:53/UDP rr -> 10.244.1.9:5353",
                                "CLUSTER_IP 10.96.0.53:53/TCP rr -> 10.244.1.9:5354",
                                "CLUSTER_IP 10.96.0.53:9/SCTP rr ->")));
    }

    private static Stream<Case> endpoints() {
        return Stream.of(
                c("serving-but-terminating stays, neither ready nor serving goes, ready-not-serving stays", web().build(),
                        List.of(slice("shop", "web-1", "web").port("http", TCP, 8080)
                                .endpoint("10.244.1.5", "n1", false, true, true)
                                .endpoint("10.244.1.6", "n1", false, false, true)
                                .endpoint("10.244.1.7", "n1", true, false, false).build()),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.1.7:8080")),
                c("two slices, one address twice: counted once; FQDN slices skipped", web().build(),
                        List.of(WEB_SLICE, slice("shop", "web-2", "web").port("http", TCP, 8080)
                                        .ready("10.244.1.5", "n1").ready("10.244.3.7", "n3").build(),
                                slice("shop", "web-3", "web").addressType(EndpointSlice.AddressType.FQDN)
                                        .port("http", TCP, 8080).ready("web.example", "n3").build()),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080 10.244.3.7:8080")),
                c("a port of another name gets no endpoints", service("shop", "web").clusterIp("10.96.0.10")
                        .port("metrics", TCP, 9090).build(), List.of(WEB_SLICE),
                        List.of("CLUSTER_IP 10.96.0.10:9090/TCP rr ->")));
    }

    private static Stream<Case> families() {
        Settings dual = new Settings(Set.of(IpFamily.IPV4, IpFamily.IPV6), List.of(IpPrefix.parse("10.96.0.0/12"),
                IpPrefix.parse("fd00:96::/108")), List.of(), List.of(), true, false);
        Service both = service("shop", "web").clusterIp("10.96.0.10", "fd00:96:0:0::a").nodePort("http", TCP, 80, 30080)
                .build();
        List<EndpointSlice> slices = List.of(WEB_SLICE, slice("shop", "web-6", "web")
                .addressType(EndpointSlice.AddressType.IPV6).port("http", TCP, 8080).ready("fd00:244:1:0::5", "n1")
                .build());
        return Stream.of(
                c("dual-stack: one frontend per family, backends of the same family, IPv6 canonical", both, slices,
                        dual, Nodes.n1(), List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "CLUSTER_IP fd00:96::a:80/TCP rr -> fd00:244:1::5:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT fd00:99::1:30080/TCP rr -> fd00:244:1::5:8080"), List.of()),
                c("IPv6 not enabled: only the IPv4 frontends", both, slices, Settings.defaults(), Nodes.n1(),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"), List.of()));
    }

    private static Stream<Case> nodePorts() {
        Settings bindAll = new Settings(Set.of(IpFamily.IPV4), List.of(IpPrefix.parse("10.96.0.0/12")), List.of(),
                List.of(), true, true);
        return Stream.of(
                c("NodePort on the node IP", webNodePort().build(), List.of(WEB_SLICE),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080")),
                c("NodePort only for the port that has one", webNodePort().port("metrics", TCP, 9090).build(),
                        List.of(WEB_SLICE), List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "CLUSTER_IP 10.96.0.10:9090/TCP rr ->")),
                c("--nodeport-bindon-all-ip: every local address of the family",
                        service("shop", "web").clusterIp("10.96.0.10").nodePort("http", TCP, 80, 30080).build(),
                        List.of(WEB_SLICE), bindAll, Nodes.n1("10.99.0.1", "192.168.5.1", "fd00:99::1"),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT 192.168.5.1:30080/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"), List.of()));
    }

    private static Stream<Case> externalIps() {
        Settings lax = new Settings(Set.of(IpFamily.IPV4), List.of(IpPrefix.parse("10.96.0.0/12")), List.of(),
                List.of(), false, false);
        return Stream.of(
                c("external IPs: inside the range kept, outside, in the cluster range and malformed skipped",
                        web().externalIp("192.0.2.7", "203.0.113.9", "10.96.1.1", "not-an-ip").build(),
                        List.of(WEB_SLICE), RANGES, Nodes.n1(), List.of(
                                "CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "EXTERNAL_IP 192.0.2.7:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"),
                        List.of("external-ip-not-allowed", "external-ip-not-allowed", "malformed-ip")),
                c("strict mode without a range: every external IP refused", web().externalIp("192.0.2.7").build(),
                        List.of(WEB_SLICE), Settings.defaults(), Nodes.n1(),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"),
                        List.of("external-ip-not-allowed")),
                c("--strict-external-ip-validation=false: every external IP kept", web().externalIp("203.0.113.9")
                        .build(), List.of(WEB_SLICE), lax, Nodes.n1(), List.of(
                                "CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "EXTERNAL_IP 203.0.113.9:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"), List.of()),
                c("LoadBalancer IPs: in range kept, ipMode Proxy skipped, out of range refused",
                        web().type(ServiceType.LOAD_BALANCER).loadBalancerIp("198.51.100.4", null)
                                .loadBalancerIp("198.51.100.5", "Proxy").loadBalancerIp("192.0.2.7", "VIP").build(),
                        List.of(WEB_SLICE), RANGES, Nodes.n1(), List.of(
                                "CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "LOAD_BALANCER 198.51.100.4:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"),
                        List.of("loadbalancer-ip-not-allowed")),
                c("kube-router.io/service.skiplbips: no LoadBalancer frontend",
                        web().loadBalancerIp("198.51.100.4", null).annotation("kube-router.io/service.skiplbips", "")
                                .build(), List.of(WEB_SLICE), RANGES, Nodes.n1(),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"), List.of()));
    }

    private static Stream<Case> annotations() {
        return Stream.of(
                c("scheduler lc", web().annotation("kube-router.io/service.scheduler", "lc").build(), List.of(WEB_SLICE),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP lc -> 10.244.1.5:8080 10.244.2.6:8080")),
                c("any IPVS scheduler, e.g. wlc", web().annotation("kube-router.io/service.scheduler", "wlc").build(),
                        List.of(WEB_SLICE), List.of("CLUSTER_IP 10.96.0.10:80/TCP wlc -> 10.244.1.5:8080 10.244.2.6:8080")),
                c("mh with flag-1,flag-2", web().annotation("kube-router.io/service.scheduler", "mh")
                        .annotation("kube-router.io/service.schedflags", "flag-1, flag-2").build(), List.of(WEB_SLICE),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP mh[FLAG_1,FLAG_2] -> 10.244.1.5:8080 10.244.2.6:8080")),
                c("flags ignored unless mh, as upstream", web().annotation("kube-router.io/service.scheduler", "sh")
                        .annotation("kube-router.io/service.schedflags", "flag-1").build(), List.of(WEB_SLICE),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP sh -> 10.244.1.5:8080 10.244.2.6:8080")),
                c("unknown scheduler: rr and a problem", web().annotation("kube-router.io/service.scheduler", "fastest")
                        .build(), List.of(WEB_SLICE), RANGES, Nodes.n1(),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"),
                        List.of("unknown-scheduler")),
                c("malformed schedflags entry skipped", web().annotation("kube-router.io/service.scheduler", "mh")
                        .annotation("kube-router.io/service.schedflags", "flag-3,flag-9").build(), List.of(WEB_SLICE),
                        RANGES, Nodes.n1(),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP mh[FLAG_3] -> 10.244.1.5:8080 10.244.2.6:8080"),
                        List.of("malformed-annotation")),
                c("ClientIP affinity: sticky with its timeout", web().affinity(10800).build(), List.of(WEB_SLICE),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr sticky=10800 -> 10.244.1.5:8080 10.244.2.6:8080")));
    }

    private static Stream<Case> policies() {
        return Stream.of(
                c("internalTrafficPolicy Local: ClusterIP with local endpoints only, NodePort keeps all",
                        webNodePort().internalPolicy(TrafficPolicy.LOCAL).build(),
                        List.of(WEB_SLICE), List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080")),
                c("internalTrafficPolicy Local without a local endpoint: no ClusterIP frontend",
                        web().internalPolicy(TrafficPolicy.LOCAL).build(), List.of(slice("shop", "web-1", "web")
                                .port("http", TCP, 8080).ready("10.244.2.6", "n2").build()), List.of()),
                c("externalTrafficPolicy Local: external frontends local only, ClusterIP keeps all",
                        webNodePort().externalIp("192.0.2.7")
                                .externalPolicy(TrafficPolicy.LOCAL).build(), List.of(WEB_SLICE), RANGES, Nodes.n1(),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080",
                                "EXTERNAL_IP 192.0.2.7:80/TCP rr -> 10.244.1.5:8080"), List.of()),
                c("externalTrafficPolicy Local without a local endpoint: no external frontends",
                        webNodePort().externalPolicy(TrafficPolicy.LOCAL).build(),
                        List.of(slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.2.6", "n2").build()),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.2.6:8080")));
    }

    private static Stream<Case> localAnnotation() {
        return Stream.of(
                c("kube-router.io/service.local=true: external Local, internal Cluster",
                        webNodePort().annotation("kube-router.io/service.local", "true")
                                .build(), List.of(WEB_SLICE),
                        List.of("CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080")),
                c("kube-router.io/service.local malformed: ignored with a problem",
                        webNodePort().annotation("kube-router.io/service.local", "yes")
                                .build(), List.of(WEB_SLICE), RANGES, Nodes.n1(), List.of(
                                "CLUSTER_IP 10.96.0.10:80/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080",
                                "NODE_PORT 10.99.0.1:30080/TCP rr -> 10.244.1.5:8080 10.244.2.6:8080"),
                        List.of("malformed-annotation")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void builds(Case c) {
        ProxiedService built = new ServiceModelBuilder(c.settings()).build(c.service(), c.slices(), c.node(),
                ClaimPolicy.NONE);
        assertEquals(c.servers(), built.servers().stream().map(ServiceModelBuilderTest::render).toList());
        assertEquals(c.problems(), built.problems().stream().map(Problem::reason).toList(),
                built.problems().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void claimsReplaceTheDeliveryOfClaimedServersOnly(Case c) {
        Delivery dsr = new Delivery(Delivery.Forwarding.TUNNEL, 0x2a, false, "dsr");
        ProxiedService built = new ServiceModelBuilder(c.settings()).build(c.service(), c.slices(), c.node(),
                (service, server) -> server.frontend().kind().external() ? server.withDelivery(dsr) : server);
        for (VirtualServer server : built.servers()) {
            assertEquals(server.frontend().kind().external() ? dsr : Delivery.NAT, server.delivery());
        }
    }

    static String render(VirtualServer s) {
        StringBuilder out = new StringBuilder(s.frontend().kind() + " " + s.frontend().address() + ":"
                + s.frontend().port() + "/" + s.frontend().protocol() + " " + s.scheduling().scheduler());
        if (!s.scheduling().flags().isEmpty()) {
            out.append(s.scheduling().flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",", "[", "]")));
        }
        if (s.scheduling().sticky()) {
            out.append(" sticky=").append(s.scheduling().affinityTimeoutSeconds());
        }
        out.append(" ->");
        s.backends().stream().map(Backend::id).sorted().forEach(id -> out.append(' ').append(id));
        return out.toString();
    }

    private static ServiceBuilder web() {
        return service("shop", "web").clusterIp("10.96.0.10").port("http", TCP, 80);
    }

    private static ServiceBuilder webNodePort() {
        return service("shop", "web").clusterIp("10.96.0.10").nodePort("http", TCP, 80, 30080);
    }

    private static Case c(String name, Service service, List<EndpointSlice> slices, List<String> servers) {
        return new Case(name, service, slices, Settings.defaults(), Nodes.n1(), servers, List.of());
    }

    private static Case c(String name, Service service, List<EndpointSlice> slices, Settings settings,
            NodeContext node, List<String> servers, List<String> problems) {
        return new Case(name, service, slices, settings, node, servers, problems);
    }
}
