package io.kuberouter.dsr.it;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.kernel.harness.Kernel;
import io.kuberouter.kernel.harness.KernelTest;
import io.kuberouter.kernel.netlink.fixture.NetnsLab;
import io.kuberouter.kernel.netlink.fixture.Probe;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.fixture.ServiceBuilder;
import io.kuberouter.proxy.fixture.SliceBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * DSR against a real kernel with real traffic, in the UML guest (IPVS, ipip and dummy links exist only there):
 * the real proxy controller and the real DSR controller of one node ({@link DsrNode}), a client on the node
 * network, two endpoint pods. Service {@code web} is annotated {@code kube-router.io/service.dsr: tunnel} on
 * external IP 192.0.2.10; service {@code plain} (192.0.2.20, ClusterIP 10.96.0.20) is not. The tests share the
 * topology and run in order: traffic, then the dsr bundle stopped and started again.
 */
@KernelTest(requires = {Kernel.IPVS, Kernel.IPIP, Kernel.DUMMY})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DsrGuestIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static NetnsLab lab;
    private static FakeClusterState cluster;
    private static DsrNode node;

    @BeforeAll
    static void up() throws Exception {
        lab = DsrLab.up();
        cluster = new FakeClusterState("n1");
        cluster.put(Nodes.node("n1", List.of("10.99.0.1"), List.of("10.244.1.0/24")), pod("a1"), pod("a2"),
                ServiceBuilder.service("shop", "web").clusterIp("10.96.0.10").port("http", TCP, 80)
                        .externalIp("192.0.2.10").annotation("kube-router.io/service.dsr", "tunnel").build(),
                slice("web", "a1", "a2"),
                ServiceBuilder.service("shop", "plain").clusterIp("10.96.0.20").port("http", TCP, 80)
                        .externalIp("192.0.2.20").build(),
                slice("plain", "a2"));
        node = new DsrNode(lab.ns("n1"));
        node.startProxy(cluster);
        node.startDsr(cluster);
        awaitSynced();
    }

    @AfterAll
    static void down() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void aClientOnTheNodeNetworkReachesTheExternalIpAndThePodAnswersFromTheVip() throws Exception {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            answers.add(Probe.tcp(lab.ns("client"), "192.0.2.10", 80));
        }
        // "<pod> <client address the pod saw> <local address the pod answered from>"
        assertEquals(Set.of("a1 10.99.0.9 192.0.2.10", "a2 10.99.0.9 192.0.2.10"), answers);
        String ipvs = lab.ns("n1").exec("ipvsadm", "-Ln");
        System.out.println("[dsr] ipvsadm -Ln on n1:\n" + ipvs);
        assertTrue(ipvs.matches("(?s).*FWM\\s+\\d+ rr.*10\\.244\\.1\\.10:80\\s+Tunnel.*"), ipvs);
        assertTrue(ipvs.matches("(?s).*10\\.244\\.1\\.11:80\\s+Tunnel.*"), ipvs);
        assertFalse(lab.ns("n1").ip("-4", "addr", "show", "kube-dummy-if").contains("192.0.2.10"),
                "VIP-less director");
    }

    @Test
    @Order(2)
    void aCaptureInThePodShowsTheTunnelledRequestAndTheReplyLeavingFromTheVip() throws Exception {
        Path script = Path.of(DsrGuestIT.class.getResource("sniff.py").toURI());
        Process sniffer = new ProcessBuilder("ip", "netns", "exec", lab.ns("a1").name(), "python3", script.toString(),
                "eth0", "4").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(sniffer.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
        for (int i = 0; i < 4; i++) {
            Probe.tcp(lab.ns("client"), "192.0.2.10", 80);
        }
        assertTrue(sniffer.waitFor(20, TimeUnit.SECONDS));
        List<String> capture = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            capture.add(line);
        }
        System.out.println("[dsr] capture on a1 eth0:\n" + String.join("\n", capture));
        assertTrue(capture.stream().anyMatch(l -> l.matches(
                "in 10\\.244\\.1\\.1 > 10\\.244\\.1\\.10 "
                        + "ipip \\[10\\.99\\.0\\.9 > 192\\.0\\.2\\.10 tcp \\d+ > 80 \\[S]]")),
                "the SYN arrives IP-in-IP from the node, inner packet untouched");
        assertTrue(capture.stream().anyMatch(l -> l.matches(
                "out 192\\.0\\.2\\.10 > 10\\.99\\.0\\.9 tcp 80 > \\d+ \\[S\\.]")),
                "the pod itself answers the client from the VIP, not encapsulated, not NATed");
        String mangle = lab.ns("n1").exec("iptables", "-t", "mangle", "-L", "PREROUTING", "-v", "-n", "-x");
        System.out.println("[dsr] n1 mangle PREROUTING:\n" + mangle);
        String mss = mangle.lines().filter(l -> l.contains("TCPMSS")).findFirst().orElseThrow();
        assertTrue(Long.parseLong(mss.trim().split("\\s+")[0]) > 0,
                "the pods' SYN-ACKs (source VIP, in from kube-bridge) were clamped on n1: " + mss);
        assertTrue(mss.contains("TCPMSS set 1440"), "MTU 1500 - 60: " + mss);
    }

    @Test
    @Order(3)
    void theNodeHasTheMarksTablesAndRulesAndThePodsTheirTunnels() throws Exception {
        String mangle = lab.ns("n1").exec("iptables-save", "-t", "mangle");
        assertTrue(mangle.matches("(?s).*-A PREROUTING -d 192\\.0\\.2\\.10/32 -p tcp -m tcp --dport 80 -j MARK "
                + "--set-xmark 0x[0-9a-f]+/0xffffffff.*"), mangle);
        assertTrue(mangle.matches("(?s).*-A OUTPUT -d 192\\.0\\.2\\.10/32 -p tcp -m tcp --dport 80 -j MARK.*"), mangle);
        assertTrue(mangle.contains("-A PREROUTING -s 192.0.2.10/32 -i kube-bridge -p tcp -m tcp --sport 80 "
                + "--tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1440"), "the form DSR writes and reads back: " + mangle);
        assertFalse(mangle.contains("192.0.2.20"), "plain service untouched");
        String rules = lab.ns("n1").ip("rule");
        assertTrue(rules.matches("(?s).*32764:\\s+from all fwmark 0x[0-9a-f]+ lookup 78.*"), rules);
        assertTrue(rules.matches("(?s).*32765:\\s+from all lookup 79.*"), rules);
        assertTrue(lab.ns("n1").ip("route", "show", "table", "78").contains("local default dev lo"));
        for (String pod : List.of("a1", "a2")) {
            String tunnel = lab.ns(pod).ip("-d", "addr", "show", "kube-tunnel-if");
            assertTrue(tunnel.contains("ipip") && tunnel.contains("192.0.2.10/32"), tunnel);
        }
        assertEquals(Set.of("10.244.1.10", "10.244.1.11"), node.dsr().configuredPods());
    }

    @Test
    @Order(4)
    void stoppingTheDsrBundleRemovesExactlyItsStateAndStartingItRestoresIt() throws Exception {
        lab.ns("n1").exec("iptables", "-t", "mangle", "-A", "PREROUTING", "-d", "203.0.113.7", "-j", "MARK",
                "--set-mark", "0x10000");
        lab.ns("n1").ip("rule", "add", "fwmark", "0x5", "lookup", "100", "priority", "100");
        String plainBefore = Probe.tcp(lab.ns("client"), "192.0.2.20", 80);
        assertEquals("a2 10.99.0.9 10.244.1.11", plainBefore, "IPVS NAT: the pod answers on its own address");

        node.stopDsr();
        assertTrue(eventually(() -> !lab.ns("n1").exec("ipvsadm", "-Ln").contains("FWM")),
                "the proxy dropped the fwmark services once the extension went");
        String mangle = lab.ns("n1").exec("iptables-save", "-t", "mangle");
        assertFalse(mangle.contains("192.0.2.10") || mangle.contains("TCPMSS"), mangle);
        assertTrue(mangle.contains("-d 203.0.113.7/32 -j MARK --set-xmark 0x10000/0xffffffff"), "foreign rule kept");
        String rules = lab.ns("n1").ip("rule");
        assertFalse(rules.contains("lookup 78") || rules.contains("lookup 79"), rules);
        assertTrue(rules.contains("fwmark 0x5 lookup 100"), "foreign rule kept: " + rules);
        assertEquals("", lab.ns("n1").ip("route", "show", "table", "78").strip());
        for (String pod : List.of("a1", "a2")) {
            assertFalse(lab.ns(pod).ip("link").contains("kube-tunnel-if"), pod);
        }
        assertTrue(eventually(() -> lab.ns("n1").ip("-4", "addr", "show", "kube-dummy-if").contains("192.0.2.10")),
                "the proxy serves the external IP itself again (NAT)");
        assertEquals(plainBefore, Probe.tcp(lab.ns("client"), "192.0.2.20", 80), "other services unaffected");
        assertTrue(Probe.tcp(lab.ns("client"), "192.0.2.10", 80).matches("a[12] 10\\.99\\.0\\.9 10\\.244\\.1\\.1[01]"),
                "without DSR the pod answers from its own address, through the node's IPVS NAT");

        node.startDsr(cluster);
        awaitSynced();
        assertTrue(eventually(() -> lab.ns("n1").exec("ipvsadm", "-Ln").contains("FWM")));
        awaitSynced();
        assertTrue(lab.ns("n1").ip("rule").contains("lookup 78"));
        assertTrue(lab.ns("n1").ip("route", "show", "table", "78").contains("local default dev lo"));
        assertTrue(lab.ns("a1").ip("addr", "show", "kube-tunnel-if").contains("192.0.2.10/32"));
        assertTrue(Probe.tcp(lab.ns("client"), "192.0.2.10", 80).matches("a[12] 10\\.99\\.0\\.9 192\\.0\\.2\\.10"));
        assertEquals(plainBefore, Probe.tcp(lab.ns("client"), "192.0.2.20", 80));
    }

    @Test
    @Order(5)
    void anAgentRestartKeepsTheDataplaneAndAdoptsItWithoutRewriting() throws Exception {
        String before = markCounter();
        node.stop();
        assertEquals(before, markCounter(), "stopping the agent removes nothing");
        assertTrue(lab.ns("a1").ip("addr", "show", "kube-tunnel-if").contains("192.0.2.10/32"));
        node.startAgent(cluster);
        awaitSynced();
        assertTrue(Probe.tcp(lab.ns("client"), "192.0.2.10", 80).matches("a[12] 10\\.99\\.0\\.9 192\\.0\\.2\\.10"));
        long kept = Long.parseLong(before.trim().split("\\s+")[0]);
        long now = Long.parseLong(markCounter().trim().split("\\s+")[0]);
        assertTrue(now > kept, "the MARK rule was adopted, not rewritten (its counter went on from " + kept + " to "
                + now + ")");
    }

    private static String markCounter() {
        return lab.ns("n1").exec("iptables", "-t", "mangle", "-L", "PREROUTING", "-v", "-n", "-x").lines()
                .filter(l -> l.contains("MARK set") && l.contains("192.0.2.10")).findFirst().orElseThrow();
    }

    private static void awaitSynced() throws InterruptedException {
        assertTrue(node.proxy().awaitApplied(cluster.revision(), WAIT), "proxy synced");
        assertTrue(eventually(() -> node.dsr().appliedRevision() >= node.proxy().view().revision()
                && node.dsr().configuredPods().size() == 2), "dsr synced");
    }

    private static Pod pod(String name) {
        String ip = DsrLab.PODS.get(name);
        return new Pod(new ObjectKey("shop", "pod-" + ip.replace('.', '-')), "uid-" + name, Map.of(), "n1", false,
                "Running", List.of(ip), List.of(), List.of(), 3, false);
    }

    private static EndpointSlice slice(String service, String... pods) {
        SliceBuilder builder = SliceBuilder.slice("shop", service + "-1", service).port("http", TCP, 80);
        for (String p : pods) {
            builder.ready(DsrLab.PODS.get(p), "n1");
        }
        return builder.build();
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
