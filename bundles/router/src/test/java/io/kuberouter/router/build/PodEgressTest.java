package io.kuberouter.router.build;

import static io.kuberouter.router.build.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodEgressTest {

    @Test
    void everyNodesPodCidrAndAddressSortedIpv4Only() {
        PodEgress egress = PodEgress.of(List.of(node("n2", "10.99.0.2", "10.244.2.0/24", Map.of()),
                node("n1", "10.99.0.1", "10.244.1.0/24", Map.of(PodCidrs.POD_CIDRS, "10.244.9.0/24,fd00:9::/64"))),
                problem -> { });

        assertEquals(List.of("10.244.2.0/24", "10.244.9.0/24"), egress.podSubnets());
        assertEquals(List.of("10.99.0.1", "10.99.0.2"), egress.nodeIps());
    }

    @Test
    void ruleIsUpstreamsAsIptablesSavePrintsIt() {
        assertEquals("-A POSTROUTING -m set --match-set kube-router-pod-subnets src -m set ! --match-set "
                + "kube-router-pod-subnets dst -m set ! --match-set kube-router-node-ips dst -j MASQUERADE",
                PodEgress.RULE);
    }
}
