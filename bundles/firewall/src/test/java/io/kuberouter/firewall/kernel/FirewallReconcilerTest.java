package io.kuberouter.firewall.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.firewall.FirewallOwnership;
import io.kuberouter.firewall.build.FirewallBuilder;
import io.kuberouter.firewall.build.Names;
import io.kuberouter.firewall.build.Settings;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.fixture.PolicyYaml;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.sync.FirewallMetrics;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import io.kuberouter.kernel.testing.FakeKernel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconciler on the in-memory kernel: what it writes, what it leaves alone, how it fails. */
class FirewallReconcilerTest {

    private final FakeKernel kernel = new FakeKernel();
    private final FirewallReconciler reconciler = new FirewallReconciler(FirewallOwnership.OWNERSHIP, new FirewallMetrics());
    private final FakeClusterState cluster = cluster();

    @Test
    void aFullSyncInstallsChainsSetsAndTheJumpAtPositionOne() throws KernelException {
        reconciler.apply(kernel.iptables(), kernel.ipsets(), build("1", null), null);
        IptablesTable t = table();
        assertEquals(RuleSpec.parse(build("1", null).family(IpFamily.IPV4).jumps().get("INPUT")),
                t.rules("INPUT").get(0));
        assertTrue(t.chain(Names.podChain("xa", "1")).isPresent());
        assertTrue(t.chain(Names.policyChain("xdeny", "1", IpFamily.IPV4)).isPresent());
        assertEquals(List.of("10.1.0.1 timeout 0"), kernel.ipsets()
                .set(Names.targetDestinationSet("xdeny", IpFamily.IPV4)).orElseThrow().entries());
    }

    @Test
    void othersRulesStayWhileTheFullSyncRepairsTheJumps() throws KernelException {
        kernel.iptables().restore(AddressFamily.INET, "filter", "*filter\n:FOREIGN - [0:0]\n-A FOREIGN -j ACCEPT\n"
                + "-A INPUT -j FOREIGN\n:KUBE-ROUTER-INPUT - [0:0]\n-A INPUT -j KUBE-ROUTER-INPUT\nCOMMIT\n", true);
        reconciler.apply(kernel.iptables(), kernel.ipsets(), build("1", null), null);
        List<RuleSpec> input = table().rules("INPUT");
        assertEquals(2, input.size(), "our jump first, the duplicate gone, the other rule kept: " + input);
        assertEquals(RuleSpec.parse("-j FOREIGN"), input.get(1));
        assertEquals(List.of(RuleSpec.parse("-j ACCEPT")), table().rules("FOREIGN"));
    }

    @Test
    void anIncrementalSyncReadsNothingAndReplacesChangedChainsOnly() throws KernelException {
        DesiredState first = build("1", null);
        reconciler.apply(kernel.iptables(), kernel.ipsets(), first, null);
        cluster.put(ClusterObjects.pod("x", "c", "n1", List.of("10.1.0.3"), List.of("pod=c"), List.of()));
        DesiredState second = build("2", first);
        kernel.faults().resetCalls();
        reconciler.apply(kernel.iptables(), kernel.ipsets(), second, first);
        assertFalse(kernel.faults().calls().stream().anyMatch(c -> c.contains("save") || c.contains("list")),
                kernel.faults().calls()::toString);
        IptablesTable t = table();
        assertTrue(t.chain(Names.podChain("xc", "2")).isPresent());
        assertTrue(t.chain(Names.podChain("xa", "1")).isPresent(), "unchanged pod chains keep their version");
        assertEquals(List.of("10.1.0.1 timeout 0", "10.1.0.3 timeout 0"), kernel.ipsets()
                .set(Names.targetDestinationSet("xdeny", IpFamily.IPV4)).orElseThrow().entries());
    }

