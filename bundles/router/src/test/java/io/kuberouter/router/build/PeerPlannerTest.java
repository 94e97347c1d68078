package io.kuberouter.router.build;

import static io.kuberouter.router.build.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.Node;
import io.kuberouter.bgp.speaker.PeerConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerPlannerTest {

    private final List<String> problems = new ArrayList<>();
    private final Node n1 = node("n1", "10.99.0.1", "10.244.1.0/24", Map.of());
    private final Node n2 = node("n2", "10.99.0.2", "10.244.2.0/24", Map.of());
    private final Node n3 = node("n3", "10.99.0.3", "10.244.3.0/24", Map.of());

    @Test
    void fullMeshPeersWithEveryOtherNodeUnderTheClusterAsn() {
        BgpPlan plan = plan(RouterSettings.defaults(), n1, List.of(n1, n2, n3), Map.of()).orElseThrow();

        assertEquals(64512, plan.asn());
        assertEquals("10.99.0.1", plan.routerId().getHostAddress());
        assertEquals(List.of(ip("10.99.0.2"), ip("10.99.0.3")),
                plan.ibgpPeers().stream().map(PeerConfig::address).toList());
        PeerConfig peer = plan.ibgpPeers().get(0);
        assertEquals(64512, peer.peerAsn());
        assertEquals(Optional.of(ip("10.99.0.1")), peer.localAddress());
        assertEquals(List.of(), plan.externalPeers());
    }

    @Test
    void withoutFullMeshOnlyNodesOfTheSameAsn() {
        Map<String, NodeBgp> bgp = new HashMap<>();
        bgp.put("n1", asn(64600));
        bgp.put("n2", asn(64600));
        bgp.put("n3", asn(64700));

        BgpPlan plan = plan(RouterSettings.defaults().withMesh(true, false, false), n1, List.of(n1, n2, n3), bgp)
                .orElseThrow();

        assertEquals(64600, plan.asn());
        assertEquals(List.of(ip("10.99.0.2")), plan.ibgpPeers().stream().map(PeerConfig::address).toList());
    }

    @Test
    void withoutFullMeshAndWithoutNodeAsnBgpDoesNotStart() {
        assertTrue(plan(RouterSettings.defaults().withMesh(true, false, false), n1, List.of(n1, n2), Map.of())
                .isEmpty());
        assertTrue(problems.get(0).contains(NodeAnnotations.NODE_ASN), problems.toString());
    }

    @Test
    void routeReflectorClientsPeerOnlyWithServers() {
        Map<String, NodeBgp> bgp = Map.of("n1", rr(null, "1"), "n2", rr("1", null), "n3", rr(null, "1"));

        BgpPlan client = plan(RouterSettings.defaults(), n1, List.of(n1, n2, n3), bgp).orElseThrow();
        BgpPlan server = plan(RouterSettings.defaults(), n2, List.of(n1, n2, n3), bgp).orElseThrow();

        assertEquals(List.of(ip("10.99.0.2")), client.ibgpPeers().stream().map(PeerConfig::address).toList());
        assertTrue(server.routeReflector());
        assertTrue(server.ibgpPeers().stream().allMatch(PeerConfig::routeReflectorClient));
        assertEquals("0.0.0.1", server.ibgpPeers().get(0).clusterId().orElseThrow().getHostAddress());
    }

    @Test
    void globalPeersWinOverAnnotatedOnes() {
        ExternalPeer global = new ExternalPeer(ip("10.99.0.254"), 64513, 179, Optional.of("pw"), Optional.empty());
        NodeBgp annotated = new NodeBgp(java.util.OptionalLong.empty(), Optional.empty(), Optional.empty(),
                List.of(new ExternalPeer(ip("10.0.0.9"), 65000, 179, Optional.empty(), Optional.empty())), List.of(),
                Optional.empty(), List.of(), List.of());
        RouterSettings settings = RouterSettings.defaults().withGlobalPeers(List.of(global));

        BgpPlan plan = plan(settings, n1, List.of(n1), Map.of("n1", annotated)).orElseThrow();

        assertEquals(1, plan.externalPeers().size());
        PeerConfig peer = plan.externalPeers().get(0);
        assertEquals(ip("10.99.0.254"), peer.address());
        assertEquals(Optional.of("pw"), peer.password());
        assertEquals(Duration.ofSeconds(90), peer.holdTime());
        assertEquals(List.of(ip("10.0.0.9")), plan(RouterSettings.defaults(), n1, List.of(n1),
                Map.of("n1", annotated)).orElseThrow().externalPeers().stream().map(PeerConfig::address).toList());
    }

    @Test
    void generatedRouterIdIsFnv32aOfThePrimaryIp() {
        RouterSettings settings = new RouterSettings(true, true, 0, "generate", 179, Duration.ofSeconds(90), false,
                List.of(), 0, false, false, false, false, true, true, false);

        BgpPlan plan = plan(settings, n1, List.of(n1), Map.of()).orElseThrow();

        int hash = 0x811C9DC5;
        for (char c : "10.99.0.1".toCharArray()) {
            hash = (hash ^ c) * 0x01000193;
        }
        assertEquals(hash, java.nio.ByteBuffer.wrap(plan.routerId().getAddress()).getInt());
    }

    private Optional<BgpPlan> plan(RouterSettings settings, Node local, List<Node> nodes, Map<String, NodeBgp> bgp) {
        return PeerPlanner.plan(local, nodes, bgp, settings, problems::add);
    }

    private static NodeBgp asn(long asn) {
        return new NodeBgp(java.util.OptionalLong.of(asn), Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), List.of(), List.of());
    }

    private static NodeBgp rr(String server, String client) {
        return new NodeBgp(java.util.OptionalLong.empty(), Optional.ofNullable(server), Optional.ofNullable(client),
                List.of(), List.of(), Optional.empty(), List.of(), List.of());
    }

    private static InetAddress ip(String text) {
        return NodeAnnotations.ip(text);
    }
}
