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
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Issue #11 on the real distribution in the lab (host kernel): with a NetworkPolicy in force and a long-lived TCP
 * connection between pods on two nodes, (1) the firewall bundle is stopped and started through the agent's Web
 * Console, (2) it is updated to a rebuilt version, (3) the whole agent of the server's node is restarted (SIGTERM,
 * new JVM), (4) a Node annotation on the API turns DSR on for one node and off again. The connection must survive
 * each; the firewall's kernel state must be gone while its bundle is stopped and back after, and stay in place
 * through the update and the restart; while the agent is down the isolated pods stay isolated; the other node's
 * bundles never change.
 *
 * <p>Policy {@code b-from-a}: pods {@code app=b} (b1, b2 on n2) accept ingress only from pods {@code app=a}, so
 * {@code b1 -> b2} is refused while {@code a* -> b*} is answered. The connection runs a1 (n1) -> b1 (n2) port 9000.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapabilityLifecycleLabIT {
    private static final Path SCENARIO = LabOptions.defaults().distribution().resolve("lab/scenarios/two-nodes");
    private static final List<String> AGENT_ARGS = List.of("--run-firewall=true", "--run-service-proxy=false",
            "--run-router=false", "--node-capabilities", "--webconsole-password=" + AgentConsole.PASSWORD);
    private static final String DSR_BUNDLE = "io.kuberouter.dsr";
    private static final String FIREWALL_BUNDLE = "io.kuberouter.firewall";
    private static final Pattern FIREWALL_STATE = Pattern.compile("KUBE-POD-FW-|KUBE-NWPLCY-|KUBE-ROUTER-FORWARD");
    private static final Pattern VERSIONED_CHAIN = Pattern.compile("(KUBE-POD-FW-|KUBE-NWPLCY-)[A-Z2-7]{16}");
    private static final String CAPABILITIES_ANNOTATION = "kube-router.io/capabilities";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
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
                - from: [{podSelector: {matchLabels: {app: a}}}]
            """;

    private static Lab lab;
    private static LongConnection connection;
    private static Map<String, Boolean> isolated;

    @BeforeAll
    static void up() throws IOException {
        lab = Lab.up(SCENARIO, LabOptions.defaults().withStaticRoutes(true).withAgentArgs(AGENT_ARGS));
        lab.applyManifest("90-policy.yaml", POLICY);
        Map<String, Boolean> expected = new TreeMap<>();
        matrix().keySet().forEach(key -> expected.put(key, !isBToOtherB(key)));
        isolated = awaitMatrix(expected::equals, FIRST_SYNC);
        assertEquals(expected, isolated, "the policy in force");
        connection = lab.holdConnection("lab/a1", "lab/b1", lab.pod("lab/b1").ip(), 9000);
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
    void agentRestartKeepsTheDataplane() {
        LabNode n2 = lab.node("n2");
        String rulesBefore = n2.exec("iptables-save", "-t", "filter");
        lab.stopAgent("n2");
        connection.awaitExchanges(10, SETTLE);
        assertEquals(withoutCounters(rulesBefore), withoutCounters(n2.exec("iptables-save", "-t", "filter")),
                "the agent's exit changed the rules");
        assertEquals(isolated, matrix(), "the matrix while the agent is down");

        lab.startAgent("n2");
        connection.awaitExchanges(10, SETTLE);
        assertEquals(isolated, matrix(), "the matrix after the agent restarted");
        assertTrue(connection.alive(), connection.toString());
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

    @Test
    @Order(4)
    void aNodeAnnotationTurnsDsrOnForThatNodeOnly() throws IOException {
        Map<String, String> n1Before = lab.console("n1").bundles();
        Map<String, String> n2Before = lab.console("n2").bundles();
        assertFalse(n1Before.containsKey(DSR_BUNDLE), n1Before.toString());

        annotateNode("n1", "dsr");
        Map<String, String> n1With = awaitBundles("n1", b -> b.getOrDefault(DSR_BUNDLE, "").startsWith("Active"));
        n1Before.forEach((bundle, state) -> assertEquals(state, n1With.get(bundle), "n1's " + bundle));
        assertEquals(n2Before, lab.console("n2").bundles(), "n2's bundles changed");

        annotateNode("n1", null);
        Map<String, String> n1After = awaitBundles("n1", b -> !b.containsKey(DSR_BUNDLE));
        assertEquals(n1Before, n1After, "n1's bundles after the annotation went");
        assertEquals(n2Before, lab.console("n2").bundles(), "n2's bundles changed");
        assertTrue(connection.alive(), connection.toString());
    }

    /** Rewrites the API's Node {@code node} with annotation {@code kube-router.io/capabilities} (removed when null). */
    private static void annotateNode(String node, String capabilities) throws IOException {
        Path file = lab.runDir().resolve("api/00-nodes.yaml");
        List<ObjectNode> nodes;
        try (MappingIterator<ObjectNode> read = YAML.readerFor(ObjectNode.class).readValues(file.toFile())) {
            nodes = read.readAll();
        }
        for (ObjectNode object : nodes) {
            if (node.equals(object.path("metadata").path("name").asString())) {
                ObjectNode annotations = object.withObject("metadata").withObject("annotations");
                if (capabilities == null) {
                    annotations.remove(CAPABILITIES_ANNOTATION);
                } else {
                    annotations.put(CAPABILITIES_ANNOTATION, capabilities);
                }
            }
        }
        StringBuilder yaml = new StringBuilder();
        for (ObjectNode object : nodes) {
            yaml.append("---\n").append(YAML.writeValueAsString(object).replaceFirst("^---\\s*\n", ""));
        }
        lab.applyManifest("00-nodes.yaml", yaml.toString());
    }

    private static Map<String, String> awaitBundles(String node, Predicate<Map<String, String>> done) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, String> bundles = lab.console(node).bundles();
        while (!done.test(bundles) && System.nanoTime() < deadline) {
            sleep();
            bundles = lab.console(node).bundles();
        }
        assertTrue(done.test(bundles), node + "'s bundles: " + bundles);
        return bundles;
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
