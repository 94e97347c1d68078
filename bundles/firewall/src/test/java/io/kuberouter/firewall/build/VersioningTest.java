package io.kuberouter.firewall.build;

import static io.kuberouter.api.cluster.IpFamily.IPV4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.model.ChainKey;
import io.kuberouter.firewall.model.DesiredState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chain versions across builds, and the build cache's equivalence with a build from scratch. */
class VersioningTest {

    private static final String POLICIES = """
            metadata: {name: p, namespace: x}
            spec: {podSelector: {matchLabels: {pod: a}}, ingress: [{from: [{podSelector: {matchLabels: {pod: b}}}]}]}
            ---
            metadata: {name: q, namespace: x}
            spec: {podSelector: {matchLabels: {pod: b}}, policyTypes: [Ingress]}
            """;

    @Test
    void aFullBuildNamesEveryChainAfterTheSyncVersion() {
        DesiredState s = new SmallCluster().with(POLICIES).build();
        assertEquals(Names.policyChain("xp", "1", IPV4), chain(s, ChainKey.Kind.POLICY, "x", "p"));
        assertEquals(Names.podChain("xa", "1"), chain(s, ChainKey.Kind.POD, "x", "a"));
    }

    @Test
    void unchangedChainsKeepTheirNameAndChangedOnesTakeTheNewVersionUpToTheTopLevelChains() {
        SmallCluster cluster = new SmallCluster().with(POLICIES);
        DesiredState first = FirewallBuilder.build(cluster.state.snapshot(), SmallCluster.settings(false), null, "1");
        cluster.with(POLICIES.replace("{pod: b}}}]}]}", "{pod: c}}}]}]}"));
        DesiredState second = FirewallBuilder.build(cluster.state.snapshot(), SmallCluster.settings(false), first, "2");
        assertEquals(Names.policyChain("xp", "2", IPV4), chain(second, ChainKey.Kind.POLICY, "x", "p"));
        assertEquals(Names.podChain("xa", "2"), chain(second, ChainKey.Kind.POD, "x", "a"), "jumps to p");
        assertEquals(chain(first, ChainKey.Kind.POLICY, "x", "q"), chain(second, ChainKey.Kind.POLICY, "x", "q"));
        assertEquals(chain(first, ChainKey.Kind.POD, "x", "b"), chain(second, ChainKey.Kind.POD, "x", "b"));
        assertNotEquals(SmallCluster.fixed(first, IPV4, Names.FORWARD_CHAIN),
                SmallCluster.fixed(second, IPV4, Names.FORWARD_CHAIN));
    }

    @Test
    void theCacheBuildsExactlyWhatABuildFromScratchBuilds() {
        SmallCluster cluster = new SmallCluster().with(POLICIES);
        BuildCache cache = new BuildCache();
        DesiredState previous = null;
        for (int i = 0; i < 4; i++) {
            switch (i) {
                case 1 -> cluster.state.put(ClusterObjects.relabel(cluster.state.snapshot().pods()
                        .get(new ObjectKey("x", "b")), "pod=a"));
                case 2 -> cluster.state.put(ClusterObjects.namespace("y", "ns=x"));
                case 3 -> cluster.with(POLICIES.replace("[Ingress]", "[Ingress, Egress]"));
                default -> { }
            }
            String version = String.valueOf(i);
            DesiredState cached = FirewallBuilder.build(cluster.state.snapshot(), SmallCluster.settings(true),
                    previous, version, cache);
            assertEquals(FirewallBuilder.build(cluster.state.snapshot(), SmallCluster.settings(true), previous,
                    version), cached, "build " + i);
            previous = cached;
        }
    }

    @Test
    void objectsWhoseNamespaceAndNameConcatenateAlikeGetDistinctNames() {
        SmallCluster cluster = new SmallCluster();
        cluster.state.put(ClusterObjects.namespace("xa", "ns=xa"));
        cluster.state.put(SmallCluster.pod("xa", "", SmallCluster.NODE, List.of("10.1.0.7"), 80));
        DesiredState s = cluster.build();
        assertNotEquals(chain(s, ChainKey.Kind.POD, "x", "a"), chain(s, ChainKey.Kind.POD, "xa", ""));
    }

    private static String chain(DesiredState s, ChainKey.Kind kind, String ns, String name) {
        return s.family(IPV4).versioned().get(new ChainKey(kind, ns, name)).name();
    }
}
