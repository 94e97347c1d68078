package io.kuberouter.router.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.AsPathPrepend;
import io.kuberouter.bgp.speaker.policy.Policy;
import io.kuberouter.bgp.speaker.policy.PrefixMatch;
import io.kuberouter.bgp.speaker.policy.PrefixSet;
import io.kuberouter.bgp.speaker.policy.RouteDisposition;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;
import io.kuberouter.bgp.speaker.policy.Statement;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyBuilderTest {

    private static final IpPrefix PODS = IpPrefix.parse("10.244.1.0/24");
    private static final IpPrefix VIP = IpPrefix.parse("10.96.0.10/32");
    private static final InetAddress NODE2 = NodeAnnotations.ip("10.99.0.2");
    private static final InetAddress ROUTER = NodeAnnotations.ip("10.99.0.254");

    private static PolicyInputs inputs(List<IpPrefix> vips, List<InetAddress> ibgp, List<InetAddress> external,
            boolean advertisePodCidr) {
        return new PolicyInputs(List.of(PODS), vips, ibgp, external, true, advertisePodCidr, false, Optional.empty(),
                List.of(), List.of(), false);
    }

    @Test
    void iBgpOnlyExportsPodCidrsToNodesAndRejectsTheRest() {
        RoutingPolicy policy = PolicyBuilder.build(inputs(List.of(VIP), List.of(NODE2), List.of(), true));

        assertEquals(RouteDisposition.REJECT, policy.exportAssignment().defaultAction());
        assertEquals(RouteDisposition.ACCEPT, policy.importAssignment().defaultAction());
        assertEquals(List.of("podcidrdefinedsetiBGPpeerset"), names(policy, PolicyBuilder.EXPORT_POLICY),
                "VIPs never go to iBGP peers and no external set exists");
        assertEquals(List.of("servicevipsdefinedsetallpeerset", "defaultroutedefinedsetallpeerset"),
                names(policy, PolicyBuilder.IMPORT_POLICY));
        assertEquals(List.of(PrefixMatch.exact(PODS)), set(policy, "podcidrdefinedset").prefixes());
    }

    @Test
    void externalPeersGetVipsAndPodCidrsWithTheNodeActions() {
        PolicyInputs in = new PolicyInputs(List.of(PODS), List.of(VIP), List.of(NODE2), List.of(ROUTER), true, true,
                true, Optional.of(new AsPathPrepend(65000, 2)), List.of(Community.NO_EXPORT),
                List.of(IpPrefix.parse("192.168.0.0/16")), false);

        RoutingPolicy policy = PolicyBuilder.build(in);

        assertEquals(List.of("podcidrdefinedsetiBGPpeerset", "servicevipsdefinedsetexternalpeerset",
                "podcidrdefinedsetexternalpeerset"), names(policy, PolicyBuilder.EXPORT_POLICY));
        Statement vips = statement(policy, PolicyBuilder.EXPORT_POLICY, "servicevipsdefinedsetexternalpeerset");
        assertTrue(vips.actions().nextHopSelf());
        assertEquals(Optional.of(new AsPathPrepend(65000, 2)), vips.actions().prepend());
        assertEquals(List.of(Community.NO_EXPORT), vips.actions().addCommunities());
        assertFalse(statement(policy, PolicyBuilder.EXPORT_POLICY, "podcidrdefinedsetiBGPpeerset").actions()
                .nextHopSelf(), "override-nexthop is not applied towards iBGP peers");
        assertEquals(List.of(PrefixMatch.orLonger(IpPrefix.parse("192.168.0.0/16"))),
                set(policy, "customimportrejectdefinedset").prefixes());
        assertTrue(names(policy, PolicyBuilder.IMPORT_POLICY).contains("customimportrejectdefinedsetallpeerset"));
    }

    @Test
    void podCidrsStayInsideWithoutAdvertisePodCidr() {
        RoutingPolicy policy = PolicyBuilder.build(inputs(List.of(), List.of(NODE2), List.of(ROUTER), false));

        assertEquals(List.of("podcidrdefinedsetiBGPpeerset"), names(policy, PolicyBuilder.EXPORT_POLICY),
                "no VIPs: the statement on the empty VIP set is left out");
    }

    @Test
    void ipv6SetsCarryTheV6Suffix() {
        IpPrefix pods6 = IpPrefix.parse("fd00:244:1::/64");
        PolicyInputs in = new PolicyInputs(List.of(PODS, pods6), List.of(), List.of(NODE2,
                NodeAnnotations.ip("fd99::2")), List.of(), true, true, false, Optional.empty(), List.of(), List.of(),
                false);

        RoutingPolicy policy = PolicyBuilder.build(in);

        assertTrue(names(policy, PolicyBuilder.EXPORT_POLICY).contains("podcidrdefinedsetv6iBGPpeersetv6"));
        assertEquals(List.of(PrefixMatch.exact(pods6)), set(policy, "podcidrdefinedsetv6").prefixes());
    }

    @Test
    void routeReflectorServerGetsNoPolicy() {
        PolicyInputs in = new PolicyInputs(List.of(PODS), List.of(VIP), List.of(NODE2), List.of(), true, true, false,
                Optional.empty(), List.of(), List.of(), true);

        assertSame(RoutingPolicy.ACCEPT_ALL, PolicyBuilder.build(in));
    }

    private static List<String> names(RoutingPolicy policy, String name) {
        return policy(policy, name).statements().stream().map(Statement::name).toList();
    }

    private static Statement statement(RoutingPolicy policy, String name, String statement) {
        return policy(policy, name).statements().stream().filter(s -> s.name().equals(statement)).findFirst()
                .orElseThrow();
    }

    private static Policy policy(RoutingPolicy policy, String name) {
        return policy.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static PrefixSet set(RoutingPolicy policy, String name) {
        return policy.prefixSets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
