package io.kuberouter.proxy.ipvs.sync;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static io.kuberouter.proxy.fixture.ServiceBuilder.service;
import static io.kuberouter.proxy.fixture.SliceBuilder.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.ServiceProxyExtension;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.testing.FakeKernel;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.ipvs.kernel.ProxyKernel;
import io.kuberouter.proxy.ipvs.kernel.ProxyOptions;
import io.kuberouter.proxy.model.Settings;
import io.kuberouter.reconcile.RunnerScheduler;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The controller on its own thread against the in-memory cluster and kernel. */
class ProxyControllerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ServiceKey WEB = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.TCP, 80);

    private final FakeKernel fake = new FakeKernel();
    private final ProxyKernel kernel = new ProxyKernel(fake.ipvs(), fake.links(), fake.addresses(), fake.routes(),
            fake.conntrack(), fake.sysctls(), fake.iptables(), fake.ipsets());
    private final FakeClusterState cluster = new FakeClusterState("n1");
    private final KernelBindings kernels = new KernelBindings();
    private final ProxySettings settings = new ProxySettings(Settings.defaults(), ProxyOptions.defaults(),
            Duration.ofMinutes(5));
    private ProxyController controller;

    ProxyControllerTest() throws Exception {
        fake.links().add(new LinkSpec.Veth("eth0", 0, "uplink", Optional.empty()));
        fake.addresses().add(Address.of("eth0", IpPrefix.parse("10.99.0.1/24")));
        cluster.put(Nodes.node("n1", List.of("10.99.0.1"), List.of("10.244.1.0/24")),
                service("shop", "web").clusterIp("10.96.0.10").port("http", TCP, 80).build(),
                slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.1.5", "n1").build());
        kernels.bindAll(kernel);
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
        assertEquals(Set.of("10.244.1.5:8080"), targets(WEB));
        assertEquals(1, controller.view().services().size());
        assertTrue(controller.heartbeats().stale(java.time.Instant.now()).isEmpty());
        fake.faults().resetCalls();
        long revision = cluster.put(slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.1.6", "n1")
                .build());
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertEquals(Set.of("10.244.1.6:8080"), targets(WEB));
        assertEquals(List.of("IPVS_CMD_NEW_DEST TCP:10.96.0.10:80 -> 10.244.1.6:8080",
                "IPVS_CMD_DEL_DEST TCP:10.96.0.10:80 -> 10.244.1.5:8080"), writes());
    }

    /** A Service created while a sync reads the cluster: that sync drained its change, the next programs it. */
    @Test
    void aChangeArrivingWhileASyncReadsTheClusterIsProgrammedByTheNextSync() throws Exception {
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        ServiceKey api = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.11"), IpProtocol.TCP, 80);
        var raced = cluster.afterNextSnapshot(() -> cluster.put(
                service("shop", "api").clusterIp("10.96.0.11").port("http", TCP, 80).build(),
                slice("shop", "api-1", "api").port("http", TCP, 8080).ready("10.244.1.9", "n1").build()));
        cluster.put(slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.1.6", "n1").build());
        assertTrue(raced.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertEquals(Set.of("10.244.1.9:8080"), targets(api));
    }

    @Test
    void badInputIsSkippedForThatServiceOnlyAndCounted() throws Exception {
        cluster.put(service("shop", "bad").clusterIp("10.96.0.11").port("http", TCP, 80).externalIp("203.0.113.9")
                .annotation("kube-router.io/service.scheduler", "fastest").build());
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertEquals(2, fake.ipvs().services().size());
        assertEquals("rr", fake.ipvs().services().stream().filter(s -> s.service().key().equals(new ServiceKey
                .ByAddress(IpPrefix.address("10.96.0.11"), IpProtocol.TCP, 80))).findFirst().orElseThrow()
                .service().scheduler());
        assertEquals(Set.of("unknown-scheduler", "external-ip-not-allowed"), skippedReasons());
    }

    @Test
    void pausesWhileAKernelServiceIsMissingAndResumesWithAFullSync() throws Exception {
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        kernels.ipsets(fake.ipsets(), false);
        fake.faults().resetCalls();
        long revision = cluster.put(slice("shop", "web-1", "web").port("http", TCP, 8080).ready("10.244.1.7", "n1")
                .build());
        Thread.sleep(300);
        assertEquals(List.of(), fake.faults().calls());
        kernels.ipsets(fake.ipsets(), true);
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertEquals(Set.of("10.244.1.7:8080"), targets(WEB));
        assertTrue(fake.faults().calls().contains("IPVS_CMD_GET_SERVICE"), "a full sync reads the kernel back");
    }

    @Test
    void extensionsClaimDeliveriesAndHearWhatWasProgrammed() throws Exception {
        List<Set<ObjectKey>> heard = new CopyOnWriteArrayList<>();
        ServiceProxyExtension dsr = new ServiceProxyExtension() {
            @Override
            public String name() {
                return "dsr";
            }

            @Override
            public Optional<Delivery> claim(io.kuberouter.api.cluster.Service service, VirtualServer server) {
                return Optional.of(new Delivery(Delivery.Forwarding.TUNNEL, 42, false, "dsr"));
            }

            @Override
            public void programmed(ServiceProxyView view, Set<ObjectKey> changed) {
                heard.add(changed);
            }
        };
        controller = new ProxyController(settings, kernels, Clock.systemUTC(), RunnerScheduler.dedicatedThread("t"));
        controller.addExtension(dsr);
        controller.bindCluster(cluster);
        controller.start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertEquals(List.of(new ServiceKey.ByFwmark(AddressFamily.INET, 42)), fake.ipvs().services().stream()
                .map(s -> s.service().key()).toList());
        assertTrue(heard.stream().anyMatch(s -> s.contains(new ObjectKey("shop", "web"))));
    }

    @Test
    void aNewControllerOnAProgrammedKernelAdoptsItWithoutWritingIpvs() throws Exception {
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        controller.stop();
        fake.faults().resetCalls();
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        assertEquals(List.of(), writes());
        assertTrue(fake.faults().calls().stream().noneMatch(c -> c.startsWith("IPVS_CMD_FLUSH")));
    }

    @Test
    void aRemovedServiceLeavesTheViewAndTheKernel() throws Exception {
        start();
        assertTrue(controller.awaitApplied(cluster.revision(), WAIT));
        long revision = cluster.remove(ResourceKind.SERVICE, new ObjectKey("shop", "web"));
        assertTrue(controller.awaitApplied(revision, WAIT));
        assertEquals(List.of(), fake.ipvs().services());
        assertEquals(0, controller.view().services().size());
    }

    private void start() {
        controller = new ProxyController(settings, kernels, Clock.systemUTC(), RunnerScheduler.dedicatedThread("t"));
        controller.bindCluster(cluster);
        controller.start();
    }

    private Set<String> targets(ServiceKey key) throws Exception {
        return fake.ipvs().destinations(key).stream().map(DestinationStatus::destination)
                .map(d -> d.target()).collect(Collectors.toSet());
    }

    private List<String> writes() {
        return fake.faults().calls().stream().filter(c -> c.startsWith("IPVS_CMD_") && !c.startsWith("IPVS_CMD_GET"))
                .toList();
    }

    private Set<String> skippedReasons() {
        CounterSnapshot snapshot = controller.metrics().skipped().collect();
        return snapshot.getDataPoints().stream().filter(p -> p.getValue() > 0)
                .map(p -> p.getLabels().get("reason")).collect(Collectors.toSet());
    }
}
