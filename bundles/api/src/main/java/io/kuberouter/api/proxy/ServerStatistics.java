package io.kuberouter.api.proxy;

import io.kuberouter.api.cluster.IpFamily;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The kernel's counters of one virtual server and its destinations, read when asked.
 *
 * @param key {@link #keyOf(VirtualServer)} of the virtual server
 * @param destinations every destination the kernel holds, draining ones (weight 0) included
 */
public record ServerStatistics(String key, Traffic traffic, List<DestinationStatistics> destinations) {

    public ServerStatistics {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(traffic, "traffic");
        destinations = List.copyOf(destinations);
    }

    /**
     * The key of a virtual server's statistics: {@link Frontend#id()}, or {@code fwmark-<mark>-<family>} when its
     * delivery matches packets by firewall mark (the kernel then knows no address and port).
     */
    public static String keyOf(VirtualServer server) {
        return server.delivery().fwmark() != 0 ? fwmarkKey(server.delivery().fwmark(), server.frontend().family())
                : server.frontend().id();
    }

    /** The key of the virtual server matching firewall mark {@code fwmark} in {@code family}. */
    public static String fwmarkKey(long fwmark, IpFamily family) {
        return "fwmark-" + fwmark + "-" + family.name().toLowerCase(Locale.ROOT);
    }
}
