package io.kuberouter.kernel.api.ipvs;

import java.util.Objects;

/**
 * A listed destination with its connection counts (what graceful termination waits on) and counters.
 *
 * @param activeConnections established connections
 * @param inactiveConnections other connections (e.g. TIME_WAIT, UDP)
 * @param persistentConnections persistence templates
 */
public record DestinationStatus(Destination destination, int activeConnections, int inactiveConnections,
        int persistentConnections, IpvsStats stats) {

    public DestinationStatus {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(stats, "stats");
    }
}