    @Test
    void aFullSyncRemovesTheChainsAndSetsOfEarlierRuns() throws KernelException {
        reconciler.apply(kernel.iptables(), kernel.ipsets(), build("1", null), null);
        cluster.delete(ResourceKind.NETWORK_POLICY, new ObjectKey("x", "deny"));
        new FirewallReconciler(FirewallOwnership.OWNERSHIP, new FirewallMetrics()).apply(kernel.iptables(), kernel.ipsets(),
                build("2", null), null);
        assertTrue(table().chains().keySet().stream().noneMatch(c -> c.endsWith(Names.hash("xa1"))
                || c.equals(Names.policyChain("xdeny", "1", IpFamily.IPV4))), table().chains()::toString);
        assertTrue(kernel.ipsets().set(Names.targetDestinationSet("xdeny", IpFamily.IPV4)).isEmpty());
    }

    @Test
    void whileThePruneGateIsClosedAFullSyncKeepsWhatEarlierRunsLeft() throws KernelException {
        reconciler.apply(kernel.iptables(), kernel.ipsets(), build("1", null), null);
        cluster.delete(ResourceKind.NETWORK_POLICY, new ObjectKey("x", "deny"));
        FirewallReconciler restarted = new FirewallReconciler(FirewallOwnership.OWNERSHIP, new FirewallMetrics());
        boolean[] open = {false};
        restarted.pruneWhen(() -> open[0]);
        restarted.apply(kernel.iptables(), kernel.ipsets(), build("2", null), null);
        assertTrue(table().chain(Names.policyChain("xdeny", "1", IpFamily.IPV4)).isPresent(), "not pruned yet");
        assertTrue(kernel.ipsets().set(Names.targetDestinationSet("xdeny", IpFamily.IPV4)).isPresent());

        open[0] = true;
        restarted.apply(kernel.iptables(), kernel.ipsets(), build("3", null), null);
        assertTrue(table().chain(Names.policyChain("xdeny", "1", IpFamily.IPV4)).isEmpty(), "pruned once open");
        assertTrue(kernel.ipsets().set(Names.targetDestinationSet("xdeny", IpFamily.IPV4)).isEmpty());
    }

    @Test
    void aFailedRestoreLeavesTheTableAsItWas() throws KernelException {
        DesiredState first = build("1", null);
        reconciler.apply(kernel.iptables(), kernel.ipsets(), first, null);
        String before = table().render();
        kernel.faults().failNext("iptables-nft-restore", Errno.EINVAL);
        cluster.put(ClusterObjects.pod("x", "c", "n1", List.of("10.1.0.3"), List.of("pod=c"), List.of()));
        assertThrows(KernelException.class,
                () -> reconciler.apply(kernel.iptables(), kernel.ipsets(), build("2", first), first));
        assertEquals(before, table().render());
    }

    @Test
    void removalTakesExactlyTheFirewallsState() throws KernelException {
        kernel.iptables().restore(AddressFamily.INET, "filter", "*filter\n:FOREIGN - [0:0]\n-A INPUT -j FOREIGN\n"
                + "COMMIT\n", true);
        kernel.ipsets().restore("create foreign hash:ip\n");
        String before = table().render();
        reconciler.apply(kernel.iptables(), kernel.ipsets(), build("1", null), null);
        reconciler.remove(kernel.iptables(), kernel.ipsets(), List.of(IpFamily.IPV4));
        assertEquals(before, table().render());
        assertEquals(List.of("foreign"), kernel.ipsets().names());
    }

    private IptablesTable table() {
        return kernel.iptables().table(AddressFamily.INET, "filter");
    }

    private DesiredState build(String version, DesiredState previous) {
        return FirewallBuilder.build(cluster.snapshot(), new Settings(List.of(IpFamily.IPV4), List.of("10.96.0.0/12"),
                List.of(), List.of(), "30000-32767", false), previous, version);
    }

    private static FakeClusterState cluster() {
        FakeClusterState c = new FakeClusterState("n1");
        c.put(ClusterObjects.node("n1", "192.0.2.10", "10.1.0.0/24"), ClusterObjects.namespace("x"),
                ClusterObjects.pod("x", "a", "n1", List.of("10.1.0.1"), List.of("pod=a"), List.of()));
        c.put(PolicyYaml.parse("metadata: {name: deny, namespace: x}\n"
                + "spec: {podSelector: {}, policyTypes: [Ingress]}"));
        return c;
    }
}
