package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.ContainerPort;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.fixture.PolicyYaml;
import io.kuberouter.firewall.model.Chain;
import io.kuberouter.firewall.model.ChainKey;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.FamilyState;
import java.util.List;
import java.util.Map;

/**
 * The builder tests' cluster, node {@code n1} (192.0.2.10, pod CIDRs 10.1.0.0/24, fd00:1::/64): namespaces
 * x (ns=x) and y (ns=y); local pods x/a (10.1.0.1 + fd00:1::1, pod=a, port {@code http} 8080/TCP) and x/b
 * (10.1.0.2, pod=b, {@code http} 9090/TCP); remote pod y/a (10.2.0.1, pod=a); and pods the firewall ignores: x/h
 * (host network) and x/f (Succeeded).
 */
final class SmallCluster {

    static final String NODE = "n1";

    final FakeClusterState state = new FakeClusterState(NODE);

    SmallCluster() {
        state.put(ClusterObjects.node(NODE, "192.0.2.10", "10.1.0.0/24", "fd00:1::/64"),
                ClusterObjects.namespace("x", "ns=x"), ClusterObjects.namespace("y", "ns=y"),
                pod("x", "a", NODE, List.of("10.1.0.1", "fd00:1::1"), 8080),
                pod("x", "b", NODE, List.of("10.1.0.2"), 9090), pod("y", "a", "n2", List.of("10.2.0.1"), 8080),
                new Pod(new ObjectKey("x", "h"), "x-h", Map.of("pod", "a"), NODE, true, "Running",
                        List.of("192.0.2.1"), List.of("192.0.2.1"), List.of(), 30, false),
                new Pod(new ObjectKey("x", "f"), "x-f", Map.of("pod", "a"), NODE, false, "Succeeded",
                        List.of("10.1.0.9"), List.of("192.0.2.1"), List.of(), 30, false));
    }

    static Pod pod(String ns, String name, String node, List<String> ips, int httpPort) {
        return ClusterObjects.pod(ns, name, node, ips, List.of("pod=" + name),
                List.of(new ContainerPort("http", Protocol.TCP, httpPort)));
    }

    SmallCluster with(String policiesYaml) {
        PolicyYaml.parseAll(policiesYaml).forEach(state::put);
        return this;
    }

    DesiredState build(boolean defaultDeny) {
        return FirewallBuilder.build(state.snapshot(), settings(defaultDeny), null, "1");
    }

    DesiredState build() {
        return build(false);
    }

    static Settings settings(boolean defaultDeny) {
        return new Settings(List.of(IpFamily.IPV4, IpFamily.IPV6), List.of("10.96.0.0/12", "fd00:96::/112"),
                List.of("203.0.113.0/24"), List.of(), "30000-32767", defaultDeny);
    }

    /** The rules of a policy's chain ({@code kind} POLICY or POLICY_EGRESS) in a family. */
    static List<String> policyRules(DesiredState s, IpFamily family, String policy, ChainKey.Kind kind) {
        String[] p = policy.split("/");
        Chain c = s.family(family).versioned().get(new ChainKey(kind, p[0], p[1]));
        return c == null ? null : c.rules();
    }

    static List<String> podRules(DesiredState s, IpFamily family, String pod) {
        String[] p = pod.split("/");
        Chain c = s.family(family).versioned().get(new ChainKey(ChainKey.Kind.POD, p[0], p[1]));
        return c == null ? null : c.rules();
    }

    static List<String> fixed(DesiredState s, IpFamily family, String chain) {
        FamilyState f = s.family(family);
        return f.fixed().stream().filter(c -> c.name().equals(chain)).findFirst().orElseThrow().rules();
    }
}
