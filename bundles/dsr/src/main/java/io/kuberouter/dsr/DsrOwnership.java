package io.kuberouter.dsr;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.dsr.model.DsrMarks;
import io.kuberouter.dsr.model.PodTunnel;
import java.util.List;

/**
 * The kernel state DSR owns (behaviour inventory §3.6, §3.7): the marks 1..0x3FFF (its mangle MARK rules in
 * PREROUTING/OUTPUT and {@code fwmark} rules), routing tables 78 {@code kube-router-dsr} and 79
 * {@code external_ip} with their rules, the MSS clamp rules of its VIPs, and the {@code kube-tunnel-if} /
 * {@code kube-tunnel-v6} links inside endpoint pods. Its mangle rules live in built-in chains and are owned by
 * their exact shape. The fwmark IPVS services belong to the proxy, which programs them for DSR's claims.
 */
final class DsrOwnership {

    static final KernelOwnership OWNERSHIP = new KernelOwnership(List.of(), List.of(),
            List.of(PodTunnel.LINK_V4, PodTunnel.LINK_V6), List.of(), List.of(78, 79),
            List.of(new KernelOwnership.MarkRange(1, DsrMarks.MAX_MARK)));

    private DsrOwnership() {
    }
}
