package io.kuberouter.proxy.ipvs;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.proxy.ipvs.kernel.ProxyNames;
import java.util.List;

/**
 * The kernel state the proxy owns (behaviour inventory §3.4, §3.6): the guard chain, its ipsets (with their
 * {@code inet6:} forms) and {@code kube-dummy-if}. IPVS virtual services have no field in
 * {@link KernelOwnership}; the proxy owns them as kube-router does (every address-based one outside
 * {@code --excluded-cidrs}, and the fwmark ones it programmed for DSR claims; see {@code IpvsOwnership}), and
 * its masquerade rules in nat POSTROUTING by their shape. Nothing else is ever changed or removed.
 */
final class ProxyOwnership {

    static final KernelOwnership OWNERSHIP = new KernelOwnership(
            List.of(ProxyNames.SERVICES_CHAIN),
            List.of(ProxyNames.SERVICE_IPS, ProxyNames.LOCAL_IPS, ProxyNames.INET6 + ProxyNames.SERVICE_IPS,
                    ProxyNames.INET6 + ProxyNames.LOCAL_IPS),
            List.of(ProxyNames.DUMMY_LINK), List.of(), List.of(), List.of());

    private ProxyOwnership() {
    }
}
