package io.kuberouter.hairpin.it;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.hairpin.kernel.HairpinKernel;
import io.kuberouter.hairpin.sync.HairpinController;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.exec.netfilter.ExecIpsets;
import io.kuberouter.kernel.exec.netfilter.ExecIptables;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import io.kuberouter.kernel.harness.Kernel;
import io.kuberouter.kernel.harness.KernelTest;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.fixture.NetnsScheduler;
import io.kuberouter.kernel.netlink.fixture.PodServer;
import io.kuberouter.kernel.netlink.fixture.Probe;
import io.kuberouter.kernel.netlink.impl.NetlinkAddresses;
import io.kuberouter.kernel.netlink.impl.NetlinkConntrack;
import io.kuberouter.kernel.netlink.impl.NetlinkIpvs;
import io.kuberouter.kernel.netlink.impl.NetlinkLinks;
import io.kuberouter.kernel.netlink.impl.NetlinkRoutes;
import io.kuberouter.kernel.netlink.impl.ProcSysctls;
import io.kuberouter.kernel.netlink.impl.SetnsNetns;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.fixture.ServiceBuilder;
import io.kuberouter.proxy.fixture.SliceBuilder;
import io.kuberouter.proxy.ipvs.kernel.IpvsOwnership;
import io.kuberouter.proxy.ipvs.kernel.ProxyKernel;
import io.kuberouter.proxy.ipvs.kernel.ProxyOptions;
import io.kuberouter.proxy.ipvs.sync.KernelBindings;
import io.kuberouter.proxy.ipvs.sync.ProxyController;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import io.kuberouter.proxy.model.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hairpin against a real kernel with real traffic, in the UML guest (IPVS and dummy links exist only there): the
 * real proxy controller and the real hairpin controller of one node n1 (10.99.0.1, kube-bridge 10.244.1.1/24)
 * with pods a1 (.10) and a2 (.11). Service {@code self} (ClusterIP 10.96.0.30, only endpoint a1) is annotated
 * {@code kube-router.io/service.hairpin}; {@code plain} (10.96.0.31, only endpoint a1) is not; {@code other}
 * (10.96.0.32, only endpoint a2) is annotated too. a1's bridge port has {@code hairpin_mode} on (as the CNI's
 * {@code "hairpinMode": true} sets it), a2's is off (the kernel default). The node's sysfs is a sysfs mounted from
 * inside n1, as {@code /sys} is on a node.
 */
