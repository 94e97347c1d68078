package io.kuberouter.router;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.router.build.PodEgress;
import io.kuberouter.router.build.PodNetwork;
import io.kuberouter.router.build.RouteInjection;
import java.util.List;

/**
 * The kernel state the router owns (behaviour reference §5.1, §5.6): the {@code tun-*} overlay links and
 * {@code kube-bridge} (deleted on a final stop only when no pod is attached), routes of protocol 0x11 and table 77
 * (with its rules), the pod egress ipsets {@code kube-router-pod-subnets} and {@code kube-router-node-ips}; and,
 * by their exact shapes (rules in built-in chains have no owner prefix), its MASQUERADE rule in nat POSTROUTING and
 * its three FORWARD accept rules. Nothing else is changed or removed.
 */
final class RouterOwnership {

    static final KernelOwnership OWNERSHIP = new KernelOwnership(List.of(),
            List.of(PodEgress.POD_SUBNETS_SET, PodEgress.NODE_IPS_SET),
            List.of(RouteInjection.TUNNEL_PREFIX, PodNetwork.BRIDGE), List.of(RouteInjection.PROTOCOL),
            List.of(RouteInjection.TABLE), List.of());

    private RouterOwnership() {
    }
}
