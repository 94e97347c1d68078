package io.kuberouter.bgp.speaker.impl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.Actions;
import io.kuberouter.bgp.speaker.policy.AsPathPrepend;
import io.kuberouter.bgp.speaker.policy.Conditions;
import io.kuberouter.bgp.speaker.policy.MatchOption;
import io.kuberouter.bgp.speaker.policy.NeighborSet;
import io.kuberouter.bgp.speaker.policy.Policy;
import io.kuberouter.bgp.speaker.policy.PolicyAssignment;
import io.kuberouter.bgp.speaker.policy.PrefixMatch;
import io.kuberouter.bgp.speaker.policy.PrefixSet;
import io.kuberouter.bgp.speaker.policy.RouteDisposition;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;
import io.kuberouter.bgp.speaker.policy.SetMatch;
import io.kuberouter.bgp.speaker.policy.Statement;

/**
 * Policy evaluation, with the policies kube-router installs (kube-router-behaviour §5.5) as the
 * main table: export pod CIDRs to iBGP peers, VIPs and pod CIDRs to external peers with prepend
 * and communities, nothing else; import everything but VIPs, default routes and custom rejects.
 */
class PolicyEngineTest {

    private static final InetAddress NODE = address("10.0.0.2");
    private static final InetAddress EXTERNAL = address("192.0.2.1");
    private static final Actions EXTERNAL_ACTIONS = new Actions(RouteDisposition.ACCEPT,
            Optional.of(new AsPathPrepend(65000, 2)), true, List.of(new Community(65000, 100)));

    private static final RoutingPolicy KUBE_ROUTER = new RoutingPolicy(
            List.of(new PrefixSet("podcidrdefinedset", List.of(PrefixMatch.exact(IpPrefix.parse("10.244.1.0/24")))),
                    new PrefixSet("servicevipsdefinedset", List.of(PrefixMatch.exact(IpPrefix.parse("10.96.0.10/32")))),
                    new PrefixSet("defaultroutedefinedset", List.of(PrefixMatch.exact(IpPrefix.parse("0.0.0.0/0")))),
                    new PrefixSet("customimportrejectdefinedset",
                            List.of(PrefixMatch.orLonger(IpPrefix.parse("172.16.0.0/12"))))),
            List.of(new NeighborSet("iBGPpeerset", List.of(IpPrefix.parse("10.0.0.2/32"))),
                    new NeighborSet("externalpeerset", List.of(IpPrefix.parse("192.0.2.1/32"))),
                    new NeighborSet("allpeerset", List.of(IpPrefix.parse("10.0.0.2/32"), IpPrefix.parse("192.0.2.1/32")))),
            List.of(new Policy("kube_router_export1", List.of(
                    statement("podcidrdefinedset", "iBGPpeerset", Actions.ACCEPT),
                    statement("servicevipsdefinedset", "externalpeerset", EXTERNAL_ACTIONS),
                    statement("podcidrdefinedset", "externalpeerset", EXTERNAL_ACTIONS))),
                    new Policy("kube_router_import1", List.of(
                            statement("servicevipsdefinedset", "allpeerset", Actions.REJECT),
                            statement("defaultroutedefinedset", "allpeerset", Actions.REJECT),
                            statement("customimportrejectdefinedset", "allpeerset", Actions.REJECT)))),
            new PolicyAssignment(List.of("kube_router_import1"), RouteDisposition.ACCEPT),
            new PolicyAssignment(List.of("kube_router_export1"), RouteDisposition.REJECT));

    private final PolicyEngine engine = PolicyEngine.compile(KUBE_ROUTER);

    @Test
    void exportsPodCidrsToNodesButNotVips() {
        assertEquals(Verdict.ACCEPT, engine.exportVerdict(IpPrefix.parse("10.244.1.0/24"), NODE));
        assertFalse(engine.exportVerdict(IpPrefix.parse("10.96.0.10/32"), NODE).accepted());
        assertFalse(engine.exportVerdict(IpPrefix.parse("10.244.9.0/24"), NODE).accepted(), "default REJECT");
    }

    @Test
    void exportsVipsAndPodCidrsToExternalPeersWithTheirActions() {
        Verdict vip = engine.exportVerdict(IpPrefix.parse("10.96.0.10/32"), EXTERNAL);
        assertTrue(vip.modifies());
        assertEquals(List.of(EXTERNAL_ACTIONS), vip.modifications());
        assertEquals(vip, engine.exportVerdict(IpPrefix.parse("10.244.1.0/24"), EXTERNAL));
    }

    @Test
    void importRejectsVipsDefaultRoutesAndCustomRejectsOnly() {
        assertFalse(engine.importVerdict(IpPrefix.parse("10.96.0.10/32"), NODE).accepted());
        assertFalse(engine.importVerdict(IpPrefix.parse("0.0.0.0/0"), EXTERNAL).accepted());
        assertFalse(engine.importVerdict(IpPrefix.parse("172.16.5.0/24"), EXTERNAL).accepted(), "mask 12..32");
        assertEquals(Verdict.ACCEPT, engine.importVerdict(IpPrefix.parse("10.244.2.0/24"), NODE));
        assertEquals(Verdict.ACCEPT, engine.importVerdict(IpPrefix.parse("172.0.0.0/8"), NODE), "shorter than /12");
    }

    @Test
    void emptyOrUnknownSetsMatchNothingAndInvertMatchesEverything() {
        RoutingPolicy policy = new RoutingPolicy(List.of(new PrefixSet("empty", List.of())), List.of(),
                List.of(new Policy("p", List.of(statement("empty", null, Actions.ACCEPT),
                        new Statement("inverted", new Conditions(Optional.of(new SetMatch("unknown", MatchOption.INVERT)),
                                Optional.empty()), Actions.REJECT)))),
                PolicyAssignment.ACCEPT_ALL, new PolicyAssignment(List.of("p"), RouteDisposition.ACCEPT));
        assertFalse(PolicyEngine.compile(policy).exportVerdict(IpPrefix.parse("10.0.0.0/8"), NODE).accepted());
    }

    @Test
    void statementsWithoutDispositionGoOnWithTheirModifications() {
        Actions tag = new Actions(RouteDisposition.NONE, Optional.empty(), false, List.of(new Community(1, 1)));
        RoutingPolicy policy = new RoutingPolicy(List.of(), List.of(), List.of(new Policy("p",
                List.of(new Statement("tag", Conditions.ALWAYS, tag)))),
                PolicyAssignment.ACCEPT_ALL, new PolicyAssignment(List.of("p"), RouteDisposition.ACCEPT));
        Verdict verdict = PolicyEngine.compile(policy).exportVerdict(IpPrefix.parse("10.0.0.0/8"), NODE);
        assertEquals(new Verdict(true, List.of(tag)), verdict);
        assertTrue(PolicyEngine.ACCEPT_ALL.importsEverything());
        assertFalse(PolicyEngine.compile(policy).importVerdict(IpPrefix.parse("::/0"), NODE).modifies());
    }

    private static Statement statement(String prefixSet, String neighborSet, Actions actions) {
        return new Statement(prefixSet + neighborSet, new Conditions(Optional.of(SetMatch.any(prefixSet)),
                Optional.ofNullable(neighborSet).map(SetMatch::any)), actions);
    }

    private static InetAddress address(String literal) {
        return IpPrefix.parse(literal + "/32").address();
    }
}
