package io.kuberouter.dsr.it;

import io.kuberouter.kernel.netlink.fixture.NetnsLab;
import io.kuberouter.kernel.netlink.fixture.PodServer;
import java.util.Map;

/**
 * One node, its pods and a client on the node network, in a {@link NetnsLab}:
 *
 * <pre>
 *   client 10.99.0.9 ──┐                   route 192.0.2.0/24 (external IPs) via n1
 *   n1 10.99.0.1 ──────┴── br0 (fabric)    n1: kube-bridge 10.244.1.1/24: a1 .10, a2 .11
 * </pre>
 *
 * Each pod runs a {@link PodServer} on port 80 of every address (DSR does no port remapping).
 */
final class DsrLab {

    static final Map<String, String> PODS = Map.of("a1", "10.244.1.10", "a2", "10.244.1.11");

    private DsrLab() {
    }

    static NetnsLab up() throws Exception {
        return NetnsLab.build(lab -> {
            lab.host("n1", "10.99.0.1").host("client", "10.99.0.9").podBridge("n1", "10.244.1.1");
            for (Map.Entry<String, String> pod : PODS.entrySet()) {
                lab.pod("n1", pod.getKey(), pod.getValue(), "10.244.1.1")
                        .serve(PodServer.onAllAddresses(lab.ns(pod.getKey()), pod.getKey(), 80));
            }
            lab.route("client", "192.0.2.0/24", "10.99.0.1");
        });
    }
}
