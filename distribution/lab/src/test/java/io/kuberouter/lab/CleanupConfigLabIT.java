package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, {@code --cleanup-config} on a lab node (host kernel): n2 runs the firewall with a NetworkPolicy in
 * force and the service proxy (nftables backend), and holds a foreign chain, rule, ipset and nftables table next to
 * theirs. After n2's agent exits (which keeps the
 * dataplane), {@code bin/kube-router --cleanup-config} in n2's namespace must remove every chain, jump and ipset the
 * firewall owns and the proxy's table, and leave the foreign ones, and n1 (another namespace, whose agent still runs) must keep its state.
 */
class CleanupConfigLabIT {
    private static final Path SCENARIO = LabOptions.defaults().distribution().resolve("lab/scenarios/two-nodes");
    private static final List<String> AGENT_ARGS = List.of("--run-firewall=true", "--run-service-proxy=true",
            "--service-proxy-backend=nftables", "--run-router=false");
    private static final String PROXY_TABLE = "kube-router-proxy";
    private static final String FOREIGN_TABLE = "lab_foreign";
    private static final Pattern FIREWALL_CHAIN = Pattern.compile("KUBE-POD-FW-|KUBE-NWPLCY-|KUBE-ROUTER-");
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String FOREIGN_SET = "lab-foreign";
    private static final String FOREIGN_CHAIN = "LAB-FOREIGN";
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

    @BeforeAll
    static void up() throws IOException {
        lab = Lab.up(SCENARIO, LabOptions.defaults().withStaticRoutes(true).withAgentArgs(AGENT_ARGS));
        lab.applyManifest("90-policy.yaml", POLICY);
        awaitIsolation();
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void cleanupRemovesExactlyTheFirewallsStateOfItsNode() {
        LabNode n2 = lab.node("n2");
        LabNode n1 = lab.node("n1");
        n2.exec("ipset", "create", FOREIGN_SET, "hash:ip");
        n2.exec("iptables", "-N", FOREIGN_CHAIN);
        n2.exec("iptables", "-A", "FORWARD", "-m", "set", "--match-set", FOREIGN_SET, "src", "-j", FOREIGN_CHAIN);
        n2.exec("nft", "add", "table", "inet", FOREIGN_TABLE);
        awaitProxyTable(n1);
        awaitProxyTable(n2);
        String n1Before = awaitFirewall(n1);
        lab.stopAgent("n2");
        assertTrue(FIREWALL_CHAIN.matcher(n2.exec("iptables-save")).find(), "the agent's exit kept the firewall");

        Shell.Result cleanup = Shell.run(Shell.inNetns(n2.netns(), List.of(
                LabOptions.defaults().distribution().resolve("bin/kube-router").toString(), "--cleanup-config",
                "--state-dir=" + lab.runDir().resolve("state/n2-cleanup"))), Map.of(), "");

        assertEquals(0, cleanup.exitCode(), cleanup.stderr());
        String after = n2.exec("iptables-save");
        assertFalse(FIREWALL_CHAIN.matcher(after).find(), after);
        assertEquals(Set.of(FOREIGN_SET), ipsets(n2), "ipsets left on n2");
        assertTrue(after.contains(":" + FOREIGN_CHAIN + " "), after);
        assertTrue(after.contains("-A FORWARD -m set --match-set " + FOREIGN_SET + " src -j " + FOREIGN_CHAIN),
                after);
        assertEquals(n1Before, rules(n1), "n1's firewall changed");
        String tables = n2.exec("nft", "list", "tables");
        assertFalse(tables.contains(PROXY_TABLE), tables);
        assertTrue(tables.contains(FOREIGN_TABLE), tables);
        assertTrue(n1.exec("nft", "list", "tables").contains(PROXY_TABLE), "n1's proxy table went");
    }

    /** Policy {@code b-from-a} in force on n2: b1 -> b2 refused, a1 -> b2 answered. */
    private static void awaitIsolation() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, Boolean> matrix = matrix();
        while (!(isolated(matrix)) && System.nanoTime() < deadline) {
            matrix = matrix();
        }
        assertTrue(isolated(matrix), matrix.toString());
    }

    private static boolean isolated(Map<String, Boolean> matrix) {
        return !matrix.get("lab/b1 -> pod lab/b2 8080/TCP") && matrix.get("lab/a1 -> pod lab/b2 8080/TCP");
    }

    private static Map<String, Boolean> matrix() {
        return lab.probe().probes().stream().collect(Collectors.toMap(Probe::key, Probe::answered, (a, b) -> a));
    }

    /** The node's rules once its agent has applied the policy (every node's pods get chains once one exists). */
    private static String awaitFirewall(LabNode node) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String rules = rules(node);
        while (!FIREWALL_CHAIN.matcher(rules).find() && System.nanoTime() < deadline) {
            rules = rules(node);
        }
        assertTrue(FIREWALL_CHAIN.matcher(rules).find(), "no firewall chains on " + node.name());
        return rules;
    }

    private static void awaitProxyTable(LabNode node) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!node.exec("nft", "list", "tables").contains(PROXY_TABLE) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(node.exec("nft", "list", "tables").contains(PROXY_TABLE), "no proxy table on " + node.name());
    }

    private static Set<String> ipsets(LabNode node) {
        return node.exec("ipset", "list", "-n").lines().filter(l -> !l.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The filter table without counters and comment lines, which change while packets flow. */
    private static String rules(LabNode node) {
        return node.exec("iptables-save", "-t", "filter").lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.replaceAll("\\[\\d+:\\d+]", "")).collect(Collectors.joining("\n"));
    }
}
