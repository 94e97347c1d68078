package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.harness.Kernel;
import io.kuberouter.kernel.harness.KernelTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, {@code --cleanup-config} with the service proxy, in a user-mode-linux guest (the host kernel has no
 * IPVS): n2 runs the proxy and the firewall with a ClusterIP Service and a NetworkPolicy in force, and holds a
 * foreign IPVS virtual service, chain, rule and ipset. After n2's agent exits, {@code --cleanup-config} in n2's
 * namespace removes the proxy's virtual service, {@code kube-dummy-if}, its chain and ipsets and the firewall's
 * state, and leaves the foreign objects (upstream flushes every IPVS service and destroys every ipset instead).
 * Run by the distribution module's failsafe.
 */
@KernelTest(requires = Kernel.IPVS, memory = "2G", timeoutSeconds = 1500)
class CleanupConfigGuestLabIT {

    private static final Duration CONVERGE = Duration.ofSeconds(240);
    private static final String CLUSTER_IP = "10.96.0.50";
    private static final String FOREIGN_VIP = "10.123.0.1:80";

    @Test
    void cleanupRemovesTheProxysAndFirewallsStateAndNothingElse() throws Exception {
        LabOptions defaults = LabOptions.defaults();
        // the guest has one CPU for the API, two agents and this JVM: generous start and cache-sync limits
        LabOptions options = new LabOptions(defaults.distribution(), defaults.workDir(), true, false,
                List.of("--run-router=false", "--run-firewall=true", "--run-service-proxy=true",
                        "--cache-sync-timeout=5m"),
                defaults.nodeNetwork(), Duration.ofMinutes(8), defaults.probeTimeout(), defaults.log());
        try (Lab lab = Lab.up(options.distribution().resolve("lab/scenarios/two-nodes"), options)) {
            // The guest kernel has x_tables but no nf_tables: a legacy rule in each node before its agent starts makes
            // the agent's backend detection (as upstream's iptables-wrappers) pick iptables-legacy.
            LabNode n2 = lab.node("n2");
            for (LabNode node : lab.nodes()) {
                node.exec("ipset", "create", "lab-foreign", "hash:ip");
                node.exec("iptables-legacy", "-N", "LAB-FOREIGN");
                node.exec("iptables-legacy", "-A", "FORWARD", "-m", "set", "--match-set", "lab-foreign", "src", "-j",
                        "LAB-FOREIGN");
                lab.startAgent(node.name());
            }
            lab.applyManifest("90-service.yaml", service(lab.pod("lab/b1").ip()));
            await(lab, "n2's virtual service " + CLUSTER_IP,
                    () -> n2.exec("ipvsadm", "-Ln").contains(CLUSTER_IP + ":80"));
            await(lab, "n2's firewall chains", () -> n2.exec("iptables-legacy-save").contains(":KUBE-POD-FW-"));
            n2.exec("ipvsadm", "-A", "-t", FOREIGN_VIP, "-s", "rr");
            lab.stopAgent("n2");
            assertTrue(n2.exec("ipvsadm", "-Ln").contains(CLUSTER_IP + ":80"), "the agent's exit kept the proxy");

            Path cleanupLog = lab.runDir().resolve("logs/cleanup-n2.log");
            Process cleanup = Shell.start(Shell.inNetns(n2.netns(), List.of(
                    options.distribution().resolve("bin/kube-router").toString(), "--cleanup-config",
                    "--state-dir=" + lab.runDir().resolve("state/n2-cleanup"))), cleanupLog);
            try {
                assertTrue(cleanup.waitFor(CONVERGE.toSeconds(), TimeUnit.SECONDS), "--cleanup-config still runs");
            } finally {
                cleanup.destroyForcibly();
            }
            assertEquals(0, cleanup.exitValue(), Files.readString(cleanupLog));
            String ipvs = n2.exec("ipvsadm", "-Ln");
            assertFalse(ipvs.contains(CLUSTER_IP), ipvs);
            assertTrue(ipvs.contains(FOREIGN_VIP), "a foreign virtual service went: " + ipvs);
            assertFalse(n2.exec("ip", "-o", "link").contains("kube-dummy-if"), "kube-dummy-if stays");
            String rules = n2.exec("iptables-legacy-save");
            assertFalse(rules.matches("(?s).*:KUBE-(ROUTER|POD-FW|NWPLCY)-.*"), rules);
            assertTrue(rules.contains("-A FORWARD -m set --match-set lab-foreign src -j LAB-FOREIGN"), rules);
            assertEquals(Set.of("lab-foreign"), n2.exec("ipset", "list", "-n").lines().filter(l -> !l.isBlank())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    /** A ClusterIP Service for pods {@code app=b} and the slice naming b1, plus policy {@code b-from-a}. */
    private static String service(String b1) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: b, namespace: lab}
                spec:
                  type: ClusterIP
                  clusterIP: %1$s
                  clusterIPs: [%1$s]
                  selector: {app: b}
                  ports: [{name: http, port: 80, targetPort: 8080, protocol: TCP}]
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: b-1
                  namespace: lab
                  labels: {kubernetes.io/service-name: b}
                addressType: IPv4
                ports: [{name: http, port: 8080, protocol: TCP}]
                endpoints:
                  - addresses: [%2$s]
                    conditions: {ready: true, serving: true}
                    nodeName: n2
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: b-from-a, namespace: lab}
                spec:
                  podSelector: {matchLabels: {app: b}}
                  policyTypes: [Ingress]
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: a}}}]
                """.formatted(CLUSTER_IP, b1);
    }

    /** Waits for {@code condition}; on timeout the error carries n2's IPVS table and the tail of its agent's log. */
    private static void await(Lab lab, String what, BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(CONVERGE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                List<String> log = Files.readAllLines(lab.runDir().resolve("logs/agent-n2.log"));
                throw new AssertionError("timed out after " + CONVERGE.toSeconds() + " s waiting for " + what + "\n"
                        + lab.node("n2").exec("ipvsadm", "-Ln") + String.join("\n",
                                log.subList(Math.max(0, log.size() - 60), log.size())));
            }
            Thread.sleep(500);
        }
    }
}
