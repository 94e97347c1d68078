package io.kuberouter.dsr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.dsr.model.DesiredDsr;
import io.kuberouter.dsr.model.DsrFrontend;
import io.kuberouter.dsr.model.PodTunnel;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.testing.FakeKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciler on kernel-testing's fakes: what it writes, that a second pass adopts, what removal leaves. */
class DsrReconcilerTest {

    private static final String VIP = "192.0.2.10";
    private final FakeKernel kernel = new FakeKernel();
    private DsrReconciler reconciler;
    private NetnsRef pod;

    @BeforeEach
    void node(@TempDir Path dir) throws Exception {
        Path runNetns = Files.createDirectories(dir.resolve("netns"));
        pod = kernel.addNetns(new NetnsRef(Files.createFile(runNetns.resolve("cni-a1")), ""));
        kernel.netns().call(pod, () -> {
            kernel.links().add(new LinkSpec.Dummy("eth0", 1500));
            kernel.addresses().add(Address.of("eth0", IpPrefix.parse("10.244.1.10/24")));
            return null;
        });
        kernel.links().add(new LinkSpec.Dummy("eth0", 9000));
        kernel.addresses().add(Address.of("eth0", IpPrefix.parse("10.99.0.1/24")));
        kernel.iptables().restore(AddressFamily.INET, "mangle",
                "*mangle\n-A PREROUTING -d 203.0.113.7/32 -j MARK --set-xmark 0x10000/0xffffffff\nCOMMIT\n", true);
        kernel.rules().add(Rule.fwmark(AddressFamily.INET, 100, 5, 100));
        DsrKernel dsr = new DsrKernel(kernel.iptables(), kernel.rules(), kernel.routes(), kernel.links(),
                kernel.addresses(), kernel.sysctls(), kernel.netns());
        reconciler = new DsrReconciler(dsr, Set.of(IpFamily.IPV4), runNetns,
                Files.createDirectories(dir.resolve("proc")));
    }

    @Test
    void programsMarksMssRulesTablesAndThePodTunnelThenAdoptsThemAndRemovesOnlyItsOwn() throws Exception {
        DesiredDsr desired = new DesiredDsr(List.of(new DsrFrontend(VIP, Protocol.TCP, 80, 0x3D9D)),
                Map.of("10.244.1.10", new PodTunnel(new ObjectKey("shop", "a1"), "10.244.1.10", Set.of(VIP))),
                List.of());

        reconciler.apply(desired, Map.of(IpFamily.IPV4, "10.99.0.1"));

        String mangle = kernel.iptables().save(AddressFamily.INET, "mangle");
        assertTrue(mangle.contains("-A PREROUTING -d 192.0.2.10/32 -p tcp -m tcp --dport 80 -j MARK --set-xmark "
                + "0x3d9d/0xffffffff"), mangle);
        assertTrue(mangle.contains("-A OUTPUT -d 192.0.2.10/32 -p tcp -m tcp --dport 80 -j MARK"), mangle);
        assertTrue(mangle.contains("--tcp-flags SYN,RST SYN -j TCPMSS --set-mss 8940"),
                "node MTU 9000 - 60: " + mangle);
        List<Rule> rules = kernel.rules().list(AddressFamily.INET);
        assertTrue(rules.contains(Rule.fwmark(AddressFamily.INET, 32764, 0x3D9D, 78)), rules.toString());
        assertTrue(rules.contains(Rule.all(AddressFamily.INET, 32765, 79)), rules.toString());
        assertEquals(1, kernel.routes().list(RouteFilter.table(AddressFamily.INET, 78)).size());
        List<Address> inPod = kernel.netns().call(pod, () -> kernel.addresses().list(PodTunnel.LINK_V4));
        assertEquals(List.of(IpPrefix.parse(VIP + "/32")), inPod.stream().map(Address::prefix).toList());
        assertEquals("ipip", kernel.netns().call(pod, () -> kernel.links().get(PodTunnel.LINK_V4)).orElseThrow()
                .kind());

        String before = mangle + rules + kernel.routes().list(RouteFilter.all(AddressFamily.INET));
        reconciler.apply(desired, Map.of(IpFamily.IPV4, "10.99.0.1"));
        assertEquals(before, kernel.iptables().save(AddressFamily.INET, "mangle") + kernel.rules().list(
                AddressFamily.INET) + kernel.routes().list(RouteFilter.all(AddressFamily.INET)), "adopted as is");

        reconciler.removeAll();

        mangle = kernel.iptables().save(AddressFamily.INET, "mangle");
        assertFalse(mangle.contains(VIP) || mangle.contains("TCPMSS"), mangle);
        assertTrue(mangle.contains("-d 203.0.113.7/32 -j MARK --set-xmark 0x10000/0xffffffff"), "foreign rule kept");
        rules = kernel.rules().list(AddressFamily.INET);
        assertTrue(rules.stream().noneMatch(r -> r.table() == 78 || r.table() == 79), rules.toString());
        assertTrue(rules.contains(Rule.fwmark(AddressFamily.INET, 100, 5, 100)), "foreign rule kept");
        assertEquals(List.of(), kernel.routes().list(RouteFilter.table(AddressFamily.INET, 78)));
        assertTrue(kernel.netns().call(pod, () -> kernel.links().get(PodTunnel.LINK_V4)).isEmpty());
        assertEquals(Set.of(), reconciler.configuredPods());
    }

    @Test
    void whileThePruneGateIsClosedAnEarlierProcesssMarksStayAndItsOwnGoneOnesGo() throws Exception {
        kernel.rules().add(Rule.fwmark(AddressFamily.INET, 32764, 0x0123, 78));
        boolean[] open = {false};
        reconciler.pruneWhen(() -> open[0]);
        DsrFrontend web = new DsrFrontend(VIP, Protocol.TCP, 80, 0x3D9D);
        DsrFrontend dns = new DsrFrontend(VIP, Protocol.UDP, 53, 0x0456);
        reconciler.apply(new DesiredDsr(List.of(web, dns), Map.of(), List.of()), Map.of());
        reconciler.apply(new DesiredDsr(List.of(web), Map.of(), List.of()), Map.of());

        List<Rule> rules = kernel.rules().list(AddressFamily.INET);
        assertTrue(rules.contains(Rule.fwmark(AddressFamily.INET, 32764, 0x0123, 78)), "earlier process's kept");
        assertFalse(rules.contains(Rule.fwmark(AddressFamily.INET, 32764, 0x0456, 78)), "its own gone one deleted");
        assertFalse(kernel.iptables().save(AddressFamily.INET, "mangle").contains("--dport 53"));

        open[0] = true;
        reconciler.apply(new DesiredDsr(List.of(web), Map.of(), List.of()), Map.of());
        assertFalse(kernel.rules().list(AddressFamily.INET).contains(Rule.fwmark(AddressFamily.INET, 32764, 0x0123,
                78)), "pruned once open");
    }
}
