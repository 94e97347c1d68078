package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import java.util.List;

/**
 * Which IPVS virtual services the proxy may delete: as kube-router's {@code cleanupStaleIPVSConfig}, every
 * address-based one outside {@code --excluded-cidrs}, and the fwmark ones in kube-router's DSR mark range
 * (FNV-32a &amp; 0x3FFF, behaviour inventory §3.7), which the proxy programs for claimed frontends.
 */
public final class IpvsOwnership {

    /** The largest firewall mark of a DSR frontend. */
    public static final int MAX_DSR_MARK = 0x3FFF;

    private final List<IpPrefix> excluded;

    public IpvsOwnership(List<IpPrefix> excludedCidrs) {
        this.excluded = List.copyOf(excludedCidrs);
    }

    public boolean owns(ServiceKey key) {
        if (key instanceof ServiceKey.ByAddress byAddress) {
            return excluded.stream().noneMatch(cidr -> cidr.contains(byAddress.address()));
        }
        int mark = ((ServiceKey.ByFwmark) key).fwmark();
        return mark > 0 && mark <= MAX_DSR_MARK;
    }
}
