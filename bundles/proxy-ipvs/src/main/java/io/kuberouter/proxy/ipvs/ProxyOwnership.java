package io.kuberouter.proxy.ipvs;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.proxy.ipvs.kernel.IpvsOwnership;
import io.kuberouter.proxy.ipvs.kernel.ProxyNames;
import java.util.List;

/**
 * The kernel state the proxy owns (behaviour inventory §3.4, §3.6): the guard chain, its ipsets (with their
 * {@code inet6:} forms), {@code kube-dummy-if}, and the IPVS virtual services {@link IpvsOwnership} describes
 * (declared here by their address ranges; NodePort virtual services are claimed by port, which
 * {@link KernelOwnership} has no field for). The fwmark virtual services it programs for DSR's claims use DSR's
 * marks, which DSR declares; the proxy claims no mark. Its masquerade rules in nat POSTROUTING are owned by their
 * shape. Nothing else is ever changed or removed.
 */
final class ProxyOwnership {

    /** What the proxy owns apart from IPVS virtual services. */
    static final KernelOwnership OWNERSHIP = new KernelOwnership(
            List.of(ProxyNames.SERVICES_CHAIN),
            List.of(ProxyNames.SERVICE_IPS, ProxyNames.LOCAL_IPS, ProxyNames.INET6 + ProxyNames.SERVICE_IPS,
                    ProxyNames.INET6 + ProxyNames.LOCAL_IPS),
            List.of(ProxyNames.DUMMY_LINK), List.of(), List.of(), List.of());

    private ProxyOwnership() {
    }

    /** Everything the proxy owns, with the virtual-service ranges of {@code ipvs}. */
    static KernelOwnership of(IpvsOwnership ipvs) {
        return new KernelOwnership(OWNERSHIP.chainPrefixes(), OWNERSHIP.ipsetPrefixes(), OWNERSHIP.linkPrefixes(),
                OWNERSHIP.routeProtocols(), OWNERSHIP.routeTables(), OWNERSHIP.fwmarks(), ipvs.vipRanges());
    }
}
