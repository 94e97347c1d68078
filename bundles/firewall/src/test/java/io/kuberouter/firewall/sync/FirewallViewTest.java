package io.kuberouter.firewall.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.firewall.FirewallChain;
import io.kuberouter.api.firewall.FirewallView;
import io.kuberouter.api.firewall.PodFirewall;
import io.kuberouter.api.firewall.SelectingPolicy;
import io.kuberouter.firewall.FirewallOwnership;
import io.kuberouter.firewall.build.Settings;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.fixture.PolicyYaml;
import io.kuberouter.kernel.testing.FakeKernel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-pod view of what the controller last wrote: the selecting policies per direction and the chains. */
class FirewallViewTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectKey A = new ObjectKey("x", "a");
    private static final ObjectKey B = new ObjectKey("x", "b");

    private final FakeKernel kernel = new FakeKernel();
    private final FakeClusterState cluster = new FakeClusterState("n1");
    private final FirewallController controller = new FirewallController(new Settings(
            List.of(IpFamily.IPV4, IpFamily.IPV6), List.of("10.96.0.0/12", "fd00:96::/112"), List.of(), List.of(),
            "30000-32767", false), Duration.ofMillis(500), FirewallOwnership.OWNERSHIP, Clock.systemUTC());

    FirewallViewTest() {
        cluster.put(ClusterObjects.node("n1", "192.0.2.10", "10.1.0.0/24", "fd00::/64"), ClusterObjects.namespace("x"),
                ClusterObjects.pod("x", "a", "n1", List.of("10.1.0.1", "fd00::1"), List.of("pod=a"), List.of()),
                ClusterObjects.pod("x", "b", "n1", List.of("10.1.0.2"), List.of("pod=b"), List.of()),
                ClusterObjects.pod("x", "r", "n2", List.of("10.2.0.1"), List.of("pod=a"), List.of()));
        controller.bindIptables(kernel.iptables());
        controller.bindIpsets(kernel.ipsets());
        controller.bindCluster(cluster);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    @Test
    void isEmptyBeforeTheFirstSync() {
        FirewallView view = controller.view();
        assertEquals(0, view.revision());
        assertEquals(Map.of(), view.pods());
    }

    @Test
    void listsEachLocalPodWithThePoliciesSelectingItPerDirectionAndTheChains() throws InterruptedException {
        cluster.put(PolicyYaml.parse("metadata: {name: in, namespace: x}\nspec: {podSelector: {matchLabels: "
                + "{pod: a}}, policyTypes: [Ingress], ingress: [{from: [{podSelector: {}}]}]}"));
        cluster.put(PolicyYaml.parse("metadata: {name: both, namespace: x}\nspec: {podSelector: {}, "
                + "policyTypes: [Ingress, Egress], ingress: [{}], egress: [{}]}"));
        long revision = cluster.put(PolicyYaml.parse("metadata: {name: out, namespace: x}\nspec: {podSelector: "
                + "{matchLabels: {pod: b}}, policyTypes: [Egress]}"));
        controller.start();
        assertTrue(controller.awaitApplied(revision, WAIT));

        FirewallView view = controller.view();
        assertEquals(revision, view.revision());
        assertEquals(List.of(A, B), List.copyOf(view.pods().keySet()));

        PodFirewall a = view.pod(A).orElseThrow();
        assertEquals(List.of("x/both ingress", "x/both egress", "x/in ingress"), describe(a.policies()));
        List<FirewallChain> v4 = a.chains().stream().filter(c -> c.family() == IpFamily.IPV4).toList();
        assertTrue(v4.get(0).name().startsWith("KUBE-POD-FW-"), v4.get(0).name());
        assertEquals(1 + 3, v4.size());
        assertTrue(a.chains().stream().anyMatch(c -> c.family() == IpFamily.IPV6));
        assertTrue(v4.get(0).rules().stream().anyMatch(r -> r.contains("x/in policy")), v4.get(0).rules().toString());

        PodFirewall b = view.pod(B).orElseThrow();
        assertEquals(List.of("x/both ingress", "x/both egress", "x/out egress"), describe(b.policies()));
    }

    private static List<String> describe(List<SelectingPolicy> policies) {
        return policies.stream().map(p -> p.policy().namespace() + "/" + p.policy().name() + " " + p.direction())
                .toList();
    }
}
