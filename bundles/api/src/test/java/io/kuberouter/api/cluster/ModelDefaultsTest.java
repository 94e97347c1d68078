package io.kuberouter.api.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.NetworkPolicy.PolicyType;
import io.kuberouter.api.cluster.NetworkPolicy.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDefaultsTest {

    @Test
    void endpointConditionsFollowTheApiDocumentation() {
        Endpoint unknown = Endpoint.of(List.of("10.244.1.2"), null, null, null, "n1", null);
        assertTrue(unknown.ready());
        assertTrue(unknown.serving());
        assertFalse(unknown.terminating());
        Endpoint terminating = Endpoint.of(List.of("10.244.1.2"), false, true, true, "n1", null);
        assertFalse(terminating.ready());
        assertTrue(terminating.serving());
        assertTrue(terminating.terminating());
        assertFalse(Endpoint.of(List.of(), false, null, null, "", null).serving());
    }

    @Test
    void policyTypesDefaultAsTheApiDoes() {
        ObjectKey key = new ObjectKey("x", "p");
        Rule any = new Rule(List.of(), List.of());
        NetworkPolicy ingressOnly = new NetworkPolicy(key, LabelSelector.ALL, List.of(), List.of(any), List.of());
        assertTrue(ingressOnly.affectsIngress());
        assertFalse(ingressOnly.affectsEgress());
        NetworkPolicy withEgress = new NetworkPolicy(key, LabelSelector.ALL, List.of(), List.of(), List.of(any));
        assertTrue(withEgress.affectsIngress());
        assertTrue(withEgress.affectsEgress());
        NetworkPolicy egressListed = new NetworkPolicy(key, LabelSelector.ALL, List.of(PolicyType.EGRESS),
                List.of(), List.of());
        assertFalse(egressListed.affectsIngress());
        assertTrue(egressListed.affectsEgress());
    }

    @Test
    void enumsParseKubernetesSpellings() {
        assertEquals(Protocol.TCP, Protocol.parse(null));
        assertEquals(Protocol.SCTP, Protocol.parse("SCTP"));
        assertEquals(ServiceType.LOAD_BALANCER, ServiceType.parse("LoadBalancer"));
        assertEquals(TrafficPolicy.LOCAL, TrafficPolicy.parse("Local"));
        assertEquals(TrafficPolicy.CLUSTER, TrafficPolicy.parse(null));
        assertEquals(IpFamily.IPV6, IpFamily.of("fd00::/64"));
        assertEquals("ns/a", new ObjectKey("ns", "a").toString());
        assertEquals("n1", ObjectKey.cluster("n1").toString());
    }
}
