package io.kuberouter.proxy.nft.sync;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static io.kuberouter.api.cluster.Protocol.UDP;
import static io.kuberouter.proxy.fixture.ServiceBuilder.service;
import static io.kuberouter.proxy.fixture.SliceBuilder.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.testing.FakeKernel;
import io.kuberouter.kernel.testing.FakeNftables;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.model.Settings;
import io.kuberouter.reconcile.RunnerScheduler;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The controller and reconciler on their own thread against the in-memory cluster and nftables. */
class NftProxyControllerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String T = "inet", TABLE = "kube-router-proxy";
    private static final String WEB = "10.96.0.10 . tcp . 80";

    private final FakeKernel fake = new FakeKernel();
    private final FakeNftables nft = fake.nftables();
    private final FakeClusterState cluster = new FakeClusterState("n1");
    private final NftKernel kernel = new NftKernel();
    private final NftSettings settings = new NftSettings(
            Settings.defaults().withExternalRanges(List.of(IpPrefix.parse("192.0.2.0/24")), List.of()), false,
            Duration.ofMinutes(5));
    private NftProxyController controller;

    NftProxyControllerTest() {
        cluster.put(Nodes.node("n1", List.of("10.99.0.1"), List.of("10.244.1.0/24")),
                service("shop", "web").clusterIp("10.96.0.10").port("http", TCP, 80).build(),
                slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.1.5", "n1").build());
        kernel.nftables(nft, true);
        kernel.conntrack(fake.conntrack(), true);
    }

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.stop();
        }
    }

    @Test
    void programsOnStartThenOnlyWhatAChangeTouches() throws Exception {
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertTrue(serviceMap().get(WEB).startsWith("goto vs-"));
        assertEquals(List.of("10.244.1.5:8080"), dnatTargets(WEB));
        assertEquals("nftables", controller.view().backend());
        assertEquals(1, controller.view().services().size());
        int before = nft.applied();
        long revision = cluster.put(slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.1.5", "n1")
                .ready("10.244.1.6", "n1").build());
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertEquals(before + 1, nft.applied(), "one transaction per change");
        assertEquals(Set.of("10.244.1.5:8080", "10.244.1.6:8080"), Set.copyOf(dnatTargets(WEB)));
        String delta = nft.lastScript();
        assertFalse(delta.contains("add table") || delta.contains("element"), delta);
        assertTrue(delta.lines().allMatch(l -> l.contains("vs-") || l.contains("ep-")), delta);
    }

    @Test
    void badInputIsSkippedForThatServiceOnlyAndCounted() throws Exception {
        cluster.put(service("shop", "bad").clusterIp("10.96.0.11").port("http", TCP, 80)
                        .externalIp("203.0.113.9", "192.0.2.7")
                        .annotation("kube-router.io/service.scheduler", "fastest")
                        .annotation("kube-router.io/service.local", "yes").build(),
                slice("shop", "bad-1", "bad").port("http", TCP, 8080).ready("10.244.1.9", "n1").build());
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertEquals(Set.of(WEB, "10.96.0.11 . tcp . 80", "192.0.2.7 . tcp . 80"), serviceMap().keySet());
        assertEquals(Set.of("unknown-scheduler", "external-ip-not-allowed", "malformed-annotation"), skippedReasons());
    }

    @Test
    void aFrontendWithoutEndpointsIsRejectedAndASecondClaimantIsReported() throws Exception {
        cluster.put(service("shop", "empty").clusterIp("10.96.0.12").port("http", TCP, 80).build(),
                service("shop", "a").clusterIp("10.96.0.13").port("http", TCP, 80).externalIp("192.0.2.8").build(),
                service("shop", "b").clusterIp("10.96.0.14").port("http", TCP, 80).externalIp("192.0.2.8").build());
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        Map<String, String> rejected = nft.elements(T, TABLE, "no-endpoint-ips");
        assertEquals("goto reject-no-endpoints", rejected.get("10.96.0.12 . tcp . 80"));
        assertEquals(4, rejected.size(), "empty, a, b and the one external IP: " + rejected);
        assertTrue(skippedReasons().contains("frontend-conflict"));
    }

    @Test
    void aFailedTransactionIsRetriedAsAFullSync() throws Exception {
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        fake.faults().failNext("nft", Errno.EBUSY);
        long revision = cluster.put(slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.1.7", "n1")
                .build());
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertEquals(List.of("10.244.1.7:8080"), dnatTargets(WEB));
        assertTrue(nft.lastScript().startsWith("add table inet kube-router-proxy\n"), "the retry was full");
    }

    @Test
    void aNewControllerRewritesTheTableWithoutLosingOrDuplicatingAnything() throws Exception {
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        List<String> chains = nft.chains(T, TABLE);
        controller.stop();
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertEquals(chains, nft.chains(T, TABLE));
        assertEquals(List.of("10.244.1.5:8080"), dnatTargets(WEB));
    }

    @Test
    void aRemovedUdpBackendClearsConntrackAndARemovedServiceLeavesTheTableAndView() throws Exception {
        cluster.put(service("kube-system", "dns").clusterIp("10.96.0.53").port("dns", UDP, 53).build(),
                slice("kube-system", "dns-1", "dns").port("dns", UDP, 53).ready("10.244.1.53", "n1")
                        .ready("10.244.1.54", "n1").build());
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        fake.faults().resetCalls();
        long revision = cluster.put(slice("kube-system", "dns-1", "dns").port("dns", UDP, 53)
                .ready("10.244.1.53", "n1").build());
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertTrue(fake.faults().calls().stream()
                .anyMatch(c -> c.startsWith("IPCTNL_MSG_CT_DELETE UDP orig-dst 10.96.0.53")), fake.faults().calls()
                .toString());
        revision = cluster.remove(ResourceKind.SERVICE, new ObjectKey("shop", "web"));
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertEquals(Set.of("10.96.0.53 . udp . 53"), serviceMap().keySet());
        assertEquals(1, controller.view().services().size());
        assertTrue(nft.chains(T, TABLE).stream().noneMatch(c -> c.contains("shop/web")));
        controller.stop();
        controller.removeKernelState();
        assertFalse(nft.hasTable(T, TABLE));
    }

    /** A Service created while a sync reads the cluster: that sync drained its change, the next programs it. */
    @Test
    void aChangeArrivingWhileASyncReadsTheClusterIsProgrammedByTheNextSync() throws Exception {
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        var raced = cluster.afterNextSnapshot(() -> cluster.put(
                service("shop", "api").clusterIp("10.96.0.11").port("http", TCP, 80).build(),
                slice("shop", "api-1", "api").port("http", TCP, 8080).ready("10.244.1.9", "n1").build()));
        cluster.put(slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.1.6", "n1").build());
        assertTrue(raced.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertEquals(List.of("10.244.1.9:8080"), dnatTargets("10.96.0.11 . tcp . 80"));
    }

    @Test
    void thePeriodicRoundRebuildsEveryServiceButWritesOnlyDifferences() throws Exception {
        NftSettings shortPeriod = new NftSettings(settings.model(), false, Duration.ofMillis(100));
        controller = new NftProxyController(shortPeriod, kernel, Clock.systemUTC(),
                RunnerScheduler.dedicatedThread("t"));
        controller.bindCluster(cluster);
        controller.start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        int applied = nft.applied();
        java.time.Instant before = java.time.Instant.now();
        Thread.sleep(500);
        assertTrue(controller.heartbeats().controllers().get(0).lastBeat().isAfter(before), "periodic rounds ran");
        assertEquals(applied, nft.applied(), "nothing changed, nothing written");
    }

    private void start() {
        controller = new NftProxyController(settings, kernel, Clock.systemUTC(), RunnerScheduler.dedicatedThread("t"));
        controller.bindCluster(cluster);
        controller.start();
    }

    private Map<String, String> serviceMap() {
        return nft.elements(T, TABLE, "service-ips");
    }

    /** The DNAT targets reached from a frontend's service chain. */
    private List<String> dnatTargets(String frontend) {
        String chain = serviceMap().get(frontend).substring("goto ".length());
        List<String> rules = nft.chain(T, TABLE, chain).orElseThrow();
        return java.util.regex.Pattern.compile("goto (ep-[^\\s,}]+)").matcher(String.join("\n", rules)).results()
                .map(m -> m.group(1)).distinct()
                .map(ep -> nft.chain(T, TABLE, ep).orElseThrow().stream().filter(r -> r.contains("dnat"))
                        .findFirst().orElseThrow().replaceAll(".* to ", ""))
                .toList();
    }

    private Set<String> skippedReasons() {
        CounterSnapshot snapshot = controller.metrics().skipped().collect();
        return snapshot.getDataPoints().stream().filter(p -> p.getValue() > 0)
                .map(p -> p.getLabels().get("reason")).collect(Collectors.toSet());
    }
}
