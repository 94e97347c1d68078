package io.kuberouter.firewall.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.FirewallOwnership;
import io.kuberouter.firewall.build.Settings;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.fixture.PolicyYaml;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.testing.FakeKernel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The controller on the in-memory kernel and cluster state: when it syncs, pauses, retries and reports. */
class FirewallControllerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeKernel kernel = new FakeKernel();
    private final FakeClusterState cluster = new FakeClusterState("n1");
    private final FirewallController controller = new FirewallController(settings(IpFamily.IPV4, IpFamily.IPV6),
            Duration.ofMillis(500), FirewallOwnership.OWNERSHIP, Clock.systemUTC());

    FirewallControllerTest() {
        cluster.put(ClusterObjects.node("n1", "192.0.2.10", "10.1.0.0/24"), ClusterObjects.namespace("x"),
                ClusterObjects.pod("x", "a", "n1", List.of("10.1.0.1", "fd00::1"), List.of("pod=a"), List.of()));
        controller.bindIptables(kernel.iptables());
        controller.bindIpsets(kernel.ipsets());
        controller.bindCluster(cluster);
        controller.start();
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    @Test
    void appliesEachChangeAndBeatsAfterEverySync() throws InterruptedException {
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        long revision = cluster.put(ClusterObjects.pod("x", "b", "n1", List.of("10.1.0.2"), List.of(), List.of()));
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertTrue(filter(AddressFamily.INET).contains("-s 10.1.0.2/32 -m comment --comment \"x/b out\""));
        assertNotNull(controller.heartbeats().controllers().get(0).lastBeat());
    }

    @Test
    void pausesWhileTheClusterStateIsAwayAndKeepsTheRules() throws InterruptedException {
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        String before = filter(AddressFamily.INET);
        controller.unbindCluster(cluster);
        long revision = cluster.put(ClusterObjects.pod("x", "b", "n1", List.of("10.1.0.2"), List.of(), List.of()));
        assertFalse(controller.awaitApplied(revision, Duration.ofMillis(300)));
        assertEquals(before, filter(AddressFamily.INET));
        kernel.faults().resetCalls();
        controller.bindCluster(cluster);
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertTrue(kernel.faults().calls().contains("iptables-nft-save filter"), "rebinding syncs in full");
    }

    @Test
    void repairsDriftOnThePeriodicFullSync() throws Exception {
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        kernel.iptables().restore(AddressFamily.INET, "filter", "*filter\n-F INPUT\n-F KUBE-NWPLCY-COMMON\nCOMMIT\n",
                true);
        for (int i = 0; i < 300 && !filter(AddressFamily.INET).contains("-A INPUT -m comment"); i++) {
            Thread.sleep(10);
        }
        assertTrue(filter(AddressFamily.INET).contains("-A INPUT -m comment --comment \"kube-router netpol - "));
        assertTrue(filter(AddressFamily.INET).contains("-A KUBE-NWPLCY-COMMON"));
    }

    @Test
    void retriesAFailedSyncInFull() throws InterruptedException {
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        kernel.faults().failNext("iptables-nft-restore", Errno.EINVAL);
        long revision = cluster.put(ClusterObjects.pod("x", "b", "n1", List.of("10.1.0.2"), List.of(), List.of()));
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertEquals(1, controller.failedSyncs());
    }

    @Test
    void countsSkippedInputOnceWhileItStays() throws InterruptedException {
        cluster.put(PolicyYaml.parse("metadata: {name: p, namespace: x}\nspec: {podSelector: {}, "
                + "ingress: [{from: [{ipBlock: {cidr: bogus}}]}]}"));
        long revision = cluster.put(ClusterObjects.pod("x", "b", "n1", List.of("10.1.0.2"), List.of(), List.of()));
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertEquals(Map.of("invalid-cidr", 1L), controller.skippedRules());
    }

    @Test
    void aFamilyNoLongerEnabledIsRemoved() throws InterruptedException {
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertTrue(filter(AddressFamily.INET6).contains("KUBE-ROUTER-INPUT"));
        controller.updateSettings(settings(IpFamily.IPV4));
        long revision = cluster.put(ClusterObjects.namespace("y"));
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertFalse(filter(AddressFamily.INET6).contains("KUBE-"), filter(AddressFamily.INET6));
        assertTrue(filter(AddressFamily.INET).contains("KUBE-ROUTER-INPUT"));
    }

    private String filter(AddressFamily family) {
        return kernel.iptables().table(family, "filter").render();
    }

    private static Settings settings(IpFamily... families) {
        return new Settings(List.of(families), List.of("10.96.0.0/12", "fd00:96::/112"), List.of(), List.of(),
                "30000-32767", false);
    }
}