@KernelTest(requires = {Kernel.IPVS, Kernel.DUMMY})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HairpinGuestIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> PODS = Map.of("a1", "10.244.1.10", "a2", "10.244.1.11");
    private static final List<Netns> NAMESPACES = new ArrayList<>();
    private static final Map<String, Netns> POD_NS = new java.util.TreeMap<>();
    private static final List<PodServer> SERVERS = new ArrayList<>();
    private static Netns n1;
    private static Path sysfs;
    private static FakeClusterState cluster;
    private static ProxyController proxy;
    private static HairpinController hairpin;

    @BeforeAll
    static void up() throws Exception {
        n1 = namespace();
        NetlinkLinks links = new NetlinkLinks();
        NetlinkAddresses addresses = new NetlinkAddresses();
        Inside.run(n1, () -> {
            links.setUp("lo", true);
            links.add(new LinkSpec.Dummy("eth0", 0));
            addresses.add(Address.of("eth0", IpPrefix.parse("10.99.0.1/24")));
            links.setUp("eth0", true);
            links.add(new LinkSpec.Bridge("kube-bridge", 0));
            addresses.add(Address.of("kube-bridge", IpPrefix.parse("10.244.1.1/24")));
            links.setUp("kube-bridge", true);
            new ProcSysctls().set("net/ipv4/ip_forward", "1");
        });
        for (Map.Entry<String, String> pod : PODS.entrySet()) {
            Netns ns = namespace();
            POD_NS.put(pod.getKey(), ns);
            String port = "vp-" + pod.getKey();
            Inside.run(n1, () -> {
                links.add(new LinkSpec.Veth(port, 0, "eth0", Optional.of(Inside.ref(ns))));
                links.setMaster(port, Optional.of("kube-bridge"));
                links.setUp(port, true);
            });
            Inside.run(ns, () -> {
                links.setUp("lo", true);
                addresses.add(Address.of("eth0", IpPrefix.parse(pod.getValue() + "/24")));
                links.setUp("eth0", true);
                new NetlinkRoutes().add(Route.to(IpPrefix.any(AddressFamily.INET))
                        .via(IpPrefix.address("10.244.1.1")).build());
            });
            SERVERS.add(PodServer.onAllAddresses(ns, pod.getKey(), 80));
        }
        n1.ip("link", "set", "vp-a1", "type", "bridge_slave", "hairpin", "on");
        sysfs = Files.createTempDirectory("krt-sys-n1");
        new ProcessBuilder("nsenter", "--net=/run/netns/" + n1.name(), "mount", "-t", "sysfs", "sysfs",
                sysfs.toString()).inheritIO().start().waitFor();

        cluster = new FakeClusterState("n1");
        cluster.put(Nodes.node("n1", List.of("10.99.0.1"), List.of("10.244.1.0/24")), pod("a1"), pod("a2"),
                ServiceBuilder.service("shop", "self").clusterIp("10.96.0.30").port("http", TCP, 80)
                        .annotation("kube-router.io/service.hairpin", "").build(),
                slice("self", "a1"),
                ServiceBuilder.service("shop", "plain").clusterIp("10.96.0.31").port("http", TCP, 80).build(),
                slice("plain", "a1"),
                ServiceBuilder.service("shop", "other").clusterIp("10.96.0.32").port("http", TCP, 80)
                        .annotation("kube-router.io/service.hairpin", "true").build(),
                slice("other", "a2"));
        ExecIptables iptables = new ExecIptables(new SystemProcessRunner(), IptablesBackend.LEGACY,
                Duration.ofSeconds(60), 30);
        KernelBindings kernels = new KernelBindings();
        kernels.bindAll(new ProxyKernel(new NetlinkIpvs(), links, addresses, new NetlinkRoutes(),
                new NetlinkConntrack(), new ProcSysctls(), iptables,
                new ExecIpsets(new SystemProcessRunner(), Duration.ofSeconds(60))));
        Settings model = new Settings(Set.of(IpFamily.IPV4), List.of(IpPrefix.parse("10.96.0.0/12")), List.of(),
                List.of(), true, false);
        ProxyOptions options = new ProxyOptions(Set.of(IpFamily.IPV4), false, true, false, Duration.ofSeconds(30),
                IpvsOwnership.everything(List.of()), new IpvsTimeouts(0, 0, 0));
        proxy = new ProxyController(new ProxySettings(model, options, Duration.ofMinutes(5)), kernels,
                Clock.systemUTC(), new NetnsScheduler(Inside.ref(n1), "proxy"));
        proxy.bindCluster(cluster);
        proxy.start();
        hairpin = new HairpinController(new HairpinKernel(iptables, addresses, new SetnsNetns(), sysfs),
                Set.of(IpFamily.IPV4), false, Duration.ofMinutes(5), Clock.systemUTC(),
                new NetnsScheduler(Inside.ref(n1), "hairpin"));
        hairpin.start();
        hairpin.bindCluster(cluster);
        proxy.addExtension(hairpin);
        assertTrue(proxy.awaitApplied(cluster.revision(), WAIT), "proxy synced");
        assertTrue(eventually(() -> hairpin.appliedRevision() >= proxy.view().revision()), "hairpin synced");
    }

    @AfterAll
    static void down() throws Exception {
        if (hairpin != null) {
            hairpin.stop();
        }
        if (proxy != null) {
            proxy.stop();
        }
        if (sysfs != null) {
            new ProcessBuilder("umount", sysfs.toString()).inheritIO().start().waitFor();
        }
        for (PodServer server : SERVERS) {
            server.close();
        }
        NAMESPACES.forEach(Netns::close);
    }

    @Test
    @Order(1)
    void aPodReachesItsOwnServicesClusterIpAndIsAnsweredByItself() throws Exception {
        Netns a1 = POD_NS.get("a1");
        // "<pod that answered> <client address it saw> <address it answered on>": the hairpin SNAT made the
        // pod's own connection come from the VIP
        String answer = Probe.tcp(a1, "10.96.0.30", 80);
        String nat = n1.exec("iptables-save", "-c", "-t", "nat");
        System.out.println("[hairpin] a1 -> 10.96.0.30:80 answered: " + answer + "\n[hairpin] n1 nat table:\n" + nat);
        assertEquals("a1 10.96.0.30 10.244.1.10", answer);
        assertTrue(nat.contains("-A POSTROUTING -m ipvs --vdir ORIGINAL -j KUBE-ROUTER-HAIRPIN"), nat);
        assertTrue(nat.contains("-A KUBE-ROUTER-HAIRPIN -s 10.244.1.10/32 -d 10.244.1.10/32 -m ipvs --vaddr "
                + "10.96.0.30 --vport 80 -j SNAT --to-source 10.96.0.30"), nat);
        assertFalse(nat.contains("10.96.0.31"), "no rule for the Service without the annotation");
    }

    @Test
    @Order(2)
    void withoutTheAnnotationThePodsOwnConnectionThroughItsServiceIsNotAnswered() throws Exception {
        String answer = Probe.tcp(POD_NS.get("a1"), "10.96.0.31", 80);
        assertFalse(answer.startsWith("a1"), "a packet from its own address is a martian to the pod: " + answer);
    }

    @Test
    @Order(3)
    void aPodWhoseVethLacksHairpinModeIsReportedAndIndeedCannotReachItself() throws Exception {
        Netns a2 = POD_NS.get("a2");
        Probe.tcp(a2, "10.244.1.1", 1); // the bridge learns a pod's MAC address from its first frame
        proxy.requestFullSync();
        assertTrue(eventually(() -> !hairpin.lackingHairpinMode().isEmpty()), "checked");
        assertEquals(Map.of("shop/pod-10-244-1-11 (10.244.1.11)", "vp-a2"), hairpin.lackingHairpinMode());
        // with br_netfilter (bridge-nf-call-iptables=1, as on Kubernetes nodes) the reply, un-NATed at the bridge,
        // is bridged back out of the port it came in, which needs hairpin_mode
        String answer = Probe.tcp(a2, "10.96.0.32", 80);
        assertFalse(answer.startsWith("a2"), answer);
    }

    @Test
    @Order(4)
    void stoppingHairpinRemovesItsChainAndJumpOnly() throws Exception {
        proxy.removeExtension(hairpin);
        hairpin.stop();
        Inside.run(n1, hairpin::removeKernelState);
        String nat = n1.exec("iptables-save", "-t", "nat");
        assertFalse(nat.contains("KUBE-ROUTER-HAIRPIN"), nat);
        assertTrue(n1.exec("ipvsadm", "-Ln").contains("10.96.0.30:80"), "the proxy's services stay");
    }

    private static Netns namespace() {
        Netns ns = Netns.create();
        NAMESPACES.add(ns);
        return ns;
    }

    private static Pod pod(String name) {
        String ip = PODS.get(name);
        return new Pod(new ObjectKey("shop", "pod-" + ip.replace('.', '-')), "uid-" + name, Map.of(), "n1", false,
                "Running", List.of(ip), List.of(), List.of(), 3, false);
    }

    private static io.kuberouter.api.cluster.EndpointSlice slice(String service, String pod) {
        return SliceBuilder.slice("shop", service + "-1", service).port("http", TCP, 80).ready(PODS.get(pod), "n1")
                .build();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
