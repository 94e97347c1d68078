package io.kuberouter.router;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.router.build.PodEgress;
import io.kuberouter.router.build.RouteInjection;
import java.util.List;

/**
 * The kernel state the router owns (behaviour reference §5.1, §5.6): the {@code tun-*} overlay links, routes of
 * protocol 0x11 and table 77 (with its rules), the pod egress ipsets {@code kube-router-pod-subnets} and
 * {@code kube-router-node-ips}, and its MASQUERADE rule in nat POSTROUTING by its exact shape. Nothing else is
 * changed or removed.
 */
final class RouterOwnership {

    static final KernelOwnership OWNERSHIP = new KernelOwnership(List.of(),
            List.of(PodEgress.POD_SUBNETS_SET, PodEgress.NODE_IPS_SET),
            List.of(RouteInjection.TUNNEL_PREFIX), List.of(RouteInjection.PROTOCOL), List.of(RouteInjection.TABLE),
            List.of());

    private RouterOwnership() {
    }
}
