package io.kuberouter.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.ObjectKey;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/**
 * The assembled runtime (features core + metrics) in Felix, planned from kube-router flags by the
 * launcher, against fabric8's mock API server in CRUD mode.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeIT {

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 60_000)
    private ClusterState clusterState;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] configuration() throws Exception {
        MockApi api = MockApi.start();
        int healthPort = MockApi.freePort();
        return AgentOptions.agent(List.of(
                systemProperty("itest.master").value(api.url()),
                systemProperty("itest.health.port").value(Integer.toString(healthPort))),
                "--master=" + api.url(), "--hostname-override=n1",
                "--health-port=" + healthPort, "--health-addr=127.0.0.1");
    }

    @Test
    public void everyBundleIsActiveAndNoComponentFailed() {
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            assertTrue(b.getSymbolicName() + " is in state " + b.getState(), fragment || b.getState() == Bundle.ACTIVE);
        }
        for (var description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                assertNull(description.name + " failed", c.failure);
            }
        }
    }

    @Test
    public void clusterStateFollowsCreateUpdateAndDeleteOnTheApi() throws Exception {
        assertEquals("n1", clusterState.localNodeName());
        try (KubernetesClient api = client()) {
            api.nodes().resource(new NodeBuilder().withNewMetadata().withName("n2").endMetadata()
                    .withNewStatus().addNewAddress("10.0.0.2", "InternalIP").endStatus().build()).create();
            api.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName("web")
                    .endMetadata().withNewSpec().withClusterIP("10.96.0.10").addNewPort().withPort(80).endPort()
                    .endSpec().build()).create();
            api.discovery().v1().endpointSlices().inNamespace("default").resource(new EndpointSliceBuilder()
                    .withNewMetadata().withName("web-1").addToLabels("kubernetes.io/service-name", "web").endMetadata()
                    .withAddressType("IPv4").addNewEndpoint().withAddresses("10.244.1.5").endEndpoint().build()).create();
            api.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("p")
                    .addToLabels("app", "web").endMetadata().withNewSpec().withNodeName("n1").endSpec().build()).create();
            ObjectKey web = new ObjectKey("default", "web");
            ObjectKey pod = new ObjectKey("default", "p");
            await(s -> s.nodes().containsKey(ObjectKey.cluster("n2")) && s.services().containsKey(web)
                    && s.slicesOf(web).size() == 1 && s.pods().containsKey(pod));

            api.services().inNamespace("default").withName("web").edit(x -> new ServiceBuilder(x).editSpec()
                    .editFirstPort().withPort(8080).endPort().endSpec().build());
            api.pods().inNamespace("default").withName("p").edit(x -> new PodBuilder(x).editMetadata()
                    .addToLabels("tier", "front").endMetadata().build());
            await(s -> s.services().get(web).ports().get(0).port() == 8080
                    && "front".equals(s.pods().get(pod).labels().get("tier")));

            api.services().inNamespace("default").withName("web").delete();
            api.discovery().v1().endpointSlices().inNamespace("default").withName("web-1").delete();
            api.pods().inNamespace("default").withName("p").delete();
            api.nodes().withName("n2").delete();
            await(s -> !s.services().containsKey(web) && s.slicesOf(web).isEmpty() && !s.pods().containsKey(pod)
                    && !s.nodes().containsKey(ObjectKey.cluster("n2")));
        }
    }

    @Test
    public void stoppingTheHealthBundleLeavesTheOthersRunning() throws Exception {
        Bundle health = bundle("io.kuberouter.health");
        assertEquals(200, healthz());
        health.stop();
        try {
            healthz();
            fail("/healthz still answers with its bundle stopped");
        } catch (ConnectException expected) {
            // the endpoint went away with its bundle
        }
        for (String other : List.of("io.kuberouter.api", "io.kuberouter.k8s", "io.kuberouter.reconcile")) {
            assertEquals(other, Bundle.ACTIVE, bundle(other).getState());
        }
        assertNotNull(context.getServiceReference(ClusterState.class));
        health.start();
        awaitHealthz();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private int healthz() throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + System.getProperty("itest.health.port") + "/healthz");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private void awaitHealthz() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (healthz() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the component is still activating
            }
            Thread.sleep(50);
        }
        fail("/healthz did not come back within 10 s after the bundle restarted");
    }

    private static KubernetesClient client() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(KubernetesClientBuilder.class.getClassLoader());
        try {
            return new KubernetesClientBuilder()
                    .withConfig(new ConfigBuilder().withMasterUrl(System.getProperty("itest.master")).build())
                    .withHttpClientFactory(new JdkHttpClientFactory()).build();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    private void await(Predicate<ClusterSnapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.test(clusterState.snapshot())) {
                return;
            }
            Thread.sleep(20);
        }
        fail("cluster state did not reach the expected content within 10 s: " + clusterState.snapshot());
    }
}
