package io.kuberouter.hairpin;

import io.kuberouter.api.capability.KernelOwnership;
import java.util.List;

/**
 * The kernel state hairpin owns (behaviour inventory §3.6): chain {@code KUBE-ROUTER-HAIRPIN} of the nat table
 * (IPv4 and IPv6) and its jump from POSTROUTING.
 */
final class HairpinOwnership {

    static final KernelOwnership OWNERSHIP = new KernelOwnership(List.of("KUBE-ROUTER-HAIRPIN"), List.of(),
            List.of(), List.of(), List.of(), List.of());

    private HairpinOwnership() {
    }
}
