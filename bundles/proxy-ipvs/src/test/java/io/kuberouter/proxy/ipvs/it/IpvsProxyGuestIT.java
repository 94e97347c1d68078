package io.kuberouter.proxy.ipvs.it;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static io.kuberouter.api.cluster.Protocol.UDP;
import static io.kuberouter.proxy.fixture.ServiceBuilder.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.harness.Kernel;
import io.kuberouter.kernel.harness.KernelTest;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.fixture.NetnsLab;
import io.kuberouter.kernel.netlink.fixture.Probe;
import io.kuberouter.kernel.netlink.fixture.TwoNodeLab;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.fixture.SliceBuilder;
import io.kuberouter.proxy.ipvs.kernel.IpvsOwnership;
import io.kuberouter.proxy.ipvs.kernel.ProxyOptions;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import io.kuberouter.proxy.model.Settings;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The proxy against a real kernel with real traffic (in the UML guest: the host has no IPVS and no dummy
 * links). Two nodes run the real controller, builder and reconciler over netlink, /proc/sys, iptables-legacy
 * and ipset ({@link TwoNodeLab} shows the wiring); n1 drains removed endpoints gracefully, n2 removes them at once.
 * The tests share one topology and run in order: traffic first, then the ones that change endpoints, restart
 * and remove the proxy.
 */
