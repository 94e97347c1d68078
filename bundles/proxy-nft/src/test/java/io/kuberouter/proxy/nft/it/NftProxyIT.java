package io.kuberouter.proxy.nft.it;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static io.kuberouter.api.cluster.Protocol.UDP;
import static io.kuberouter.proxy.fixture.ServiceBuilder.service;
import static io.kuberouter.proxy.fixture.SliceBuilder.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.api.cluster.TrafficPolicy;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.netlink.fixture.NetnsLab;
import io.kuberouter.kernel.netlink.fixture.Probe;
import io.kuberouter.kernel.netlink.fixture.TwoNodeLab;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.model.Settings;
import io.kuberouter.proxy.nft.sync.NftSettings;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The nftables proxy against the host kernel with real traffic: two nodes in network namespaces
 * ({@link TwoNodeLab}, with an uplink default route), each running the real controller, builder and reconciler
 * over {@code nft -f}. The tests share one topology and run in order: traffic first, then the ones that change endpoints and remove the proxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NftProxyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static NetnsLab lab;
    private static TwoNodeCluster cluster;
    private static NftNodeProxy p1;
    private static NftNodeProxy p2;

    @BeforeAll
    static void up() throws Exception {
        lab = TwoNodeLab.up(true);
        cluster = new TwoNodeCluster();
        cluster.put(Nodes.node("n1", List.of("10.99.0.1"), List.of("10.244.1.0/24")),
                Nodes.node("n2", List.of("10.99.0.2"), List.of("10.244.2.0/24")),
                service("shop", "web").clusterIp("10.96.0.10").nodePort("http", TCP, 80, 30080)
                        .port("dns", UDP, 53).externalIp("192.0.2.10").loadBalancerIp("198.51.100.10", null).build(),
                slice("shop", "web-1", "web").port("http", TCP, 8080).port("dns", UDP, 5353)
                        .ready("10.244.1.10", "n1").build(),
                service("shop", "sticky").clusterIp("10.96.0.20").port("http", TCP, 80).affinity(600).build(),
                slice("shop", "sticky-1", "sticky").port("http", TCP, 8080).ready("10.244.1.10", "n1")
                        .ready("10.244.1.11", "n1").build(),
                service("shop", "spread").clusterIp("10.96.0.21").port("http", TCP, 80).build(),
                slice("shop", "spread-1", "spread").port("http", TCP, 8080).ready("10.244.1.10", "n1")
                        .ready("10.244.1.11", "n1").build(),
                service("shop", "local").clusterIp("10.96.0.30").nodePort("http", TCP, 80, 30090)
                        .externalPolicy(TrafficPolicy.LOCAL).build(),
                slice("shop", "local-1", "local").port("http", TCP, 8080).ready("10.244.2.10", "n2").build(),
                service("shop", "drain").clusterIp("10.96.0.40").port("http", TCP, 80).build(),
                slice("shop", "drain-1", "drain").port("http", TCP, 8080).ready("10.244.1.10", "n1")
                        .ready("10.244.1.11", "n1").build(),
                service("shop", "empty").clusterIp("10.96.0.50").port("http", TCP, 80).build(),
                service("shop", "bad").clusterIp("10.96.0.60").port("http", TCP, 80).externalIp("203.0.113.9")
                        .annotation("kube-router.io/service.scheduler", "fastest").build(),
                slice("shop", "bad-1", "bad").port("http", TCP, 8080).ready("10.244.2.10", "n2").build());
        Settings model = Settings.defaults().withExternalRanges(List.of(IpPrefix.parse("192.0.2.0/24")),
                List.of(IpPrefix.parse("198.51.100.0/24")));
        NftSettings settings = new NftSettings(model, false, Duration.ofMinutes(5));
        p1 = new NftNodeProxy(lab.ns("n1"), settings);
        p2 = new NftNodeProxy(lab.ns("n2"), settings);
        p1.start(cluster.n1);
        p2.start(cluster.n2);
        awaitBoth();
    }

    @AfterAll
    static void down() throws Exception {
        for (NftNodeProxy p : new NftNodeProxy[] {p1, p2}) {
            if (p != null && p.controller() != null) {
                p.stop();
            }
        }
        if (lab != null) {
            lab.close();
        }
    }

    private static void awaitBoth() throws InterruptedException {
        assertTrue(p1.controller().awaitApplied(cluster.n1.revision(), WAIT), "n1 synced");
        assertTrue(p2.controller().awaitApplied(cluster.n2.revision(), WAIT), "n2 synced");
    }

    @Test
    @Order(1)
    void clusterIpFromAPodOnAnotherNodeKeepsThePodAddress() throws Exception {
        assertEquals("a1 10.244.2.20", Probe.tcp(lab.ns("c2"), "10.96.0.10", 80));
        try (DatagramSocket socket = Probe.udpSocket(lab.ns("c2"))) {
            assertEquals("a1 10.244.2.20", Probe.udp(socket, "10.96.0.10", 53));
        }
    }

    @Test
    @Order(2)
    void clusterIpFromTheNodeItself() throws Exception {
        assertEquals("a1", Probe.tcp(lab.ns("n1"), "10.96.0.10", 80).split(" ")[0]);
    }

    @Test
    @Order(3)
    void nodePortFromTheNodeNetworkIsMasqueradedOnlyTowardsOtherNodes() throws Exception {
        assertEquals("a1 10.99.0.9", Probe.tcp(lab.ns("client"), "10.99.0.1", 30080), "local backend: client IP kept");
        assertEquals("a1 10.99.0.2", Probe.tcp(lab.ns("client"), "10.99.0.2", 30080), "remote backend: masqueraded");
    }

    @Test
    @Order(4)
    void externalAndLoadBalancerIps() throws Exception {
        assertEquals("a1 10.99.0.9", Probe.tcp(lab.ns("client"), "192.0.2.10", 80));
        assertEquals("a1 10.99.0.9", Probe.tcp(lab.ns("client"), "198.51.100.10", 80));
    }

    @Test
    @Order(5)
    void sessionAffinitySticksAndWithoutItConnectionsSpread() throws Exception {
        Set<String> sticky = new HashSet<>();
        Set<String> spread = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            sticky.add(Probe.tcp(lab.ns("c2"), "10.96.0.20", 80));
            spread.add(Probe.tcp(lab.ns("c2"), "10.96.0.21", 80));
        }
        assertEquals(1, sticky.size(), sticky.toString());
        assertEquals(Set.of("a1 10.244.2.20", "a2 10.244.2.20"), spread);
    }

    @Test
    @Order(6)
    void localPolicyKeepsTheClientAddressAndIsNotServedWithoutALocalEndpoint() throws Exception {
        assertEquals("b1 10.99.0.9", Probe.tcp(lab.ns("client"), "10.99.0.2", 30090));
        assertEquals("refused", Probe.tcp(lab.ns("client"), "10.99.0.1", 30090));
    }

    @Test
    @Order(7)
    void aServiceWithoutEndpointsIsRefusedAndBadInputIsSkippedForItsServiceOnly() throws Exception {
        assertEquals("refused", Probe.tcp(lab.ns("c2"), "10.96.0.50", 80));
        assertEquals("b1 10.244.2.20", Probe.tcp(lab.ns("c2"), "10.96.0.60", 80), "the bad Service's ClusterIP works");
        String unlisted = Probe.tcp(lab.ns("client"), "203.0.113.9", 80);
        assertFalse(unlisted.startsWith("b1"), "an external IP outside the allowed ranges is not served: " + unlisted);
    }

    @Test
    @Order(8)
    void aTerminatingThenRemovedEndpointKeepsItsConnectionAndGetsNoNewOnes() throws Exception {
        try (Probe.Conversation held = Probe.open(lab.ns("c2"), "10.96.0.40", 80)) {
            String pod = held.pod();
            String ip = pod.equals("a1") ? "10.244.1.10" : "10.244.1.11";
            String other = pod.equals("a1") ? "a2" : "a1";
            String otherIp = pod.equals("a1") ? "10.244.1.11" : "10.244.1.10";
            cluster.put(slice("shop", "drain-1", "drain").port("http", TCP, 8080).ready(otherIp, "n1")
                    .endpoint(ip, "n1", false, true, true).build());
            awaitBoth();
            assertEquals(pod + " still-there", held.say("still-there"), "terminating: established connection kept");
            for (int i = 0; i < 10; i++) {
                assertEquals(other, Probe.tcp(lab.ns("c2"), "10.96.0.40", 80).split(" ")[0], "no new connections");
            }
            cluster.put(slice("shop", "drain-1", "drain").port("http", TCP, 8080).ready(otherIp, "n1").build());
            awaitBoth();
            assertEquals(pod + " after-removal", held.say("after-removal"), "removed: conntrack keeps the flow");
            assertEquals(other, Probe.tcp(lab.ns("c2"), "10.96.0.40", 80).split(" ")[0]);
        }
    }

    @Test
    @Order(9)
    void aRestartedControllerKeepsServingAndRemovalDeletesTheTable() throws Exception {
        p1.stop();
        p1.start(cluster.n1);
        assertTrue(p1.controller().awaitApplied(cluster.n1.revision(), WAIT));
        assertEquals("a1 10.99.0.9", Probe.tcp(lab.ns("client"), "10.99.0.1", 30080));
        cluster.remove(ResourceKind.SERVICE, new ObjectKey("shop", "web"));
        awaitBoth();
        assertFalse(lab.ns("n1").exec("nft", "list", "table", "inet", "kube-router-proxy").contains("30080"));
        p1.stop();
        p1.removeState();
        assertTrue(lab.ns("n1").run("nft", "list", "table", "inet", "kube-router-proxy").exitCode() != 0,
                "the table is gone");
        assertTrue(lab.ns("n2").exec("nft", "list", "tables").contains("kube-router-proxy"), "n2 untouched");
    }
}
