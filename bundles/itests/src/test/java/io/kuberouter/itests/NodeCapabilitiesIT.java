package io.kuberouter.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.capabilities.FeatureManager;
import io.kuberouter.capabilities.FeatureStatus;
import io.kuberouter.capabilities.FeatureStatus.Enablement;
import io.kuberouter.capabilities.RemovalReport;
import io.kuberouter.itests.dsr.TestDsrCapability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Capabilities per node, live: the agent runs as node {@code n1} with {@code --node-capabilities} and
 * no {@code --run-*} flag; the mock API also has node {@code n2}. The feature {@code dsr} of this
 * distribution is a test-only descriptor naming a test-only capability bundle
 * ({@link TestDsrCapability}), which the feature manager installs from the distribution's bundle
 * folder. Every test leaves the node as it found it, and no bundle but the test capability's may
 * change state meanwhile.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeCapabilitiesIT {

    private static final String FEATURE = "dsr";
    private static final String TEST_BUNDLE_ID = "io.kuberouter.itests:" + TestDsrCapability.BUNDLE;

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 60_000)
    private ClusterState clusterState;

    @Inject
    private FeatureManager features;

    @Inject
    private CapabilityOwners owners;

    private final List<String> otherBundlesEvents = new CopyOnWriteArrayList<>();
    private final SynchronousBundleListener recorder = event -> {
        if (!TestDsrCapability.BUNDLE.equals(event.getBundle().getSymbolicName())) {
            otherBundlesEvents.add(event.getBundle().getSymbolicName() + " " + event.getType());
        }
    };

    @Configuration
    public Option[] configuration() throws Exception {
        MockApi api = MockApi.start();
        try (KubernetesClient client = api.server().createClient()) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("n2").endMetadata()
                    .withNewStatus().addNewAddress("10.0.0.2", "InternalIP").endStatus().build()).create();
        }
        Path distribution = Path.of(System.getProperty("itest.bundles")).resolveSibling("node-capabilities");
        return AgentOptions.agent(testFeatures(distribution.resolve("features")),
                testBundles(distribution.resolve("bundle")), List.of(systemProperty("itest.master").value(api.url())),
                "--master=" + api.url(), "--hostname-override=n1", "--health-port=0", "--run-service-proxy=false",
                "--run-firewall=false", "--run-router=false", "--node-capabilities");
    }

    /** The repository's descriptors, with a test-only {@code dsr} naming the test capability bundle. */
    private static Path testFeatures(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> real = Files.list(Path.of(System.getProperty("itest.features")))) {
            for (Path file : real.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(dir.resolve(FEATURE + ".json"), "{ \"name\": \"" + FEATURE + "\", \"description\": "
                + "\"test-only DSR capability\", \"bundles\": [ { \"id\": \"" + TEST_BUNDLE_ID + "\" } ] }");
        return dir;
    }

    /** The bundle folder with the test capability bundle, as the distribution names its jars. */
    private static Path testBundles(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (InputStream jar = TinyBundles.bundle().addClass(TestDsrCapability.class)
                .symbolicName(TestDsrCapability.BUNDLE).activator(TestDsrCapability.class)
                .setHeader("Bundle-Version", "1.0.0")
                .build(TinyBundles.bndBuilder())) {
            Files.copy(jar, dir.resolve(TestDsrCapability.BUNDLE + "-1.0.0.jar"), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    @Before
    public void recordOtherBundlesEvents() {
        context.addBundleListener(recorder);
    }

    @After
    public void stopRecording() {
        context.removeBundleListener(recorder);
    }

    @Test
    public void aNodeAnnotationTurnsTheFeatureOnAndOffForThisNodeOnly() throws Exception {
        try (KubernetesClient api = client()) {
            annotate(api, "n2", FEATURE);
            await(() -> FEATURE.equals(annotation("n2")), "the agent sees n2's annotation");
            Thread.sleep(1000);
            assertTrue("n2's annotation installed something on n1", testBundle().isEmpty());
            assertEquals(Enablement.NONE, status().enablement());

            annotate(api, "n1", " dsr, bogus ");
            await(() -> capability().isPresent() && active(testBundle()), "the dsr capability runs on n1");
            assertEquals(Enablement.NODE, status().enablement());
            assertEquals(FeatureStatus.State.RUNNING, status().state());

            annotate(api, "n1", null);
            await(() -> testBundle().isEmpty() && capability().isEmpty(), "dsr is stopped and uninstalled");
            assertEquals(FeatureStatus.State.NOT_INSTALLED, status().state());
            annotate(api, "n2", null);
        }
        assertEquals("bundles other than the capability's changed state", List.of(), otherBundlesEvents);
    }

    @Test
    public void anOperatorStartInstallsTheFeatureAndTheNodesNextChangeRemovesItOnceStopped() throws Exception {
        String started = features.start(FEATURE);
        assertTrue(started, started.endsWith("(1 bundle, 1 newly installed)"));
        await(() -> capability().isPresent() && active(testBundle()), "the dsr capability runs");
        assertEquals(Enablement.OPERATOR, status().enablement());

        features.stop(FEATURE);
        assertEquals(Bundle.RESOLVED, testBundle().orElseThrow().getState());
        assertTrue(capability().isEmpty());
        assertEquals(Enablement.NONE, status().enablement());

        try (KubernetesClient api = client()) {
            annotate(api, "n1", "");
            await(() -> testBundle().isEmpty(), "the node's next change uninstalls what nothing enables");
            annotate(api, "n1", null);
        }
        assertEquals("bundles other than the capability's changed state", List.of(), otherBundlesEvents);
    }

    @Test
    public void thePruneGateWaitsForEveryRunningOwnerAndOwnersNeverShareState() {
        KernelOwnership routes = new KernelOwnership(List.of("KUBE-ITEST-ROUTES-"), List.of(), List.of(), List.of(),
                List.of(77), List.of());
        CapabilityOwners.Owner router = owners.register("itest-router", routes);
        try {
            assertFalse(owners.mayPrune());
            assertEquals(Set.of("itest-router"), owners.pending());
            assertThrows(IllegalStateException.class, () -> owners.register("itest-other", routes));
            router.initialSyncDone();
            assertTrue(owners.mayPrune());
            assertTrue(owners.pruneGate().isOpen());
        } finally {
            router.close();
        }
    }

    @Test
    public void aRefusedRemovalIsReportedInTheRemovalReportPropertyUntilTheCapabilityRegistersAgain() {
        KernelOwnership nothing = new KernelOwnership(List.of("KUBE-ITEST-REMOVAL-"), List.of(), List.of(), List.of(),
                List.of(), List.of());
        CapabilityOwners.Owner owner = owners.register("itest-removal", nothing);
        owner.removalFailed("chains: iptables-restore refused");
        owner.close();
        ServiceReference<RemovalReport> report = context.getServiceReference(RemovalReport.class);
        assertTrue(List.of((String[]) report.getProperty(RemovalReport.FAILURES_PROPERTY))
                .contains("itest-removal: chains: iptables-restore refused"));
        assertEquals("chains: iptables-restore refused", context.getService(report).failures().get("itest-removal"));
        owners.register("itest-removal", nothing).close();
        assertFalse(List.of((String[]) report.getProperty(RemovalReport.FAILURES_PROPERTY)).stream()
                .anyMatch(f -> f.startsWith("itest-removal: ")));
        context.ungetService(report);
    }

    /** A client of the mock API built inside the framework, with the client bundle's loader as context loader. */
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

    private static void annotate(KubernetesClient api, String node, String value) {
        api.nodes().withName(node).edit(n -> value == null
                ? new NodeBuilder(n).editMetadata().removeFromAnnotations(FeatureManager.NODE_ANNOTATION).endMetadata()
                        .build()
                : new NodeBuilder(n).editMetadata().addToAnnotations(FeatureManager.NODE_ANNOTATION, value)
                        .endMetadata().build());
    }

    private String annotation(String node) {
        Node object = clusterState.snapshot().nodes().get(ObjectKey.cluster(node));
        return object == null ? null : object.annotations().get(FeatureManager.NODE_ANNOTATION);
    }

    private FeatureStatus status() throws IOException {
        return features.features().stream().filter(f -> f.name().equals(FEATURE)).findFirst().orElseThrow();
    }

    private Optional<Bundle> testBundle() {
        return Stream.of(context.getBundles()).filter(b -> TestDsrCapability.BUNDLE.equals(b.getSymbolicName()))
                .findFirst();
    }

    private static boolean active(Optional<Bundle> bundle) {
        return bundle.map(b -> b.getState() == Bundle.ACTIVE).orElse(false);
    }

    private Optional<Capability> capability() {
        try {
            return context.getServiceReferences(Capability.class, "(" + Capability.NAME_PROPERTY + "=" + FEATURE + ")")
                    .stream().findFirst().map(context::getService);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        fail(what + ": not within 30 s");
    }
}
