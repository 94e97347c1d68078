package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.proxy.ipvs.plan.IpvsState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the IPVS table once per full round (one service dump, one destination dump per owned service, as
 * kube-router PR #253 settled on) and keeps only the services the proxy owns.
 */
final class IpvsInventory {

    private IpvsInventory() {
    }

    static Map<ServiceKey, IpvsState> read(Ipvs ipvs, IpvsOwnership ownership) throws KernelException {
        Map<ServiceKey, IpvsState> owned = new HashMap<>();
        for (ServiceStatus status : ipvs.services()) {
            ServiceKey key = status.service().key();
            if (!ownership.owns(key)) {
                continue;
            }
            try {
                List<DestinationStatus> destinations = ipvs.destinations(key);
                owned.put(key, new IpvsState(status.service(),
                        destinations.stream().map(DestinationStatus::destination).toList()));
            } catch (KernelException e) {
                if (!e.is(Errno.ESRCH)) {
                    throw e;
                }
            }
        }
        return owned;
    }
}
