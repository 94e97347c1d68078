package io.kuberouter.proxy.ipvs.plan;

import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import java.util.List;
import java.util.Objects;

/**
 * One IPVS virtual service with its destinations as the kernel has it (read back, or as the proxy last
 * wrote it); destinations being drained have weight 0.
 */
public record IpvsState(VirtualService service, List<Destination> destinations) {

    public IpvsState {
        Objects.requireNonNull(service, "service");
        destinations = List.copyOf(destinations);
    }
}