@KernelTest(requires = {Kernel.IPVS, Kernel.DUMMY})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IpvsProxyGuestIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static NetnsLab lab;
    private static TwoNodeCluster cluster;
    private static NodeProxy p1;
    private static NodeProxy p2;

    @BeforeAll
    static void up() throws Exception {
        lab = TwoNodeLab.up(false);
        cluster = new TwoNodeCluster();
        cluster.put(Nodes.node("n1", List.of("10.99.0.1"), List.of("10.244.1.0/24")),
                Nodes.node("n2", List.of("10.99.0.2"), List.of("10.244.2.0/24")),
                pod("a1", "n1", "10.244.1.10"), pod("a2", "n1", "10.244.1.11"), pod("b1", "n2", "10.244.2.10"));
        cluster.put(service("shop", "web").clusterIp("10.96.0.10").nodePort("http", TCP, 80, 30080)
                        .externalIp("192.0.2.10").type(ServiceType.LOAD_BALANCER).loadBalancerIp("198.51.100.10", null)
                        .build(), slice("shop", "web", "a1", "a2", "b1"),
                service("shop", "dns").clusterIp("10.96.0.53").port("dns", UDP, 53).build(),
                slice("shop", "dns", "dns", UDP, 5353, "a1", "b1"),
                service("shop", "sticky").clusterIp("10.96.0.20").port("http", TCP, 80).affinity(300).build(),
                slice("shop", "sticky", "a1", "a2", "b1"),
                service("shop", "local").clusterIp("10.96.0.21").nodePort("http", TCP, 80, 30081)
                        .externalPolicy(TrafficPolicy.LOCAL).build(), slice("shop", "local", "a1"),
                service("shop", "bad").clusterIp("10.96.0.30").port("http", TCP, 80).externalIp("203.0.113.5")
                        .annotation("kube-router.io/service.scheduler", "fastest").build(), slice("shop", "bad", "b1"),
                service("shop", "drain").clusterIp("10.96.0.40").nodePort("http", TCP, 80, 30082).build(),
                slice("shop", "drain", "a1", "a2"));
        p1 = new NodeProxy(lab.ns("n1"), settings(true));
        p2 = new NodeProxy(lab.ns("n2"), settings(false));
        p1.start(cluster.n1);
        p2.start(cluster.n2);
        awaitBoth();
    }

    @AfterAll
    static void down() throws Exception {
        if (p2 != null && p2.controller() != null) {
            p2.stop();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void clusterIpFromAPodOnAnotherNodeReachesEveryBackend() throws Exception {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            answers.add(Probe.tcp(lab.ns("c2"), "10.96.0.10", 80));
        }
        assertEquals(Set.of("a1 10.244.2.20", "a2 10.244.2.20", "b1 10.244.2.20"), answers);
        try (DatagramSocket socket = Probe.udpSocket(lab.ns("c2"))) {
            String answer = Probe.udp(socket, "10.96.0.53", 53);
            assertTrue(Set.of("a1 10.244.2.20", "b1 10.244.2.20").contains(answer), answer);
        }
    }

    @Test
    @Order(2)
    void nodePortFromTheNodeNetworkMasqueradesOnlyTowardsOtherNodes() throws Exception {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            answers.add(Probe.tcp(lab.ns("client"), "10.99.0.1", 30080));
        }
        assertEquals(Set.of("a1 10.99.0.9", "a2 10.99.0.9", "b1 10.99.0.1"), answers);
        assertTrue(Probe.tcp(lab.ns("client"), "10.99.0.2", 30080).matches("(a1|a2) 10\\.99\\.0\\.2|b1 10\\.99\\.0\\.9"));
    }

    @Test
    @Order(3)
    void externalAndLoadBalancerIpsAreServedAndOtherPortsOnThemRefused() throws Exception {
        assertTrue(Probe.tcp(lab.ns("client"), "192.0.2.10", 80).matches("(a1|a2|b1) .*"));
        assertTrue(Probe.tcp(lab.ns("client"), "198.51.100.10", 80).matches("(a1|a2|b1) .*"));
        assertEquals("refused", Probe.tcp(lab.ns("client"), "192.0.2.10", 81));
        String vips = lab.ns("n1").ip("-4", "addr", "show", "kube-dummy-if");
        assertTrue(vips.contains("10.96.0.10/32 scope link") && vips.contains("192.0.2.10/32 scope link")
                && vips.contains("198.51.100.10/32 scope link"), vips);
        assertTrue(lab.ns("n1").ip("route", "show", "table", "local", "10.96.0.10").contains("src 10.99.0.1"));
    }

    @Test
    @Order(4)
    void badInputIsSkippedForItsServiceOnlyAndCounted() throws Exception {
        String refusedIp = Probe.tcp(lab.ns("client"), "203.0.113.5", 80);
        assertFalse(refusedIp.matches("(a1|a2|b1) .*"), refusedIp);
        assertEquals("b1 10.244.2.20", Probe.tcp(lab.ns("c2"), "10.96.0.30", 80));
        assertTrue(lab.ns("n1").exec("ipvsadm", "-Ln", "-t", "10.96.0.30:80").contains("10.96.0.30:80 rr"));
        Set<String> reasons = new HashSet<>();
        p1.controller().metrics().skipped().collect().getDataPoints()
                .forEach(p -> reasons.add(p.getLabels().get("reason")));
        assertEquals(Set.of("external-ip-not-allowed", "unknown-scheduler"), reasons);
    }

    @Test
    @Order(5)
    void clientIpAffinitySticksWhereRoundRobinSpreads() throws Exception {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            answers.add(Probe.tcp(lab.ns("c2"), "10.96.0.20", 80));
        }
        assertEquals(1, answers.size(), answers.toString());
        assertTrue(lab.ns("n2").exec("ipvsadm", "-Ln", "-t", "10.96.0.20:80").contains("persistent 300"));
    }

    @Test
    @Order(6)
    void localPolicyKeepsTheClientIpAndIsNotServedWhereNoEndpointIsLocal() throws Exception {
        assertEquals("a1 10.99.0.9", Probe.tcp(lab.ns("client"), "10.99.0.1", 30081));
        String elsewhere = Probe.tcp(lab.ns("client"), "10.99.0.2", 30081);
        assertTrue(Set.of("refused", "timeout").contains(elsewhere), elsewhere);
    }

    @Test
    @Order(7)
    void aRemovedEndpointDrainsKeepingItsConnectionAndIsDeletedAfterThePodsGracePeriod() throws Exception {
        try (Probe.Conversation kept = Probe.open(lab.ns("client"), "10.99.0.1", 30082)) {
            String gone = kept.pod();
            String stays = gone.equals("a1") ? "a2" : "a1";
            cluster.put(slice("shop", "drain", stays));
            awaitBoth();
            String listing = lab.ns("n1").exec("ipvsadm", "-Ln", "-t", "10.99.0.1:30082");
            assertTrue(listing.matches("(?s).*" + ip(gone) + ":8080\\s+Masq\\s+0\\s+1.*"), listing);
            assertEquals(gone + " ping", kept.say("ping"));
            for (int i = 0; i < 3; i++) {
                assertTrue(Probe.tcp(lab.ns("client"), "10.99.0.1", 30082).startsWith(stays + " "));
            }
        }
        assertTrue(eventually(() -> lab.ns("n1").exec("ipvsadm", "-Ln", "-t", "10.99.0.1:30082").lines()
                .filter(l -> l.contains("->") && l.contains(":8080")).count() == 1));
    }

    @Test
    @Order(8)
    void aRemovedUdpEndpointLosesItsConntrackEntriesAndTheClientMovesOn() throws Exception {
        try (DatagramSocket socket = Probe.udpSocket(lab.ns("c2"))) {
            String first = Probe.udp(socket, "10.96.0.53", 53).split(" ")[0];
            assertFalse(conntrack("n2", "10.96.0.53").isBlank());
            String other = first.equals("a1") ? "b1" : "a1";
            cluster.put(slice("shop", "dns", "dns", UDP, 5353, other));
            awaitBoth();
            assertEquals("", conntrack("n2", "10.96.0.53").strip());
            assertEquals(other + " 10.244.2.20", Probe.udp(socket, "10.96.0.53", 53));
        }
    }

    @Test
    @Order(9)
    void aRestartedProxyAdoptsTheKernelStateWithoutWritingOrFlushing() throws Exception {
        assertTrue(eventually(() -> !lab.ns("n1").exec("ipvsadm", "-Ln").matches("(?s).*Masq\\s+0\\s.*")),
                "earlier drains have ended");
        try (Probe.Conversation open = Probe.open(lab.ns("client"), "10.99.0.1", 30080)) {
            String before = lab.ns("n1").exec("ipvsadm", "-Ln", "--stats", "-t", "10.99.0.1:30080");
            int written = p1.ipvs.written();
            p1.stop();
            p1.start(cluster.n1);
            assertTrue(p1.controller().awaitApplied(cluster.n1.revision(), WAIT));
            assertEquals(written, p1.ipvs.written(), "no IPVS write after a restart");
            assertEquals(0, p1.ipvs.flushes());
            String nat = lab.ns("n1").exec("iptables-save", "-t", "nat");
            assertEquals(1, nat.lines().filter(l -> l.contains("-j SNAT")).count(), "adopted, not duplicated: " + nat);
            assertTrue(open.say("still there").endsWith(" still there"));
            long after = connections(lab.ns("n1").exec("ipvsadm", "-Ln", "--stats", "-t", "10.99.0.1:30080"));
            assertTrue(connections(before) >= 6 && after >= connections(before),
                    "the virtual service kept its counters: " + before + " then " + after);
            MetricSnapshots metrics = Inside.call(lab.ns("n1"), () -> p1.controller().metrics().collect());
            assertTrue(metrics.stream().anyMatch(m -> m.getMetadata().getName()
                    .equals("kube_router_service_total_connections") && !m.getDataPoints().isEmpty()));
        }
    }

    @Test
    @Order(10)
    void removingTheProxyRemovesExactlyWhatItOwns() throws Exception {
        lab.ns("n1").exec("ipset", "create", "FOREIGN", "hash:ip");
        lab.ns("n1").exec("iptables", "-N", "FOREIGN");
        p1.stop();
        p1.removeState();
        assertEquals("", lab.ns("n1").exec("ipvsadm", "-Sn").strip());
        assertFalse(lab.ns("n1").ip("link").contains("kube-dummy-if"));
        assertEquals("FOREIGN", lab.ns("n1").exec("ipset", "list", "-n").strip());
        String filter = lab.ns("n1").exec("iptables-save", "-t", "filter");
        assertTrue(filter.contains(":FOREIGN") && !filter.contains("KUBE-ROUTER-SERVICES"), filter);
        String nat = lab.ns("n1").exec("iptables-save", "-t", "nat");
        assertFalse(nat.contains("SNAT"), nat);

    }

    private static ProxySettings settings(boolean graceful) {
        Settings model = new Settings(Set.of(IpFamily.IPV4), List.of(IpPrefix.parse("10.96.0.0/12")),
                List.of(IpPrefix.parse("192.0.2.0/24")), List.of(IpPrefix.parse("198.51.100.0/24")), true, false);
        ProxyOptions kernel = new ProxyOptions(Set.of(IpFamily.IPV4), false, true, graceful, Duration.ofSeconds(30),
                IpvsOwnership.everything(List.of()), new IpvsTimeouts(0, 0, 0));
        return new ProxySettings(model, kernel, Duration.ofMinutes(5));
    }

    private static void awaitBoth() throws InterruptedException {
        assertTrue(p1.controller().awaitApplied(cluster.n1.revision(), WAIT), "n1 synced");
        assertTrue(p2.controller().awaitApplied(cluster.n2.revision(), WAIT), "n2 synced");
    }

    private static final Map<String, String[]> PODS = Map.of("a1", new String[] {"10.244.1.10", "n1"},
            "a2", new String[] {"10.244.1.11", "n1"}, "b1", new String[] {"10.244.2.10", "n2"});

    private static String ip(String pod) {
        return PODS.get(pod)[0];
    }

    /** A slice of port "http" TCP 8080 for Service {@code name} with the given pods, all ready. */
    private static EndpointSlice slice(String namespace, String name, String... pods) {
        return slice(namespace, name, "http", TCP, 8080, pods);
    }

    private static EndpointSlice slice(String namespace, String name, String port,
            Protocol protocol, int number, String... pods) {
        SliceBuilder builder = SliceBuilder.slice(namespace, name + "-1", name).port(port, protocol, number);
        for (String p : pods) {
            builder.ready(PODS.get(p)[0], PODS.get(p)[1]);
        }
        return builder.build();
    }

    /** A running pod whose grace period (3 s) bounds graceful drains. */
    private static Pod pod(String name, String node, String ip) {
        return new Pod(new ObjectKey("shop", "pod-" + ip.replace('.', '-')), "uid-" + name, Map.of(), node, false,
                "Running", List.of(ip), List.of(), List.of(), 3, false);
    }

    private static String conntrack(String node, String vip) {
        return lab.ns(node).run("conntrack", "-L", "-p", "udp", "--orig-dst", vip).output().lines()
                .filter(l -> l.startsWith("udp")).reduce("", (a, b) -> a + b + "\n");
    }

    private static long connections(String stats) {
        return stats.lines().filter(l -> l.startsWith("TCP")).map(l -> l.trim().split("\\s+")[2])
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
