package io.kuberouter.kernel.api.ipvs;

import java.util.Objects;

/** A listed virtual service with its counters. */
public record ServiceStatus(VirtualService service, IpvsStats stats) {

    public ServiceStatus {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(stats, "stats");
    }
}
