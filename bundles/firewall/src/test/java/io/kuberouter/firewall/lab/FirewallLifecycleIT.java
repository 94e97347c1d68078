package io.kuberouter.firewall.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.firewall.build.Names;
import io.kuberouter.firewall.fixture.PolicyYaml;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The firewall's life on the host kernel, with real traffic in the lab topology: it removes exactly its own state,
 * leaves other tools' rules alone while it syncs, keeps isolated pods isolated across a restart, keeps the previous
 * rules when a restore fails and retries, lets node traffic through as upstream, and with default deny rejects a
 * pod's traffic until its chain exists. Each test removes the firewall's state at its end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirewallLifecycleIT {

    private static final LabPod XA = LabPod.parse("x/a");
    private static final LabPod XB = LabPod.parse("x/b");
    private static final LabPod YA = LabPod.parse("y/a");
    private static final String DENY_INGRESS_X = "metadata: {name: deny-ingress, namespace: x}\n"
            + "spec: {podSelector: {}, policyTypes: [Ingress]}\n";

    private LabTopology lab;

    @BeforeAll
    void start() {
        lab = LabTopology.create();
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @BeforeEach
    void forgetConnections() {
        lab.flushConntrack();
    }

    @Test
    void removesExactlyItsChainsJumpsAndSetsAndNeverOtherRules() {
        lab.node().exec("iptables", "-N", "FOREIGN");
        lab.node().exec("iptables", "-A", "FOREIGN", "-s", "10.99.0.250", "-j", "DROP");
        lab.node().exec("iptables", "-A", "INPUT", "-j", "FOREIGN");
        lab.node().exec("ipset", "create", "foreign-set", "hash:ip");
        List<String> before = sortedLines(filterTable() + ipsets() + "-A FORWARD -s 10.99.0.251/32 -j DROP\n");
        try (LabFirewall firewall = new LabFirewall(lab.node())) {
            firewall.await(firewall.apply(PolicyYaml.parseAll(DENY_INGRESS_X)));
            assertTrue(filterTable().contains("-A INPUT -m comment --comment \"kube-router netpol - "));
            lab.node().exec("iptables", "-A", "FORWARD", "-s", "10.99.0.251", "-j", "DROP");
            firewall.await(firewall.delete(new ObjectKey("x", "deny-ingress")));
            assertTrue(filterTable().contains("-A FORWARD -s 10.99.0.251/32 -j DROP"), "kube-router issue #1248");
        }
        assertEquals(before, sortedLines(filterTable() + ipsets()), "everything but the firewall's state is kept");
        lab.node().exec("iptables", "-D", "FORWARD", "-s", "10.99.0.251", "-j", "DROP");
        lab.node().exec("iptables", "-D", "INPUT", "-j", "FOREIGN");
        lab.node().exec("iptables", "-F", "FOREIGN");
        lab.node().exec("iptables", "-X", "FOREIGN");
        lab.node().exec("ipset", "destroy", "foreign-set");
    }

    @Test
    void restartsWithoutOpeningIsolatedPods() throws InterruptedException {
        try (LabFirewall firewall = new LabFirewall(lab.node())) {
            firewall.await(firewall.apply(PolicyYaml.parseAll(DENY_INGRESS_X)));
            AtomicBoolean probing = new AtomicBoolean(true);
            AtomicInteger probes = new AtomicInteger();
            AtomicInteger open = new AtomicInteger();
            Thread prober = new Thread(() -> {
                while (probing.get()) {
                    probes.incrementAndGet();
                    if (reachable(YA, XA)) {
                        open.incrementAndGet();
                    }
                }
            });
            prober.start();
            firewall.restart();
            firewall.restart();
            probing.set(false);
            prober.join();
            assertEquals(0, open.get(), "x/a was reachable in " + open + " of " + probes + " probes");
            assertTrue(probes.get() > 5, "probes during the restarts: " + probes);
            assertEquals(LabTopology.PODS.size(), filterTable().lines().filter(l -> l.startsWith(":KUBE-POD-FW-"))
                    .count(), "the old pod chains are gone");
        }
    }

    @Test
    void keepsThePreviousRulesWhenARestoreFailsAndRetries() {
        try (LabFirewall firewall = new LabFirewall(lab.node())) {
            firewall.await(firewall.apply(PolicyYaml.parseAll(DENY_INGRESS_X)));
            String blocking = Names.targetDestinationSet(Names.identity("x", "allow-y"), IpFamily.IPV4);
            lab.node().exec("ipset", "create", blocking, "hash:net");
            long revision = firewall.apply(PolicyYaml.parseAll("metadata: {name: allow-y, namespace: x}\nspec:\n"
                    + "  podSelector: {matchLabels: {pod: a}}\n  ingress: [{from: [{namespaceSelector: "
                    + "{matchLabels: {ns: y}}}]}]\n"));
            waitForFailure(firewall);
            assertFalse(reachable(YA, XA), "the previous rules stay");
            assertTrue(reachable(XA, YA));
            lab.node().exec("ipset", "destroy", blocking);
            firewall.await(revision);
            assertTrue(reachable(YA, XA), "the retry applies the new policy");
            assertFalse(reachable(XB, XA));
        }
    }

    @Test
    void letsNodeTrafficAndHostNetworkPodsThroughAsUpstream() {
        try (LabFirewall firewall = new LabFirewall(lab.node())) {
            firewall.cluster().put(hostNetworkPod());
            firewall.await(firewall.apply(PolicyYaml.parseAll("metadata: {name: deny-all, namespace: x}\n"
                    + "spec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n")));
            assertTrue(probe(lab.nodeAgent(), XA), "from local node");
            assertFalse(reachable(XA, null), "egress to the node is egress");
            assertTrue(reachable(YA, null), "a host-network pod is not enforced");
            assertFalse(reachable(YA, XA));
        }
    }

    @Test
    void rejectsTrafficOfALocalPodUntilItsChainExistsWithDefaultDeny() {
        List<LabPod> allButXa = LabTopology.PODS.stream().filter(p -> !p.equals(XA)).toList();
        try (LabFirewall firewall = new LabFirewall(lab.node(), LabFirewall.settings(true), allButXa)) {
            assertFalse(reachable(YA, XA), "x/a is not programmed yet");
            assertFalse(reachable(XA, YA), "x/a is not programmed yet");
            assertTrue(reachable(YA, XB));
            firewall.await(firewall.addPod(XA));
            assertTrue(reachable(YA, XA));
            assertTrue(reachable(XA, YA));
        }
    }

    /** TCP 80 over IPv4 from one lab pod to another, or to the node when {@code to} is {@code null}. */
    private boolean reachable(LabPod from, LabPod to) {
        String address = to == null ? LabPod.BRIDGE_V4 : to.ip(IpFamily.IPV4);
        PodAgent.Outcome o = lab.agent(from).probe("tcp", address, 80, 500).join();
        return o.connected() && o.answer().equals(to == null ? "node" : to.toString());
    }

    private static boolean probe(PodAgent agent, LabPod to) {
        PodAgent.Outcome o = agent.probe("tcp", to.ip(IpFamily.IPV4), 80, 500).join();
        return o.connected() && o.answer().equals(to.toString());
    }

    /** A pod of namespace x running in the node's network, selected by every x policy (label pod=a). */
    private static Pod hostNetworkPod() {
        return new Pod(new ObjectKey("x", "h"), "x-h", Map.of("pod", "a"), LabFirewall.NODE, true,
                "Running", List.of(LabPod.BRIDGE_V4), List.of(LabPod.BRIDGE_V4), List.of(), 30, false);
    }

    private String filterTable() {
        return lab.node().exec("iptables-save", "-t", "filter").lines().filter(l -> !l.startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    private String ipsets() {
        return lab.node().exec("ipset", "list", "-n");
    }

    private static void waitForFailure(LabFirewall firewall) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (firewall.controller().failedSyncs() == 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(firewall.controller().failedSyncs() > 0, "the restore failed");
    }
}
