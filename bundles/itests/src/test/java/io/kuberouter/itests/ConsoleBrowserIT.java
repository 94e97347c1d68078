package io.kuberouter.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.firewall.FirewallView;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.BgpSpeakerFactory;
import io.kuberouter.bgp.speaker.LocalRoute;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Network policies page in a real browser (headless chromium driven by Selenium, see {@link ConsoleBrowser}), the
 * Services and BGP pages without their providers, and the {@code kr:services}, {@code kr:policies} and {@code kr:bgp}
 * commands, on an agent with the Web Console and the firewall capability, in a network namespace of its own (failsafe
 * starts this JVM through {@code src/test/netns/bin/java}), where:
 * <ul>
 *   <li>the firewall programs this namespace's iptables for the mock API's pods {@code lab/a1} and {@code lab/b1}
 *       and the policy {@code lab/allow-from-b};</li>
 *   <li>a BGP speaker from the bgp-speaker bundle (AS 64512, 127.0.0.1), registered as the router capability
 *       registers its own, holds a real session with gobgpd (AS 64513, 127.0.0.2), which announces two prefixes,
 *       and announces the node's pod CIDR to it;</li>
 *   <li>{@code kr:services} reads a {@link SampleProxyView}.</li>
 * </ul>
 * The Services and BGP pages with what a real node has (the nftables proxy backend, the router's iBGP sessions) are
 * checked in the browser by the lab's {@code ConsoleBrowserLabIT} (distribution module). The screenshot is written to
 * {@code target/console-screenshots}; docs/img holds a copy.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleBrowserIT {

    private static final String PASSWORD = "br0wser-test";
    private static final Duration UP = Duration.ofSeconds(90);
    private static final ObjectKey A1 = new ObjectKey("lab", "a1");
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private ServiceRegistration<ServiceProxyView> proxyRegistration;
    private ServiceRegistration<BgpSpeaker> speakerRegistration;

    @Inject
    private BundleContext context;

    @Inject
    private BgpSpeakerFactory speakers;

    @Inject
    private CommandProcessor shell;

    @Configuration
    public Option[] configuration() throws Exception {
        MockApi api = MockApi.start();
        try (KubernetesClient client = api.server().createClient()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("lab")
                    .addToLabels("kubernetes.io/metadata.name", "lab").endMetadata().build()).create();
            client.pods().inNamespace("lab").resource(pod("a1", "a", "10.244.1.10")).create();
            client.pods().inNamespace("lab").resource(pod("b1", "b", "10.244.1.11")).create();
            client.network().v1().networkPolicies().inNamespace("lab").resource(new NetworkPolicyBuilder()
                    .withNewMetadata().withName("allow-from-b").withNamespace("lab").endMetadata().withNewSpec()
                    .withNewPodSelector().addToMatchLabels("app", "a").endPodSelector().addToPolicyTypes("Ingress")
                    .addNewIngress().addNewFrom().withNewPodSelector().addToMatchLabels("app", "b").endPodSelector()
                    .endFrom().addNewPort().withProtocol("TCP").withPort(new IntOrString(8080)).endPort().endIngress()
                    .endSpec().build()).create();
        }
        int port = MockApi.freePort();
        List<Option> options = new ArrayList<>(List.of(
                // as the distribution's config.properties: netty's JFR events need the JDK's jdk.jfr.internal.*
                frameworkProperty("org.osgi.framework.bootdelegation").value("sun.nio.ch,jdk.jfr.internal.*"),
                systemProperty("itest.console").value("http://127.0.0.1:" + port),
                systemProperty("itest.screenshots").value(Path.of("target", "console-screenshots").toAbsolutePath()
                        .toString())));
        for (String netty : List.of("netty-common", "netty-buffer", "netty-resolver", "netty-transport",
                "netty-codec-base", "netty-transport-native-unix-common", "netty-transport-classes-epoll")) {
            options.add(mavenBundle("io.netty", netty).versionAsInProject().startLevel(3));
        }
        // the fragment with the epoll library (TCP MD5, TTL security) that the speaker needs
        options.add(mavenBundle("io.netty", "netty-transport-native-epoll").classifier("linux-x86_64")
                .versionAsInProject().startLevel(3).noStart());
        for (String ours : List.of("io.kuberouter.bgp.codec", "io.kuberouter.bgp.speaker")) {
            Path jar = Path.of(System.getProperty("itest.bundles"), ours + ".jar");
            options.add(bundle(jar.toUri().toString()).startLevel(4));
        }
        // the firewall programs iptables: only in a namespace of this JVM's own, never in the host's
        return AgentOptions.agent(options, "--master=" + api.url(), "--hostname-override=n1", "--health-port=0",
                "--metrics-port=" + MockApi.freePort(), "--webconsole-password=" + PASSWORD,
                "--webconsole-port=" + port, "--run-firewall=" + inOwnNetns());
    }

    /**
     * True when this JVM runs in another network namespace than the process that started it (Maven), as failsafe's
     * {@code console-browser} execution starts it. Elsewhere (e.g. {@code -Dit.test=} picks this class for the
     * default execution too) the tests are skipped and the firewall stays off.
     */
    static boolean inOwnNetns() {
        try {
            long parent = ProcessHandle.current().parent().orElseThrow().pid();
            return !Files.readSymbolicLink(Path.of("/proc/self/ns/net"))
                    .equals(Files.readSymbolicLink(Path.of("/proc", String.valueOf(parent), "ns", "net")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Before
    public void onlyInANamespaceOfItsOwn() {
        Assume.assumeTrue("needs a network namespace of its own: failsafe execution console-browser", inOwnNetns());
    }

    private static io.fabric8.kubernetes.api.model.Pod pod(String name, String app, String ip) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("lab").addToLabels("app", app)
                .endMetadata().withNewSpec().withNodeName("n1").addNewContainer().withName("server")
                .withImage("lab/pod-server").addNewPort().withContainerPort(8080).withProtocol("TCP").endPort()
                .endContainer().endSpec().withNewStatus().withPhase("Running").withPodIP(ip)
                .addNewPodIP(ip).withHostIP("10.0.0.1").endStatus().build();
    }

    /**
     * One test: pax-exam runs class-level hooks ({@code @BeforeClass}, {@code @AfterClass}) around each test method,
     * so everything is started and stopped here.
     */
    @Test
    public void thePoliciesPageAndTheCommandsShowThePoliciesSelectingEachPodTheServicesAndTheBgpSession()
            throws Exception {
        try {
            startEverything();
            pages();
            commands();
            withoutProxyAndSpeaker();
        } finally {
            for (int i = cleanup.size() - 1; i >= 0; i--) {
                cleanup.get(i).close();
            }
        }
    }

    private void pages() throws Exception {
        Path screenshots = Path.of(System.getProperty("itest.screenshots"));
        List<String> seen = browse(screenshots, "policies");

        assertTrue(String.join("\n", seen), seen.stream().anyMatch(l -> l.startsWith(
                "ROW policies lab/a1 | lab/allow-from-b ingress | IPV4 KUBE-POD-FW-")));
        assertTrue(String.join("\n", seen), seen.stream().anyMatch(l -> l.startsWith(
                "ROW policies lab/b1 | none selects it: all traffic allowed | IPV4 KUBE-POD-FW-")));
        assertTrue("policies", Files.size(screenshots.resolve("console-policies.png")) > 10_000);
    }

    private void commands() throws Exception {
        String services = (String) execute("kr:services");
        assertTrue(services, services.startsWith("proxy sample, revision 1, 2 virtual servers\n"
                + "lab/web port http: 10.96.0.10:80/TCP (CLUSTER_IP), rr, NAT\n"));
        String policies = (String) execute("kr:policies lab/a1");
        assertTrue(policies, policies.contains("lab/a1: lab/allow-from-b ingress\n  chain IPV4 KUBE-POD-FW-"));
        assertTrue(policies, !policies.contains("lab/b1"));
        String bgp = (String) execute("kr:bgp 10.244.3.0/24");
        assertTrue(bgp, bgp.startsWith("speaker AS 64512, router id 127.0.0.1, listening on 127.0.0.1 port 179\n"
                + "peer 127.0.0.2 AS 64513: ESTABLISHED, up "));
        assertTrue(bgp, bgp.contains("loc-rib: 3 best paths, 1 matching 10.244.3.0/24\n  10.244.3.0/24 via 127.0.0.2"));
    }

    /** The proxy and the speaker go away: the commands and pages say so (optional dynamic references). */
    private void withoutProxyAndSpeaker() throws Exception {
        proxyRegistration.unregister();
        speakerRegistration.unregister();
        assertEquals("no service proxy running\n", execute("kr:services"));
        assertEquals("no BGP speaker running\n", execute("kr:bgp"));
        List<String> seen = browse(Path.of(System.getProperty("itest.screenshots"), "absent"), "services=kube-services",
                "bgp");
        assertEquals(String.join("\n", seen), List.of(
                "ABSENT services no service proxy running (start the proxy feature, --run-service-proxy)",
                "ABSENT bgp no BGP speaker running (start the router feature, --run-router)"),
                seen.stream().filter(l -> l.startsWith("ABSENT ")).toList());
    }

    /** The sample proxy view, gobgpd and the speaker with its session, and the firewall's first sync. */
    private void startEverything() throws Exception {
        proxyRegistration = context.registerService(ServiceProxyView.class, new SampleProxyView(), null);
        cleanup.add(() -> unregister(proxyRegistration));
        Gobgp gobgp = Gobgp.start();
        cleanup.add(gobgp);
        BgpSpeaker speaker = speakers.start(SpeakerConfig.of(64512, (Inet4Address) InetAddress.getByName("127.0.0.1"),
                List.of(InetAddress.getByName("127.0.0.1"))));
        cleanup.add(speaker);
        speaker.addPeer(PeerConfig.builder(InetAddress.getByName("127.0.0.2"), 64513)
                .localAddress(InetAddress.getByName("127.0.0.1")).connectRetryTime(Duration.ofSeconds(1)).build());
        speaker.originate(LocalRoute.of(IpPrefix.parse("10.244.1.0/24"), InetAddress.getByName("127.0.0.1")));
        speakerRegistration = context.registerService(BgpSpeaker.class, speaker, null);
        cleanup.add(() -> unregister(speakerRegistration));
        await("the BGP session and gobgpd's routes", () -> speaker.peers().get(0).isEstablished()
                && speaker.localRibSize(AddressFamily.IPV4_UNICAST) == 3
                && speaker.peers().get(0).counters().prefixesAdvertised() == 1);
        ServiceTracker<FirewallView, FirewallView> firewall = new ServiceTracker<>(context, FirewallView.class, null);
        firewall.open();
        cleanup.add(firewall::close);
        await("the firewall's chains for lab/a1", () -> firewall.getService() != null
                && firewall.getService().pod(A1).map(p -> !p.policies().isEmpty()).orElse(false));
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // withoutProxyAndSpeaker() got there first
        }
    }

    private static List<String> browse(Path screenshots, String... pages) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // setpriv --pdeathsig: the browser goes with this JVM even if it dies without cleaning up
        List<String> command = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                ConsoleBrowser.class.getName(), System.getProperty("itest.console"), "admin", PASSWORD,
                screenshots.toString()));
        command.addAll(List.of(pages));
        Process browser = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(output, 0, browser.waitFor());
        return output.lines().filter(l -> l.startsWith("ROW ") || l.startsWith("ABSENT ") || l.startsWith("TITLE "))
                .toList();
    }

    private Object execute(String command) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            return session.execute(command);
        } finally {
            session.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + UP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** gobgpd (AS 64513, 127.0.0.2) peering with 127.0.0.1, announcing 10.244.2.0/24 and 10.244.3.0/24. */
    private record Gobgp(Process daemon, Path dir) implements AutoCloseable {

        static Gobgp start() throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("kr-gobgpd-");
            Path config = Files.writeString(dir.resolve("gobgpd.toml"), """
                    [global.config]
                      as = 64513
                      router-id = "127.0.0.2"
                      local-address-list = ["127.0.0.2"]
                    [[neighbors]]
                      [neighbors.config]
                        neighbor-address = "127.0.0.1"
                        peer-as = 64512
                      [neighbors.transport.config]
                        local-address = "127.0.0.2"
                      [neighbors.timers.config]
                        connect-retry = 1
                      [[neighbors.afi-safis]]
                        [neighbors.afi-safis.config]
                          afi-safi-name = "ipv4-unicast"
                    """);
            Process daemon = new ProcessBuilder("setpriv", "--pdeathsig", "KILL", "--", "gobgpd", "-f", config.toString(), "--api-hosts", "127.0.0.1:50051",
                    "--pprof-disable").redirectErrorStream(true).redirectOutput(dir.resolve("gobgpd.log").toFile())
                    .start();
            Gobgp gobgp = new Gobgp(daemon, dir);
            await("gobgpd's API", () -> gobgp.run("global") == 0);
            for (String prefix : List.of("10.244.2.0/24", "10.244.3.0/24")) {
                if (gobgp.run("global", "rib", "-a", "ipv4", "add", prefix, "nexthop", "127.0.0.2") != 0) {
                    throw new IllegalStateException("gobgp could not add " + prefix);
                }
            }
            return gobgp;
        }

        int run(String... args) {
            List<String> command = new ArrayList<>(List.of("gobgp"));
            command.addAll(List.of(args));
            try {
                return new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public void close() throws InterruptedException, IOException {
            daemon.destroy();
            daemon.waitFor();
            for (String file : List.of("gobgpd.toml", "gobgpd.log")) {
                Files.deleteIfExists(dir.resolve(file));
            }
            Files.delete(dir);
        }
    }
}
