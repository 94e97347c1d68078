package io.kuberouter.api.proxy;

import java.util.Objects;

/**
 * The kernel's view of one destination of a virtual server.
 *
 * @param address canonical text form of the destination address
 * @param port the destination port
 * @param weight the scheduling weight; 0 while a removed backend drains (graceful termination)
 * @param activeConnections established connections
 * @param inactiveConnections other connections (e.g. TIME_WAIT, UDP)
 */
public record DestinationStatistics(String address, int port, int weight, long activeConnections,
        long inactiveConnections, Traffic traffic) {

    public DestinationStatistics {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(traffic, "traffic");
    }

    /** {@code <ip>:<port>}, as {@link Backend#id()}. */
    public String id() {
        return address + ":" + port;
    }
}
