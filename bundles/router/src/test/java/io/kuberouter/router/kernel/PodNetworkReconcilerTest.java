package io.kuberouter.router.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.testing.FakeKernel;
import io.kuberouter.router.build.ForwardRules;
import io.kuberouter.router.build.PodNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodNetworkReconcilerTest {

    private static final String FOREIGN = "-A FORWARD -o eth0 -j ACCEPT";

    private final FakeKernel kernel = new FakeKernel();
    private final PodNetworkReconciler reconciler = new PodNetworkReconciler(kernel.addresses(), kernel.links(),
            kernel.iptables(), kernel.sysctls(), List.of(AddressFamily.INET));
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void node() throws Exception {
        kernel.links().add(new LinkSpec.Dummy("eth0", 9000));
        kernel.addresses().add(Address.of("eth0", IpPrefix.parse("10.99.0.1/24")));
        kernel.iptables().restore(AddressFamily.INET, "filter", "*filter\n:FORWARD ACCEPT [0:0]\n" + FOREIGN
                + "\nCOMMIT\n", true);
        kernel.sysctls().define("net/bridge/bridge-nf-call-iptables", "0");
    }

    @Test
    void createsTheBridgeWithTheNodeMtuAndTheRulesAndTurnsBridgeNetfilterOn() throws Exception {
        Link eth0 = reconciler.nodeInterface(List.of(IpPrefix.address("10.99.0.1"))).orElseThrow();

        reconciler.apply(PodNetwork.of(eth0.name(), eth0.mtu(), true), problems::add);

        Link bridge = kernel.links().get("kube-bridge").orElseThrow();
        assertEquals("bridge", bridge.kind());
        assertTrue(bridge.up());
        assertEquals(9000, bridge.mtu());
        List<String> inserted = ForwardRules.of("eth0");
        assertEquals(List.of(inserted.get(2), inserted.get(1), inserted.get(0)), forwardRules().subList(0, 3),
                "each inserted at position 1");
        assertTrue(forwardRules().contains(FOREIGN));
        assertEquals("1", kernel.sysctls().get("net/bridge/bridge-nf-call-iptables"));
        assertEquals(List.of(), problems);
    }

    @Test
    void anExistingBridgeGetsTheMtuAndASecondRoundChangesNothing() throws Exception {
        kernel.links().add(new LinkSpec.Bridge("kube-bridge", 1500));
        PodNetwork desired = PodNetwork.of("eth0", 9000, true);

        reconciler.apply(desired, problems::add);
        List<String> rules = forwardRules();
        reconciler.apply(desired, problems::add);

        assertEquals(9000, kernel.links().get("kube-bridge").orElseThrow().mtu());
        assertEquals(rules, forwardRules());
    }

    @Test
    void aMissingBridgeNetfilterKeyIsAProblemNotAFailure() throws Exception {
        kernel.faults().failAlways("sysctl", Errno.ENOENT);

        reconciler.apply(PodNetwork.of("eth0", 9000, false), problems::add);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("br_netfilter"), problems.get(0));
        assertEquals(1500, kernel.links().get("kube-bridge").orElseThrow().mtu(), "no auto-MTU: kernel default");
    }

    @Test
    void removalDeletesTheRulesAndTheBridgeWithoutPods() throws Exception {
        reconciler.apply(PodNetwork.of("eth0", 9000, true), problems::add);

        reconciler.remove();

        assertEquals(List.of(FOREIGN), forwardRules());
        assertEquals(Optional.empty(), kernel.links().get("kube-bridge"));
    }

    @Test
    void removalKeepsABridgeWithPodsAttached() throws Exception {
        reconciler.apply(PodNetwork.of("eth0", 9000, true), problems::add);
        kernel.links().add(new LinkSpec.Veth("veth1", 0, "eth1", Optional.empty()));
        kernel.links().setMaster("veth1", Optional.of("kube-bridge"));

        reconciler.remove();

        assertTrue(kernel.links().get("kube-bridge").isPresent());
        assertFalse(forwardRules().stream().anyMatch(ForwardRules::isOurs));
    }

    private List<String> forwardRules() throws Exception {
        return kernel.iptables().save(AddressFamily.INET, "filter").lines().filter(l -> l.startsWith("-A FORWARD"))
                .toList();
    }
}
