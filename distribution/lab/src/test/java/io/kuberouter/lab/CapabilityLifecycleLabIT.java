package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #11 on the real distribution in the lab (host kernel, so the service proxy is the nftables backend): with a
 * NetworkPolicy in force and a long-lived TCP connection from a pod on n1 through a ClusterIP to a pod on n2 (n1's
 * proxy, then n2's firewall), (1) the firewall bundle is stopped and started through the agent's Web Console, (2) it
 * is updated to a rebuilt version, (3) so is the proxy bundle, (4) both agents are restarted (SIGTERM, new JVMs).
 * The connection must survive each; the firewall's kernel state must be gone while its bundle is stopped and back
 * after, and every capability's state stays in place through updates and restarts; while the agents are down the
 * isolated pods stay isolated. Per-node enablement by annotation: {@link NodeCapabilitiesLabIT}.
 *
 * <p>Policy {@code b-from-a}: pods {@code app=b} (b1, b2 on n2) accept ingress only from pods {@code app=a} and the
 * node network, so {@code b1 -> b2} is refused while {@code a* -> b*} is answered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapabilityLifecycleLabIT {
    private static final Path SCENARIO = LabOptions.defaults().distribution().resolve("lab/scenarios/two-nodes");
    private static final List<String> AGENT_ARGS = List.of("--run-firewall=true", "--run-service-proxy=true",
            "--service-proxy-backend=nftables",
            "--run-router=false", "--webconsole-password=" + AgentConsole.PASSWORD);
    private static final String PROXY_BUNDLE = "io.kuberouter.proxy.nft";
    private static final String VIP = "10.96.0.90";
    private static final int STREAM_PORT = 9000;
    private static final String FIREWALL_BUNDLE = "io.kuberouter.firewall";
    private static final Pattern FIREWALL_STATE = Pattern.compile("KUBE-POD-FW-|KUBE-NWPLCY-|KUBE-ROUTER-FORWARD");
    private static final Pattern VERSIONED_CHAIN = Pattern.compile("(KUBE-POD-FW-|KUBE-NWPLCY-)[A-Z2-7]{16}");
    /** Healthy agents may still be listing the API (a minute on a loaded 2-core machine). */
    private static final Duration FIRST_SYNC = Duration.ofSeconds(180);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: b-from-a, namespace: lab}
            spec:
              podSelector: {matchLabels: {app: b}}
              policyTypes: [Ingress]
              ingress:
                - from: [{podSelector: {matchLabels: {app: a}}}, {ipBlock: {cidr: 10.99.0.0/24}}]
            """;
    /** ClusterIP {@value #VIP}:9000 with one endpoint, b1's stream server (on n2). */
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: stream, namespace: lab}
            spec:
              clusterIP: 10.96.0.90
              clusterIPs: [10.96.0.90]
              ports: [{name: stream, protocol: TCP, port: 9000, targetPort: 9000}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: stream-1, namespace: lab, labels: {kubernetes.io/service-name: stream}}
            addressType: IPv4
            ports: [{name: stream, protocol: TCP, port: 9000}]
            endpoints:
              - addresses: [10.244.2.10]
                conditions: {ready: true, serving: true, terminating: false}
                nodeName: n2
            """;

    private static Lab lab;
    private static LongConnection connection;
    private static Map<String, Boolean> isolated;

    @BeforeAll
    static void up() throws IOException {
        lab = Lab.up(SCENARIO, LabOptions.defaults().withStaticRoutes(true).withAgentArgs(AGENT_ARGS));
        lab.applyManifest("90-policy.yaml", POLICY);
        lab.applyManifest("91-service.yaml", SERVICE);
        Map<String, Boolean> expected = new TreeMap<>();
        matrix().keySet().forEach(key -> expected.put(key, !isBToOtherB(key)));
        isolated = awaitMatrix(expected::equals, FIRST_SYNC);
        assertEquals(expected, isolated, "the policy in force");
        connection = connectThroughTheVip();
    }

    @AfterAll
    static void down() {
        if (connection != null) {
            System.err.println("lab: long connection " + connection);
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void firewallBundleStopRemovesExactlyItsStateAndStartRestoresIt() {
        LabNode n2 = lab.node("n2");
        assertTrue(FIREWALL_STATE.matcher(n2.exec("iptables-save")).find(), "firewall chains before the stop");
        String foreign = addForeignState(n2);

        lab.console("n2").bundleAction(FIREWALL_BUNDLE, "stop");
        assertFalse(FIREWALL_STATE.matcher(n2.exec("iptables-save")).find(), n2.exec("iptables-save"));
        assertFalse(n2.exec("ipset", "list", "-n").contains("KUBE-"), n2.exec("ipset", "list", "-n"));
        assertTrue(n2.exec("iptables-save").contains(foreign), "a foreign rule went with the firewall");
        assertTrue(n2.exec("ipset", "list", "-n").contains("lab-foreign"), "a foreign ipset went with the firewall");
        Map<String, Boolean> open = lab.probe().probes().stream()
                .collect(TreeMap::new, (m, p) -> m.put(p.key(), p.answered()), Map::putAll);
        assertTrue(open.get("lab/b1 -> pod lab/b2 8080/TCP"), "n2's pods are not isolated while the firewall is stopped");
        assertOnlyNodeCellsChanged(open);
        connection.awaitExchanges(10, SETTLE);

        lab.console("n2").bundleAction(FIREWALL_BUNDLE, "start");
        assertEquals(isolated, awaitMatrix(isolated::equals), "the matrix after the firewall started again");
        assertTrue(FIREWALL_STATE.matcher(n2.exec("iptables-save")).find(), "firewall chains after the start");
        connection.awaitExchanges(10, SETTLE);
        assertTrue(connection.alive(), connection.toString());
    }

    @Test
    @Order(2)
    void firewallBundleUpdateToARebuiltVersionKeepsItsStateInPlace() throws IOException {
        LabNode n2 = lab.node("n2");
        String rulesBefore = withoutCounters(n2.exec("iptables-save", "-t", "filter"));
        Path rebuilt = lab.runDir().resolve("firewall-rebuilt.jar");
        String version = RebuiltBundle.write(bundleJar(FIREWALL_BUNDLE), "rebuilt", rebuilt);

        lab.console("n2").installOrUpdate(rebuilt);
        awaitBundle(lab.console("n2"), FIREWALL_BUNDLE, "\"version\":\"" + version + "\"");
        awaitBundle(lab.console("n2"), FIREWALL_BUNDLE, "\"state\":\"Active\"");
        connection.awaitExchanges(10, SETTLE);
        assertEquals(isolated, matrix(), "the matrix after the update");
        assertEquals(rulesBefore, withoutCounters(n2.exec("iptables-save", "-t", "filter")),
                "the update changed the firewall's rules");
        assertTrue(Files.readString(lab.runDir().resolve("logs/agent-n2.log")).contains("firewall passing"),
                "the old version did not leave its state for the new one");
        assertTrue(connection.alive(), connection.toString());
    }

    @Test
    @Order(3)
    void proxyBundleUpdateToARebuiltVersionKeepsTheConnectionThroughTheVip() throws IOException {
        LabNode n1 = lab.node("n1");
        String tableBefore = proxyTable(n1);
        assertTrue(tableBefore.contains(VIP), tableBefore);
        Path rebuilt = lab.runDir().resolve("proxy-rebuilt.jar");
        String version = RebuiltBundle.write(bundleJar(PROXY_BUNDLE), "rebuilt", rebuilt);

        lab.console("n1").installOrUpdate(rebuilt);
        awaitBundle(lab.console("n1"), PROXY_BUNDLE, "\"version\":\"" + version + "\"");
        awaitBundle(lab.console("n1"), PROXY_BUNDLE, "\"state\":\"Active\"");
        connection.awaitExchanges(10, SETTLE);
        assertEquals(tableBefore, proxyTable(n1), "the update changed the proxy's table");
        assertTrue(Files.readString(lab.runDir().resolve("logs/agent-n1.log")).contains("proxy passing ("),
                "the old version did not leave its table for the new one");
        assertEquals(isolated, matrix(), "the matrix after the update");
        assertTrue(connection.alive(), connection.toString());
    }

    @Test
    @Order(4)
    void agentRestartKeepsTheDataplane() throws IOException {
        Map<String, String> before = Map.of("n1", dataplane(lab.node("n1")), "n2", dataplane(lab.node("n2")));
        long firewallSyncs = firewallSyncs();
        lab.stopAgent("n1");
        lab.stopAgent("n2");
        connection.awaitExchanges(10, SETTLE);
        before.forEach((node, state) -> assertEquals(state, dataplane(lab.node(node)),
                "the agent's exit changed the dataplane of " + node));
        assertEquals(isolated, matrix(), "the matrix while the agents are down");

        lab.startAgent("n1");
        lab.startAgent("n2");
        // sampled all along: from the agents' start until a few seconds after n2's restarted firewall synced
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long afterSync = Long.MAX_VALUE;
        int samples = 0;
        while (System.nanoTime() < Math.min(deadline, afterSync)) {
            assertEquals(isolated, matrix(), "the matrix while the agents restart, sample " + ++samples);
            if (afterSync == Long.MAX_VALUE && firewallSyncs() > firewallSyncs) {
                afterSync = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
        }
        assertTrue(firewallSyncs() > firewallSyncs, "the restarted firewall of n2 never synced");
        connection.awaitExchanges(10, SETTLE);
        assertEquals(isolated, matrix(), "the matrix after the restarted agents synced");
        assertTrue(connection.alive(), connection.toString());
    }

    /** How often n2's firewall started syncing (once per process, when its services are bound). */
    private static long firewallSyncs() throws IOException {
        return Files.readString(lab.runDir().resolve("logs/agent-n2.log")).lines()
                .filter(l -> l.contains("firewall syncing")).count();
    }

    /**
     * Opens the long connection a1 (n1) -> {@value #VIP}:{@value #STREAM_PORT} -> b1 (n2): through n1's proxy and
     * n2's firewall. Retries until n1's proxy has programmed the VIP.
     */
    private static LongConnection connectThroughTheVip() {
        lab.serveStream("lab/b1", STREAM_PORT);
        long deadline = System.nanoTime() + FIRST_SYNC.toNanos();
        while (true) {
            try {
                return lab.holdConnection("lab/a1", VIP, STREAM_PORT);
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep();
            }
        }
    }

    /** The proxy's nftables table without packet counters. */
    private static String proxyTable(LabNode node) {
        return node.exec("nft", "list", "table", "inet", "kube-router-proxy")
                .replaceAll("counter packets \\d+ bytes \\d+", "counter");
    }

    private static String dataplane(LabNode node) {
        return withoutCounters(node.exec("iptables-save", "-t", "filter")) + proxyTable(node);
    }

    private static Path bundleJar(String symbolicName) throws IOException {
        try (var jars = Files.list(LabOptions.defaults().distribution().resolve("bundle"))) {
            return jars.filter(j -> j.getFileName().toString().startsWith(symbolicName + "-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bundle " + symbolicName));
        }
    }

    private static void awaitBundle(AgentConsole console, String symbolicName, String fragment) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String json = console.bundle(symbolicName);
        while (!json.contains(fragment) && System.nanoTime() < deadline) {
            sleep();
            json = console.bundle(symbolicName);
        }
        assertTrue(json.contains(fragment), json);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The cells the policy refuses: from one app=b pod to the other (a pod reaching itself stays local). */
    private static boolean isBToOtherB(String key) {
        return key.startsWith("lab/b1 -> pod lab/b2 ") || key.startsWith("lab/b2 -> pod lab/b1 ");
    }

    /** Stopping n2's firewall may only change the cells whose target pod lives on n2. */
    private static void assertOnlyNodeCellsChanged(Map<String, Boolean> now) {
        isolated.forEach((key, answered) -> {
            if (!key.contains("pod lab/b")) {
                assertEquals(answered, now.get(key), key);
            }
        });
        assertNotEquals(isolated, now);
    }

    private static String addForeignState(LabNode node) {
        node.exec("ipset", "create", "lab-foreign", "hash:ip");
        String rule = "-A FORWARD -m set --match-set lab-foreign src -j ACCEPT";
        node.exec("iptables", "-A", "FORWARD", "-m", "set", "--match-set", "lab-foreign", "src", "-j", "ACCEPT");
        return rule;
    }

    /**
     * The rules without packet counters, and with the firewall's versioned chain names (a new instance's first sync
     * writes its own versions and drops the old ones in the same restore) replaced by their prefixes.
     */
    private static String withoutCounters(String iptablesSave) {
        return iptablesSave.lines().filter(l -> !l.startsWith("#")).map(l -> l.replaceAll("\\[\\d+:\\d+]", ""))
                .map(l -> VERSIONED_CHAIN.matcher(l).replaceAll("$1*")).sorted()
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static Map<String, Boolean> matrix() {
        return lab.probe().probes().stream().collect(TreeMap::new, (m, p) -> m.put(p.key(), p.answered()),
                Map::putAll);
    }

    private static Map<String, Boolean> awaitMatrix(Predicate<Map<String, Boolean>> done) {
        return awaitMatrix(done, SETTLE);
    }

    private static Map<String, Boolean> awaitMatrix(Predicate<Map<String, Boolean>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Boolean> matrix = matrix();
        while (!done.test(matrix) && System.nanoTime() < deadline) {
            matrix = matrix();
        }
        return matrix;
    }
}
