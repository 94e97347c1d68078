package io.kuberouter.firewall.build;

import static io.kuberouter.firewall.fixture.ClusterObjects.namespace;
import static io.kuberouter.firewall.fixture.ClusterObjects.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.fixture.PolicyYaml;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.IpSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Upstream's ipset fixture ({@code testdata/ipset_test_1}: two dual-stack {@code whoami} pods, policy
 * {@code default/debug} egress to them, policy {@code default/whoami} ingress from {@code debug-toolbox} pods, of
 * which there are none, and from {@code 10.95.0.239/32} on TCP 5000): the policy sets of its {@code ipset_save.txt},
 * names and entries (an ipBlock entry keeps its {@code /32}, which {@code ipset save} prints without).
 */
class UpstreamFixtureTest {

    @Test
    void buildsTheSetsOfUpstreamsFixture() {
        DesiredState state = FirewallBuilder.build(cluster().snapshot(), settings(), null, "1");
        assertEquals(Map.of(
                "KUBE-DST-IZ5JGF4W6BKI7CEV", "hash:ip [10.242.0.5, 10.242.1.4]",
                "KUBE-DST-P226T6HGLTLDGDLC", "hash:ip [10.242.0.5, 10.242.1.4]",
                "KUBE-SRC-C2EUPKL23CCP4COF", "hash:ip []",
                "KUBE-SRC-KLLOHJLFVAV654Z2", "hash:net [10.95.0.239/32]"), sets(state, IpFamily.IPV4));
        assertEquals(Map.of(
                "inet6:KUBE-DST-GZIEGRFLGG6BN3N7", "hash:ip [2001:db8:42:1000::5, 2001:db8:42:1001::4]",
                "inet6:KUBE-DST-KSECZGZUJPU4SKA3", "hash:ip [2001:db8:42:1000::5, 2001:db8:42:1001::4]",
                "inet6:KUBE-SRC-VY6KNKQ4BF6Y4J2K", "hash:ip []"), sets(state, IpFamily.IPV6));
    }

    private static Map<String, String> sets(DesiredState state, IpFamily family) {
        return state.family(family).ipsets().values().stream().collect(Collectors.toMap(IpSet::name,
                s -> s.spec().type() + " " + s.entries(), (a, b) -> a, TreeMap::new));
    }

    static FakeClusterState cluster() {
        FakeClusterState cluster = new FakeClusterState("kube-router-vm2");
        cluster.put(namespace("default"), node("kube-router-vm2", "10.241.0.21", "10.242.1.0/24",
                "2001:db8:42:1001::/64"), whoami("whoami-nflzk", "kube-router-vm2", "10.242.1.4",
                "2001:db8:42:1001::4"), whoami("whoami-s72mp", "kube-router-vm1", "10.242.0.5", "2001:db8:42:1000::5"));
        PolicyYaml.parseAll("""
                metadata: {name: debug, namespace: default}
                spec:
                  egress:
                  - to:
                    - podSelector: {matchLabels: {name: whoami}}
                  podSelector: {matchLabels: {name: debug-toolbox}}
                  policyTypes: [Egress]
                ---
                metadata: {name: whoami, namespace: default}
                spec:
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {name: debug-toolbox}}
                    - ipBlock: {cidr: 10.95.0.239/32}
                    ports:
                    - {port: 5000, protocol: TCP}
                  podSelector: {matchLabels: {name: whoami}}
                  policyTypes: [Ingress]
                """).forEach(cluster::put);
        return cluster;
    }

    static Settings settings() {
        return new Settings(List.of(IpFamily.IPV4, IpFamily.IPV6), List.of("10.96.0.0/12", "2001:db8:42:1::/112"),
                List.of(), List.of(), "30000-32767", false);
    }

    private static Pod whoami(String name, String node, String v4, String v6) {
        return ClusterObjects.pod("default", name, node, List.of(v4, v6), List.of("name=whoami"), List.of());
    }
}
