package io.kuberouter.firewall.build;

import static io.kuberouter.api.cluster.IpFamily.IPV4;
import static io.kuberouter.api.cluster.IpFamily.IPV6;
import static io.kuberouter.firewall.build.SmallCluster.podRules;
import static io.kuberouter.firewall.build.SmallCluster.policyRules;
import static io.kuberouter.firewall.model.ChainKey.Kind.POLICY;
import static io.kuberouter.firewall.model.ChainKey.Kind.POLICY_EGRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.IpSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One NetworkPolicy v1 feature per row, built on {@link SmallCluster}: the rules of the policy's chain and the
 * ipsets they use (upstream's shapes, behaviour inventory §4.3).
 */
class PolicyFeaturesTest {

    private static final String X_A_DST = Names.targetDestinationSet("xp", IPV4);
    private static final String MARK = " -j MARK --set-xmark 0x10000/0x10000";

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void buildsTheFeature(String feature, String spec, Consumer<DesiredState> check) {
        String yaml = "metadata: {name: p, namespace: x}\nspec:\n" + spec.stripIndent().indent(2);
        check.accept(new SmallCluster().with(yaml).build());
    }

    static Stream<Arguments> features() {
        return Stream.of(selectorRows(), ipBlockRows(), portRows(), directionRows()).flatMap(r -> r);
    }

    static Stream<Arguments> selectorRows() {
        return Stream.of(
                row("ingress from a pod selector", """
                        podSelector: {matchLabels: {pod: a}}
                        ingress: [{from: [{podSelector: {matchLabels: {pod: b}}}]}]
                        """, PolicyFeaturesTest::podSelectorPeer),
                row("ingress from a namespace selector", """
                        podSelector: {matchLabels: {pod: a}}
                        ingress: [{from: [{namespaceSelector: {matchLabels: {ns: y}}}]}]
                        """, s -> assertEquals(List.of("10.2.0.1"), entries(s, ingressPeers()))),
                row("both selectors in one peer select pods of matching namespaces (AND)", """
                        podSelector: {}
                        ingress:
                        - from: [{namespaceSelector: {matchLabels: {ns: x}}, podSelector: {matchLabels: {pod: b}}}]
                        """, s -> assertEquals(List.of("10.1.0.2"), entries(s, ingressPeers()))),
                row("matchExpressions; host-network and finished pods are never selected", """
                        podSelector: {matchExpressions: [{key: pod, operator: Exists}]}
                        ingress:
                        - from: [{podSelector: {matchExpressions: [{key: pod, operator: NotIn, values: [b]}]}}]
                        """, s -> {
                        assertEquals(List.of("10.1.0.1"), entries(s, ingressPeers()));
                        assertEquals(List.of("10.1.0.1", "10.1.0.2"), entries(s, X_A_DST));
                    }));
    }

    static Stream<Arguments> ipBlockRows() {
        return Stream.of(
                row("ipBlock with except is a hash:net set with nomatch entries, CIDRs masked", """
                        podSelector: {matchLabels: {pod: a}}
                        ingress: [{from: [{ipBlock: {cidr: 10.9.9.9/8, except: [10.2.0.0/16]}}]}]
                        """, PolicyFeaturesTest::ipBlockExcept),
                row("an ipBlock of /0 is split as upstream, per family", """
                        podSelector: {matchLabels: {pod: a}}
                        ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: '::/0'}}]}]
                        """, s -> {
                        assertEquals(List.of("0.0.0.0/1", "128.0.0.0/1"),
                                entries(s, Names.ingressIpBlockSet("xp", 0, IPV4)));
                        assertEquals(List.of("2000::/3", "fd00::/8"),
                                entries(s, Names.ingressIpBlockSet("xp", 0, IPV6)));
                    }));
    }

    static Stream<Arguments> portRows() {
        return Stream.of(
                row("numeric ports, protocols, endPort, endPort below the port, protocol only", """
                        podSelector: {matchLabels: {pod: a}}
                        ingress:
                        - ports: [{port: 53, protocol: UDP}, {port: 80, endPort: 90}, {port: 90, endPort: 80},
                                  {protocol: SCTP}]
                        """, s -> assertEquals(List.of("-p udp -m udp --dport 53", "-p tcp -m tcp --dport 80:90",
                                "-p tcp -m tcp --dport 90", "-p sctp"), ports(policyRules(s, IPV4, "x/p", POLICY)))),
                row("a named port resolves per pod: one rule and set per number", """
                        podSelector: {matchExpressions: [{key: pod, operator: In, values: [a, b]}]}
                        ingress: [{ports: [{port: http}]}]
                        """, PolicyFeaturesTest::namedPortPerPod),
                row("an empty rule allows every source and port", """
                        podSelector: {matchLabels: {pod: a}}
                        ingress: [{}]
                        """, s -> assertEquals("-m comment --comment \"x/p ingress any\" -m set --match-set " + X_A_DST
                                + " dst" + MARK, policyRules(s, IPV4, "x/p", POLICY).get(0))),
                row("egress to any destination on a named port matches the port number alone", """
                        podSelector: {matchLabels: {pod: b}}
                        policyTypes: [Egress]
                        egress: [{ports: [{port: http}]}]
                        """, s -> assertEquals("-m comment --comment \"x/p egress any np\" -m set --match-set "
                                + Names.targetSourceSet("xp", IPV4) + " src -p tcp -m tcp --dport 8080" + MARK,
                                policyRules(s, IPV4, "x/p", POLICY).get(0))));
    }

    static Stream<Arguments> directionRows() {
        return Stream.of(
                row("no ingress rules: the chain allows nothing and the pods have no default ingress", """
                        podSelector: {matchLabels: {pod: a}}
                        policyTypes: [Ingress]
                        """, PolicyFeaturesTest::denyIngress),
                row("egress rules without policyTypes: both directions, each its own chain, guarded jumps", """
                        podSelector: {matchLabels: {pod: a}}
                        egress: [{to: [{podSelector: {matchLabels: {pod: b}}}]}]
                        """, PolicyFeaturesTest::bothDirections),
                row("pods without policies, remote and ignored pods", "podSelector: {matchLabels: {pod: zz}}\n",
                        PolicyFeaturesTest::podsWithoutPolicies));
    }

    private static void podSelectorPeer(DesiredState s) {
        String match = "-m comment --comment \"x/p ingress pods\" -m set --match-set " + ingressPeers()
                + " src -m set --match-set " + X_A_DST + " dst";
        assertEquals(List.of(match + MARK, match + " -m mark --mark 0x10000/0x10000 -j RETURN"),
                policyRules(s, IPV4, "x/p", POLICY));
        assertEquals(List.of("10.1.0.2"), entries(s, ingressPeers()));
        assertEquals(List.of("10.1.0.1"), entries(s, X_A_DST));
    }

    private static void ipBlockExcept(DesiredState s) {
        IpSet set = s.family(IPV4).ipsets().get(Names.ingressIpBlockSet("xp", 0, IPV4));
        assertEquals("hash:net", set.spec().type());
        assertEquals(List.of("10.0.0.0/8", "10.2.0.0/16 nomatch"), List.copyOf(set.entries()));
        assertTrue(policyRules(s, IPV4, "x/p", POLICY).get(0).contains("\"x/p ingress cidr\""));
    }

    private static void namedPortPerPod(DesiredState s) {
        assertEquals(List.of("-p tcp -m tcp --dport 8080", "-p tcp -m tcp --dport 9090"),
                ports(policyRules(s, IPV4, "x/p", POLICY)));
        assertEquals(List.of("10.1.0.1"), entries(s, Names.namedPortSet("xp", "ingress", 0, 0, IPV4)));
        assertEquals(List.of("10.1.0.2"), entries(s, Names.namedPortSet("xp", "ingress", 0, 1, IPV4)));
        assertTrue(policyRules(s, IPV4, "x/p", POLICY).get(0).contains("\"x/p ingress any np\""));
    }

    private static void denyIngress(DesiredState s) {
        assertEquals(List.of(), policyRules(s, IPV4, "x/p", POLICY));
        List<String> pod = podRules(s, IPV4, "x/a");
        assertTrue(pod.stream().noneMatch(r -> r.contains("default ingress")));
        assertTrue(pod.stream().anyMatch(r -> r.contains("default egress")));
        assertTrue(pod.stream().anyMatch(r -> r.startsWith("-d 10.1.0.1 -m comment --comment \"x/p policy\"")));
    }

    private static void bothDirections(DesiredState s) {
        assertEquals(List.of(), policyRules(s, IPV4, "x/p", POLICY));
        String egress = Names.egressPeerPodSet("xp", 0, IPV4);
        assertTrue(policyRules(s, IPV4, "x/p", POLICY_EGRESS).get(0).contains("--match-set "
                + Names.targetSourceSet("xp", IPV4) + " src -m set --match-set " + egress + " dst"));
        List<String> pod = podRules(s, IPV4, "x/a");
        assertTrue(pod.stream().anyMatch(r -> r.startsWith("-d 10.1.0.1 -m comment --comment \"x/p policy\"")));
        assertTrue(pod.stream().anyMatch(r -> r.startsWith("-s 10.1.0.1 -m comment --comment \"x/p policy\"")));
    }

    private static void podsWithoutPolicies(DesiredState s) {
        assertTrue(podRules(s, IPV4, "x/b").stream().anyMatch(r -> r.contains("default ingress")));
        assertNull(podRules(s, IPV4, "y/a"), "remote");
        assertNull(podRules(s, IPV4, "x/h"), "host network");
        assertNull(podRules(s, IPV4, "x/f"), "finished");
        assertNull(podRules(s, IPV6, "x/b"), "no IPv6 address");
        assertTrue(podRules(s, IPV6, "x/a").stream().anyMatch(r -> r.contains("fd00:1::1")));
    }

    private static String ingressPeers() {
        return Names.ingressPeerPodSet("xp", 0, IPV4);
    }

    private static Arguments row(String feature, String spec, Consumer<DesiredState> check) {
        return Arguments.of(feature, spec, check);
    }

    static List<String> entries(DesiredState s, String set) {
        IpSet found = s.family(set.startsWith("inet6:") ? IPV6 : IPV4).ipsets().get(set);
        return found == null ? null : List.copyOf(found.entries());
    }

    /** The port part of each mark rule: from {@code -p} to the target. */
    private static List<String> ports(List<String> rules) {
        return rules.stream().filter(r -> r.endsWith(MARK) && r.contains(" -p "))
                .map(r -> r.substring(r.indexOf("-p "), r.length() - MARK.length())).toList();
    }
}
