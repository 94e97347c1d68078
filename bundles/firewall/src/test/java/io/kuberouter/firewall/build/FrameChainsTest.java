package io.kuberouter.firewall.build;

import static io.kuberouter.api.cluster.IpFamily.IPV4;
import static io.kuberouter.api.cluster.IpFamily.IPV6;
import static io.kuberouter.firewall.build.SmallCluster.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.firewall.model.DesiredState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixed chains and the jumps from the built-in chains (behaviour inventory §4.1, §4.4). */
class FrameChainsTest {

    private final DesiredState state = new SmallCluster().build();

    @Test
    void builtinChainsJumpToTheTopLevelChainsWithUpstreamsTaggedComment() {
        assertEquals(Map.of(
                "INPUT", "-m comment --comment \"kube-router netpol - 4IA2OSFRMVNDXBVV\" -j KUBE-ROUTER-INPUT",
                "FORWARD", "-m comment --comment \"kube-router netpol - "
                        + Names.ruleUuid("FORWARD", List.of("-m", "comment", "--comment", "kube-router netpol", "-j",
                                "KUBE-ROUTER-FORWARD")) + "\" -j KUBE-ROUTER-FORWARD",
                "OUTPUT", "-m comment --comment \"kube-router netpol - "
                        + Names.ruleUuid("OUTPUT", List.of("-m", "comment", "--comment", "kube-router netpol", "-j",
                                "KUBE-ROUTER-OUTPUT")) + "\" -j KUBE-ROUTER-OUTPUT"), state.family(IPV4).jumps());
    }

    @Test
    void inputReturnsServiceTrafficThenJumpsPerPodThenDecides() {
        List<String> input = fixed(state, IPV4, Names.INPUT_CHAIN);
        assertEquals("-m comment --comment \"allow traffic to primary/secondary cluster IP range - BVHX2PIHDXXEO43X\""
                + " -d 10.96.0.0/12 -j RETURN", input.get(0));
        assertTrue(input.get(1).startsWith("-p tcp -m comment --comment \"allow LOCAL TCP traffic to node ports - "));
        assertTrue(input.get(1).endsWith("-m addrtype --dst-type LOCAL -m multiport --dports 30000:32767 -j RETURN"));
        assertTrue(input.get(3).startsWith("-p sctp"));
        assertTrue(input.get(4).startsWith("-m comment --comment \"allow traffic to external IP range: 203.0.113"));
        assertTrue(input.get(5).startsWith("-s 10.1.0.1 -m comment --comment \"x/a out\" -j KUBE-POD-FW-"));
        assertEquals("-m comment --comment \"rule to explicitly ACCEPT traffic that comply to network policies\""
                + " -m mark --mark 0x20000/0x20000 -j ACCEPT", input.get(input.size() - 1));
        assertTrue(input.get(input.size() - 2).endsWith("-j KUBE-NWPLCY-TAIL"));
        assertTrue(fixed(state, IPV6, Names.INPUT_CHAIN).get(0).contains("-d fd00:96::/112"));
    }

    @Test
    void forwardAndOutputJumpPerLocalPodInBothDirections() {
        List<String> forward = fixed(state, IPV4, Names.FORWARD_CHAIN);
        assertEquals(2 * 4 + 2, forward.size(), "x/a and x/b");
        String bridged = "-m physdev --physdev-is-bridged ";
        assertTrue(forward.get(1).startsWith(bridged + "-d 10.1.0.1 -m comment --comment \"x/a in\""));
        assertTrue(forward.get(3).startsWith(bridged + "-s 10.1.0.1 -m comment --comment \"x/a out\""));
        assertEquals(2 * 2 + 2, fixed(state, IPV4, Names.OUTPUT_CHAIN).size());
        assertEquals(1 * 4 + 2, fixed(state, IPV6, Names.FORWARD_CHAIN).size(), "only x/a has an IPv6 address");
    }

    @Test
    void commonDefaultAndTailChains() {
        assertEquals(List.of("-j MARK -m comment --comment \"rule to mark traffic matching a network policy\" "
                + "--set-xmark 0x10000/0x10000"), fixed(state, IPV4, Names.DEFAULT_CHAIN));
        List<String> common = fixed(state, IPV6, Names.COMMON_CHAIN);
        assertTrue(common.get(0).endsWith("-m conntrack --ctstate INVALID -j DROP"));
        assertTrue(common.get(1).endsWith("-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"));
        assertEquals(2 + 6, common.size(), "six ICMPv6 types");
        assertEquals(List.of("-m comment --comment \"accept netpol-ok\" -m mark --mark 0x20000/0x20000 -j ACCEPT"),
                fixed(state, IPV4, Names.TAIL_CHAIN));
    }

    @Test
    void defaultDenyRejectsThePodCidrOutsideTheProgrammedPods() {
        DesiredState deny = new SmallCluster().build(true);
        List<String> tail = fixed(deny, IPV4, Names.TAIL_CHAIN);
        assertEquals(List.of(
                "-s 10.1.0.0/24 -m comment --comment \"reject unprogrammed local pod (default-deny)\" -m set ! "
                        + "--match-set kube-router-local-pods src -j REJECT",
                "-d 10.1.0.0/24 -m comment --comment \"reject unprogrammed local pod (default-deny)\" -m set ! "
                        + "--match-set kube-router-local-pods dst -j REJECT",
                "-m comment --comment \"accept netpol-ok\" -m mark --mark 0x20000/0x20000 -j ACCEPT",
                "-s 10.1.0.0/24 -m comment --comment \"reject pre-netpol (default-deny)\" -j REJECT",
                "-d 10.1.0.0/24 -m comment --comment \"reject pre-netpol (default-deny)\" -j REJECT"), tail);
        assertEquals(List.of("10.1.0.1", "10.1.0.2"), PolicyFeaturesTest.entries(deny, "kube-router-local-pods"));
        assertEquals(List.of("fd00:1::1"), PolicyFeaturesTest.entries(deny, "inet6:kube-router-local-pods"));
    }

    @Test
    void defaultDenyNeedsTheNodesPodCidrs() {
        SmallCluster cluster = new SmallCluster();
        cluster.state.put(new Node(ObjectKey.cluster(SmallCluster.NODE), Map.of(), Map.of(), List.of(), List.of()));
        assertThrows(IllegalStateException.class, () -> cluster.build(true));
        cluster.state.put(new Node(ObjectKey.cluster(SmallCluster.NODE), Map.of(),
                Map.of("kube-router.io/pod-cidrs", "10.1.0.0/24,fd00:1::/64"), List.of(), List.of()));
        assertTrue(fixed(cluster.build(true), IPV6, Names.TAIL_CHAIN).get(0).startsWith("-s fd00:1::/64"));
    }
}
