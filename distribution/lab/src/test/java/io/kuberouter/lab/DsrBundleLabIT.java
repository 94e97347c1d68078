package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.harness.Kernel;
import io.kuberouter.kernel.harness.KernelTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #6 on the real distribution, in a user-mode-linux guest (IPVS, ipip): the DSR bundle of a running agent is
 * stopped and started through the agent's Web Console, as an operator does. Stopped, its fwmark IPVS service, mangle
 * rules, policy routing (tables 78/79) and the tunnel inside the endpoint pod are gone, while the other Service's
 * IPVS service and traffic are untouched; started, all of it is back. Then (issue #12, the IPVS side of
 * {@code --cleanup-config}) n1's agent exits and {@code --cleanup-config} on n1 removes the IPVS proxy's and DSR's
 * state and keeps a foreign IPVS service and ip rule, while n2 keeps serving. Each phase prints the state it saw.
 * Run by the distribution module's failsafe.
 */
@KernelTest(requires = {Kernel.IPVS, Kernel.IPIP, Kernel.DUMMY}, memory = "2G", timeoutSeconds = 1500)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DsrBundleLabIT {
    private static final String DSR_BUNDLE = "io.kuberouter.dsr";
    private static final Duration SETTLE = Duration.ofMinutes(6);
    private static final String FOREIGN_VS = "198.51.100.7:80";
    private static final String FOREIGN_RULE = "from 198.51.100.0/24 lookup 100";
    /** {@code dsr-web}: external IP 192.0.2.10:8080 in DSR tunnel mode to a1 (n1); {@code plain}: 10.96.0.20 to b1. */
    private static final String SERVICES = """
            apiVersion: v1
            kind: Service
            metadata:
              name: dsr-web
              namespace: lab
              annotations: {kube-router.io/service.dsr: tunnel}
            spec:
              clusterIP: 10.96.0.21
              clusterIPs: [10.96.0.21]
              externalIPs: [192.0.2.10]
              ports: [{name: http, protocol: TCP, port: 8080, targetPort: 8080}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: dsr-web-1, namespace: lab, labels: {kubernetes.io/service-name: dsr-web}}
            addressType: IPv4
            ports: [{name: http, protocol: TCP, port: 8080}]
            endpoints:
              - {addresses: [10.244.1.10], nodeName: n1, conditions: {ready: true, serving: true, terminating: false}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: plain, namespace: lab}
            spec:
              clusterIP: 10.96.0.20
              clusterIPs: [10.96.0.20]
              ports: [{name: http, protocol: TCP, port: 8080, targetPort: 8080}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: plain-1, namespace: lab, labels: {kubernetes.io/service-name: plain}}
            addressType: IPv4
            ports: [{name: http, protocol: TCP, port: 8080}]
            endpoints:
              - {addresses: [10.244.2.10], nodeName: n2, conditions: {ready: true, serving: true, terminating: false}}
            """;

    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        LabOptions defaults = LabOptions.defaults();
        // the guest has one CPU for the API, two agents and this JVM: generous limits
        LabOptions options = new LabOptions(defaults.distribution(), defaults.workDir(), true, true,
                List.of("--run-firewall=false", "--run-router=false", "--cache-sync-timeout=10m",
                        "--service-external-ip-range=192.0.2.0/24",
                        "--webconsole-password=" + AgentConsole.PASSWORD), defaults.nodeNetwork(),
                Duration.ofMinutes(8), defaults.probeTimeout(), defaults.log());
        lab = Lab.up(defaults.distribution().resolve("lab/scenarios/two-nodes"), options);
        lab.applyManifest("90-services.yaml", SERVICES);
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void stoppingTheDsrBundleRemovesExactlyItsStateAndStartingItRestoresIt() throws Exception {
        LabNode n1 = lab.node("n1");
        LabPod a1 = lab.pod("lab/a1");
        await("DSR programmed on n1", () -> dsrProgrammed(n1, a1), () -> state(n1, a1));
        assertEquals("b1", answer(lab.pod("lab/a2"), "10.96.0.20"), "the plain Service before");
        report("DSR running", n1, a1);

        lab.console("n1").bundleAction(DSR_BUNDLE, "stop");
        await("DSR's state removed from n1", () -> dsrRemoved(n1, a1), () -> state(n1, a1));
        assertTrue(n1.exec("ipvsadm", "-Ln").contains("10.96.0.20:8080"), "the plain Service's IPVS service");
        assertEquals("b1", answer(lab.pod("lab/a2"), "10.96.0.20"), "the plain Service while DSR is stopped");
        report("dsr bundle stopped", n1, a1);

        lab.console("n1").bundleAction(DSR_BUNDLE, "start");
        await("DSR programmed again on n1", () -> dsrProgrammed(n1, a1), () -> state(n1, a1));
        assertEquals("b1", answer(lab.pod("lab/a2"), "10.96.0.20"), "the plain Service after");
        report("dsr bundle started again", n1, a1);
    }

    @Test
    @Order(2)
    void cleanupConfigRemovesTheIpvsProxysAndDsrsStateAndNothingElse() {
        LabNode n1 = lab.node("n1");
        LabPod a1 = lab.pod("lab/a1");
        n1.exec("ipvsadm", "-A", "-t", FOREIGN_VS, "-s", "rr");
        n1.exec("ip", "rule", "add", "from", "198.51.100.0/24", "lookup", "100", "priority", "1000");
        lab.stopAgent("n1");
        assertTrue(dsrProgrammed(n1, a1), "the agent's exit kept the dataplane" + state(n1, a1));

        Shell.Result cleanup = Shell.run(Shell.inNetns(n1.netns(), List.of(
                LabOptions.defaults().distribution().resolve("bin/kube-router").toString(), "--cleanup-config",
                "--state-dir=" + lab.runDir().resolve("state/n1-cleanup"))), Map.of(), "");

        report("after --cleanup-config on n1 (exit " + cleanup.exitCode() + ")", n1, a1);
        assertEquals(0, cleanup.exitCode(), cleanup.stdout() + cleanup.stderr());
        String ipvs = n1.exec("ipvsadm", "-Ln");
        assertTrue(ipvs.contains(FOREIGN_VS), "the foreign IPVS service stays\n" + ipvs);
        assertEquals(1, ipvs.lines().filter(l -> l.startsWith("TCP") || l.startsWith("UDP")
                || l.startsWith("FWM")).count(), "only the foreign IPVS service is left\n" + ipvs);
        assertTrue(dsrRemoved(n1, a1), state(n1, a1));
        assertFalse(n1.exec("ip", "link").contains("kube-dummy-if"), n1.exec("ip", "link"));
        assertTrue(n1.exec("ip", "rule").contains(FOREIGN_RULE), n1.exec("ip", "rule"));
        assertTrue(lab.node("n2").exec("ipvsadm", "-Ln").contains("10.96.0.20:8080"), "n2 keeps its services");
    }

    private static boolean dsrProgrammed(LabNode node, LabPod endpoint) {
        return node.exec("ipvsadm", "-Ln").matches("(?s).*FWM\\s+\\d+ .*10\\.244\\.1\\.10:8080\\s+Tunnel.*")
                && node.exec("iptables-save", "-t", "mangle").contains("-d 192.0.2.10/32")
                && node.exec("ip", "rule").contains("lookup 78")
                && endpoint.exec("ip", "-d", "addr", "show").contains("192.0.2.10/32");
    }

    private static boolean dsrRemoved(LabNode node, LabPod endpoint) {
        String rules = node.exec("ip", "rule");
        return !node.exec("ipvsadm", "-Ln").contains("FWM")
                && !node.exec("iptables-save", "-t", "mangle").contains("192.0.2.10")
                && !rules.contains("lookup 78") && !rules.contains("lookup 79")
                && !endpoint.exec("ip", "link").contains("kube-tunnel-if");
    }

    /** The pod name answering on {@code vip}:8080 from {@code pod}, or an empty string. */
    private static String answer(LabPod pod, String vip) {
        Shell.Result result = Shell.run(Shell.inNetns(pod.netns(), List.of(PodServers.PYTHON, "-c",
                "import socket; s = socket.create_connection(('" + vip + "', 8080), timeout=2);"
                        + " print(s.recv(64).decode().strip())")), Map.of(), "");
        return result.exitCode() == 0 ? result.stdout().strip() : "";
    }

    /** What n1 and the endpoint pod hold, and the tail of n1's agent log: the message of a failed wait. */
    private static String state(LabNode node, LabPod endpoint) {
        return snapshot(node, endpoint) + Readiness.tail(lab.runDir().resolve("logs/agent-" + node.name() + ".log"));
    }

    private static String snapshot(LabNode node, LabPod endpoint) {
        return "\nipvsadm:\n" + node.exec("ipvsadm", "-Ln") + "mangle:\n" + node.exec("iptables-save", "-t", "mangle")
                + "rules:\n" + node.exec("ip", "rule") + "pod links:\n" + endpoint.exec("ip", "-d", "link", "show");
    }

    /** Prints what the node holds at one phase: the evidence the closing notes quote. */
    private static void report(String phase, LabNode node, LabPod endpoint) {
        System.out.println("== " + phase + " ==" + snapshot(node, endpoint));
    }

    private static void await(String what, BooleanSupplier done, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + SETTLE.toMinutes() + " min; "
                        + state.get());
            }
            Thread.sleep(1000);
        }
    }
}
