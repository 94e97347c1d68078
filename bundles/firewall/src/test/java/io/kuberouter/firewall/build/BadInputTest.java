package io.kuberouter.firewall.build;

import static io.kuberouter.api.cluster.IpFamily.IPV4;
import static io.kuberouter.firewall.build.SmallCluster.policyRules;
import static io.kuberouter.firewall.model.ChainKey.Kind.POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.Problem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input the builder cannot use is reported and allows nothing, while the policy's other rules apply and the
 * policy still isolates its pods: the second rule of every row (ingress from y on TCP 443) is always built.
 */
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRules")
    void skipsTheBadPartOnly(String reason, String badRule, int rulesFromBadRule) {
        DesiredState s = new SmallCluster().with("metadata: {name: p, namespace: x}\nspec:\n"
                + "  podSelector: {matchLabels: {pod: a}}\n  ingress:\n  - " + badRule + "\n"
                + "  - {from: [{namespaceSelector: {matchLabels: {ns: y}}}], ports: [{port: 443}]}\n").build();
        List<Problem> problems = s.problems();
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(reason, problems.get(0).reason());
        assertTrue(problems.get(0).toString().startsWith("network policy x/p: ingress rule 0: "), problems::toString);
        List<String> rules = policyRules(s, IPV4, "x/p", POLICY);
        assertEquals(2 * rulesFromBadRule + 2, rules.size(), rules::toString);
        assertTrue(rules.get(rules.size() - 1).contains("--dport 443"), "the other rule applies");
    }

    static Stream<Arguments> badRules() {
        return Stream.of(
                Arguments.of(Problems.INVALID_CIDR, "{from: [{ipBlock: {cidr: 10.300.0.0/16}}]}", 0),
                Arguments.of(Problems.INVALID_CIDR, "{from: [{ipBlock: {cidr: 10.0.0.0}}]}", 0),
                Arguments.of(Problems.INVALID_CIDR, "{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [bogus]}}]}", 0),
                Arguments.of(Problems.INVALID_CIDR, "{from: [{ipBlock: {cidr: 10.0.0.0/8, except: ['fd00::/8']}}, "
                        + "{podSelector: {matchLabels: {pod: b}}}]}", 1),
                Arguments.of(Problems.UNRESOLVED_NAMED_PORT, "{ports: [{port: nosuchport}]}", 0),
                Arguments.of(Problems.UNRESOLVED_NAMED_PORT, "{ports: [{port: http, protocol: UDP}, {port: 80}]}", 1),
                Arguments.of(Problems.INVALID_PORT, "{ports: [{port: 70000}]}", 0),
                Arguments.of(Problems.INVALID_PORT, "{ports: [{port: Not_A_Port}]}", 0));
    }
}
