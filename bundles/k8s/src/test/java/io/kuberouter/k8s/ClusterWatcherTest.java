package io.kuberouter.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.LabelSelector;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The informers against a real HTTP API (fabric8's mock server in CRUD mode, with watch). */
class ClusterWatcherTest {

    private KubernetesMockServer server;
    private KubernetesClient api;
    private ClientFactory.Handle handle;
    private ClusterWatcher watcher;
    private final ClusterStore store = new ClusterStore("n1");

    @BeforeEach
    void start() throws Exception {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(java.net.InetAddress.getLoopbackAddress(), 0);
        api = server.createClient();
        api.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
                .withNewSpec().withPodCIDR("10.244.1.0/24").endSpec()
                .withNewStatus().addNewAddress("10.0.0.1", "InternalIP").endStatus().build()).create();
        handle = ClientFactory.build(ClientFactory.config("", api.getMasterUrl().toString()));
        watcher = new ClusterWatcher(handle.client(), store);
        watcher.start();
        watcher.awaitSynced(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        watcher.close();
        handle.close();
        api.close();
        server.destroy();
    }

    @Test
    void initialListIsInTheStateAfterSync() {
        var node = store.snapshot().nodes().get(ObjectKey.cluster("n1"));
        assertEquals(List.of("10.244.1.0/24"), node.podCIDRs());
        assertEquals("10.0.0.1", node.bestIp(IpFamily.IPV4).orElseThrow());
    }

    /**
     * fabric8 completes an informer's start once its cache holds the list; the handlers filling the store receive it
     * later, on their executor. A store slowed down here (a listener taking 2 ms per change, as a loaded node may)
     * must still hold every pod of the initial list when {@code awaitSynced} returns.
     */
    @Test
    void initialListIsInTheStoreWhenSyncReturnsEvenWithSlowHandlers() throws Exception {
        int pods = 100;
        for (int i = 0; i < pods; i++) {
            api.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("p" + i)
                    .endMetadata().withNewSpec().withNodeName("n1").endSpec().withNewStatus().withPhase("Running")
                    .withPodIP("10.244.1." + (i + 2)).endStatus().build()).create();
        }
        ClusterStore slow = new ClusterStore("n1");
        slow.subscribe(change -> sleep(2));
        try (ClusterWatcher second = new ClusterWatcher(handle.client(), slow)) {
            second.start();
            second.awaitSynced(Duration.ofSeconds(20));
            assertEquals(pods, slow.snapshot().pods().size());
            assertEquals(1, slow.snapshot().nodes().size());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void createdUpdatedAndDeletedObjectsReachTheState() throws Exception {
        api.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName("web")
                .addToAnnotations("kube-router.io/service.scheduler", "mh").endMetadata()
                .withNewSpec().withType("NodePort").withClusterIP("10.96.0.10").withClusterIPs("10.96.0.10")
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("web")).withNodePort(30080)
                .withProtocol("TCP").endPort().withSessionAffinity("ClientIP").withExternalTrafficPolicy("Local")
                .endSpec().build()).create();
        api.discovery().v1().endpointSlices().inNamespace("default").resource(new EndpointSliceBuilder()
                .withNewMetadata().withName("web-abc").addToLabels("kubernetes.io/service-name", "web").endMetadata()
                .withAddressType("IPv4").addNewPort().withName("http").withPort(8080).withProtocol("TCP").endPort()
                .addNewEndpoint().withAddresses("10.244.1.5").withNodeName("n1").withNewConditions()
                .withReady(false).withServing(true).withTerminating(true).endConditions().endEndpoint().build()).create();
        api.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("web-1")
                .addToLabels("app", "web").endMetadata().withNewSpec().withNodeName("n1").addNewContainer()
                .withName("c").addNewPort().withName("web").withContainerPort(8080).endPort().endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10.244.1.5").endStatus().build()).create();
        api.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("x").addToLabels("ns", "x")
                .endMetadata().build()).create();
        api.network().v1().networkPolicies().inNamespace("x").resource(new NetworkPolicyBuilder().withNewMetadata()
                .withName("deny").endMetadata().withNewSpec().withNewPodSelector().endPodSelector()
                .withPolicyTypes("Ingress").addNewIngress().addNewPort().withPort(new IntOrString(80)).withEndPort(90)
                .endPort().endIngress().endSpec().build()).create();

        ClusterSnapshot s = await(x -> x.networkPolicies().size() == 1 && x.pods().size() == 1
                && x.endpointSlices().size() == 1 && x.services().size() == 1 && x.namespaces().size() == 1);
        var svc = s.services().get(new ObjectKey("default", "web"));
        assertEquals(ServiceType.NODE_PORT, svc.type());
        assertEquals(List.of("10.96.0.10"), svc.clusterIPs());
        assertEquals(30080, svc.ports().get(0).nodePort());
        assertEquals("web", svc.ports().get(0).targetPort());
        assertEquals(10_800, svc.sessionAffinityTimeoutSeconds());
        assertEquals(TrafficPolicy.LOCAL, svc.externalTrafficPolicy());
        assertEquals("mh", svc.annotation("kube-router.io/service.scheduler"));
        var slice = s.slicesOf(svc.key()).get(0);
        assertFalse(slice.endpoints().get(0).ready());
        assertTrue(slice.endpoints().get(0).serving());
        var pod = s.pods().get(new ObjectKey("default", "web-1"));
        assertEquals(List.of("10.244.1.5"), pod.podIPs());
        assertEquals(Protocol.TCP, pod.containerPorts().get(0).protocol());
        var policy = s.networkPolicies().get(new ObjectKey("x", "deny"));
        assertEquals(LabelSelector.ALL, policy.podSelector());
        assertEquals("80", policy.ingress().get(0).ports().get(0).port());
        assertEquals(90, policy.ingress().get(0).ports().get(0).endPort());

        api.pods().inNamespace("default").withName("web-1").edit(p -> new PodBuilder(p).editMetadata()
                .addToLabels("app", "db").endMetadata().build());
        await(x -> Map.of("app", "db").equals(x.pods().get(new ObjectKey("default", "web-1")).labels()));

        api.services().inNamespace("default").withName("web").delete();
        assertNull(await(x -> x.services().isEmpty()).services().get(svc.key()));
    }

    private ClusterSnapshot await(Predicate<ClusterSnapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            ClusterSnapshot s = store.snapshot();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("condition not met within 10 s; state: " + store.counts());
    }
}
